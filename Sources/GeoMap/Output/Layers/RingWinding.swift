/// RFC 7946 §3.1.6 winding: exterior rings counter-clockwise, holes clockwise, in the
/// longitude/latitude plane.
extension LinearRing {
    /// Twice the signed planar area: positive when the ring runs counter-clockwise.
    var doubleSignedArea: Double {
        let points = self.points
        guard points.count >= 4 else { return 0 }
        var sum = 0.0
        // Relative to the first point, to keep precision far from the origin.
        let origin = points[0]
        for k in 1..<(points.count - 1) {
            let a = points[k], b = points[k + 1]
            sum += (a.x - origin.x) * (b.y - origin.y) - (b.x - origin.x) * (a.y - origin.y)
        }
        return sum
    }

    var isCounterClockwise: Bool { doubleSignedArea > 0 }

    func reversed() -> LinearRing { LinearRing(uncheckedPoints: points.reversed()) }
}

extension Polygon {
    /// The same polygon with its exterior counter-clockwise and its holes clockwise.
    func wound() -> Polygon {
        guard !isEmpty else { return self }
        let exterior = self.exterior.isCounterClockwise ? self.exterior : self.exterior.reversed()
        let holes = self.holes.map { $0.isCounterClockwise ? $0.reversed() : $0 }
        return Polygon(uncheckedExterior: exterior, holes: holes)
    }

    /// Whether the polygon follows the right-hand rule of RFC 7946.
    var followsRightHandRule: Bool {
        isEmpty || (exterior.isCounterClockwise && holes.allSatisfy { !$0.isCounterClockwise })
    }
}

extension Geometry {
    /// Every polygon wound by the right-hand rule; other geometries unchanged.
    func wound() -> Geometry {
        switch self {
        case .polygon(let polygon): return .polygon(polygon.wound())
        case .multiPolygon(let multi): return .multiPolygon(MultiPolygon(polygons: multi.polygons.map { $0.wound() }))
        case .geometryCollection(let collection):
            return .geometryCollection(GeometryCollection(geometries: collection.geometries.map { $0.wound() }))
        default: return self
        }
    }
}
