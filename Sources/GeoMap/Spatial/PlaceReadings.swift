/// What a typed place name stands for in `distance` and `near`: the best entry by the same
/// ranking as `lookup`, and — where the name is both a city and the province or region of the
/// same name in the same country (Kaliningrad, Luhansk, Moscow) — that other reading as well.
/// Forcing a kind, or writing "Kaliningrad Oblast", leaves one reading.
public enum PlaceReadings {
    /// The entries `name` is read as, best first; throws `GeoMapError.noPlace` with suggestions
    /// when nothing matches.
    public static func resolve(_ name: String, kind: PlaceKind? = nil, lookup: PlaceLookup) throws -> [Int32] {
        let filter = PlaceLookup.Filter(kinds: kind.map { [$0] })
        let candidates = lookup.candidates(for: name, filter: filter)
        guard let best = candidates.first else {
            throw GeoMapError.noPlace(name: name, suggestions: lookup.suggestions(for: name))
        }
        guard kind == nil else { return [best.entry] }
        let gazetteer = lookup.gazetteer
        let bestIsArea = isArea(gazetteer.kind(best.entry))
        let bestName = NameKey.of(gazetteer.name(best.entry))
        let other = candidates.dropFirst().first { candidate in
            let entry = candidate.entry
            let kind = gazetteer.kind(entry)
            guard kind == .place || isArea(kind), isArea(kind) != bestIsArea else { return false }
            guard gazetteer.kind(best.entry) == .place || isArea(gazetteer.kind(best.entry)) else { return false }
            return gazetteer.country(entry) == gazetteer.country(best.entry) && NameKey.of(gazetteer.name(entry)) == bestName
        }
        return [best.entry] + (other.map { [$0.entry] } ?? [])
    }

    /// A province or region, as opposed to a populated place.
    static func isArea(_ kind: PlaceKind) -> Bool {
        kind == .admin1 || kind == .admin2 || kind == .region
    }
}
