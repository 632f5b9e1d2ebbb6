import Foundation

/// A component redrawn in the longitude/latitude plane so that GEOS's planar containment tests
/// agree with geodesic edges: each path is unwrapped where an edge crosses the antimeridian (so
/// longitudes may run past ±180°), and edges long enough to bow away from the straight
/// longitude/latitude line by more than `tolerance` metres are densified along the geodesic.
///
/// Tests against another position or geometry try it at −360°, 0 and +360° longitude offsets.
struct PlanarFootprint: Sendable {
    let geometry: Geometry
    let box: BoundingBox

    /// Most a geodesic edge may bow away from its drawn line, in metres.
    static let tolerance = 1.0

    init(_ component: Geometry, geodesic: Geodesic) {
        geometry = Self.redraw(component, geodesic)
        box = geometry.boundingBox ?? BoundingBox(minX: 0, minY: 0, maxX: 0, maxY: 0)
    }

    /// The longitude offsets under which `other` falls within this footprint's envelope.
    func offsets(reaching other: BoundingBox) -> [Double] {
        [0.0, -360, 360].filter { box.intersects(other.offsetBy(dx: $0)) }
    }

    func offsets(covering other: BoundingBox) -> [Double] {
        [0.0, -360, 360].filter { box.contains(other.offsetBy(dx: $0)) }
    }

    private static func redraw(_ geometry: Geometry, _ geodesic: Geodesic) -> Geometry {
        switch geometry {
        case .point:
            return geometry
        case .lineString(let line):
            return .lineString(LineString(uncheckedPoints: redrawPath(line.points, closed: false, geodesic)))
        case .polygon(let polygon):
            return .polygon(redrawPolygon(polygon, geodesic))
        case .multiPoint:
            return geometry
        case .multiLineString(let multi):
            return .multiLineString(MultiLineString(lineStrings: multi.lineStrings.map {
                LineString(uncheckedPoints: redrawPath($0.points, closed: false, geodesic))
            }))
        case .multiPolygon(let multi):
            return .multiPolygon(MultiPolygon(polygons: multi.polygons.map { redrawPolygon($0, geodesic) }))
        case .geometryCollection(let collection):
            return .geometryCollection(GeometryCollection(geometries: collection.geometries.map { redraw($0, geodesic) }))
        }
    }

    private static func redrawPolygon(_ polygon: Polygon, _ geodesic: Geodesic) -> Polygon {
        if polygon.isEmpty { return polygon }
        let exterior = LinearRing(uncheckedPoints: redrawPath(polygon.exterior.points, closed: true, geodesic))
        // Holes go to the exterior's side of the antimeridian.
        let reference = exterior.points[0].lon
        let holes = polygon.holes.map { hole in
            var points = redrawPath(hole.points, closed: true, geodesic)
            let shift = 360 * ((reference - points[0].lon) / 360).rounded()
            if shift != 0 { points = points.map { Point(lon: $0.lon + shift, lat: $0.lat) } }
            return LinearRing(uncheckedPoints: points)
        }
        return Polygon(uncheckedExterior: exterior, holes: holes)
    }

    static func redrawPath(_ points: [Point], closed: Bool, _ geodesic: Geodesic) -> [Point] {
        guard points.count > 1 else { return points }
        var drawn = [Point]()
        drawn.reserveCapacity(points.count)
        drawn.append(points[0])
        var offset = 0.0
        for index in 1..<points.count {
            let previous = points[index - 1]
            let current = points[index]
            let previousDrawn = drawn[drawn.count - 1]
            // Split data runs along ±180° or through a pole at |lat| = 90; only other edges wrap.
            if abs(previous.lat) < 90 && abs(current.lat) < 90 {
                let step = current.lon + offset - previousDrawn.lon
                if step > 180 { offset -= 360 } else if step < -180 { offset += 360 }
            }
            let currentDrawn = Point(lon: current.lon + offset, lat: current.lat)
            appendGeodesicInterior(from: previous, to: current, drawnFrom: previousDrawn, drawnTo: currentDrawn, into: &drawn, geodesic)
            drawn.append(currentDrawn)
        }
        // A ring that does not come back to its start encircles a pole; keep it as given.
        if closed && offset != 0 { return points }
        return drawn
    }

    /// Adds the points that keep the drawn line within `tolerance` of the geodesic.
    private static func appendGeodesicInterior(
        from start: Point, to end: Point, drawnFrom: Point, drawnTo: Point, into drawn: inout [Point], _ geodesic: Geodesic
    ) {
        // On a sphere, the geodesic between two points Δλ apart bows poleward from the parallel by
        // about R·Δλ²·|sin 2φ|/16 at its middle.
        let deltaLon = abs(drawnTo.lon - drawnFrom.lon) * .pi / 180
        let midLat = (start.lat + end.lat) / 2 * .pi / 180
        let bow = UnitSphere.radius * deltaLon * deltaLon * abs(sin(2 * midLat)) / 16
        guard bow > tolerance else { return }
        let pieces = min(4096, Int((bow / tolerance).squareRoot().rounded(.up)))
        let line = GeodesicLine(from: start, to: end, on: geodesic)
        var previousLon = drawnFrom.lon
        for piece in 1..<pieces {
            var point = line.position(at: line.length * Double(piece) / Double(pieces)).point
            point.lon += 360 * ((previousLon - point.lon) / 360).rounded()
            previousLon = point.lon
            drawn.append(point)
        }
    }
}

extension Geometry {
    /// The same geometry moved `offset` degrees east.
    func shiftedEast(by offset: Double) -> Geometry {
        if offset == 0 { return self }
        func shift(_ points: [Point]) -> [Point] { points.map { Point(lon: $0.lon + offset, lat: $0.lat) } }
        func shift(_ polygon: Polygon) -> Polygon {
            Polygon(uncheckedExterior: LinearRing(uncheckedPoints: shift(polygon.exterior.points)),
                    holes: polygon.holes.map { LinearRing(uncheckedPoints: shift($0.points)) })
        }
        switch self {
        case .point(let point): return .point(Point(lon: point.lon + offset, lat: point.lat))
        case .lineString(let line): return .lineString(LineString(uncheckedPoints: shift(line.points)))
        case .polygon(let polygon): return .polygon(shift(polygon))
        case .multiPoint(let multi): return .multiPoint(MultiPoint(points: shift(multi.points)))
        case .multiLineString(let multi):
            return .multiLineString(MultiLineString(lineStrings: multi.lineStrings.map { LineString(uncheckedPoints: shift($0.points)) }))
        case .multiPolygon(let multi): return .multiPolygon(MultiPolygon(polygons: multi.polygons.map(shift)))
        case .geometryCollection(let collection):
            return .geometryCollection(GeometryCollection(geometries: collection.geometries.map { $0.shiftedEast(by: offset) }))
        }
    }
}
