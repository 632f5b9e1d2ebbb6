/// Finds the spans of a tokenised text that are gazetteer names: left to right, the longest name
/// starting at each capitalised token, extended by an admin suffix (`Luhansk region`), a
/// `People's Republic`, or a geographic head noun (`Neches River`).
struct SpanMatcher {
    let gazetteer: Gazetteer
    let words: WordClasses


    /// Appends the mentions of `tokens` to `mentions`.
    func match(_ tokenizer: Tokenizer, text: UnsafeBufferPointer<UInt8>, into mentions: inout [Mention]) {
        let tokens = tokenizer.tokens
        let count = tokens.count
        let maxTokens = gazetteer.maxNameTokens
        var i = 0
        tokenizer.folded.withUnsafeBufferPointer { folded in
            while i < count {
                let first = tokens[i]
                guard canStart(first) else { i += 1; continue }
                var hash = first.hash
                var bestEnd = -1
                var bestList = PostingList.empty
                var bestSignature: UInt16 = 0
                var j = i
                while true {
                    if gazetteer.mayBeNameKey(hash) {
                        let list = gazetteer.postings(forKeyHash: hash)
                        if !list.isEmpty {
                            let signature = caseSignature(tokens, i, j + 1, text)
                            if hasUsablePosting(list, signature: signature) {
                                bestEnd = j + 1
                                bestList = list
                                bestSignature = signature
                            }
                        }
                    }
                    guard gazetteer.mayBeginLongerNameKey(hash) else { break }
                    j += 1
                    guard j < count, j - i < maxTokens, canContinue(tokens[j]) else { break }
                    hash = NameHash.extend(hash, with: UnsafeBufferPointer(rebasing: folded[Int(tokens[j].foldStart)..<Int(tokens[j].foldEnd)]))
                }
                var fuzzy = false
                if bestEnd < 0, let key = fuzzyKey(at: i, tokens, folded) {
                    bestEnd = i + 1
                    bestList = gazetteer.postings(forKeyHash: key)
                    bestSignature = caseSignature(tokens, i, i + 1, text)
                    fuzzy = true
                }
                // A lone compass word ("the West", "North") is a direction, not a place's name.
                guard bestEnd > 0, bestEnd > i + 1 || !words.classes(of: first.hash).contains(.compass) else { i += 1; continue }
                var mention = Mention(firstToken: Int32(i), endToken: Int32(bestEnd), nameEndToken: Int32(bestEnd),
                                      keyHash: hashOf(tokens, i, bestEnd, folded), candidates: bestList,
                                      role: role(of: bestList), adminPreference: .none, unknownHead: false,
                                      probability: 0, qualifier: -1, caseSignature: bestSignature,
                                      gapBefore: first.gap, fuzzy: fuzzy)
                extend(&mention, tokens)
                mention.adminPreference = mention.adminPreference == .none ? introducedPreference(tokens, i) : mention.adminPreference
                mentions.append(mention)
                i = Int(mention.endToken)
            }
        }
    }

    /// The name one letter away from a long capitalised word that matched nothing (`Severodonetk`),
    /// only where the words around it say a place is named: after a locative preposition (`in`,
    /// `near`, `from`), after `the region of`, `the village of`, or before `Oblast`, `County`.
    /// Dictionary words, first names, organisations and the word classes the rules know are never
    /// taken for misspelt names. Of several names one edit away, the one of the largest place.
    private func fuzzyKey(at i: Int, _ tokens: ScratchArray<Token>, _ folded: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let token = tokens[i]
        guard Int(token.foldEnd - token.foldStart) >= FuzzyKeys.minimumLength,
              token.shape.contains(.capitalized),
              token.shape.isDisjoint(with: [.hasDigit, .tagged, .initialism, .innerCapital]),
              placeIsNamedAround(i, tokens),
              words.classes(of: token.hash).isEmpty,
              gazetteer.lexiconFlags(forKeyHash: token.hash).isEmpty
        else { return nil }
        var best: (hash: UInt64, population: Int)?
        let word = UnsafeBufferPointer(rebasing: folded[Int(token.foldStart)..<Int(token.foldEnd)])
        gazetteer.forEachFuzzyKey(near: word) { hash, _ in
            var population = -1
            for posting in gazetteer.postings(forKeyHash: hash) where posting.type != .abbreviation {
                population = max(population, gazetteer.population(posting.entry))
            }
            if population >= 0, best == nil || population > best!.population || (population == best!.population && hash < best!.hash) {
                best = (hash, population)
            }
        }
        return best?.hash
    }

    /// Whether the words next to token `i` say that it names a place.
    private func placeIsNamedAround(_ i: Int, _ tokens: ScratchArray<Token>) -> Bool {
        let token = tokens[i]
        if i > 0, token.gap == .space {
            let previous = tokens[i - 1]
            if !previous.shape.contains(.capitalized), words.classes(of: previous.hash).contains(.locativePreposition) { return true }
        }
        if introducedPreference(tokens, i) != .none { return true }
        if i + 1 < tokens.count, tokens[i + 1].gap.isSubset(of: [.space, .hyphen]),
           !words.classes(of: tokens[i + 1].hash).isDisjoint(with: [.admin1Suffix, .admin2Suffix]) {
            return true
        }
        return false
    }

    @inline(__always)
    func canStart(_ token: Token) -> Bool {
        token.shape.contains(.hasLetter)
            && (token.shape.contains(.capitalized) || token.shape.contains(.tagged))
    }

    @inline(__always)
    func canContinue(_ token: Token) -> Bool {
        // A period inside a name follows an abbreviation (`St. Petersburg`) and starts no sentence.
        guard token.gap.isSubset(of: [.space, .hyphen, .stop]), !token.gap.contains(.sentenceStart) else { return false }
        if token.shape.contains(.capitalized) || token.shape.contains(.hasDigit) { return true }
        let classes = words.classes(of: token.hash)
        return !classes.isDisjoint(with: [.connector, .geographicHead, .admin1Suffix, .admin2Suffix])
    }

    private func hashOf(_ tokens: ScratchArray<Token>, _ start: Int, _ end: Int, _ folded: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = tokens[start].hash
        for k in (start + 1)..<end where end > start + 1 {
            hash = NameHash.extend(hash, with: UnsafeBufferPointer(rebasing: folded[Int(tokens[k].foldStart)..<Int(tokens[k].foldEnd)]))
        }
        return hash
    }

    private func caseSignature(_ tokens: ScratchArray<Token>, _ start: Int, _ end: Int, _ text: UnsafeBufferPointer<UInt8>) -> UInt16 {
        CaseSignature.of(UnsafeBufferPointer(rebasing: text[Int(tokens[start].byteStart)..<Int(tokens[end - 1].byteEnd)]))
    }

    /// Whether a list has a posting that is not an abbreviation written in another letter case.
    private func hasUsablePosting(_ list: PostingList, signature: UInt16) -> Bool {
        if !list.types.isSubset(of: PostingList.Types(.abbreviation)) { return true }
        for posting in list where posting.type != .abbreviation || posting.caseSignature == signature {
            return true
        }
        return false
    }

    /// Demonym when the key is a demonym and no entry has it as its primary name.
    private func role(of list: PostingList) -> MentionRole {
        !list.types.contains(PostingList.Types(.primary)) && list.types.contains(PostingList.Types(.demonym)) ? .demonym : .place
    }

    /// Extends a mention over an admin suffix, a `People's Republic`, or a geographic head noun.
    private func extend(_ mention: inout Mention, _ tokens: ScratchArray<Token>) {
        let end = Int(mention.endToken)
        guard end < tokens.count, mention.role == .place else { return }
        let next = tokens[end]
        guard next.gap.isSubset(of: [.space, .hyphen]) else { return }
        let classes = words.classes(of: next.hash)
        if classes.contains(.admin1Suffix) || classes.contains(.admin2Suffix) {
            mention.endToken += 1
            mention.adminPreference = classes.contains(.admin1Suffix) ? .admin1 : .admin2
        } else if next.hash == WordHash.people, next.shape.contains(.possessive), end + 1 < tokens.count,
                  tokens[end + 1].hash == WordHash.republic {
            mention.endToken += 2
            mention.adminPreference = .admin1
        } else if classes.contains(.geographicHead) && next.shape.contains(.capitalized) {
            mention.endToken += 1
            mention.unknownHead = true
        }
    }

    /// `the region of X`, `the city of X`: the phrase before a name says what kind it is.
    private func introducedPreference(_ tokens: ScratchArray<Token>, _ start: Int) -> AdminPreference {
        guard start >= 2, tokens[start - 1].hash == WordHash.of,
              tokens[start].gap.isSubset(of: [.space]), tokens[start - 1].gap.isSubset(of: [.space]) else { return .none }
        let introducer = tokens[start - 2]
        guard words.classes(of: introducer.hash).contains(.adminIntroducer) else { return .none }
        switch introducer.hash {
        case WordHash.county, WordHash.parish, WordHash.district: return .admin2
        case WordHash.city, WordHash.town, WordHash.village, WordHash.municipality, WordHash.mayor: return .locality
        default: return .admin1
        }
    }

}

extension PostingList {
    static let empty = PostingList(storage: UnsafeRawBufferPointer(start: nil, count: 0), start: 0, count: 0)
}
