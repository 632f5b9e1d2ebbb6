/// GeoJSON features and feature collections (RFC 7946). Geometries must already be map-ready
/// (`MapGeometry.prepare`). Written by `GeoJSONWriter` rather than `JSONEncoder`, whose key
/// order is not stable on Linux: the same input gives the same bytes, members in a fixed order.
/// Each feature of a collection is written with its position (from 1) as its `id`, which GDAL
/// takes for the feature id: unique in the layer, as GeoPackage and QGIS need (the gazetteer id,
/// shared by every mention of a place, is the `place_id` property).
public struct GeoJSONFeature: Sendable {
    public var geometry: Geometry
    public var properties: GeoJSONProperties
    public var bbox: GeoJSONBoundingBox?

    public init(geometry: Geometry, properties: GeoJSONProperties) {
        self.geometry = geometry
        self.properties = properties
        bbox = GeoJSONBoundingBox(of: [geometry])
    }
}

public struct GeoJSONFeatureCollection: Sendable {
    /// The layer name GDAL and QGIS show.
    public var name: String?
    public var features: [GeoJSONFeature]

    public init(name: String? = nil, features: [GeoJSONFeature]) {
        self.name = name
        self.features = features
    }

    public var bbox: GeoJSONBoundingBox? { GeoJSONBoundingBox(of: features.map(\.geometry)) }

    /// The collection as UTF-8 JSON, one feature per line.
    public func encoded() -> [UInt8] {
        var writer = GeoJSONWriter()
        writer.write(self)
        return writer.json.bytes
    }

    /// What comes before the features of a collection named `name`, written feature by feature:
    /// then each feature after `\n` (the first) or `,\n`, then `footer`. The same bytes as
    /// `encoded()` of the whole collection.
    static func header(name: String, bbox: GeoJSONBoundingBox?) -> [UInt8] {
        var writer = GeoJSONWriter()
        writer.writeHeader(name: name, bbox: bbox)
        return writer.json.bytes
    }

    static let footer = Array("\n]}\n".utf8)
}

/// A feature's properties, in the order they were set (the column order QGIS shows).
public struct GeoJSONProperties: Sendable {
    public private(set) var fields: [(key: String, value: GeoJSONValue)] = []

    public init() {}

    public subscript(key: String) -> GeoJSONValue? {
        get { fields.first { $0.key == key }?.value }
        set {
            let index = fields.firstIndex { $0.key == key }
            switch (index, newValue) {
            case let (index?, value?): fields[index].value = value
            case let (index?, nil): fields.remove(at: index)
            case let (nil, value?): fields.append((key, value))
            case (nil, nil): break
            }
        }
    }
}

/// A property value of the kinds GDAL maps to field types every vector format has (no lists:
/// FlatGeobuf and Shapefile have no list type).
public enum GeoJSONValue: Sendable, Equatable {
    case string(String)
    case integer(Int64)
    /// Written with at most `places` decimals.
    case number(Double, places: Int)
    case bool(Bool)
    case null

    /// A string, or null when it is empty.
    public static func text(_ value: String) -> GeoJSONValue { value.isEmpty ? .null : .string(value) }
}

/// Writes GeoJSON objects into a byte buffer: coordinates with at most six decimals.
struct GeoJSONWriter {
    var json = JSONBytes(capacity: 1 << 16)

    mutating func write(_ collection: GeoJSONFeatureCollection) {
        writeHeader(name: collection.name, bbox: collection.bbox)
        for (k, feature) in collection.features.enumerated() {
            json.raw(k == 0 ? "\n" : ",\n")
            write(feature, id: k + 1)
        }
        json.raw("\n]}\n")
    }

    mutating func writeHeader(name: String?, bbox: GeoJSONBoundingBox?) {
        json.raw("{\"type\":\"FeatureCollection\"")
        if let name {
            json.raw(",\"name\":")
            json.string(name)
        }
        if let bbox {
            json.raw(",\"bbox\":")
            write(bbox)
        }
        json.raw(",\"features\":[")
    }

    /// Writes `feature` as the `id`-th of its collection.
    mutating func write(_ feature: GeoJSONFeature, id: Int) {
        json.raw("{\"type\":\"Feature\",\"id\":")
        json.integer(Int64(id))
        if let bbox = feature.bbox {
            json.raw(",\"bbox\":")
            write(bbox)
        }
        json.raw(",\"properties\":{")
        for (k, field) in feature.properties.fields.enumerated() {
            if k > 0 { json.raw(",") }
            json.string(field.key)
            json.raw(":")
            write(field.value)
        }
        json.raw("},\"geometry\":")
        write(feature.geometry)
        json.raw("}")
    }

    mutating func write(_ value: GeoJSONValue) {
        switch value {
        case .string(let text): json.string(text)
        case .integer(let number): json.integer(number)
        case .number(let number, let places): json.decimal(number, places: places)
        case .bool(let flag): json.raw(flag ? "true" : "false")
        case .null: json.raw("null")
        }
    }

    mutating func write(_ bbox: GeoJSONBoundingBox) {
        json.raw("[")
        coordinate(bbox.west); json.raw(",")
        coordinate(bbox.south); json.raw(",")
        coordinate(bbox.east); json.raw(",")
        coordinate(bbox.north)
        json.raw("]")
    }

    mutating func write(_ geometry: Geometry) {
        json.raw("{\"type\":")
        json.string(geometry.typeName)
        switch geometry {
        case .point(let point):
            json.raw(",\"coordinates\":")
            position(point)
        case .lineString(let line):
            json.raw(",\"coordinates\":")
            positions(line.points)
        case .polygon(let polygon):
            json.raw(",\"coordinates\":")
            rings(polygon)
        case .multiPoint(let multi):
            json.raw(",\"coordinates\":")
            positions(multi.points)
        case .multiLineString(let multi):
            json.raw(",\"coordinates\":[")
            for (k, line) in multi.lineStrings.enumerated() {
                if k > 0 { json.raw(",") }
                positions(line.points)
            }
            json.raw("]")
        case .multiPolygon(let multi):
            json.raw(",\"coordinates\":[")
            for (k, polygon) in multi.polygons.enumerated() {
                if k > 0 { json.raw(",") }
                rings(polygon)
            }
            json.raw("]")
        case .geometryCollection(let collection):
            json.raw(",\"geometries\":[")
            for (k, member) in collection.geometries.enumerated() {
                if k > 0 { json.raw(",") }
                write(member)
            }
            json.raw("]")
        }
        json.raw("}")
    }

    private mutating func rings(_ polygon: Polygon) {
        json.raw("[")
        if !polygon.isEmpty {
            for (k, ring) in polygon.rings.enumerated() {
                if k > 0 { json.raw(",") }
                positions(ring.points)
            }
        }
        json.raw("]")
    }

    private mutating func positions(_ points: [Point]) {
        json.raw("[")
        for (k, point) in points.enumerated() {
            if k > 0 { json.raw(",") }
            position(point)
        }
        json.raw("]")
    }

    private mutating func position(_ point: Point) {
        json.raw("[")
        coordinate(point.lon)
        json.raw(",")
        coordinate(point.lat)
        json.raw("]")
    }

    private mutating func coordinate(_ value: Double) {
        json.decimal(value, places: CoordinateRounding.decimals)
    }
}
