/// `geomap near NAME --km K`: the gazetteer entries whose points lie within K km (geodesic) of a
/// place's point, nearest first.
public struct NearSearch: Sendable {
    public struct Neighbour: Sendable {
        public let entry: Int32
        public let metres: Double
        /// Degrees clockwise from north, from the origin to the neighbour.
        public let azimuth: Double

        public var kilometres: Double { metres / 1000 }
    }

    public let gazetteer: Gazetteer
    private let grid: PointGrid

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        grid = PointGrid(gazetteer: gazetteer)
    }

    /// The entry a `near` query measures from: the best reading of `name`, or the city where the
    /// name is both a city and its province (a radius is drawn around a town, not an oblast's centre).
    public static func origin(for name: String, lookup: PlaceLookup) throws -> Int32 {
        let readings = try PlaceReadings.resolve(name, lookup: lookup)
        return readings.first { lookup.gazetteer.kind($0) == .place } ?? readings[0]
    }

    /// Entries within `metres` of `origin`'s point (the origin itself left out), nearest first,
    /// ties by id; at most `limit`, of the given kinds if any.
    public func neighbours(of origin: Int32, within metres: Double, limit: Int, kinds: Set<PlaceKind>? = nil) throws -> [Neighbour] {
        let centre = gazetteer.location(origin)
        var found: [Neighbour] = []
        for entry in grid.candidates(near: centre, within: metres) where entry != origin {
            if let kinds, !kinds.contains(gazetteer.kind(entry)) { continue }
            let inverse = try Geodesic.wgs84.inverse(from: centre, to: gazetteer.location(entry))
            if inverse.distance <= metres {
                found.append(Neighbour(entry: entry, metres: inverse.distance, azimuth: inverse.initialAzimuth))
            }
        }
        found.sort { a, b in a.metres != b.metres ? a.metres < b.metres : gazetteer.id(a.entry) < gazetteer.id(b.entry) }
        return Array(found.prefix(limit))
    }
}
