/// A closed ring of a polygon: empty, or at least four points with the last equal to the first.
public struct LinearRing: Hashable, Sendable {
    public let points: [Point]

    public init(points: [Point]) throws {
        try LinearRing.validate(points)
        self.points = points
    }

    init(uncheckedPoints points: [Point]) {
        self.points = points
    }

    public var isEmpty: Bool { points.isEmpty }

    static func validate(_ points: [Point]) throws {
        if points.isEmpty { return }
        guard points.count >= 4 else { throw GeometryError.ringTooShort(pointCount: points.count) }
        guard points.first == points.last else { throw GeometryError.ringNotClosed }
    }
}
