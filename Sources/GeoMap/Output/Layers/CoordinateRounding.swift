/// GeoJSON coordinates with at most six decimals (about 0.1 m), as RFC 7946 §11.2 suggests.
enum CoordinateRounding {
    static let decimals = 6
    static let gridSize = 1e-6
    private static let scale = 1e6

    static func round(_ value: Double) -> Double {
        let rounded = (value * scale).rounded() / scale
        return rounded == 0 ? 0 : rounded  // no "-0"
    }

    static func round(_ point: Point) -> Point {
        Point(lon: round(point.lon), lat: round(point.lat))
    }
}

extension Geometry {
    /// Every coordinate rounded to six decimals. Points and lines only: polygons go through
    /// `reducedPrecision`, which keeps them valid, and are then rounded to the same grid.
    func roundedCoordinates() -> Geometry {
        func points(_ list: [Point]) -> [Point] {
            var result: [Point] = []
            result.reserveCapacity(list.count)
            for point in list {
                let rounded = CoordinateRounding.round(point)
                if result.last != rounded { result.append(rounded) }
            }
            return result
        }
        func line(_ line: LineString) -> LineString? {
            let rounded = points(line.points)
            return rounded.count >= 2 ? LineString(uncheckedPoints: rounded) : nil
        }
        func ring(_ ring: LinearRing) -> LinearRing? {
            let rounded = points(ring.points)
            return rounded.count >= 4 ? LinearRing(uncheckedPoints: rounded) : nil
        }
        func polygon(_ polygon: Polygon) -> Polygon? {
            guard let exterior = ring(polygon.exterior) else { return nil }
            return Polygon(uncheckedExterior: exterior, holes: polygon.holes.compactMap(ring))
        }
        switch self {
        case .point(let point): return .point(CoordinateRounding.round(point))
        case .lineString(let value): return .lineString(line(value) ?? LineString(uncheckedPoints: []))
        case .polygon(let value): return .polygon(polygon(value) ?? .empty)
        case .multiPoint(let multi): return .multiPoint(MultiPoint(points: multi.points.map(CoordinateRounding.round)))
        case .multiLineString(let multi): return .multiLineString(MultiLineString(lineStrings: multi.lineStrings.compactMap(line)))
        case .multiPolygon(let multi): return .multiPolygon(MultiPolygon(polygons: multi.polygons.compactMap(polygon)))
        case .geometryCollection(let collection):
            return .geometryCollection(GeometryCollection(geometries: collection.geometries.map { $0.roundedCoordinates() }))
        }
    }
}
