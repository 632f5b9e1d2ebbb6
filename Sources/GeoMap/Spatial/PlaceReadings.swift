/// What a typed place name stands for in `distance` and `near`: the best entry by the same
/// ranking as `lookup`, and — where the name is both a city and the province or region of the
/// same name in the same country (Kaliningrad, Luhansk, Moscow) — that other reading as well.
/// Forcing a kind, or writing "Kaliningrad Oblast", leaves one reading.
public enum PlaceReadings {
    /// The entries `name` is read as, best first; throws `GeoMapError.noPlace` with suggestions
    /// when nothing matches, and a usage error for a name too long to be one.
    public static func resolve(_ name: String, kind: PlaceKind? = nil, lookup: PlaceLookup) throws -> [Int32] {
        try PlaceLookup.checkLength(of: name)
        let filter = PlaceLookup.Filter(kinds: kind.map { [$0] })
        let candidates = lookup.candidates(for: name, filter: filter)
        guard let best = candidates.first else {
            throw GeoMapError.noPlace(name: name, suggestions: lookup.suggestions(for: name))
        }
        guard kind == nil else { return [best.entry] }
        let gazetteer = lookup.gazetteer
        let bestKind = gazetteer.kind(best.entry)
        guard bestKind == .place || isArea(bestKind) else { return [best.entry] }
        let bestName = NameKey.of(gazetteer.name(best.entry))
        let other = candidates.dropFirst().first { candidate in
            let kind = gazetteer.kind(candidate.entry)
            guard (kind == .place) != (bestKind == .place), kind == .place || isArea(kind) else { return false }
            return gazetteer.country(candidate.entry) == gazetteer.country(best.entry)
                && NameKey.of(gazetteer.name(candidate.entry)) == bestName
        }
        return [best.entry] + (other.map { [$0.entry] } ?? [])
    }

    /// A province or region, as opposed to a populated place.
    static func isArea(_ kind: PlaceKind) -> Bool {
        kind == .admin1 || kind == .admin2 || kind == .region
    }
}
