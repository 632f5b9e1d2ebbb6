/// The geodesic shortest distance between two gazetteer entries: between their outlines where
/// they have one, else their points, with the nearest points and how they lie.
public struct PlaceDistance: Sendable {
    public enum Relation: String, Sendable {
        /// Apart; the distance is positive.
        case apart
        /// The first lies inside the second.
        case inside
        /// The second lies inside the first.
        case contains
        /// They share a border or overlap in part.
        case touching
    }

    public let first: Int32
    public let second: Int32
    /// "polygon", "line" or "point": what was measured for each.
    public let firstShape: String
    public let secondShape: String
    public let nearest: GeodesicNearestPoints
    /// How much the distance may be off (km) because a place's point is only approximate: the
    /// sum of both places' radii (`Gazetteer.radiusKm(of:)`); nil when both points are exact.
    public let uncertaintyKm: Double?

    public var metres: Double { nearest.distance }
    public var kilometres: Double { nearest.distance / 1000 }
    public var miles: Double { nearest.distance / 1609.344 }

    public var relation: Relation {
        switch nearest.relation {
        case .disjoint: return .apart
        case .within: return .inside
        case .contains: return .contains
        case .intersecting: return .touching
        }
    }
}

/// `geomap distance A B`: both names read as `PlaceReadings` does, and every pairing of their
/// readings measured (Kaliningrad the city and Kaliningrad the oblast, each to Belarus).
public struct DistanceAnswer: Sendable {
    public let firstName: String
    public let secondName: String
    public let firstReadings: [Int32]
    public let secondReadings: [Int32]
    public let distances: [PlaceDistance]
    /// The geometry measured for each entry.
    public let geometries: [Int32: Geometry]

    public init(_ firstName: String, kind firstKind: PlaceKind? = nil, _ secondName: String, kind secondKind: PlaceKind? = nil,
                lookup: PlaceLookup) throws {
        self.firstName = firstName
        self.secondName = secondName
        firstReadings = try PlaceReadings.resolve(firstName, kind: firstKind, lookup: lookup)
        secondReadings = try PlaceReadings.resolve(secondName, kind: secondKind, lookup: lookup)
        let gazetteer = lookup.gazetteer
        // One search structure per entry, however many pairings it takes part in.
        var targets: [Int32: GeodesicTarget] = [:]
        func target(_ entry: Int32) throws -> GeodesicTarget {
            if let target = targets[entry] { return target }
            let made = try GeodesicTarget(gazetteer.measuredGeometry(entry))
            targets[entry] = made
            return made
        }
        var distances: [PlaceDistance] = []
        for first in firstReadings {
            for second in secondReadings {
                let a = try target(first), b = try target(second)
                let radii = [first, second].compactMap { gazetteer.radiusKm(of: $0) }
                distances.append(PlaceDistance(first: first, second: second, firstShape: Self.shapeName(a.geometry),
                                               secondShape: Self.shapeName(b.geometry), nearest: try a.shortestDistance(to: b),
                                               uncertaintyKm: radii.isEmpty || first == second ? nil : radii.reduce(0, +)))
            }
        }
        self.distances = distances
        geometries = targets.mapValues(\.geometry)
    }

    static func shapeName(_ geometry: Geometry) -> String {
        switch geometry {
        case .point, .multiPoint: return "point"
        case .lineString, .multiLineString: return "line"
        default: return geometry.polygons.isEmpty ? "point" : "polygon"
        }
    }
}
