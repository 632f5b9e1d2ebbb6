/// GeoJSON geometry objects (RFC 7946) through `Codable`: `{"type": "Polygon", "coordinates": [...]}`.
/// Positions keep longitude and latitude; an altitude is read and dropped. Invalid input throws a
/// `DecodingError` whose description says what is wrong.
extension Geometry: Codable {
    private enum CodingKeys: String, CodingKey {
        case type
        case coordinates
        case geometries
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        func invalid(_ reason: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: .coordinates, in: container, debugDescription: "\(type): \(reason)")
        }
        func line(_ positions: [GeoJSONPosition]) throws -> LineString {
            do { return try LineString(points: positions.map(\.point)) } catch let error as GeometryError {
                throw invalid(error.description)
            }
        }
        func polygon(_ rings: [[GeoJSONPosition]]) throws -> Polygon {
            do {
                let linearRings = try rings.map { try LinearRing(points: $0.map(\.point)) }
                guard let exterior = linearRings.first else { return .empty }
                return try Polygon(exterior: exterior, holes: Array(linearRings.dropFirst()))
            } catch let error as GeometryError {
                throw invalid(error.description)
            }
        }
        switch type {
        case "Point":
            self = .point(try container.decode(GeoJSONPosition.self, forKey: .coordinates).point)
        case "LineString":
            self = .lineString(try line(container.decode([GeoJSONPosition].self, forKey: .coordinates)))
        case "Polygon":
            self = .polygon(try polygon(container.decode([[GeoJSONPosition]].self, forKey: .coordinates)))
        case "MultiPoint":
            self = .multiPoint(MultiPoint(points: try container.decode([GeoJSONPosition].self, forKey: .coordinates).map(\.point)))
        case "MultiLineString":
            let lines = try container.decode([[GeoJSONPosition]].self, forKey: .coordinates)
            self = .multiLineString(MultiLineString(lineStrings: try lines.map(line)))
        case "MultiPolygon":
            let polygons = try container.decode([[[GeoJSONPosition]]].self, forKey: .coordinates)
            self = .multiPolygon(MultiPolygon(polygons: try polygons.map(polygon)))
        case "GeometryCollection":
            self = .geometryCollection(GeometryCollection(geometries: try container.decode([Geometry].self, forKey: .geometries)))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "unknown GeoJSON geometry type '\(type)' (expected Point, LineString, Polygon, "
                    + "MultiPoint, MultiLineString, MultiPolygon or GeometryCollection)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        func positions(_ points: [Point]) -> [GeoJSONPosition] { points.map(GeoJSONPosition.init) }
        func rings(_ polygon: Polygon) -> [[GeoJSONPosition]] {
            polygon.isEmpty ? [] : polygon.rings.map { positions($0.points) }
        }
        switch self {
        case .point(let point):
            try container.encode(GeoJSONPosition(point), forKey: .coordinates)
        case .lineString(let line):
            try container.encode(positions(line.points), forKey: .coordinates)
        case .polygon(let polygon):
            try container.encode(rings(polygon), forKey: .coordinates)
        case .multiPoint(let multi):
            try container.encode(positions(multi.points), forKey: .coordinates)
        case .multiLineString(let multi):
            try container.encode(multi.lineStrings.map { positions($0.points) }, forKey: .coordinates)
        case .multiPolygon(let multi):
            try container.encode(multi.polygons.map(rings), forKey: .coordinates)
        case .geometryCollection(let collection):
            try container.encode(collection.geometries, forKey: .geometries)
        }
    }
}

/// One GeoJSON position, `[longitude, latitude]` with any further numbers ignored.
struct GeoJSONPosition: Codable {
    let point: Point

    init(_ point: Point) {
        self.point = point
    }

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        guard (container.count ?? 0) >= 2 else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a GeoJSON position needs at least two numbers, [longitude, latitude]"))
        }
        let lon = try container.decode(Double.self)
        let lat = try container.decode(Double.self)
        while !container.isAtEnd { _ = try container.decode(Double.self) }
        guard lon.isFinite && lat.isFinite else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "coordinates must be finite numbers"))
        }
        point = Point(lon: lon, lat: lat)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(point.lon)
        try container.encode(point.lat)
    }
}

/// Each concrete type codes as its own GeoJSON geometry object and rejects any other type.
private func decodeGeometry<Value>(
    _ decoder: any Decoder, expecting name: String, _ extract: (Geometry) -> Value?
) throws -> Value {
    let geometry = try Geometry(from: decoder)
    guard let value = extract(geometry) else {
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath, debugDescription: "expected a GeoJSON \(name), got \(geometry.typeName)"))
    }
    return value
}

extension Point: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeometry(decoder, expecting: "Point") { if case .point(let value) = $0 { value } else { nil } }
    }

    public func encode(to encoder: any Encoder) throws { try geometry.encode(to: encoder) }
}

extension LineString: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeometry(decoder, expecting: "LineString") { if case .lineString(let value) = $0 { value } else { nil } }
    }

    public func encode(to encoder: any Encoder) throws { try geometry.encode(to: encoder) }
}

extension Polygon: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeometry(decoder, expecting: "Polygon") { if case .polygon(let value) = $0 { value } else { nil } }
    }

    public func encode(to encoder: any Encoder) throws { try geometry.encode(to: encoder) }
}

extension MultiPoint: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeometry(decoder, expecting: "MultiPoint") { if case .multiPoint(let value) = $0 { value } else { nil } }
    }

    public func encode(to encoder: any Encoder) throws { try geometry.encode(to: encoder) }
}

extension MultiLineString: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeometry(decoder, expecting: "MultiLineString") {
            if case .multiLineString(let value) = $0 { value } else { nil }
        }
    }

    public func encode(to encoder: any Encoder) throws { try geometry.encode(to: encoder) }
}

extension MultiPolygon: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeometry(decoder, expecting: "MultiPolygon") { if case .multiPolygon(let value) = $0 { value } else { nil } }
    }

    public func encode(to encoder: any Encoder) throws { try geometry.encode(to: encoder) }
}

extension GeometryCollection: Codable {
    public init(from decoder: any Decoder) throws {
        self = try decodeGeometry(decoder, expecting: "GeometryCollection") {
            if case .geometryCollection(let value) = $0 { value } else { nil }
        }
    }

    public func encode(to encoder: any Encoder) throws { try geometry.encode(to: encoder) }
}
