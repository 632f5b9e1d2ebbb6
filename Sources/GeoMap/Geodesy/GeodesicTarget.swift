import Synchronization

/// A geometry made ready for many geodesic distance queries: its spherical search structure is
/// built once, and its planar footprints and GEOS prepared polygons when first needed. Keep one
/// per polygon you measure against repeatedly; it is safe to share between threads.
public final class GeodesicTarget: Sendable {
    public let geometry: Geometry
    let shape: GeodesicShape
    let geodesic: Geodesic
    private let footprints: Mutex<[Int: PreparedFootprint]>
    private let combinedArea: Mutex<PreparedFootprint?>

    private struct PreparedFootprint: Sendable {
        let footprint: PlanarFootprint
        let prepared: PreparedGeometry
    }

    public init(_ geometry: some GeometryConvertible, geodesic: Geodesic = .wgs84) throws {
        self.geometry = geometry.geometry
        self.geodesic = geodesic
        shape = try GeodesicShape(geometry.geometry)
        footprints = Mutex([:])
        combinedArea = Mutex(nil)
    }

    var hasArea: Bool { shape.components.contains(where: \.isPolygon) }

    /// Whether a polygon of this geometry holds the vertex `vertex` of `other` (inside or on its boundary).
    func areaCovers(vertex: Int, of other: GeodesicShape) throws -> Bool {
        let point = other.points[vertex]
        let vector = other.vectors[vertex]
        for (index, component) in shape.components.enumerated() where component.isPolygon {
            let cap = shape.componentCaps[index]
            guard UnitSphere.angle(cap.centre, vector) <= cap.radius else { continue }
            let area = try preparedFootprint(of: index)
            for offset in area.footprint.offsets(reaching: BoundingBox(point: point)) {
                if try area.prepared.covers(Point(lon: point.lon + offset, lat: point.lat)) { return true }
            }
        }
        return false
    }

    /// Whether this geometry's polygons together cover every part of `other`.
    func areaCovers(_ other: GeodesicTarget) throws -> Bool {
        guard let area = try preparedCombinedArea() else { return false }
        for component in other.shape.components {
            let footprint = PlanarFootprint(component.geometry, geodesic: geodesic)
            var covered = false
            for offset in area.footprint.offsets(covering: footprint.box) where !covered {
                covered = try area.prepared.covers(footprint.geometry.shiftedEast(by: offset))
            }
            if !covered { return false }
        }
        return true
    }

    private func preparedFootprint(of component: Int) throws -> PreparedFootprint {
        if let cached = footprints.withLock({ $0[component] }) { return cached }
        let footprint = PlanarFootprint(shape.components[component].geometry, geodesic: geodesic)
        let built = PreparedFootprint(footprint: footprint, prepared: try PreparedGeometry(footprint.geometry))
        return footprints.withLock { cache in
            if let cached = cache[component] { return cached }
            cache[component] = built
            return built
        }
    }

    private func preparedCombinedArea() throws -> PreparedFootprint? {
        if let cached = combinedArea.withLock({ $0 }) { return cached }
        let polygons = shape.components.compactMap { component -> Polygon? in
            guard component.isPolygon, case .polygon(let polygon) = component.geometry else { return nil }
            return polygon
        }
        guard !polygons.isEmpty else { return nil }
        let footprint = PlanarFootprint(.multiPolygon(MultiPolygon(polygons: polygons)), geodesic: geodesic)
        let built = PreparedFootprint(footprint: footprint, prepared: try PreparedGeometry(footprint.geometry))
        return combinedArea.withLock { cache in
            if let cache { return cache }
            cache = built
            return built
        }
    }
}
