/// Any geometry, as a plain value. GEOS handles are made from it only inside an operation.
///
/// Not `indirect`: the only recursive case holds an array, which is already a heap reference,
/// so boxing every case would cost an allocation per value for nothing.
public enum Geometry: Hashable, Sendable {
    case point(Point)
    case lineString(LineString)
    case polygon(Polygon)
    case multiPoint(MultiPoint)
    case multiLineString(MultiLineString)
    case multiPolygon(MultiPolygon)
    case geometryCollection(GeometryCollection)

    public var isEmpty: Bool {
        switch self {
        case .point: return false
        case .lineString(let line): return line.isEmpty
        case .polygon(let polygon): return polygon.isEmpty
        case .multiPoint(let multi): return multi.isEmpty
        case .multiLineString(let multi): return multi.isEmpty
        case .multiPolygon(let multi): return multi.isEmpty
        case .geometryCollection(let collection): return collection.isEmpty
        }
    }

    /// The OGC type name, as used in WKT.
    public var typeName: String {
        switch self {
        case .point: return "Point"
        case .lineString: return "LineString"
        case .polygon: return "Polygon"
        case .multiPoint: return "MultiPoint"
        case .multiLineString: return "MultiLineString"
        case .multiPolygon: return "MultiPolygon"
        case .geometryCollection: return "GeometryCollection"
        }
    }

    /// Calls `body` with every vertex, in storage order.
    public func forEachPoint(_ body: (Point) throws -> Void) rethrows {
        switch self {
        case .point(let point):
            try body(point)
        case .lineString(let line):
            for point in line.points { try body(point) }
        case .polygon(let polygon):
            for ring in polygon.rings { for point in ring.points { try body(point) } }
        case .multiPoint(let multi):
            for point in multi.points { try body(point) }
        case .multiLineString(let multi):
            for line in multi.lineStrings { for point in line.points { try body(point) } }
        case .multiPolygon(let multi):
            for polygon in multi.polygons {
                for ring in polygon.rings { for point in ring.points { try body(point) } }
            }
        case .geometryCollection(let collection):
            for member in collection.geometries { try member.forEachPoint(body) }
        }
    }
}

/// Anything that can stand for a `Geometry`; every operation accepts it.
public protocol GeometryConvertible: Sendable {
    var geometry: Geometry { get }
}

extension Geometry: GeometryConvertible {
    public var geometry: Geometry { self }
}

extension Point: GeometryConvertible {
    public var geometry: Geometry { .point(self) }
}

extension LineString: GeometryConvertible {
    public var geometry: Geometry { .lineString(self) }
}

extension Polygon: GeometryConvertible {
    public var geometry: Geometry { .polygon(self) }
}

extension MultiPoint: GeometryConvertible {
    public var geometry: Geometry { .multiPoint(self) }
}

extension MultiLineString: GeometryConvertible {
    public var geometry: Geometry { .multiLineString(self) }
}

extension MultiPolygon: GeometryConvertible {
    public var geometry: Geometry { .multiPolygon(self) }
}

extension GeometryCollection: GeometryConvertible {
    public var geometry: Geometry { .geometryCollection(self) }
}
