#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Chooses an entry for every mention of one document: population and kind priors, then the
/// article's own context — the countries and provinces it mentions, qualifiers (`Paris, Texas`),
/// nearness to its other places — with one sense per name per article.
struct Resolver {
    let gazetteer: Gazetteer
    var weights: ResolutionWeights
    static let maxCandidates = 32
    static let rounds = 3

    private var candidates: [Candidate] = []
    /// For each group of mentions with the same name: its candidates' range.
    private var groups: [Group] = []
    private var groupOfMention: [Int32] = []
    private var countryMass = [Double](repeating: 0, count: IndexLayout.countryTableCount + 1)
    private var touchedCountries: [Int] = []
    private var admin1Mass: [(entry: Int32, mass: Double)] = []

    struct Group {
        var key: UInt64
        var role: MentionRole
        var preference: AdminPreference
        var candidateStart: Int
        var candidateEnd: Int
        var mentionCount: Int
        var weight: Double
        /// The group's own contribution to the context, subtracted when scoring it.
        var countryShare: [(Int, Double)] = []
        var admin1Share: [(Int32, Double)] = []
        var vector: (Double, Double, Double) = (0, 0, 0)
        var qualifierGroups: [Int] = []
        var qualifiedGroups: [Int] = []
    }

    init(gazetteer: Gazetteer, weights: ResolutionWeights) {
        self.gazetteer = gazetteer
        self.weights = weights
    }

    mutating func resolve(_ mentions: [Mention]) -> [Resolution] {
        candidates.removeAll(keepingCapacity: true)
        groups.removeAll(keepingCapacity: true)
        groupOfMention.removeAll(keepingCapacity: true)
        buildGroups(mentions)
        linkQualifiers(mentions)
        for _ in 0..<Resolver.rounds {
            computeContext()
            rescore()
        }
        return mentions.indices.map { resolution(for: Int(groupOfMention[$0])) }
    }

    // MARK: Candidates and priors

    private mutating func buildGroups(_ mentions: [Mention]) {
        for mention in mentions {
            if let existing = groups.firstIndex(where: {
                $0.key == mention.keyHash && $0.role == mention.role && $0.preference == mention.adminPreference
            }) {
                groups[existing].mentionCount += 1
                groupOfMention.append(Int32(existing))
                continue
            }
            let start = candidates.count
            collectCandidates(for: mention, group: Int32(groups.count))
            groups.append(Group(key: mention.keyHash, role: mention.role, preference: mention.adminPreference,
                                candidateStart: start, candidateEnd: candidates.count, mentionCount: 1,
                                weight: mention.role == .demonym ? 0.5 : 1))
            groupOfMention.append(Int32(groups.count - 1))
        }
        for g in groups.indices {
            groups[g].weight *= 1 + log(Double(groups[g].mentionCount))
            normalise(g)
        }
    }

    private mutating func collectCandidates(for mention: Mention, group: Int32) {
        let start = candidates.count
        for posting in mention.candidates {
            if posting.type == .abbreviation && posting.caseSignature != mention.caseSignature { continue }
            if (posting.type == .demonym) != (mention.role == .demonym) { continue }
            let entry = posting.entry
            let point = gazetteer.point(entry)
            let vector = Sphere.unitVector(lat: point.lat, lon: point.lon)
            var candidate = Candidate(mention: group, entry: entry, kind: gazetteer.kind(entry),
                                      feature: gazetteer.feature(entry), country: gazetteer.country(entry),
                                      admin1: gazetteer.admin1Entry(entry) ?? -1, population: gazetteer.population(entry),
                                      nameType: posting.type, nameFlags: posting.flags,
                                      x: vector.0, y: vector.1, z: vector.2, prior: 0, score: 0, probability: 0)
            if candidate.kind == .admin1 { candidate.admin1 = entry }
            candidate.prior = prior(candidate, preference: mention.adminPreference)
            candidate.score = candidate.prior
            if candidates.count - start < Resolver.maxCandidates {
                candidates.append(candidate)
            } else if let weakest = candidates[start...].indices.min(by: { candidates[$0].prior < candidates[$1].prior }),
                      candidates[weakest].prior < candidate.prior {
                candidates[weakest] = candidate
            }
        }
    }

    private func prior(_ c: Candidate, preference: AdminPreference) -> Double {
        var score = weights.logPopulation * log10(Double(c.population) + 1)
        score += weights.kind[Int(c.kind.rawValue)]
        switch c.feature {
        case .capital: score += weights.capital
        case .adminSeat1: score += weights.adminSeat1
        case .adminSeat2: score += weights.adminSeat2
        default: break
        }
        if c.nameType == .alternate { score += weights.alternateName }
        if c.nameType == .abbreviation { score += weights.abbreviation }
        if c.nameFlags.contains(.lowercase) { score += weights.lowercaseName }
        if c.nameFlags.contains(.nonLatin) { score += weights.nonLatinName }
        switch preference {
        case .admin1:
            score += c.kind == .admin1 ? weights.adminPreferenceMatch
                : (c.kind == .place ? weights.adminPreferenceMismatch : 0)
        case .admin2:
            score += c.kind == .admin2 ? weights.adminPreferenceMatch
                : (c.kind == .place ? weights.adminPreferenceMismatch : 0)
        case .locality:
            score += c.kind == .place ? weights.localityPreferencePlace : 0
        case .none: break
        }
        return score
    }

    private mutating func normalise(_ g: Int) {
        let range = groups[g].candidateStart..<groups[g].candidateEnd
        guard !range.isEmpty else { return }
        var best = -Double.infinity
        for k in range { best = max(best, candidates[k].score) }
        var sum = 0.0
        for k in range {
            let e = exp(candidates[k].score - best)
            candidates[k].probability = e
            sum += e
        }
        for k in range { candidates[k].probability /= sum }
    }

    // MARK: Context

    private static let commaAndSpace: TokenGap = [.comma, .space]

    /// `X, Y` and `X (Y)`: Y qualifies X.
    private mutating func linkQualifiers(_ mentions: [Mention]) {
        for m in 1..<max(1, mentions.count) {
            let previous = mentions[m - 1], current = mentions[m]
            guard current.firstToken == previous.endToken, previous.role == .place, current.role == .place else { continue }
            let g = Int(groupOfMention[m - 1]), q = Int(groupOfMention[m])
            guard g != q, current.followsAsQualifier else { continue }
            if !groups[g].qualifierGroups.contains(q) { groups[g].qualifierGroups.append(q) }
            if !groups[q].qualifiedGroups.contains(g) { groups[q].qualifiedGroups.append(g) }
        }
    }

    private mutating func computeContext() {
        for index in touchedCountries { countryMass[index] = 0 }
        touchedCountries.removeAll(keepingCapacity: true)
        admin1Mass.removeAll(keepingCapacity: true)
        for g in groups.indices {
            var countryShare: [(Int, Double)] = []
            var admin1Share: [(Int32, Double)] = []
            var vector = (0.0, 0.0, 0.0)
            let weight = groups[g].weight
            for k in groups[g].candidateStart..<groups[g].candidateEnd {
                let c = candidates[k]
                let mass = c.probability * weight * (c.kind == .country || c.kind == .admin1 ? 1.5 : 1)
                if let index = IndexLayout.countryIndex(c.country.packed) {
                    if let at = countryShare.firstIndex(where: { $0.0 == index }) { countryShare[at].1 += mass }
                    else { countryShare.append((index, mass)) }
                }
                if c.admin1 >= 0 {
                    if let at = admin1Share.firstIndex(where: { $0.0 == c.admin1 }) { admin1Share[at].1 += mass }
                    else { admin1Share.append((c.admin1, mass)) }
                }
                if c.kind == .place || c.kind == .admin2 || c.kind == .landmark {
                    vector.0 += c.x * mass; vector.1 += c.y * mass; vector.2 += c.z * mass
                }
            }
            for (index, mass) in countryShare {
                if countryMass[index] == 0 { touchedCountries.append(index) }
                countryMass[index] += mass
            }
            for (entry, mass) in admin1Share {
                if let at = admin1Mass.firstIndex(where: { $0.entry == entry }) { admin1Mass[at].mass += mass }
                else { admin1Mass.append((entry, mass)) }
            }
            groups[g].countryShare = countryShare
            groups[g].admin1Share = admin1Share
            groups[g].vector = vector
        }
    }

    private mutating func rescore() {
        var total = (0.0, 0.0, 0.0)
        for group in groups { total.0 += group.vector.0; total.1 += group.vector.1; total.2 += group.vector.2 }
        for g in groups.indices {
            let group = groups[g]
            let others = (total.0 - group.vector.0, total.1 - group.vector.1, total.2 - group.vector.2)
            let othersLength = (others.0 * others.0 + others.1 * others.1 + others.2 * others.2).squareRoot()
            let centre = othersLength > 1e-9 ? (others.0 / othersLength, others.1 / othersLength, others.2 / othersLength) : nil
            for k in group.candidateStart..<group.candidateEnd {
                let c = candidates[k]
                var score = c.prior
                if let index = IndexLayout.countryIndex(c.country.packed) {
                    let own = group.countryShare.first(where: { $0.0 == index })?.1 ?? 0
                    let mass = max(0, countryMass[index] - own)
                    if c.kind != .country { score += weights.countryContext * log1p(mass) }
                }
                if c.admin1 >= 0 && c.kind != .admin1 {
                    let own = group.admin1Share.first(where: { $0.0 == c.admin1 })?.1 ?? 0
                    let mass = max(0, (admin1Mass.first(where: { $0.entry == c.admin1 })?.mass ?? 0) - own)
                    score += weights.admin1Context * log1p(mass)
                }
                if c.kind == .country || c.kind == .admin1 {
                    score += weights.containsContext * log1p(containedMass(c, excluding: g))
                }
                if let centre, c.kind == .place || c.kind == .admin2 || c.kind == .landmark {
                    let km = Sphere.distanceKm((c.x, c.y, c.z), centre)
                    score += weights.proximity * log1p(km / 50)
                }
                for q in group.qualifierGroups { score += weights.qualifierMatch * containment(of: c, in: q) }
                for q in group.qualifiedGroups { score += weights.qualifierMatch * 0.5 * containing(c, group: q) }
                candidates[k].score = score
            }
            normalise(g)
        }
    }

    /// How much of the other groups' mass lies inside the country or admin-1 unit `c`.
    private func containedMass(_ c: Candidate, excluding g: Int) -> Double {
        var mass = 0.0
        for other in groups.indices where other != g {
            for k in groups[other].candidateStart..<groups[other].candidateEnd {
                let o = candidates[k]
                guard o.kind != .country else { continue }
                if c.kind == .country ? (o.country == c.country) : (o.admin1 == c.entry && o.kind != .admin1) {
                    mass += o.probability * groups[other].weight
                }
            }
        }
        return mass
    }

    /// Probability that candidate `c` lies in what group `q` names.
    private func containment(of c: Candidate, in q: Int) -> Double {
        var p = 0.0
        for k in groups[q].candidateStart..<groups[q].candidateEnd {
            let container = candidates[k]
            switch container.kind {
            case .country: if c.country == container.country && c.kind != .country { p += container.probability }
            case .admin1: if c.admin1 == container.entry && c.kind != .admin1 { p += container.probability }
            default: break
            }
        }
        return p
    }

    /// Probability that candidate `c` (a qualifier) contains what group `q` names.
    private func containing(_ c: Candidate, group q: Int) -> Double {
        guard c.kind == .country || c.kind == .admin1 else { return 0 }
        var p = 0.0
        for k in groups[q].candidateStart..<groups[q].candidateEnd {
            let inner = candidates[k]
            if c.kind == .country ? (inner.country == c.country && inner.kind != .country) : (inner.admin1 == c.entry && inner.kind != .admin1) {
                p += inner.probability
            }
        }
        return min(1, p)
    }

    // MARK: Choice

    private func resolution(for g: Int) -> Resolution {
        let range = groups[g].candidateStart..<groups[g].candidateEnd
        guard !range.isEmpty else { return Resolution(entry: nil, probability: 0, runnerUp: nil, runnerUpProbability: 0) }
        var best = range.lowerBound, second = -1
        for k in range where k != best {
            if candidates[k].probability > candidates[best].probability { second = best; best = k }
            else if second < 0 || candidates[k].probability > candidates[second].probability { second = k }
        }
        let p1 = candidates[best].probability
        let p2 = second >= 0 ? candidates[second].probability : 0
        let close = second >= 0 && p2 >= 0.2 && candidates[second].entry != candidates[best].entry
        return Resolution(entry: candidates[best].entry, probability: p1,
                          runnerUp: close ? candidates[second].entry : nil, runnerUpProbability: close ? p2 : 0)
    }
}
