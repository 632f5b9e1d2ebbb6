/// Finds the toponyms of one tokenised text: the span matcher proposes gazetteer names, and the
/// recognition model keeps those whose context says they are places (not a person's first name,
/// a common word at the start of a sentence, an organisation, …).
struct Recognizer {
    let gazetteer: Gazetteer
    let words: WordClasses
    let model: RecognitionModel
    private let matcher: SpanMatcher

    /// Every span the matcher proposed, with features and probability, before filtering.
    private(set) var proposals: [Mention] = []
    /// The proposals' feature rows.
    private var rows = FeatureRows(width: Recognizer.featureCount)
    private var surnames: [UInt64] = []
    /// Proposals with the same name key: their indices ordered by key, each proposal's run in that
    /// order, and per run the two highest probabilities.
    private var byName: [Int] = []
    private var runOfProposal: [Int] = []
    private var runStarts: [Int] = []
    private var notAtSentenceStart: [Int] = []
    private var runBest: [Float] = []
    private var runBestProposal: [Int] = []
    private var runSecond: [Float] = []
    /// Per proposal: what its usable candidates are, the same for every proposal of one name.
    private var summaries: [CandidateSummary] = []

    static let featureCount = MentionFeature.allCases.count

    /// The feature vectors of the proposals, for training.
    var features: [FeatureVector] {
        proposals.indices.map { FeatureVector(values: rows.values(ofRow: $0)) }
    }

    init(gazetteer: Gazetteer, words: WordClasses = .english, model: RecognitionModel) {
        self.gazetteer = gazetteer
        self.words = words
        self.model = model
        matcher = SpanMatcher(gazetteer: gazetteer, words: words)
    }

    /// Proposes and scores the mentions of the text in `tokenizer`; returns those kept.
    mutating func recognize(_ tokenizer: Tokenizer, text: UnsafeBufferPointer<UInt8>) -> [Mention] {
        proposals.removeAll(keepingCapacity: true)
        prefetchTokenLookups(tokenizer.tokens)
        matcher.match(tokenizer, text: text, into: &proposals)
        prefetchCandidateEntries()
        collectSurnames(tokenizer.tokens)
        let tokens = tokenizer.tokens
        groupByName(tokens)
        summariseCandidates()
        rows.reset(rows: proposals.count)
        for m in proposals.indices {
            let row = rows.row(m)
            fillFeatures(m, tokenizer, into: row)
            proposals[m].probability = model.probability(UnsafePointer(row.values))
        }
        // One sense per name per article: how surely the same name is a place elsewhere in it;
        // and how surely its neighbours in a list are places.
        rankProbabilitiesByName()
        for m in proposals.indices {
            let run = runOfProposal[m]
            let strongest = runBestProposal[run] == m ? runSecond[run] : runBest[run]
            let row = rows.row(m)
            row[.sameNameRecognisedElsewhere] = strongest
            var neighbour: Float = 0
            if m > 0, Recognizer.listed(proposals[m - 1], proposals[m], tokens) { neighbour = max(neighbour, proposals[m - 1].probability) }
            if m + 1 < proposals.count, Recognizer.listed(proposals[m], proposals[m + 1], tokens) { neighbour = max(neighbour, proposals[m + 1].probability) }
            row[.listedWithPlaces] = neighbour
        }
        var kept: [Mention] = []
        for m in proposals.indices {
            proposals[m].probability = model.probability(UnsafePointer(rows.row(m).values))
            if proposals[m].probability >= model.threshold && !gazetteer.ignoresName(keyHash: proposals[m].keyHash) {
                kept.append(proposals[m])
            }
        }
        return kept
    }

    /// The index lookups of capitalised tokens — the name and organisation filter block, the first
    /// name slot, the lexicon slot — are random reads in tables of megabytes: started for the whole
    /// text at once, their cache misses overlap. Only timing changes.
    private func prefetchTokenLookups(_ tokens: ScratchArray<Token>) {
        for token in tokens where matcher.canStart(token) {
            gazetteer.prefetchFilter(token.hash)
            gazetteer.prefetchSlot(token.hash)
            gazetteer.prefetchLexicon(token.hash)
        }
    }

    /// The entry records the features read for each proposal's candidates (population, kind).
    private func prefetchCandidateEntries() {
        for proposal in proposals {
            for posting in proposal.candidates.prefix(Recognizer.prefetchedCandidates) { gazetteer.prefetchEntry(posting.entry) }
            gazetteer.prefetchLexicon(proposal.keyHash)
        }
    }

    private static let prefetchedCandidates = 16

    /// Orders the proposals by name key and counts, per run of one name, the proposals that do not
    /// start a sentence.
    private mutating func groupByName(_ tokens: ScratchArray<Token>) {
        byName.removeAll(keepingCapacity: true)
        byName.append(contentsOf: proposals.indices)
        byName.withUnsafeMutableBufferPointer { order in
            proposals.withUnsafeBufferPointer { proposals in
                order.sort { a, b in
                    proposals[a].keyHash != proposals[b].keyHash ? proposals[a].keyHash < proposals[b].keyHash : a < b
                }
            }
        }
        runOfProposal.removeAll(keepingCapacity: true)
        runOfProposal.append(contentsOf: repeatElement(0, count: proposals.count))
        runStarts.removeAll(keepingCapacity: true)
        notAtSentenceStart.removeAll(keepingCapacity: true)
        for (k, m) in byName.enumerated() {
            if k == 0 || proposals[byName[k - 1]].keyHash != proposals[m].keyHash {
                runStarts.append(k)
                notAtSentenceStart.append(0)
            }
            runOfProposal[m] = runStarts.count - 1
            if !tokens[Int(proposals[m].firstToken)].gap.contains(.sentenceStart) { notAtSentenceStart[runStarts.count - 1] += 1 }
        }
        runStarts.append(byName.count)
    }

    /// Summarises each proposal's usable candidates, once per name: proposals with the same key,
    /// role and letter case (which decides the usable abbreviations) share it.
    private mutating func summariseCandidates() {
        summaries.removeAll(keepingCapacity: true)
        summaries.append(contentsOf: repeatElement(CandidateSummary(), count: proposals.count))
        var previous = -1
        for m in byName {
            let mention = proposals[m]
            if previous >= 0, proposals[previous].keyHash == mention.keyHash, proposals[previous].role == mention.role,
               proposals[previous].caseSignature == mention.caseSignature {
                summaries[m] = summaries[previous]
            } else {
                summaries[m] = CandidateSummary(mention, gazetteer)
            }
            previous = m
        }
    }

    /// The two highest probabilities of each run of one name (0 when there are none).
    private mutating func rankProbabilitiesByName() {
        let runs = runStarts.count - 1
        runBest.removeAll(keepingCapacity: true)
        runBestProposal.removeAll(keepingCapacity: true)
        runSecond.removeAll(keepingCapacity: true)
        for run in 0..<max(0, runs) {
            var best: Float = 0, second: Float = 0, bestProposal = -1
            for k in runStarts[run]..<runStarts[run + 1] {
                let m = byName[k], p = proposals[m].probability
                if bestProposal < 0 || p > best {
                    second = max(second, best)
                    best = max(best, p)
                    bestProposal = m
                } else {
                    second = max(second, p)
                }
            }
            runBest.append(best)
            runBestProposal.append(bestProposal)
            runSecond.append(second)
        }
    }

    /// Whether two mentions follow each other in a list: `A, B`, `A and B`, `A or B`.
    /// (Static: a method on `self` here would copy the whole recognizer for every call, since
    /// the caller writes feature rows through a pointer that the compiler cannot tell from `self`.)
    private static func listed(_ a: Mention, _ b: Mention, _ tokens: ScratchArray<Token>) -> Bool {
        let between = Int(b.firstToken) - Int(a.endToken)
        let gap = tokens[Int(b.firstToken)].gap
        if between == 0 { return gap.contains(.comma) && gap.isSubset(of: [.comma, .space]) }
        guard between == 1 else { return false }
        let middle = tokens[Int(a.endToken)]
        return (middle.hash == WordHash.and || middle.hash == WordHash.or)
            && middle.gap.isSubset(of: [.space, .comma]) && gap == .space
    }


    /// Surnames of people the text names: the word after a first name or a title.
    private mutating func collectSurnames(_ tokens: ScratchArray<Token>) {
        surnames.removeAll(keepingCapacity: true)
        guard tokens.count > 1 else { return }
        for k in 0..<(tokens.count - 1) {
            let token = tokens[k], next = tokens[k + 1]
            guard next.shape.contains(.capitalized), !next.shape.contains(.allCaps), next.gap.isSubset(of: [.space, .stop]) else { continue }
            let isTitle = words.classes(of: token.hash).contains(.title)
            guard isTitle || (token.shape.contains(.capitalized) && !token.shape.contains(.allCaps)
                && next.gap == .space && gazetteer.lexiconFlags(forKeyHash: token.hash).contains(.firstName)) else { continue }
            if !isTitle && next.gap.contains(.stop) { continue }
            // The surname is the last capitalised word of the name: "Vladimir Vladimirovich Putin".
            var last = k + 1
            while last + 1 < tokens.count, tokens[last + 1].gap == .space, tokens[last + 1].shape.contains(.capitalized) {
                last += 1
            }
            if !surnames.contains(tokens[last].hash) { surnames.append(tokens[last].hash) }
        }
    }

    private func fillFeatures(_ m: Int, _ tokenizer: Tokenizer, into f: FeatureRow) {
        // The closures below capture this local, not `self` (which would copy the recognizer).
        let gazetteer = self.gazetteer
        let tokens = tokenizer.tokens
        let mention = proposals[m]
        let first = Int(mention.firstToken), nameEnd = Int(mention.nameEndToken), end = Int(mention.endToken)
        let firstToken = tokens[first]
        f[.bias] = 1
        let single = nameEnd - first == 1
        let lexicon = gazetteer.lexiconFlags(forKeyHash: mention.keyHash)
        let firstClasses = words.classes(of: firstToken.hash)
        let sentenceStart = firstToken.gap.contains(.sentenceStart)

        var allCaps = true
        for k in first..<nameEnd where !tokens[k].shape.contains(.allCaps) { allCaps = false }
        f[.allCaps] = allCaps ? 1 : 0
        f[.sentenceStart] = sentenceStart ? 1 : 0
        // An abbreviation matched in its exact case (`U.S.`, `L.A.`) is not the common word `us`.
        let writtenAsAbbreviation = firstToken.shape.contains(.initialism) || (allCaps && single && firstToken.foldEnd - firstToken.foldStart <= 3)
        if single && lexicon.contains(.commonWord) && !writtenAsAbbreviation {
            f[.commonWord] = 1
            if sentenceStart { f[.commonWordAtSentenceStart] = 1 }
        }
        // Only a one-word name can be a person's first name.
        let firstNameFlag = single && gazetteer.lexiconFlags(forKeyHash: firstToken.hash).contains(.firstName)
        if firstNameFlag {
            f[.firstName] = 1
            if end < tokens.count, tokens[end].gap == .space, tokens[end].shape.contains(.capitalized),
               !tokens[end].shape.contains(.allCaps) || allCaps,
               mention.endToken == mention.nameEndToken {
                let nextIsPlace = m + 1 < proposals.count && proposals[m + 1].firstToken == Int32(end)
                    && proposals[m + 1].candidates.contains(where: { $0.type == .primary && gazetteer.population($0.entry) > 50_000 })
                if !nextIsPlace { f[.firstNameBeforeCapitalized] = 1 }
            }
        }
        if first > 0 {
            let previous = tokens[first - 1]
            let previousClasses = words.classes(of: previous.hash)
            let spaceOnly = firstToken.gap == .space
            if spaceOnly && previous.shape.contains(.capitalized) && !previous.shape.contains(.allCaps)
                && gazetteer.lexiconFlags(forKeyHash: previous.hash).contains(.firstName) {
                f[.afterFirstName] = 1
            }
            if previousClasses.contains(.title) && (spaceOnly || (firstToken.gap.isSubset(of: [.space, .stop]) && previous.shape.contains(.trailingPeriod))) {
                f[.afterTitle] = 1
            }
            if spaceOnly && previous.shape.contains(.capitalized) && !previous.gap.contains(.sentenceStart)
                && !previousClasses.contains(.title) && !previousClasses.contains(.locativePreposition) {
                f[.afterCapitalized] = 1
            }
            if spaceOnly && previousClasses.contains(.locativePreposition) && !previous.shape.contains(.capitalized) {
                f[.afterLocativePreposition] = 1
            }
            if spaceOnly && previous.hash == WordHash.the && !previous.shape.contains(.capitalized) {
                f[.afterThe] = 1
                if first > 1, tokens[first - 2].gap.isSubset(of: [.space]), !tokens[first - 2].shape.contains(.capitalized),
                   words.classes(of: tokens[first - 2].hash).contains(.locativePreposition) {
                    f[.afterLocativePreposition] = 1
                }
            }
        }
        if end < tokens.count {
            let next = tokens[end]
            let nextClasses = words.classes(of: next.hash)
            if next.gap == .space && next.shape.contains(.capitalized) {
                if nextClasses.contains(.organisationHead) { f[.beforeOrganisationHead] = 1 }
                else if nextClasses.contains(.institutionHead) { f[.beforeInstitutionHead] = 1 }
                else { f[.beforeCapitalized] = 1 }
            }
            if next.gap == .space && nextClasses.contains(.speechVerb) && !next.shape.contains(.capitalized) {
                f[.beforeSpeechVerb] = 1
            }
            if next.gap.contains(.hyphen) && !next.shape.contains(.capitalized) { f[.beforeHyphenWord] = 1 }
        }
        if m + 1 < proposals.count, proposals[m + 1].firstToken == Int32(end), proposals[m + 1].followsAsQualifier,
           proposals[m + 1].candidates.contains(where: { gazetteer.kind($0.entry) == .country || gazetteer.kind($0.entry) == .admin1 }) {
            f[.beforeCommaPlace] = 1
        }
        if mention.adminPreference != .none && end == nameEnd { f[.afterPlaceIntroducer] = 1 }
        if describedAsPlace(after: end, tokens) { f[.describedAsPlace] = 1 }
        if m > 0, proposals[m - 1].endToken == Int32(first), mention.followsAsQualifier {
            f[.afterCommaPlace] = 1
        }
        if insideOrganisation(mention, tokenizer) { f[.insideOrganisation] = 1 }
        f[.demonym] = mention.role == .demonym ? 1 : 0

        let summary = summaries[m]
        let usable = Int(summary.usable)
        f[.abbreviation] = summary.abbreviationOnly && usable > 0 ? 1 : 0
        f[.alternateNameOnly] = summary.hasPrimary || mention.role == .demonym ? 0 : 1
        f[.lowercaseNameOnly] = summary.allLowercase && usable > 0 ? 1 : 0
        f[.nonLatinNameOnly] = summary.allNonLatin && usable > 0 ? 1 : 0
        f[.logPopulation] = summary.logPopulation
        f[.countryOrAdmin1] = summary.adminOrCountry ? 1 : 0
        f[.regionOrPhysical] = summary.regional ? 1 : 0
        f[.multiToken] = nameEnd - first > 1 ? 1 : 0
        f[.candidateCount] = Recognizer.candidateCountFeature(usable)
        if single && surnames.contains(mention.keyHash) { f[.personSurnameInDocument] = 1 }
        let othersNotAtSentenceStart = notAtSentenceStart[runOfProposal[m]] - (firstToken.gap.contains(.sentenceStart) ? 0 : 1)
        if othersNotAtSentenceStart > 0 { f[.sameNameElsewhere] = 1 }
        f[.hashtag] = firstToken.shape.contains(.tagged) ? 1 : 0
        f[.fuzzyMatch] = mention.fuzzy ? 1 : 0
        if end > nameEnd { f[mention.unknownHead ? .geographicHead : .adminSuffix] = 1 }
        f[.possessive] = tokens[nameEnd - 1].shape.contains(.possessive) ? 1 : 0
        f[.shortToken] = single && !allCaps && firstToken.foldEnd - firstToken.foldStart <= 3 ? 1 : 0
        f[.calendarWord] = single && firstClasses.contains(.calendar) ? 1 : 0
        f[.functionWord] = single && firstClasses.contains(.functionWord) ? 1 : 0
        if allCaps {
            let previousCaps = first == 0 || tokens[first - 1].shape.contains(.allCaps) || !tokens[first - 1].shape.contains(.hasLetter)
            let nextCaps = end >= tokens.count || tokens[end].shape.contains(.allCaps) || !tokens[end].shape.contains(.hasLetter)
            if previousCaps && nextCaps { f[.allCapsSentence] = 1 }
        }
        var nearby = 0
        for other in max(0, m - 4)..<min(proposals.count, m + 5) where other != m {
            let distance = abs(Int(proposals[other].firstToken) - first)
            if distance < 25 { nearby += 1 }
        }
        f[.placesInSentence] = Float(min(nearby, 3)) / 3
    }

    /// log2(count + 1) / 5, from a table for the usual counts (the same values, without a libm call).
    @inline(__always)
    private static func candidateCountFeature(_ count: Int) -> Float {
        count < candidateCountFeatures.count ? candidateCountFeatures[count] : Float(log2(Double(count) + 1) / 5)
    }

    private static let candidateCountFeatures: [Float] = (0..<256).map { Float(log2(Double($0) + 1) / 5) }

    /// `X is a town in …`, `X, a city of …`, `X is an unincorporated community`: the words after
    /// the name say what it is.
    private func describedAsPlace(after end: Int, _ tokens: ScratchArray<Token>) -> Bool {
        var k = end
        var steps = 0
        while k < tokens.count && steps < 5 {
            let token = tokens[k]
            if token.gap.contains(.stop) || token.gap.contains(.newline) { return false }
            let classes = words.classes(of: token.hash)
            if classes.contains(.settlementNoun) && !token.shape.contains(.capitalized) { return true }
            guard token.hash == WordHash.is || token.hash == WordHash.was || classes.contains(.functionWord)
                    || classes.contains(.compass) || token.hash == WordHash.small || token.hash == WordHash.large
            else { return false }
            k += 1
            steps += 1
        }
        return false
    }


    /// Whether a known organisation name covers the mention (`New York Times`, `Texas Instruments`).
    private func insideOrganisation(_ mention: Mention, _ tokenizer: Tokenizer) -> Bool {
        let tokens = tokenizer.tokens
        let first = Int(mention.firstToken), end = Int(mention.nameEndToken)
        var start = first
        // Organisation names run over capitalised words and connectors only.
        while start > 0, first - start < 3, tokens[start].gap.isSubset(of: [.space, .hyphen]),
              tokens[start - 1].shape.contains(.capitalized) || words.classes(of: tokens[start - 1].hash).contains(.connector) {
            start -= 1
        }
        return tokenizer.folded.withUnsafeBufferPointer { folded -> Bool in
            for s in start...first {
                var hash = tokens[s].hash
                var k = s
                while true {
                    guard gazetteer.mayBeginOrganisationName(hash) else { break }
                    // Only spans that cover the whole mention count.
                    if k + 1 >= end && gazetteer.lexiconFlags(forKeyHash: hash).contains(.organisation) { return true }
                    k += 1
                    guard k < tokens.count, k - s < 6, tokens[k].gap.isSubset(of: [.space, .hyphen]),
                          tokens[k].shape.contains(.capitalized) || words.classes(of: tokens[k].hash).contains(.connector)
                    else { break }
                    hash = NameHash.extend(hash, with: UnsafeBufferPointer(rebasing: folded[Int(tokens[k].foldStart)..<Int(tokens[k].foldEnd)]))
                }
            }
            return false
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a proposal's usable candidates are (abbreviations only in their own letter case, demonyms
/// only for demonym mentions): the facts the recognition features read from them.
private struct CandidateSummary {
    var usable: Int32 = 0
    var hasPrimary = false, allLowercase = true, allNonLatin = true, abbreviationOnly = true
    var adminOrCountry = false, regional = false
    var logPopulation: Float = 0

    init() {}

    init(_ mention: Mention, _ gazetteer: Gazetteer) {
        var maxPopulation = 0
        for posting in mention.candidates {
            if posting.type == .abbreviation && posting.caseSignature != mention.caseSignature { continue }
            if (posting.type == .demonym) != (mention.role == .demonym) { continue }
            usable += 1
            if posting.type == .primary { hasPrimary = true }
            if posting.type != .abbreviation { abbreviationOnly = false }
            if !posting.flags.contains(.lowercase) { allLowercase = false }
            if !posting.flags.contains(.nonLatin) { allNonLatin = false }
            maxPopulation = max(maxPopulation, gazetteer.population(posting.entry))
            switch gazetteer.kind(posting.entry) {
            case .country, .admin1: adminOrCountry = true
            case .region, .water, .landform, .landmark: regional = true
            default: break
            }
        }
        logPopulation = Float(log10(Double(maxPopulation) + 1) / 7)
    }
}
