import Testing
@testable import GeoMap

/// `Tokenizer` (eight ASCII bytes at a time, offsets from byte counts, unrolled hash) against a
/// plain reference that walks the text one Unicode scalar at a time and spells every rule out.
/// Both read the same per-scalar folding table (`ScalarFolding`); `NameKeyDifferentialTests`
/// checks that table against the folding rules themselves.
struct ReferenceTokenizer {
    struct Output: Equatable {
        var tokens: [Fields] = []
        var folded: [UInt8] = []
    }

    /// A token's fields, comparable.
    struct Fields: Equatable, CustomStringConvertible {
        var byteStart, byteEnd, charStart, charEnd, foldStart, foldEnd: Int
        var hash: UInt64
        var shape: UInt16
        var gap: UInt16

        init(byteStart: Int, byteEnd: Int, charStart: Int, charEnd: Int, foldStart: Int, foldEnd: Int,
             hash: UInt64, shape: TokenShape, gap: TokenGap) {
            (self.byteStart, self.byteEnd, self.charStart, self.charEnd) = (byteStart, byteEnd, charStart, charEnd)
            (self.foldStart, self.foldEnd, self.hash) = (foldStart, foldEnd, hash)
            (self.shape, self.gap) = (shape.rawValue, gap.rawValue)
        }

        init(_ token: Token) {
            self.init(byteStart: Int(token.byteStart), byteEnd: Int(token.byteEnd), charStart: Int(token.charStart),
                      charEnd: Int(token.charEnd), foldStart: Int(token.foldStart), foldEnd: Int(token.foldEnd),
                      hash: token.hash, shape: token.shape, gap: token.gap)
        }

        var description: String {
            "bytes \(byteStart)..<\(byteEnd) chars \(charStart)..<\(charEnd) fold \(foldStart)..<\(foldEnd) "
                + "hash \(String(hash, radix: 16)) shape \(String(shape, radix: 2)) gap \(String(gap, radix: 2))"
        }
    }

    /// Abbreviations after which a period does not end a sentence (folded, after rewrites).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "saint", "sainte", "mount", "fort", "gen", "lt", "col", "sgt", "capt", "cpl",
        "maj", "adm", "rep", "reps", "sen", "sens", "gov", "govt", "prof", "rev", "jr", "sr", "inc", "co",
        "corp", "ltd", "no", "nos", "vs", "v", "ave", "blvd", "rd", "hwy", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "est", "approx", "etc", "al", "pres",
        "supt", "det", "insp", "cmdr", "atty", "hon", "msgr", "fr", "ft", "mt", "st", "ste",
    ]
    static let rewrites: [String: String] = ["st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"]

    /// One scalar as the rules see it.
    struct Scalar {
        var value: UInt32
        var byteOffset: Int
        var utf8: [UInt8]
        var role: ScalarRole
        /// For a letter: its folded bytes, whether it counts as a letter (a combining mark does
        /// not), whether it is upper case and whether it is ASCII.
        var fold: [UInt8]
        var isLetter: Bool
        var isUpper: Bool
    }

    /// What a non-ASCII scalar is to the rules: its role, folded bytes, whether it counts as a
    /// letter and whether it is upper case.
    typealias Classifier = (Unicode.Scalar) -> (role: ScalarRole, fold: [UInt8], isLetter: Bool, isUpper: Bool)

    /// The folding table's answer, as the tokenizer reads it.
    static func tableClassifier(_ scalar: Unicode.Scalar) -> (role: ScalarRole, fold: [UInt8], isLetter: Bool, isUpper: Bool) {
        let described = ScalarFolding.describe(nonASCII: scalar.value)
        guard described.role == .letters else { return (described.role, [], false, false) }
        let fold = described.foldOffset < 0
            ? Array(String(scalar).utf8)
            : Array(FoldTable.bytes[described.foldOffset..<(described.foldOffset + described.foldLength)])
        return (.letters, fold, described.foldOffset < 0 || described.foldLength > 0, described.isUpper)
    }

    static func scalars(of text: String, classifier: Classifier = tableClassifier) -> [Scalar] {
        var result: [Scalar] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            let utf8 = Array(String(scalar).utf8)
            let value = scalar.value
            var item = Scalar(value: value, byteOffset: offset, utf8: utf8, role: .punctuation, fold: [], isLetter: false, isUpper: false)
            if value < 0x80 {
                switch scalar {
                case "a"..."z": (item.role, item.fold, item.isLetter) = (.letters, utf8, true)
                case "A"..."Z": (item.role, item.fold, item.isLetter, item.isUpper) = (.letters, [UInt8(value) + 32], true, true)
                case "0"..."9": item.role = .digit
                case "'", "`": item.role = .apostrophe
                case "-": item.role = .hyphen
                case ".": item.role = .period
                case "\n", "\r": item.role = .newline
                default: item.role = value < 0x20 || value == 0x20 || value == 0x7F ? .space : .punctuation
                }
            } else {
                (item.role, item.fold, item.isLetter, item.isUpper) = classifier(scalar)
            }
            result.append(item)
            offset += utf8.count
        }
        return result
    }

    static func tokenize(_ text: String, classifier: Classifier = tableClassifier) -> Output {
        let scalars = scalars(of: text, classifier: classifier)
        let byteCount = text.utf8.count
        func byteOffset(_ i: Int) -> Int { i < scalars.count ? scalars[i].byteOffset : byteCount }
        func isWord(_ i: Int) -> Bool { i < scalars.count && (scalars[i].role == .letters || scalars[i].role == .digit) }

        var output = Output()
        var gap: TokenGap = [.sentenceStart]
        var newlines = 0
        var previous: (folded: String, shape: TokenShape)? = nil
        var i = 0
        while i < scalars.count {
            let scalar = scalars[i]
            guard isWord(i) else {
                switch scalar.role {
                case .space: gap.insert(.space)
                case .newline:
                    if scalar.value != 0x0D { newlines += 1 }
                    gap.insert(.newline)
                    if newlines >= 2 { gap.insert(.paragraph) }
                case .hyphen: gap.insert(.hyphen)
                case .period: gap.insert(.stop)
                case .apostrophe: gap.insert(.quote)
                default:
                    // Scalars, not Characters: a Character compares canonically (U+037E, the Greek
                    // question mark, would equal ";").
                    switch Unicode.Scalar(scalar.value)! {
                    case ",": gap.insert(.comma)
                    case "!", "?", ";": gap.insert(.stop)
                    case "(", "[", "{": gap.insert(.openBracket)
                    case ")", "]", "}": gap.insert(.closeBracket)
                    case "\"", "«", "»", "“", "”", "„": gap.insert(.quote)
                    case "/", "&", "+": gap.insert(.joiner)
                    default: gap.insert(.punctuation)
                    }
                }
                i += 1
                continue
            }

            let start = i
            var shape: TokenShape = i > 0 && (scalars[i - 1].value == 0x23 || scalars[i - 1].value == 0x40) ? [.tagged] : []
            var folded: [UInt8] = []
            var letters = 0, lettersAtPeriod = 0
            var lowerSeen = false, possessive = false
            scan: while i < scalars.count {
                let current = scalars[i]
                switch current.role {
                case .letters:
                    if current.value >= 0x80 { shape.insert(.nonASCII) }
                    folded += current.fold
                    if current.isLetter {
                        if letters == 0 {
                            if current.isUpper { shape.insert(.capitalized) }
                        } else if current.isUpper && !shape.contains(.initialism) {
                            shape.insert(.innerCapital)
                        }
                        letters += 1
                        if !current.isUpper { lowerSeen = true }
                    }
                    i += 1
                case .digit:
                    shape.insert(.hasDigit)
                    folded += current.utf8
                    i += 1
                case .apostrophe:
                    guard isWord(i + 1) else { break scan }
                    let following = scalars[i + 1].value
                    if (following == 0x73 || following == 0x53) && !isWord(i + 2) {
                        possessive = true
                        break scan
                    }
                    shape.insert(.apostrophe)
                    i += 1
                case .period:
                    let since = letters - lettersAtPeriod
                    guard (1...3).contains(since), i + 1 < scalars.count, scalars[i + 1].role == .letters else { break scan }
                    shape.insert(.initialism)
                    lettersAtPeriod = letters
                    i += 1
                default:
                    break scan
                }
            }
            var end = i
            if possessive {
                shape.insert(.possessive)
                i += 2
            } else if i < scalars.count && scalars[i].value == 0x2E {
                shape.insert(.trailingPeriod)
                if shape.contains(.initialism) {
                    end += 1
                    i += 1
                }
            }
            if letters > 0 { shape.insert(.hasLetter) }
            if letters >= 2 && !lowerSeen {
                shape.insert(.allCaps)
                shape.remove(.innerCapital)
            }
            var foldedString = String(decoding: folded, as: UTF8.self)
            if let rewrite = rewrites[foldedString] {
                foldedString = rewrite
                folded = Array(rewrite.utf8)
            }
            var hash: UInt64 = 0xcbf29ce484222325
            for byte in folded { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            if let previous {
                if gap.contains(.newline) {
                    gap.insert(.sentenceStart)
                } else if gap.contains(.stop) {
                    let abbreviation = previous.shape.contains(.initialism)
                        || (previous.folded.utf8.count == 1 && previous.shape.contains(.capitalized))
                        || abbreviations.contains(previous.folded)
                    if !abbreviation || gap.contains(.paragraph) { gap.insert(.sentenceStart) }
                }
            } else {
                gap.insert(.sentenceStart)
            }
            if gap.isEmpty { gap = [.none] }
            let foldStart = output.folded.count
            output.folded += folded
            output.tokens.append(Fields(byteStart: byteOffset(start), byteEnd: byteOffset(end), charStart: start, charEnd: end,
                                        foldStart: foldStart, foldEnd: output.folded.count, hash: hash, shape: shape, gap: gap))
            previous = (foldedString, shape)
            gap = []
            newlines = 0
        }
        return output
    }
}

struct TokenizerDifferentialTests {
    /// The first difference between the tokenizer and the reference on `text`, or nil.
    static func difference(_ text: String, using tokenizer: inout Tokenizer) -> String? {
        var copy = text
        copy.withUTF8 { tokenizer.tokenize($0) }
        let fast = ReferenceTokenizer.Output(tokens: tokenizer.tokens.map(ReferenceTokenizer.Fields.init),
                                             folded: Array(tokenizer.folded))
        let reference = ReferenceTokenizer.tokenize(text)
        if fast == reference { return nil }
        for k in 0..<max(fast.tokens.count, reference.tokens.count) {
            let a = k < fast.tokens.count ? fast.tokens[k].description : "none"
            let b = k < reference.tokens.count ? reference.tokens[k].description : "none"
            if a != b { return "token \(k): tokenizer \(a), reference \(b) in \(String(reflecting: text.prefix(200)))" }
        }
        return "folded bytes differ in \(String(reflecting: text.prefix(200)))"
    }

    static func expectSame(_ texts: some Sequence<String>, minimumTokens: Int) {
        var tokenizer = Tokenizer()
        var failures = 0, tokens = 0
        for text in texts {
            if let difference = difference(text, using: &tokenizer) {
                failures += 1
                if failures <= 3 { Issue.record(Comment(rawValue: difference)) }
            }
            tokens += tokenizer.tokens.count
        }
        #expect(failures == 0)
        #expect(tokens >= minimumTokens)
    }

    @Test func repositoryTexts() {
        #expect(!DifferentialInputs.repositoryTexts.isEmpty)
        Self.expectSame(DifferentialInputs.repositoryTexts, minimumTokens: 200)
    }

    @Test(.enabled(if: DifferentialInputs.gazetteerNames != nil, "needs the bundled gazetteer"))
    func gazetteerNames() {
        Self.expectSame(DifferentialInputs.gazetteerTexts(every: 8), minimumTokens: 100_000)
    }

    @Test func randomTexts() {
        var generator = SplitMix64(seed: 19_001)
        var texts: [String] = []
        for pieces in DifferentialInputs.edgeLengths {
            for _ in 0..<40 { texts.append(DifferentialInputs.randomText(pieceCount: pieces, using: &generator)) }
        }
        for _ in 0..<2_000 {
            texts.append(DifferentialInputs.randomText(pieceCount: Int.random(in: 1...60, using: &generator), using: &generator))
        }
        Self.expectSame(texts, minimumTokens: 20_000)
    }

    /// Runs of ASCII letters and digits of every length around the eight-byte steps, with what
    /// may end or continue a token at every position.
    @Test func asciiRunsAroundEightByteSteps() {
        var generator = SplitMix64(seed: 19_002)
        let endings = [" ", ".", ". X", "'s", "'s.", "'t", "’s", "é", "\u{301}", "-", "", "#a", "Ё", ".a", ".A.", "'"]
        var texts: [String] = []
        for length in 1...40 {
            for ending in endings {
                let letters = "aAzZ09mQ"
                let run = String((0..<length).map { _ in letters.randomElement(using: &generator)! })
                texts.append(run + ending)
                texts.append("x " + run + ending + " y")
                texts.append(String(run.lowercased()) + ending + run.uppercased())
            }
        }
        Self.expectSame(texts, minimumTokens: 2_000)
    }

    @Test func randomScalarsAndRepairedBytes() {
        var generator = SplitMix64(seed: 19_003)
        var texts: [String] = []
        for length in DifferentialInputs.edgeLengths {
            for _ in 0..<20 {
                texts.append(DifferentialInputs.randomScalars(count: length, using: &generator))
                texts.append(String(decoding: DifferentialInputs.randomBytes(count: length, using: &generator), as: UTF8.self))
            }
        }
        Self.expectSame(texts, minimumTokens: 1_000)
    }
}
