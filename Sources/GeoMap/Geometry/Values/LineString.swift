/// An open or closed chain of points: empty, or at least two points.
public struct LineString: Hashable, Sendable {
    public let points: [Point]

    public init(points: [Point]) throws {
        guard points.isEmpty || points.count >= 2 else {
            throw GeometryError.lineStringTooShort(pointCount: points.count)
        }
        self.points = points
    }

    /// For readers and GEOS results that have already checked the point count.
    init(uncheckedPoints points: [Point]) {
        self.points = points
    }

    public var isEmpty: Bool { points.isEmpty }
}
