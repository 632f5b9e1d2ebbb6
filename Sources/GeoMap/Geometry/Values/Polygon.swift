/// A polygon: an exterior ring and zero or more holes. An empty exterior means an empty polygon.
public struct Polygon: Hashable, Sendable {
    public let exterior: LinearRing
    public let holes: [LinearRing]

    public init(exterior: LinearRing, holes: [LinearRing] = []) throws {
        if exterior.isEmpty && !holes.isEmpty { throw GeometryError.holesInEmptyPolygon }
        if holes.contains(where: \.isEmpty) { throw GeometryError.emptyHole }
        self.exterior = exterior
        self.holes = holes
    }

    init(uncheckedExterior exterior: LinearRing, holes: [LinearRing]) {
        self.exterior = exterior
        self.holes = holes
    }

    public static let empty = Polygon(uncheckedExterior: LinearRing(uncheckedPoints: []), holes: [])

    public var isEmpty: Bool { exterior.isEmpty }

    /// Exterior ring first, then the holes.
    public var rings: [LinearRing] { [exterior] + holes }
}
