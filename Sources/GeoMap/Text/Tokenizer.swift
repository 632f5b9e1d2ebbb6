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
        guard let base = text.baseAddress, !text.isEmpty else {
            folded.setCount(0)
            return
        }
        // Offsets and folded offsets are stored in 32 bits.
        precondition(text.count <= Tokenizer.maximumLength, "text too long to tokenize")
        let scanner = Scanner(text: text, base: base, count: text.count, out: folded.baseAddressForWriting())
        folded.setCount(scanner.run(into: &tokens))
    }

    /// The longest text `tokenize` takes: its folded bytes are counted in 32 bits.
    static let maximumLength = (Int(Int32.max) - 16) / maximumExpansion

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


/// Eight bytes of text from `index` on, the first in the lowest bits; past the end of the text,
/// zero bytes (which no token takes).
@inline(__always)
private func load8(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> UInt64 {
    if index &+ 8 <= count { return UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian }
    return loadTail(base, index, count)
}

@inline(never)
private func loadTail(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> UInt64 {
    var word: UInt64 = 0
    var k = count
    while k > index {
        k &-= 1
        word = word << 8 | UInt64(base[k])
    }
    return word
}

/// Which of the eight bytes of `word` are ASCII letters, upper-case ASCII letters and ASCII
/// digits: the high bit of each byte, computed for all eight at once without carries between
/// bytes.
@inline(__always)
private func classify(_ word: UInt64) -> (letters: UInt64, upper: UInt64, digits: UInt64) {
    let ascii = ~word & 0x8080_8080_8080_8080
    let low = word & 0x7F7F_7F7F_7F7F_7F7F
    // Upper case folded onto lower case ("A" | 0x20 is "a"); a letter is then at least "a" (0x61)
    // and below "{" (0x7B).
    let caseless = low | 0x2020_2020_2020_2020
    let letters = (caseless &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(caseless &+ 0x0505_0505_0505_0505) & ascii
    // Of those, upper case has bit 5 (0x20) clear; shifted by two it lands on the high bit.
    let upper = letters & ~(word << 2)
    // At least "0" (0x30) and below ":" (0x3A).
    let digits = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ascii
    return (letters, upper, digits)
}

/// Where the token being scanned has got to, and what it looks like so far.
private struct TokenScan {
    var index: Int
    var written: Int
    /// Continuation bytes of multi-byte scalars before `index`: code-point offsets are byte
    /// offsets less these.
    var extra: Int
    var shape: TokenShape
    /// Letters so far (a combining mark is none), and as many as there were at the last period
    /// inside the token.
    var letters = 0
    var lettersAtPeriod = 0

    init(index: Int, written: Int, extra: Int, shape: TokenShape) {
        self.index = index
        self.written = written
        self.extra = extra
        self.shape = shape
    }
}

extension TokenShape {
    /// While scanning only: a letter that is not upper case.
    fileprivate static let lowerSeen = TokenShape(rawValue: 1 << 14)
    /// While scanning only: the token ends before a possessive "'s".
    fileprivate static let endsBeforePossessive = TokenShape(rawValue: 1 << 15)
}

private struct Scanner {
    let text: UnsafeBufferPointer<UInt8>
    let base: UnsafePointer<UInt8>
    let count: Int
    /// Where folded bytes go; the caller sized it for the whole text plus eight bytes, so that
    /// eight bytes can be stored at any point up to where the text's folded bytes end.
    let out: UnsafeMutablePointer<UInt8>

    @inline(__always)
    func role(at position: Int) -> ScalarRole {
        let byte = text[position]
        if byte < 0x80 { return ScalarFolding.asciiRole(byte) }
        return ScalarFolding.describe(nonASCII: decodeScalar(text, at: position).scalar).role
    }

    @inline(__always)
    func isWordScalar(at position: Int) -> Bool {
        guard position < count else { return false }
        let role = role(at: position)
        return role == .letters || role == .digit
    }

    /// Scans the text, appending its tokens; returns how many folded bytes were written.
    func run(into tokens: inout ScratchArray<Token>) -> Int {
        let base = self.base, count = self.count, out = self.out
        var index = 0, written = 0
        /// Continuation bytes before `index` (see `TokenScan.extra`).
        var extra = 0
        /// What separates the next token from the previous one, as the separators go by, and
        /// how many line breaks.
        var gap: TokenGap = [.sentenceStart]
        var newlines = 0
        var previous: (hash: UInt64, shape: TokenShape, foldLength: Int)? = nil

        while index < count {
            let byte = base[index]
            if byte == 0x20 {
                gap.insert(.space)
                index &+= 1
                continue
            }
            if byte < 0x80 {
                // Not a letter or digit (`| 0x20` folds upper case onto lower case).
                if (byte | 0x20) &- 0x61 >= 26 && byte &- 0x30 >= 10 {
                    note(ScalarFolding.asciiRole(byte), scalar: UInt32(byte), gap: &gap, newlines: &newlines)
                    index &+= 1
                    continue
                }
            } else {
                let (scalar, length) = decodeScalar(text, at: index)
                let role = ScalarFolding.describe(nonASCII: scalar).role
                if role != .letters && role != .digit {
                    note(role, scalar: scalar, gap: &gap, newlines: &newlines)
                    index &+= length
                    extra &+= length &- 1
                    continue
                }
            }

            // A token starts here; right after "#" or "@" it is a hashtag or a handle.
            let byteStart = index, charStart = index &- extra, foldStart = written
            let tagged = index > 0 && (base[index &- 1] == 0x23 || base[index &- 1] == 0x40)
            var scan = TokenScan(index: index, written: written, extra: extra, shape: tagged ? [.tagged] : [])
            while true {
                // ASCII letters and digits eight bytes at a time: all eight are copied, upper
                // case folded, and the run of letters and digits among them taken.
                let word = load8(base, scan.index, count)
                let (letters, upper, digits) = classify(word)
                let stop = ~(letters | digits) & 0x8080_8080_8080_8080
                UnsafeMutableRawPointer(out + scan.written).storeBytes(of: (word | (upper >> 2)).littleEndian, as: UInt64.self)
                let run = stop.trailingZeroBitCount &>> 3
                if run > 0 {
                    // The bytes before the first that is not a letter or digit.
                    let keep = (stop &- 1) & ~stop
                    let runLetters = letters & keep, runUpper = upper & keep
                    var letterCount = run
                    if digits & keep != 0 {
                        scan.shape.insert(.hasDigit)
                        letterCount = runLetters.nonzeroBitCount
                    }
                    if runUpper != 0 {
                        var inner = runUpper
                        if scan.letters == 0 {
                            // The token's first letter.
                            let first = runLetters & (0 &- runLetters)
                            if runUpper & first != 0 {
                                scan.shape.insert(.capitalized)
                                inner ^= first
                            }
                        }
                        if inner != 0 && !scan.shape.contains(.initialism) { scan.shape.insert(.innerCapital) }
                    }
                    if runUpper != runLetters { scan.shape.insert(.lowerSeen) }
                    scan.letters &+= letterCount
                    scan.index &+= run
                    scan.written &+= run
                    if run == 8 { continue }
                }
                guard scan.index < count else { break }
                let next = base[scan.index]
                // Other ASCII bytes than an apostrophe or a period end the token.
                if next < 0x80 && next != 0x27 && next != 0x60 && next != 0x2E { break }
                guard let stepped = step(scan) else { break }
                scan = stepped
                if scan.shape.contains(.endsBeforePossessive) { break }
            }

            var byteEnd = scan.index
            var charEnd = byteEnd &- scan.extra
            var shape = scan.shape
            if shape.contains(.endsBeforePossessive) {
                shape.insert(.possessive)
                // The apostrophe (one scalar) and the s.
                let apostrophe = base[scan.index] >= 0x80 ? decodeScalar(text, at: scan.index).length : 1
                scan.index &+= apostrophe &+ 1
                scan.extra &+= apostrophe &- 1
            } else if scan.index < count, base[scan.index] == UInt8(ascii: ".") {
                shape.insert(.trailingPeriod)
                if shape.contains(.initialism) {
                    // "U.S." keeps its last period.
                    byteEnd &+= 1
                    charEnd &+= 1
                    scan.index &+= 1
                }
            }
            index = scan.index
            extra = scan.extra
            written = scan.written

            if scan.letters > 0 { shape.insert(.hasLetter) }
            if scan.letters >= 2 && !shape.contains(.lowerSeen) {
                shape.insert(.allCaps)
                shape.remove(.innerCapital)
            }
            shape.remove([.lowerSeen, .endsBeforePossessive])
            let length = written &- foldStart
            // Every rewritten token has "t" second.
            if length == 2 || length == 3, out[foldStart &+ 1] == 0x74,
               let replacement = tokenRewrite(out + foldStart, length: length) {
                written = foldStart
                for k in 0..<replacement.utf8CodeUnitCount {
                    out[written] = replacement.utf8Start[k]
                    written &+= 1
                }
            }
            let hash = NameHash.add(UnsafeBufferPointer(start: out + foldStart, count: written &- foldStart), to: NameHash.seed)
            if let previous {
                if gap.contains(.newline) {
                    gap.insert(.sentenceStart)
                } else if gap.contains(.stop) {
                    let abbreviation = previous.shape.contains(.initialism)
                        || (previous.foldLength == 1 && previous.shape.contains(.capitalized))
                        || nonTerminalAbbreviations.contains(previous.hash)
                    // After an abbreviation a period ends the sentence only before a paragraph.
                    if !abbreviation || gap.contains(.paragraph) { gap.insert(.sentenceStart) }
                }
            } else {
                gap.insert(.sentenceStart)
            }
            if gap.isEmpty { gap = [.none] }
            // Every offset fits in 32 bits: `tokenize` checks the length of the text.
            tokens.appendToOwnStorage(Token(
                byteStart: Int32(truncatingIfNeeded: byteStart), byteEnd: Int32(truncatingIfNeeded: byteEnd),
                charStart: Int32(truncatingIfNeeded: charStart), charEnd: Int32(truncatingIfNeeded: charEnd),
                foldStart: Int32(truncatingIfNeeded: foldStart), foldEnd: Int32(truncatingIfNeeded: written),
                hash: hash, shape: shape, gap: gap))
            previous = (hash, shape, written &- foldStart)
            gap = []
            newlines = 0
        }
        return written
    }

    /// Notes a separator in what stands between two tokens.
    @inline(__always)
    func note(_ role: ScalarRole, scalar: UInt32, gap: inout TokenGap, newlines: inout Int) {
        switch role {
        case .space: gap.insert(.space)
        case .newline:
            if scalar != 0x0D { newlines += 1 }
            gap.insert(.newline)
            if newlines >= 2 { gap.insert(.paragraph) }
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
            default: gap.insert(.punctuation)                   // # and @ too (see `run`)
            }
        }
    }

    /// The token after the scalar at `scan.index` — a non-ASCII scalar, an apostrophe or a
    /// period — is taken into it, or nil when the scalar ends the token (marked when it ends
    /// before a possessive).
    @inline(never)
    func step(_ original: TokenScan) -> TokenScan? {
        var scan = original
        let index = scan.index
        let byte = text[index]
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
            scan.shape.insert(.nonASCII)
            if described.foldOffset >= 0 {
                for k in 0..<described.foldLength {
                    out[scan.written] = FoldTable.bytes[described.foldOffset + k]
                    scan.written += 1
                }
            } else {
                for k in index..<(index + length) {
                    out[scan.written] = text[k]
                    scan.written += 1
                }
            }
            // A combining mark folds to nothing and is no letter of its own.
            if described.foldLength > 0 || described.foldOffset < 0 {
                if scan.letters == 0 {
                    if described.isUpper { scan.shape.insert(.capitalized) }
                } else if described.isUpper && !scan.shape.contains(.initialism) {
                    scan.shape.insert(.innerCapital)
                }
                scan.letters += 1
                if !described.isUpper { scan.shape.insert(.lowerSeen) }
            }
            scan.index += length
            scan.extra += length - 1
        case .digit:
            scan.shape.insert(.hasDigit)
            for k in index..<(index + length) {
                out[scan.written] = text[k]
                scan.written += 1
            }
            scan.index += length
            scan.extra += length - 1
        case .apostrophe:
            let after = index + length
            guard isWordScalar(at: after) else { return nil }
            let following = text[after]
            if (following == 0x73 || following == 0x53) && !isWordScalar(at: after + 1) {
                // A possessive (`Moscow's`): the token ends before the apostrophe; "'s" is skipped.
                var ending = original
                ending.shape.insert(.endsBeforePossessive)
                return ending
            }
            scan.shape.insert(.apostrophe)
            scan.index = after
            scan.extra += length - 1
        case .period:
            let after = index + 1
            let lettersSincePeriod = scan.letters - scan.lettersAtPeriod
            if lettersSincePeriod <= 3, lettersSincePeriod > 0, after < count, role(at: after) == .letters {
                scan.shape.insert(.initialism)
                scan.lettersAtPeriod = scan.letters
                scan.index = after
            } else {
                return nil
            }
        default:
            return nil
        }
        return scan
    }
}
