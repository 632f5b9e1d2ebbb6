public struct MultiPoint: Hashable, Sendable {
    public let points: [Point]

    public init(points: [Point]) {
        self.points = points
    }

    public var isEmpty: Bool { points.isEmpty }
}
