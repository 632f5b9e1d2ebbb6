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
    var model: ResolutionModel
    static let maxCandidates = 32
    static let rounds = 3
    static let featureCount = CandidateFeature.allCases.count

    private var candidates = ScratchArray<Candidate>()
    /// Feature rows of the candidates, `featureCount` values each.
    private(set) var features = ScratchArray<Double>()
    private var groups = ScratchArray<Group>()
    private(set) var groupOfMention = ScratchArray<Int32>()
    private var groupTable = GroupTable()
    /// `X, Y`: the groups that qualify each group, and the groups each group qualifies.
    private var qualifiers = GroupLinks()
    private var qualified = GroupLinks()
    private var masses = ContextMasses()
    private var containers = ContainerMembers()
    /// The strongest local candidates of each group (`Group.topStart..<topEnd`) and their vectors
    /// (x, y, z of each in turn).
    private var top = ScratchArray<Int>()
    private var topVectors = ScratchArray<Double>()
    /// Per top candidate: how many other groups have a top candidate near it, and in its region.
    private var nearGroups = ScratchArray<Int32>(), regionGroups = ScratchArray<Int32>()

    /// Entries seen lately, direct-mapped by entry: the unit vector of the entry's point and
    /// log10(population + 1), which depend on the entry alone, so that the sines, cosines and logs
    /// of an entry that many documents name are computed once.
    private var entryCache = ScratchArray<CachedEntry>(repeating: CachedEntry(), count: Resolver.entryCacheSize)
    static let entryCacheSize = 4096

    struct CachedEntry: BitwiseCopyable {
        var entry: Int32 = -1
        var x = 0.0, y = 0.0, z = 0.0
        var logPopulation = 0.0
    }

    /// Mentions with the same name, role and asked-for kind: one sense per name per article.
    struct Group {
        var key: UInt64
        var role: MentionRole
        var preference: AdminPreference
        var candidateStart: Int
        var candidateEnd: Int
        var mentionCount: Int
        var weight: Double
        var vector: (Double, Double, Double) = (0, 0, 0)
        var topStart = 0
        var topEnd = 0
    }

    init(gazetteer: Gazetteer, model: ResolutionModel) {
        self.gazetteer = gazetteer
        self.model = model
    }

    mutating func resolve(_ mentions: [Mention]) -> [Resolution] {
        candidates.removeAll()
        features.removeAll()
        groups.removeAll()
        groupOfMention.removeAll()
        groupTable.removeAll()
        // A copied resolver writes a cache of its own.
        entryCache.makeUnique()
        buildGroups(mentions)
        linkQualifiers(mentions)
        scoreColocation()
        masses.removeAll()
        for g in groups.indices { masses.assignSlots(&candidates, groups[g].candidateStart..<groups[g].candidateEnd) }
        containers.build(&candidates)
        for round in 0..<Resolver.rounds {
            computeContext()
            rescore(last: round == Resolver.rounds - 1)
        }
        return mentions.indices.map { resolution(for: Int(groupOfMention[$0])) }
    }

    // MARK: Candidates and priors

    private mutating func buildGroups(_ mentions: [Mention]) {
        for mention in mentions {
            if let existing = groupTable.find(mention.keyHash, mention.role, mention.adminPreference, in: groups) {
                groups[existing].mentionCount += 1
                groupOfMention.append(Int32(existing))
                continue
            }
            let start = candidates.count
            collectCandidates(for: mention, group: Int32(groups.count))
            groups.append(Group(key: mention.keyHash, role: mention.role, preference: mention.adminPreference,
                                candidateStart: start, candidateEnd: candidates.count, mentionCount: 1,
                                weight: mention.role == .demonym ? 0.5 : 1))
            groupTable.insert(groups.count - 1, in: groups)
            groupOfMention.append(Int32(groups.count - 1))
        }
        for g in groups.indices {
            groups[g].weight *= 1 + log(Double(groups[g].mentionCount))
            markLargestPopulation(g)
            markSeatsOfSameNamedUnits(g)
        }
    }

    private mutating func collectCandidates(for mention: Mention, group: Int32) {
        let start = candidates.count
        let width = Resolver.featureCount
        // "Luhansk region", "the city of X", "Laurel County": the phrase names the kind of unit,
        // so when such a candidate exists the others are out.
        let wanted: PlaceKind?
        switch mention.adminPreference {
        case .admin1: wanted = .admin1
        case .admin2: wanted = .admin2
        case .locality: wanted = .place
        case .none: wanted = nil
        }
        let restrict = wanted.map { kind in
            mention.candidates.contains { usable($0, mention) && gazetteer.kind($0.entry) == kind }
        } ?? false
        // Room for the kept candidates and their rows, and the row of one more under test.
        let most = min(mention.candidates.count, Resolver.maxCandidates)
        candidates.reserveCapacity(start + most)
        features.reserveCapacity((start + most + 1) * width)
        let rows = features.baseAddressForWriting()
        for posting in mention.candidates {
            guard usable(posting, mention) else { continue }
            if restrict && gazetteer.kind(posting.entry) != wanted { continue }
            let entry = posting.entry
            let cached = self.cached(entry)
            var candidate = Candidate(mention: group, entry: entry, kind: gazetteer.kind(entry),
                                      feature: gazetteer.feature(entry), country: gazetteer.country(entry),
                                      admin1: gazetteer.admin1Entry(entry) ?? -1, population: gazetteer.population(entry),
                                      nameType: posting.type, nameFlags: posting.flags,
                                      x: cached.x, y: cached.y, z: cached.z, prior: 0, score: 0, probability: 0)
            if candidate.kind == .admin1 { candidate.admin1 = entry }
            // The row is written after the rows of the candidates so far: in place if the candidate
            // is kept as a new one.
            let row = features.count
            (rows + row).initialize(repeating: 0, count: width)
            features.setCount(row + width)
            candidate.prior = priorFeatures(candidate, logPopulation: cached.logPopulation, row: row)
            candidate.score = candidate.prior
            if candidates.count - start < Resolver.maxCandidates {
                candidates.appendToOwnStorage(candidate)
                continue
            }
            // The first of the weakest candidates so far gives way to a stronger one.
            var weakest = start
            for k in (start + 1)..<candidates.count where candidates[k].prior < candidates[weakest].prior { weakest = k }
            if candidates[weakest].prior < candidate.prior {
                candidates[weakest] = candidate
                for k in 0..<width { features[weakest * width + k] = features[row + k] }
            }
            features.removeLast(width)
        }
    }

    /// The unit vector and log10(population + 1) of an entry, from the cache or computed into it.
    @inline(__always)
    private mutating func cached(_ entry: Int32) -> CachedEntry {
        let slot = Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: entry)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & (Resolver.entryCacheSize - 1)
        if entryCache[slot].entry == entry { return entryCache[slot] }
        let point = gazetteer.point(entry)
        let vector = Sphere.unitVector(lat: point.lat, lon: point.lon)
        let population = gazetteer.population(entry)
        let value = CachedEntry(entry: entry, x: vector.0, y: vector.1, z: vector.2,
                                logPopulation: population == 0 ? 0 : log10(Double(population) + 1))
        entryCache[slot] = value
        return value
    }

    /// Whether a posting can stand for the mention: abbreviations only in their own letter case,
    /// demonyms only for demonym mentions.
    private func usable(_ posting: NamePosting, _ mention: Mention) -> Bool {
        if posting.type == .abbreviation && posting.caseSignature != mention.caseSignature { return false }
        return (posting.type == .demonym) == (mention.role == .demonym)
    }

    /// Writes the prior features of candidate `c` into its row (all zero before) and returns the
    /// prior: the dot product of the row with the weights, summed in feature order. A zero feature
    /// adds a zero product, which leaves the sum as it is (the sum starts at +0 and so is never
    /// -0), so only the features that are set are added, in the order of their indices.
    private mutating func priorFeatures(_ c: Candidate, logPopulation: Double, row: Int) -> Double {
        var prior = 0.0
        func set(_ feature: CandidateFeature, _ value: Double) {
            features[row + feature.rawValue] = value
            prior += model.weights[feature.rawValue] * value
        }
        // log10(1) is +0: an unknown population adds nothing.
        if c.population != 0 { set(.logPopulation, logPopulation) }
        switch c.kind {
        case .country: set(.country, 1)
        case .admin1: set(.admin1, 1)
        case .admin2: set(.admin2, 1)
        case .region: set(.region, 1)
        case .water: set(.water, 1)
        case .landform: set(.landform, 1)
        case .landmark: set(.landmark, 1)
        case .place: break
        }
        switch c.feature {
        case .capital: set(.capital, 1)
        case .adminSeat1: set(.adminSeat1, 1)
        case .adminSeat2: set(.adminSeat2, 1)
        case .adminSeat3, .adminSeat4: set(.adminSeatLower, 1)
        case .section: set(.section, 1)
        default: break
        }
        if c.nameType == .alternate { set(.alternateName, 1) }
        if c.nameType == .abbreviation { set(.abbreviationName, 1) }
        if c.nameFlags.contains(.lowercase) { set(.lowercaseName, 1) }
        if c.nameFlags.contains(.nonLatin) { set(.nonLatinName, 1) }
        if c.population == 0 { set(.noPopulation, 1) }
        return prior
    }

    private mutating func markLargestPopulation(_ g: Int) {
        let range = groups[g].candidateStart..<groups[g].candidateEnd
        guard let largest = range.max(by: { candidates[$0].population < candidates[$1].population }),
              candidates[largest].population > 0 else { return }
        add(.largestPopulation, to: largest)
    }

    /// A city that is the capital or seat of a same-named province among the candidates, and that
    /// province: Moscow, Saint Petersburg, Kaliningrad. Which one a bare name means is learnt.
    private mutating func markSeatsOfSameNamedUnits(_ g: Int) {
        let range = groups[g].candidateStart..<groups[g].candidateEnd
        for k in range where candidates[k].kind == .place {
            let seat = candidates[k]
            guard seat.feature == .capital || seat.feature == .adminSeat1, seat.admin1 >= 0,
                  let unit = range.first(where: { candidates[$0].entry == seat.admin1 }) else { continue }
            add(.seatOfSameNamedUnit, to: k)
            add(.unitOfSameNamedSeat, to: unit)
            // The unit's people include the seat's: weigh the two by the seat's population alone,
            // so that size does not decide between a city and its own province.
            set(.logPopulation, to: features[k * Resolver.featureCount + CandidateFeature.logPopulation.rawValue], on: unit)
            if features[unit * Resolver.featureCount + CandidateFeature.largestPopulation.rawValue] != 0 {
                set(.largestPopulation, to: 0, on: unit)
                set(.largestPopulation, to: 1, on: k)
            }
        }
    }

    /// Replaces one feature value of candidate `k`, keeping its prior in step.
    private mutating func set(_ feature: CandidateFeature, to value: Double, on k: Int) {
        let index = k * Resolver.featureCount + feature.rawValue
        candidates[k].prior += model[feature] * (value - features[index])
        candidates[k].score = candidates[k].prior
        features[index] = value
    }

    private mutating func add(_ feature: CandidateFeature, to k: Int) {
        let index = k * Resolver.featureCount + feature.rawValue
        guard features[index] == 0 else { return }
        features[index] = 1
        candidates[k].prior += model[feature]
        candidates[k].score = candidates[k].prior
    }

    private mutating func normalise(_ g: Int) {
        Resolver.normalise(candidates.baseAddressForWriting(), groups[g].candidateStart..<groups[g].candidateEnd)
    }

    /// Turns the scores of `range` into probabilities (softmax). exp(0) is 1: the best needs no exp.
    @inline(__always)
    private static func normalise(_ candidates: UnsafeMutablePointer<Candidate>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var best = -Double.infinity
        for k in range { best = max(best, candidates[k].score) }
        var sum = 0.0
        for k in range {
            let d = candidates[k].score - best
            let e = d == 0 ? 1 : exp(d)
            candidates[k].probability = e
            sum += e
        }
        for k in range { candidates[k].probability /= sum }
    }

    // MARK: Context

    /// At most 64 (`countColocatedGroups` keeps one bit per candidate of a group).
    static let colocationCandidates = 12
    static let nearDot = cos(25 / Sphere.earthRadiusKm)
    static let regionDot = cos(150 / Sphere.earthRadiusKm)

    /// Whether the kind has a point that stands for a small area, so that nearness means something.
    @inline(__always)
    static func isLocal(_ kind: PlaceKind) -> Bool {
        kind == .place || kind == .admin2 || kind == .landmark
    }

    /// Places that lie together: a candidate gains when other mentions of the article have a
    /// candidate near it (`Paris` and `Henry County` in Tennessee), whatever their priors. Only the
    /// strongest candidates of each mention take part, which bounds the pairs to compare.
    ///
    /// Turns the priors into the first probabilities of every group.
    private mutating func scoreColocation() {
        guard groups.count > 1 else {
            for g in groups.indices { normalise(g) }
            return
        }
        collectTopCandidates()
        countColocatedGroups()
        let width = Resolver.featureCount
        for g in groups.indices {
            for t in groups[g].topStart..<groups[g].topEnd {
                let k = top[t]
                let nearValue = Resolver.log1pOfCount(Int(nearGroups[t])), regionValue = Resolver.log1pOfCount(Int(regionGroups[t]))
                features[k * width + CandidateFeature.colocatedNear.rawValue] = nearValue
                features[k * width + CandidateFeature.colocatedRegion.rawValue] = regionValue
                candidates[k].prior += model[.colocatedNear] * nearValue + model[.colocatedRegion] * regionValue
                candidates[k].score = candidates[k].prior
            }
            normalise(g)
        }
    }

    /// For each top candidate, the number of other groups (of another name) with a top candidate
    /// within 25 km, and within 150 km. Each pair of groups is compared once, both ways at once
    /// (the dot product of two unit vectors is the same either way round).
    private mutating func countColocatedGroups() {
        nearGroups.removeAll()
        nearGroups.append(repeating: 0, count: top.count)
        regionGroups.removeAll()
        regionGroups.append(repeating: 0, count: top.count)
        let nearDot = Resolver.nearDot, regionDot = Resolver.regionDot
        let vectors = topVectors.baseAddressForWriting()
        for g in groups.indices where groups[g].topEnd > groups[g].topStart {
            let mine = groups[g].topStart..<groups[g].topEnd, key = groups[g].key
            for h in (g + 1)..<groups.count where groups[h].topEnd > groups[h].topStart && groups[h].key != key {
                let others = groups[h].topStart..<groups[h].topEnd
                let otherVectors = vectors + 3 * others.lowerBound, otherCount = others.count
                // Which of the other group's candidates are near one of ours, bit by bit.
                var nearOther: UInt64 = 0, regionOther: UInt64 = 0
                for t in mine {
                    let x = vectors[3 * t], y = vectors[3 * t + 1], z = vectors[3 * t + 2]
                    var near = false, region = false
                    var u = 0
                    while u < otherCount {
                        let v = otherVectors + 3 &* u
                        let dot = x * v[0] + y * v[1] + z * v[2]
                        if dot >= regionDot {
                            region = true
                            regionOther |= 1 << UInt64(u)
                            if dot >= nearDot {
                                near = true
                                nearOther |= 1 << UInt64(u)
                            }
                        }
                        u &+= 1
                    }
                    if near { nearGroups[t] += 1 }
                    if region { regionGroups[t] += 1 }
                }
                while regionOther != 0 {
                    regionGroups[others.lowerBound + regionOther.trailingZeroBitCount] += 1
                    regionOther &= regionOther - 1
                }
                while nearOther != 0 {
                    nearGroups[others.lowerBound + nearOther.trailingZeroBitCount] += 1
                    nearOther &= nearOther - 1
                }
            }
        }
    }

    /// Each group's strongest local candidates by prior, at most `colocationCandidates`, ties in
    /// candidate order.
    private mutating func collectTopCandidates() {
        // At most one entry per candidate: written in place, counted at the end.
        top.removeAll()
        top.reserveCapacity(candidates.count)
        let list = top.baseAddressForWriting()
        let limit = Resolver.colocationCandidates
        var count = 0
        for g in groups.indices {
            let first = count
            for k in groups[g].candidateStart..<groups[g].candidateEnd where Resolver.isLocal(candidates[k].kind) {
                let prior = candidates[k].prior
                var position = count
                while position > first && candidates[list[position - 1]].prior < prior { position -= 1 }
                if position - first >= limit { continue }
                // A full list drops its last (weakest) candidate to make room.
                if count - first == limit { count -= 1 }
                var move = count
                while move > position { list[move] = list[move - 1]; move -= 1 }
                list[position] = k
                count += 1
            }
            groups[g].topStart = first
            groups[g].topEnd = count
        }
        top.setCount(count)
        topVectors.removeAll()
        topVectors.reserveCapacity(3 * count)
        let vectors = topVectors.baseAddressForWriting()
        for t in 0..<count {
            let c = list[t]
            vectors[3 * t] = candidates[c].x
            vectors[3 * t + 1] = candidates[c].y
            vectors[3 * t + 2] = candidates[c].z
        }
        topVectors.setCount(3 * count)
    }

    /// `log1p(count)` for the small counts colocation produces.
    private static let log1pOfSmallCounts: [Double] = (0..<64).map { log1p(Double($0)) }

    @inline(__always)
    private static func log1pOfCount(_ count: Int) -> Double {
        count < log1pOfSmallCounts.count ? log1pOfSmallCounts[count] : log1p(Double(count))
    }

    /// `X, Y` and `X (Y)`: Y qualifies X.
    private mutating func linkQualifiers(_ mentions: [Mention]) {
        qualifiers.removeAll()
        qualified.removeAll()
        for m in 1..<max(1, mentions.count) {
            let previous = mentions[m - 1], current = mentions[m]
            guard current.firstToken == previous.endToken, previous.role == .place, current.role == .place else { continue }
            let g = Int(groupOfMention[m - 1]), q = Int(groupOfMention[m])
            guard g != q, current.followsAsQualifier else { continue }
            qualifiers.add(g, q)
            qualified.add(q, g)
        }
        qualifiers.finish(groupCount: groups.count)
        qualified.finish(groupCount: groups.count)
    }

    private mutating func computeContext() {
        masses.beginRound()
        let all = candidates.baseAddressForWriting()
        for g in groups.indices {
            var vector = (0.0, 0.0, 0.0)
            let weight = groups[g].weight
            for k in groups[g].candidateStart..<groups[g].candidateEnd {
                let c = all[k]
                let mass = c.probability * weight * (c.kind == .country || c.kind == .admin1 ? 1.5 : 1)
                masses.add(mass, countrySlot: c.countrySlot, admin1Slot: c.admin1Slot)
                let pull = Resolver.isLocal(c.kind) ? 1.0 : (c.kind == .admin1 ? 0.5 : (c.kind == .country ? 0.25 : 0))
                vector.0 += c.x * mass * pull; vector.1 += c.y * mass * pull; vector.2 += c.z * mass * pull
            }
            groups[g].vector = vector
        }
        masses.endRound()
    }

    /// Scores every candidate in the article's context and normalises each group. A group of one
    /// candidate has probability 1 whatever its score, and its score counts only after the last
    /// round, so it is rescored only then. The context features are written to the rows only in
    /// the last round (until then nothing reads them).
    private mutating func rescore(last: Bool) {
        var total = (0.0, 0.0, 0.0)
        for group in groups { total.0 += group.vector.0; total.1 += group.vector.1; total.2 += group.vector.2 }
        let width = Resolver.featureCount
        let countryWeight = model[.countryContext], admin1Weight = model[.admin1Context]
        let containsWeight = model[.containsContext], proximityWeight = model[.proximity]
        let insideWeight = model[.qualifierInside], qualifierContainsWeight = model[.qualifierContains]
        // Neither array grows here: their elements are read and written through their pointers.
        let all = candidates.baseAddressForWriting(), rows = features.baseAddressForWriting()
        for g in groups.indices {
            let group = groups[g]
            guard last || group.candidateEnd - group.candidateStart > 1 else { continue }
            let others = (total.0 - group.vector.0, total.1 - group.vector.1, total.2 - group.vector.2)
            let othersLength = (others.0 * others.0 + others.1 * others.1 + others.2 * others.2).squareRoot()
            let centre = othersLength > 1e-9 ? (others.0 / othersLength, others.1 / othersLength, others.2 / othersLength) : nil
            let qualifierRange = qualifiers.range(of: g), qualifiedRange = qualified.range(of: g)
            for k in group.candidateStart..<group.candidateEnd {
                let c = all[k]
                var countryContext = 0.0, admin1Context = 0.0, contains = 0.0, proximity = 0.0
                var qualifierInside = 0.0, qualifierContains = 0.0
                if c.countrySlot >= 0 && c.kind != .country { countryContext = masses.countryContext(slot: c.countrySlot) }
                if c.admin1Slot >= 0 && c.kind != .admin1 { admin1Context = masses.admin1Context(slot: c.admin1Slot) }
                if c.kind == .country || c.kind == .admin1 {
                    // log1p(±0) is ±0.
                    let mass = containers.mass(c.containerList, excluding: Int32(g), candidates, groups)
                    contains = mass == 0 ? mass : log1p(mass)
                }
                if let centre, Resolver.isLocal(c.kind) || c.kind == .admin1 {
                    proximity = Sphere.proximity((c.x, c.y, c.z), centre)
                }
                for q in qualifierRange { qualifierInside += containment(of: c, in: qualifiers[q]) }
                for q in qualifiedRange { qualifierContains += containing(c, group: qualified[q]) }
                if last {
                    let row = rows + k * width
                    row[CandidateFeature.countryContext.rawValue] = countryContext
                    row[CandidateFeature.admin1Context.rawValue] = admin1Context
                    row[CandidateFeature.containsContext.rawValue] = contains
                    row[CandidateFeature.proximity.rawValue] = proximity
                    row[CandidateFeature.qualifierInside.rawValue] = qualifierInside
                    row[CandidateFeature.qualifierContains.rawValue] = qualifierContains
                }
                all[k].score = c.prior
                    + countryWeight * countryContext + admin1Weight * admin1Context
                    + containsWeight * contains + proximityWeight * proximity
                    + insideWeight * qualifierInside + qualifierContainsWeight * qualifierContains
            }
            Resolver.normalise(all, group.candidateStart..<group.candidateEnd)
        }
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
        if candidates[best].score < model.noGoodCandidateBelow {
            return Resolution(entry: nil, probability: 0, runnerUp: nil, runnerUpProbability: 0)
        }
        let p1 = candidates[best].probability
        let p2 = second >= 0 ? candidates[second].probability : 0
        let close = second >= 0 && p2 >= 0.2 && candidates[second].entry != candidates[best].entry
        return Resolution(entry: candidates[best].entry, probability: p1,
                          runnerUp: close ? candidates[second].entry : nil, runnerUpProbability: close ? p2 : 0)
    }

    /// Candidates of the last document with their feature rows, for training.
    func candidateRows(forGroup g: Int) -> [(entry: Int32, features: [Double])] {
        let width = Resolver.featureCount
        return (groups[g].candidateStart..<groups[g].candidateEnd).map { k in
            (candidates[k].entry, Array(features[(k * width)..<((k + 1) * width)]))
        }
    }
}
