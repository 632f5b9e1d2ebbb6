/// Finds the entries a typed name may mean, best first — for `lookup`, `distance` and `near`.
/// Beyond the exact key it reads "X Oblast / X region / X County" as the admin unit X, and falls
/// back to names one edit away (for names of 8 letters or more): those of significant places from
/// the fuzzy table (`FuzzyKeys`), or, when there are none, any.
public struct PlaceLookup: Sendable {
    public let gazetteer: Gazetteer
    private let words = WordClasses.english
    private let model = ResolutionModel.standard

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// "X Oblast" asks for the unit X: it ranks above other entries of that name.
    static let askedKindBonus = 4.0

    public enum Match: String, Sendable {
        case exact
        /// "X region" read as the admin unit X.
        case suffix
        /// One edit away.
        case fuzzy
    }

    public struct Candidate: Sendable {
        public var entry: Int32
        public var score: Double
        public var match: Match
        public var nameType: NameType
    }

    public struct Filter: Sendable {
        public var country: CountryCode?
        public var kinds: Set<PlaceKind>?
        public init(country: CountryCode? = nil, kinds: Set<PlaceKind>? = nil) {
            self.country = country
            self.kinds = kinds
        }
        func accepts(_ entry: Int32, _ gazetteer: Gazetteer) -> Bool {
            if let country, gazetteer.country(entry) != country { return false }
            if let kinds, !kinds.contains(gazetteer.kind(entry)) { return false }
            return true
        }
    }

    /// The longest name looked up, in UTF-8 bytes: more than twice the longest name in the bundled
    /// gazetteer (418 bytes, Bangkok's full Thai name).
    public static let maximumNameLength = 1000

    /// Throws a one-line error if `name` is longer than any name looked up.
    public static func checkLength(of name: String) throws {
        let length = name.utf8.count
        guard length <= maximumNameLength else {
            throw GeoMapError.usage("the name is \(length) bytes long; a place name has at most \(maximumNameLength) bytes")
        }
    }

    /// Ranked candidates for `name`; empty when nothing matches even fuzzily, or when the name is
    /// longer than `maximumNameLength`.
    public func candidates(for name: String, filter: Filter = Filter()) -> [Candidate] {
        guard name.utf8.count <= PlaceLookup.maximumNameLength else { return [] }
        var tokenizer = Tokenizer()
        guard let key = NameKey.of(name, using: &tokenizer) else { return [] }
        var found: [Candidate] = []
        add(gazetteer.postings(forKeyHash: key.hash), match: .exact, preference: .none, filter: filter, into: &found)

        // "Kaliningrad Oblast", "Luhansk region", "Laurel County": the unit named by the rest.
        let tokens = tokenizer.tokens
        if tokens.count >= 2, let suffixed = suffixPreference(tokenizer, key: key) {
            add(gazetteer.postings(forKeyHash: suffixed.hash), match: .suffix, preference: suffixed.preference,
                filter: filter, into: &found)
        }
        if found.isEmpty, key.bytes.count >= FuzzyKeys.minimumLength {
            // The fuzzy table first (significant names); every key one edit away only when it has nothing.
            key.bytes.withByteView { folded in
                gazetteer.forEachFuzzyKey(near: folded) { hash, _ in
                    add(gazetteer.postings(forKeyHash: hash), match: .fuzzy, preference: .none, filter: filter, into: &found)
                }
            }
            if found.isEmpty {
                for fuzzyKey in keys(near: key.bytes, limit: 1) {
                    let hash = NameHash.add(fuzzyKey, to: NameHash.seed)
                    add(gazetteer.postings(forKeyHash: hash), match: .fuzzy, preference: .none, filter: filter, into: &found)
                }
            }
        }
        preferSeatsOfSameNamedUnits(&found)
        return found.sorted { a, b in a.score != b.score ? a.score > b.score : gazetteer.id(a.entry) < gazetteer.id(b.entry) }
    }

    /// Names close to `name` for a "did you mean" line: up to `limit` primary names.
    public func suggestions(for name: String, limit: Int = 5) -> [String] {
        guard name.utf8.count <= PlaceLookup.maximumNameLength, let key = NameKey.of(name) else { return [] }
        var scored: [(String, Double)] = []
        let maxDistance = key.bytes.count >= 8 ? 2 : 1
        for nearKey in keys(near: key.bytes, limit: maxDistance) {
            let hash = NameHash.add(nearKey, to: NameHash.seed)
            var best: (Int32, Double)?
            for posting in gazetteer.postings(forKeyHash: hash) where posting.type != .abbreviation {
                let score = importance(posting.entry)
                if best == nil || score > best!.1 { best = (posting.entry, score) }
            }
            if let best {
                let name = gazetteer.name(best.0)
                if !scored.contains(where: { $0.0 == name }) { scored.append((name, best.1)) }
            }
        }
        return scored.sorted { $0.1 > $1.1 }.prefix(limit).map(\.0)
    }

    private func add(_ postings: PostingList, match: Match, preference: AdminPreference, filter: Filter,
                     into found: inout [Candidate]) {
        for posting in postings {
            let entry = posting.entry
            guard filter.accepts(entry, gazetteer) else { continue }
            var score = importance(entry)
            if posting.type == .alternate { score += model[.alternateName] }
            if posting.type == .demonym { score -= 3 }
            if posting.flags.contains(.lowercase) { score += model[.lowercaseName] }
            if posting.flags.contains(.nonLatin) { score += model[.nonLatinName] }
            let kind = gazetteer.kind(entry)
            switch preference {
            case .admin1 where kind == .admin1, .admin2 where kind == .admin2: score += PlaceLookup.askedKindBonus
            case .admin1, .admin2: continue
            default: break
            }
            if match == .fuzzy { score -= 2 }
            if let existing = found.firstIndex(where: { $0.entry == entry }) {
                if found[existing].score < score { found[existing] = Candidate(entry: entry, score: score, match: match, nameType: posting.type) }
            } else {
                found.append(Candidate(entry: entry, score: score, match: match, nameType: posting.type))
            }
        }
    }

    /// Moscow the city and Moscow the federal city, Kaliningrad and its oblast: the resolver's
    /// weights for a seat and its same-named unit apply here too, so both rank alike.
    private func preferSeatsOfSameNamedUnits(_ found: inout [Candidate]) {
        for k in found.indices where gazetteer.kind(found[k].entry) == .place {
            let seat = found[k].entry
            let feature = gazetteer.feature(seat)
            guard feature == .capital || feature == .adminSeat1, let unit = gazetteer.admin1Entry(seat),
                  let u = found.firstIndex(where: { $0.entry == unit && $0.match == found[k].match }) else { continue }
            found[k].score += model[.seatOfSameNamedUnit]
            found[u].score += model[.unitOfSameNamedSeat]
        }
    }

    /// How prominent an entry is on its own: kind, rank and population.
    public func importance(_ entry: Int32) -> Double {
        let population = gazetteer.population(entry)
        var score = model[.logPopulation] * log10(Double(population) + 1)
        if population == 0 { score += model[.noPopulation] }
        switch gazetteer.kind(entry) {
        case .country: score += model[.country]
        case .admin1: score += model[.admin1]
        case .admin2: score += model[.admin2]
        case .region: score += model[.region]
        case .water: score += model[.water]
        case .landform: score += model[.landform]
        case .landmark: score += model[.landmark]
        case .place: break
        }
        switch gazetteer.feature(entry) {
        case .capital: score += model[.capital]
        case .adminSeat1: score += model[.adminSeat1]
        case .adminSeat2: score += model[.adminSeat2]
        default: break
        }
        return score
    }

    /// The key without a trailing admin suffix, and the kind of unit the suffix asks for.
    private func suffixPreference(_ tokenizer: Tokenizer, key: NameKey) -> (hash: UInt64, preference: AdminPreference)? {
        let tokens = tokenizer.tokens
        guard let last = tokens.last else { return nil }
        let classes = words.classes(of: last.hash)
        let preference: AdminPreference
        if classes.contains(.admin1Suffix) { preference = .admin1 }
        else if classes.contains(.admin2Suffix) { preference = .admin2 }
        else { return nil }
        var hash = NameHash.seed
        var first = true
        let startIndex = tokens.count > 2 && tokens[0].hash == NameKey.theHash ? 1 : 0
        for token in tokens[startIndex..<(tokens.count - 1)] {
            tokenizer.withFolded(token) { bytes in
                hash = first ? NameHash.add(bytes, to: hash) : NameHash.extend(hash, with: bytes)
            }
            first = false
        }
        return (hash, preference)
    }

    /// Distinct keys within `limit` edits of `key`.
    private func keys(near key: [UInt8], limit: Int) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var rows: [Int] = []
        key.withByteView { target in
            gazetteer.forEachKey(lengths: max(1, key.count - limit)...(key.count + limit)) { candidate in
                let near = limit == 1 ? withinOneEdit(target, candidate)
                    : boundedEditDistance(target, candidate, limit: limit, rows: &rows) <= limit
                if near { result.append(Array(candidate)) }
            }
        }
        return result
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
