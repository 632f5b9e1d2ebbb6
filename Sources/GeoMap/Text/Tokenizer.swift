/// Splits UTF-8 text into tokens in one pass over the bytes, with no allocation per token: tokens
/// and their folded bytes go into buffers that are reused from one text to the next.
///
/// A token is a run of letters and digits, with apostrophes inside it (`Luhans'k`) and periods inside
/// initialisms (`U.S.`, `W.Va.`). A possessive `'s` ends the token and is marked on it. Hyphens,
/// dashes, white space and punctuation separate tokens; what separated a token from the one before
/// is kept in its `gap`, and sentence starts are marked there too.
public struct Tokenizer: Sendable {
    public private(set) var tokens = ScratchArray<Token>()
    /// Folded bytes of all tokens, each token's at `foldStart..<foldEnd`.
    public private(set) var folded = ScratchArray<UInt8>()
    public var foldedCount: Int { folded.count }

    /// Folded text is at most this many times as long as the text (see Scripts/generate-fold-table).
    static let maximumExpansion = 3

    public init() {}

    /// Tokenises `text`, which must be valid UTF-8.
    public mutating func tokenize(_ text: UnsafeBufferPointer<UInt8>) {
        tokens.removeAll()
        tokens.reserveCapacity(1024)
        folded.removeAll()
        folded.reserveCapacity(max(text.count * Tokenizer.maximumExpansion + 16, 8192))
        var scanner = Scanner(text: text, out: folded.baseAddressForWriting())
        scanner.run(into: &tokens)
        folded.setCount(scanner.written)
    }

    /// The folded bytes of one token.
    @inline(__always)
    public func withFolded<R>(_ token: Token, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        folded.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[Int(token.foldStart)..<Int(token.foldEnd)]))
        }
    }

    public func foldedString(_ token: Token) -> String {
        withFolded(token) { String(decoding: $0, as: UTF8.self) }
    }
}

/// Abbreviations after which a period does not end a sentence.
private let nonTerminalAbbreviations = HashSet64([
    "mr", "mrs", "ms", "dr", "saint", "sainte", "mount", "fort", "gen", "lt", "col", "sgt", "capt", "cpl",
    "maj", "adm", "rep", "reps", "sen", "sens", "gov", "govt", "prof", "rev", "jr", "sr", "inc", "co",
    "corp", "ltd", "no", "nos", "vs", "v", "ave", "blvd", "rd", "hwy", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "est", "approx", "etc", "al", "pres",
    "supt", "det", "insp", "cmdr", "atty", "hon", "msgr", "fr", "ft", "mt", "st", "ste",
].map(NameHash.of))

/// How many of the eight bytes of `word` (in memory order) are lower-case ASCII letters before
/// the first one that is not.
@inline(__always)
private func lowercaseRun(_ word: UInt64) -> Int {
    let high: UInt64 = 0x8080_8080_8080_8080
    let ascii = word & 0x7F7F_7F7F_7F7F_7F7F
    // Per byte, without carries between bytes: the high bit is set when the byte is at least
    // "a" (0x61) and not at least "{" (0x7B), and was below 0x80 to begin with.
    let lowercase = (ascii &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(ascii &+ 0x0505_0505_0505_0505) & ~word & high
    let other = ~lowercase & high
    return other == 0 ? 8 : (other.littleEndian.trailingZeroBitCount >> 3)
}

/// Token-level synonyms applied to folded tokens, so that `St. Petersburg` and `Saint Petersburg`
/// have one key.
/// The replacement for a folded token of two or three bytes, if it has one.
@inline(__always)
private func tokenRewrite(_ bytes: UnsafePointer<UInt8>, length: Int) -> StaticString? {
    switch (length, bytes[0], bytes[1]) {
    case (2, 0x73, 0x74): return "saint"                              // st
    case (3, 0x73, 0x74) where bytes[2] == 0x65: return "sainte"      // ste
    case (2, 0x6D, 0x74): return "mount"                              // mt
    case (2, 0x66, 0x74): return "fort"                               // ft
    default: return nil
    }
}

private struct Scanner {
    let text: UnsafeBufferPointer<UInt8>
    /// Where folded bytes go; the caller sized it for the whole text.
    let out: UnsafeMutablePointer<UInt8>
    var written = 0
    var index = 0
    var charIndex = 0
    var gap: TokenGap = [.sentenceStart]
    var newlinesInGap = 0
    var tagged = false
    let abbreviations = nonTerminalAbbreviations

    init(text: UnsafeBufferPointer<UInt8>, out: UnsafeMutablePointer<UInt8>) {
        self.text = text
        self.out = out
    }

    @inline(__always)
    func role(at position: Int) -> ScalarRole {
        let byte = text[position]
        if byte < 0x80 { return ScalarFolding.asciiRole(byte) }
        return ScalarFolding.describe(nonASCII: decodeScalar(text, at: position).scalar).role
    }

    @inline(__always)
    func isWordScalar(at position: Int) -> Bool {
        guard position < text.count else { return false }
        let role = role(at: position)
        return role == .letters || role == .digit
    }

    @inline(__always)
    mutating func emit(_ byte: UInt8) {
        out[written] = byte
        written += 1
    }

    mutating func run(into tokens: inout ScratchArray<Token>) {
        while index < text.count {
            let byte = text[index]
            if byte == 0x20 {
                gap.insert(.space)
                tagged = false
                index += 1
                charIndex += 1
                continue
            }
            if byte < 0x80 {
                let role = ScalarFolding.asciiRole(byte)
                if role == .letters || role == .digit {
                    scanToken(into: &tokens)
                } else {
                    noteSeparator(role, scalar: UInt32(byte))
                    index += 1
                    charIndex += 1
                }
                continue
            }
            let (scalar, length) = decodeScalar(text, at: index)
            let role = ScalarFolding.describe(nonASCII: scalar).role
            if role == .letters || role == .digit {
                scanToken(into: &tokens)
            } else {
                noteSeparator(role, scalar: scalar)
                index += length
                charIndex += 1
            }
        }
    }

    mutating func noteSeparator(_ role: ScalarRole, scalar: UInt32) {
        switch role {
        case .space: gap.insert(.space)
        case .newline:
            if scalar != 0x0D { newlinesInGap += 1 }
            gap.insert(.newline)
            if newlinesInGap >= 2 { gap.insert(.paragraph) }
        case .hyphen: gap.insert(.hyphen)
        case .period: gap.insert(.stop)
        case .apostrophe: gap.insert(.quote)
        default:
            switch scalar {
            case 0x2C: gap.insert(.comma)                       // ,
            case 0x21, 0x3F, 0x3B: gap.insert(.stop)            // ! ? ;
            case 0x3A: gap.insert(.punctuation)                 // :
            case 0x28, 0x5B, 0x7B: gap.insert(.openBracket)
            case 0x29, 0x5D, 0x7D: gap.insert(.closeBracket)
            case 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x201E: gap.insert(.quote)
            case 0x2F, 0x26, 0x2B: gap.insert(.joiner)          // / & +
            case 0x23, 0x40:                                    // # @
                gap.insert(.punctuation)
                tagged = true
                return
            default: gap.insert(.punctuation)
            }
        }
        tagged = false
    }

    mutating func scanToken(into tokens: inout ScratchArray<Token>) {
        // Locals, not stored properties: writes through `out` could alias `self`, which would make
        // the compiler reload every field after every byte.
        let text = self.text, out = self.out, count = text.count
        var index = self.index, charIndex = self.charIndex, written = self.written
        let byteStart = index
        let charStart = charIndex
        let foldStart = written
        var shape: TokenShape = tagged ? [.tagged] : []
        var letters = 0
        var upperLetters = 0
        var lettersSincePeriod = 0
        var possessive = false

        scanning: while index < count {
            let byte = text[index]
            // Runs of lower-case ASCII letters, the bulk of most texts: eight bytes at a time, the
            // run's end found without a branch per byte (see `lowercaseRun`).
            if byte &- 0x61 < 26 {
                var run = 0
                while index &+ 8 <= count {
                    let word = UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    UnsafeMutableRawPointer(out + written).storeBytes(of: word, as: UInt64.self)
                    let length = lowercaseRun(word)
                    written &+= length
                    index &+= length
                    run &+= length
                    if length < 8 { break }
                }
                if index &+ 8 > count {
                    while index < count && text[index] &- 0x61 < 26 {
                        out[written] = text[index]
                        written &+= 1
                        index &+= 1
                        run &+= 1
                    }
                }
                letters &+= run
                lettersSincePeriod &+= run
                charIndex &+= run
                continue
            }
            if byte &- 0x41 < 26 {
                out[written] = byte | 0x20
                written &+= 1
                if letters == 0 { shape.insert(.capitalized) } else if !shape.contains(.initialism) { shape.insert(.innerCapital) }
                letters &+= 1
                upperLetters &+= 1
                lettersSincePeriod &+= 1
                index &+= 1
                charIndex &+= 1
                continue
            }
            if byte &- 0x30 < 10 {
                shape.insert(.hasDigit)
                out[written] = byte
                written &+= 1
                index &+= 1
                charIndex &+= 1
                continue
            }
            let scalarRole: ScalarRole
            var length = 1
            var described = NonASCIIScalar(role: .punctuation, foldOffset: 0, foldLength: 0, isUpper: false)
            if byte < 0x80 {
                scalarRole = ScalarFolding.asciiRole(byte)
            } else {
                let decoded = decodeScalar(text, at: index)
                length = decoded.length
                described = ScalarFolding.describe(nonASCII: decoded.scalar)
                scalarRole = described.role
            }
            switch scalarRole {
            case .letters:
                shape.insert(.nonASCII)
                if described.foldOffset >= 0 {
                    for k in 0..<described.foldLength {
                        out[written] = FoldTable.bytes[described.foldOffset + k]
                        written += 1
                    }
                } else {
                    for k in index..<(index + length) {
                        out[written] = text[k]
                        written += 1
                    }
                }
                // A combining mark folds to nothing and is no letter of its own.
                if described.foldLength > 0 || described.foldOffset < 0 {
                    if letters == 0 {
                        if described.isUpper { shape.insert(.capitalized) }
                    } else if described.isUpper && !shape.contains(.initialism) {
                        shape.insert(.innerCapital)
                    }
                    letters += 1
                    lettersSincePeriod += 1
                    if described.isUpper { upperLetters += 1 }
                }
                index += length
                charIndex += 1
            case .digit:
                shape.insert(.hasDigit)
                for k in index..<(index + length) {
                    out[written] = text[k]
                    written += 1
                }
                index += length
                charIndex += 1
            case .apostrophe:
                let after = index + length
                guard isWordScalar(at: after) else { break scanning }
                let following = text[after]
                if (following == 0x73 || following == 0x53) && !isWordScalar(at: after + 1) {
                    // A possessive (`Moscow's`): the token ends before the apostrophe; "'s" is skipped.
                    possessive = true
                    break scanning
                }
                shape.insert(.apostrophe)
                index = after
                charIndex += 1
            case .period:
                let after = index + 1
                if lettersSincePeriod <= 3, lettersSincePeriod > 0, after < count, role(at: after) == .letters {
                    shape.insert(.initialism)
                    lettersSincePeriod = 0
                    index = after
                    charIndex += 1
                } else {
                    break scanning
                }
            default:
                break scanning
            }
        }
        var byteEnd = index
        var charEnd = charIndex
        if possessive {
            shape.insert(.possessive)
            index += 2    // the apostrophe (one scalar) and the s
            if text[byteEnd] >= 0x80 { index += decodeScalar(text, at: byteEnd).length - 1 }
            charIndex += 2
        } else if index < count, text[index] == UInt8(ascii: ".") {
            shape.insert(.trailingPeriod)
            if shape.contains(.initialism) {
                // "U.S." keeps its last period.
                byteEnd += 1
                charEnd += 1
                index += 1
                charIndex += 1
            }
        }
        self.index = index
        self.charIndex = charIndex
        self.written = written
        finish(byteStart: byteStart, byteEnd: byteEnd, charStart: charStart, charEnd: charEnd,
               foldStart: foldStart, shape: shape, letters: letters, upper: upperLetters, tokens: &tokens)
    }

    mutating func finish(byteStart: Int, byteEnd: Int, charStart: Int, charEnd: Int, foldStart: Int,
                         shape inShape: TokenShape, letters: Int, upper: Int, tokens: inout ScratchArray<Token>) {
        var shape = inShape
        if letters > 0 { shape.insert(.hasLetter) }
        if letters >= 2 && upper == letters {
            shape.insert(.allCaps)
            shape.remove(.innerCapital)
        }
        let length = written - foldStart
        if length == 2 || length == 3, let replacement = tokenRewrite(out + foldStart, length: length) {
            written = foldStart
            for k in 0..<replacement.utf8CodeUnitCount { emit(replacement.utf8Start[k]) }
        }
        let hash = NameHash.add(UnsafeBufferPointer(start: out + foldStart, count: written - foldStart), to: NameHash.seed)
        var gap = self.gap
        if let previous = tokens.last {
            if gap.contains(.newline) {
                gap.insert(.sentenceStart)
            } else if gap.contains(.stop) {
                let abbreviation = previous.shape.contains(.initialism)
                    || (previous.foldEnd - previous.foldStart == 1 && previous.shape.contains(.capitalized))
                    || abbreviations.contains(previous.hash)
                // After an abbreviation a period ends the sentence only before a paragraph.
                if !abbreviation || gap.contains(.paragraph) { gap.insert(.sentenceStart) }
            }
        } else {
            gap.insert(.sentenceStart)
        }
        if gap.isEmpty { gap = [.none] }
        tokens.appendToOwnStorage(Token(byteStart: Int32(byteStart), byteEnd: Int32(byteEnd),
                            charStart: Int32(charStart), charEnd: Int32(charEnd),
                            foldStart: Int32(foldStart), foldEnd: Int32(written),
                            hash: hash, shape: shape, gap: gap))
        self.gap = []
        newlinesInGap = 0
        tagged = false
    }
}
