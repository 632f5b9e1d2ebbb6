/// How two geometries lie relative to each other, from the first one's point of view.
public enum GeodesicRelation: Hashable, Sendable {
    /// Apart; the distance is positive.
    case disjoint
    /// They touch, cross or overlap in part; the distance is zero.
    case intersecting
    /// The first covers the second (every part of it, inside or on the boundary); the distance is zero.
    case contains
    /// The second covers the first; the distance is zero.
    case within
}

/// The shortest geodesic distance between two geometries and where it is attained.
public struct GeodesicNearestPoints: Hashable, Sendable {
    /// Metres on the WGS84 ellipsoid; zero when the geometries meet.
    public let distance: Double
    /// The point of the first geometry nearest to the second (a shared point when they meet).
    public let pointOnFirst: Point
    /// The point of the second geometry nearest to the first.
    public let pointOnSecond: Point
    public let relation: GeodesicRelation

    public var intersects: Bool { relation != .disjoint }
}

extension Geodesic {
    /// The shortest geodesic distance between any two geometries, with the nearest points.
    ///
    /// Edges are geodesics between vertices, so geometries split at ±180° (Russia, Fiji) and edges
    /// across the antimeridian are measured as they lie on the globe, and so are polar parts.
    /// For repeated queries against one geometry, build a `GeodesicTarget` once instead.
    public func shortestDistance(between first: some GeometryConvertible, and second: some GeometryConvertible) throws -> GeodesicNearestPoints {
        try GeodesicTarget(first, geodesic: self).shortestDistance(to: GeodesicTarget(second, geodesic: self))
    }
}

extension GeodesicTarget {
    /// Linework closer than this (metres) counts as touching.
    static let contactTolerance = 1e-3

    /// The shortest geodesic distance from this geometry to `other`, with the nearest points.
    ///
    /// Method: a conservative pass on the unit sphere over both cap trees keeps only the
    /// vertex–edge pairings that could be nearest; those are measured exactly on the ellipsoid
    /// (`geod_inverse`, and along edges with `geod_position`). If the linework does not meet, one
    /// vertex per part is tested against the other's polygons (GEOS, on antimeridian-unwrapped
    /// footprints) to find parts lying inside.
    public func shortestDistance(to other: GeodesicTarget) throws -> GeodesicNearestPoints {
        let search = SphericalCandidateSearch(first: shape, second: other.shape)
        if let crossing = search.crossing {
            let point = UnitSphere.point(crossing.point)
            return try touching(other, at: point, and: point)
        }
        guard let nearest = EllipsoidalNearestPair(search, geodesic: geodesic) else {
            throw GeometryError.emptyGeometry(operation: "geodesic distance")
        }
        if nearest.distance <= Self.contactTolerance {
            return try touching(other, at: nearest.onFirst, and: nearest.onSecond)
        }
        // Linework apart: each connected part lies wholly inside or wholly outside the other's polygons.
        let secondInside = try other.shape.components.map { try areaCovers(vertex: $0.representativeVertex, of: other.shape) }
        let firstInside = try shape.components.map { try other.areaCovers(vertex: $0.representativeVertex, of: shape) }
        if let index = secondInside.firstIndex(of: true) {
            let point = other.shape.points[other.shape.components[index].representativeVertex]
            let relation: GeodesicRelation = secondInside.allSatisfy { $0 } ? .contains : .intersecting
            return GeodesicNearestPoints(distance: 0, pointOnFirst: point, pointOnSecond: point, relation: relation)
        }
        if let index = firstInside.firstIndex(of: true) {
            let point = shape.points[shape.components[index].representativeVertex]
            let relation: GeodesicRelation = firstInside.allSatisfy { $0 } ? .within : .intersecting
            return GeodesicNearestPoints(distance: 0, pointOnFirst: point, pointOnSecond: point, relation: relation)
        }
        return GeodesicNearestPoints(
            distance: nearest.distance, pointOnFirst: nearest.onFirst, pointOnSecond: nearest.onSecond, relation: .disjoint)
    }

    private func touching(_ other: GeodesicTarget, at onFirst: Point, and onSecond: Point) throws -> GeodesicNearestPoints {
        let relation: GeodesicRelation
        if hasArea, try areaCovers(other) {
            relation = .contains
        } else if other.hasArea, try other.areaCovers(self) {
            relation = .within
        } else {
            relation = .intersecting
        }
        return GeodesicNearestPoints(distance: 0, pointOnFirst: onFirst, pointOnSecond: onSecond, relation: relation)
    }
}
