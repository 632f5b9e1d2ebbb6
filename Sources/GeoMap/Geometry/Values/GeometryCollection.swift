public struct GeometryCollection: Hashable, Sendable {
    public let geometries: [Geometry]

    public init(geometries: [Geometry]) {
        self.geometries = geometries
    }

    public var isEmpty: Bool { geometries.allSatisfy(\.isEmpty) }
}
