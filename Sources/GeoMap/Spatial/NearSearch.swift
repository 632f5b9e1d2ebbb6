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

    /// What a search found: the neighbours with exact points, and how many places with only an
    /// approximate point (`Gazetteer.radiusKm(of:)`) it left out.
    public struct Answer: Sendable {
        public let neighbours: [Neighbour]
        public let approximateLeftOut: Int
    }

    /// Entries within `metres` of `origin`'s point (the origin itself left out), nearest first,
    /// ties by id; at most `limit`, of the given kinds if any. Places known only to their
    /// hromada are left out and counted: they sit at the hromada's centre, so their distances
    /// would rank a guess as if it were measured (all of a hromada's villages at one distance).
    public func search(around origin: Int32, within metres: Double, limit: Int, kinds: Set<PlaceKind>? = nil) throws -> Answer {
        let centre = gazetteer.location(origin)
        var found: [Neighbour] = []
        var approximate = 0
        for entry in grid.candidates(near: centre, within: metres) where entry != origin {
            if let kinds, !kinds.contains(gazetteer.kind(entry)) { continue }
            let inverse = try Geodesic.wgs84.inverse(from: centre, to: gazetteer.location(entry))
            guard inverse.distance <= metres else { continue }
            if gazetteer.isApproximate(entry) { approximate += 1; continue }
            found.append(Neighbour(entry: entry, metres: inverse.distance, azimuth: inverse.initialAzimuth))
        }
        found.sort { a, b in a.metres != b.metres ? a.metres < b.metres : gazetteer.id(a.entry) < gazetteer.id(b.entry) }
        return Answer(neighbours: Array(found.prefix(limit)), approximateLeftOut: approximate)
    }

    /// `search`'s neighbours.
    public func neighbours(of origin: Int32, within metres: Double, limit: Int, kinds: Set<PlaceKind>? = nil) throws -> [Neighbour] {
        try search(around: origin, within: metres, limit: limit, kinds: kinds).neighbours
    }
}
