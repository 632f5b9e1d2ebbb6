public struct MultiPolygon: Hashable, Sendable {
    public let polygons: [Polygon]

    public init(polygons: [Polygon]) {
        self.polygons = polygons
    }

    public var isEmpty: Bool { polygons.allSatisfy(\.isEmpty) }
}
