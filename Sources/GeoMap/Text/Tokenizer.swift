/// Splits UTF-8 text into tokens in one pass over the bytes, with no allocation per token: tokens
/// and their folded bytes go into buffers that are reused from one text to the next.
///
/// A token is a run of letters and digits, with apostrophes inside it (`Luhans'k`) and periods inside
/// initialisms (`U.S.`, `W.Va.`). A possessive `'s` ends the token and is marked on it. Hyphens,
/// dashes, white space and punctuation separate tokens; what separated a token from the one before
/// is kept in its `gap`, and sentence starts are marked there too.
public struct Tokenizer: Sendable {
    public private(set) var tokens: [Token] = []
    /// Folded bytes of all tokens, each token's at `foldStart..<foldEnd`.
    public private(set) var folded: [UInt8] = []

    public init() {
        tokens.reserveCapacity(1024)
        folded.reserveCapacity(8192)
    }

    /// Tokenises `text`, which must be valid UTF-8.
    public mutating func tokenize(_ text: UnsafeBufferPointer<UInt8>) {
        tokens.removeAll(keepingCapacity: true)
        folded.removeAll(keepingCapacity: true)
        var scanner = Scanner(text: text)
        scanner.run(into: &tokens, folded: &folded)
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
private let nonTerminalAbbreviations: Set<UInt64> = Set([
    "mr", "mrs", "ms", "dr", "saint", "sainte", "mount", "fort", "gen", "lt", "col", "sgt", "capt", "cpl",
    "maj", "adm", "rep", "reps", "sen", "sens", "gov", "govt", "prof", "rev", "jr", "sr", "inc", "co",
    "corp", "ltd", "no", "nos", "vs", "v", "ave", "blvd", "rd", "hwy", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "dept", "est", "approx", "etc", "al", "pres",
    "supt", "det", "insp", "cmdr", "atty", "hon", "msgr", "fr", "ft", "mt", "st", "ste",
].map(NameHash.of))

/// Token-level synonyms applied to folded tokens, so that `St. Petersburg` and `Saint Petersburg`
/// have one key.
private let tokenRewrites: [(from: [UInt8], to: [UInt8])] = [
    (Array("st".utf8), Array("saint".utf8)),
    (Array("ste".utf8), Array("sainte".utf8)),
    (Array("mt".utf8), Array("mount".utf8)),
    (Array("ft".utf8), Array("fort".utf8)),
]

private struct Scanner {
    let text: UnsafeBufferPointer<UInt8>
    var index = 0
    var charIndex = 0
    var gap: TokenGap = [.sentenceStart]
    var newlinesInGap = 0
    var tagged = false

    init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

    /// The role of the scalar at `position` and its length, without consuming it.
    @inline(__always)
    func peek(_ position: Int) -> (role: ScalarRole, scalar: UInt32, length: Int, foldOffset: Int, foldLength: Int) {
        let byte = text[position]
        if byte < 0x80 { return (ScalarFolding.asciiRoles[Int(byte)], UInt32(byte), 1, 0, 0) }
        let (scalar, length) = decodeScalar(text, at: position)
        let (role, offset, foldLength) = ScalarFolding.role(ofNonASCII: scalar)
        return (role, scalar, length, offset, foldLength)
    }

    @inline(__always)
    func isWordScalar(at position: Int) -> Bool {
        guard position < text.count else { return false }
        let role = peek(position).role
        return role == .letters || role == .digit
    }

    mutating func run(into tokens: inout [Token], folded: inout [UInt8]) {
        while index < text.count {
            let next = peek(index)
            switch next.role {
            case .letters, .digit:
                scanToken(into: &tokens, folded: &folded)
            default:
                noteSeparator(next.role, scalar: next.scalar)
                index += next.length
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

    mutating func scanToken(into tokens: inout [Token], folded: inout [UInt8]) {
        let byteStart = index
        let charStart = charIndex
        let foldStart = folded.count
        var shape: TokenShape = tagged ? [.tagged] : []
        var letters = 0
        var upperLetters = 0
        var lettersSincePeriod = 0
        var firstLetterSeen = false

        scanning: while index < text.count {
            let next = peek(index)
            switch next.role {
            case .letters:
                let upper: Bool
                if next.scalar < 0x80 {
                    let byte = UInt8(next.scalar)
                    upper = byte >= 0x41 && byte <= 0x5A
                    folded.append(upper ? byte | 0x20 : byte)
                } else {
                    shape.insert(.nonASCII)
                    upper = Unicode.Scalar(next.scalar)?.properties.isUppercase ?? false
                    if next.foldOffset >= 0 {
                        for k in 0..<next.foldLength { folded.append(FoldTable.bytes[next.foldOffset + k]) }
                    } else {
                        folded.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<(index + next.length)]))
                    }
                }
                if next.foldLength > 0 || next.scalar < 0x80 || next.foldOffset < 0 {
                    if !firstLetterSeen {
                        firstLetterSeen = true
                        if upper { shape.insert(.capitalized) }
                    } else if upper && !shape.contains(.initialism) {
                        shape.insert(.innerCapital)
                    }
                    letters += 1
                    lettersSincePeriod += 1
                    if upper { upperLetters += 1 }
                }
                index += next.length
                charIndex += 1
            case .digit:
                shape.insert(.hasDigit)
                if next.scalar < 0x80 { folded.append(UInt8(next.scalar)) }
                else { folded.append(contentsOf: UnsafeBufferPointer(rebasing: text[index..<(index + next.length)])) }
                index += next.length
                charIndex += 1
            case .apostrophe:
                let after = index + next.length
                guard isWordScalar(at: after) else { break scanning }
                let following = peek(after)
                if following.scalar == 0x73 || following.scalar == 0x53 {  // 's' or 'S'
                    let afterS = after + 1
                    if !isWordScalar(at: afterS) {
                        // A possessive: the token ends before the apostrophe; skip "'s".
                        shape.insert(.possessive)
                        let end = index
                        let endChar = charIndex
                        index = afterS
                        charIndex += 2
                        finish(byteStart: byteStart, byteEnd: end, charStart: charStart, charEnd: endChar,
                               foldStart: foldStart, shape: shape, letters: letters, upper: upperLetters,
                               tokens: &tokens, folded: &folded)
                        return
                    }
                }
                shape.insert(.apostrophe)
                index = after
                charIndex += 1
            case .period:
                let after = index + 1
                if lettersSincePeriod <= 3, lettersSincePeriod > 0, after < text.count, peek(after).role == .letters {
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
        if index < text.count, text[index] == UInt8(ascii: ".") {
            shape.insert(.trailingPeriod)
            if shape.contains(.initialism) {
                // "U.S." keeps its last period.
                byteEnd += 1
                charEnd += 1
                index += 1
                charIndex += 1
            }
        }
        finish(byteStart: byteStart, byteEnd: byteEnd, charStart: charStart, charEnd: charEnd,
               foldStart: foldStart, shape: shape, letters: letters, upper: upperLetters,
               tokens: &tokens, folded: &folded)
    }

    mutating func finish(byteStart: Int, byteEnd: Int, charStart: Int, charEnd: Int, foldStart: Int,
                         shape inShape: TokenShape, letters: Int, upper: Int,
                         tokens: inout [Token], folded: inout [UInt8]) {
        var shape = inShape
        if letters > 0 { shape.insert(.hasLetter) }
        if letters >= 2 && upper == letters { shape.insert(.allCaps) }
        if letters >= 2 && upper == letters { shape.remove(.innerCapital) }
        let length = folded.count - foldStart
        if length <= 3 {
            for rewrite in tokenRewrites where rewrite.from.count == length {
                var same = true
                for k in 0..<length where folded[foldStart + k] != rewrite.from[k] { same = false; break }
                if same {
                    folded.removeLast(length)
                    folded.append(contentsOf: rewrite.to)
                    break
                }
            }
        }
        let hash = folded.withUnsafeBufferPointer {
            NameHash.add(UnsafeBufferPointer(rebasing: $0[foldStart...]), to: NameHash.seed)
        }
        var gap = self.gap
        if let previous = tokens.last {
            if gap.contains(.newline) {
                gap.insert(.sentenceStart)
            } else if gap.contains(.stop) {
                let abbreviation = previous.shape.contains(.initialism)
                    || (previous.foldEnd - previous.foldStart == 1 && previous.shape.contains(.capitalized))
                    || nonTerminalAbbreviations.contains(previous.hash)
                // After an abbreviation a period ends the sentence only before a paragraph.
                if !abbreviation || gap.contains(.paragraph) { gap.insert(.sentenceStart) }
            }
        } else {
            gap.insert(.sentenceStart)
        }
        if gap.isEmpty { gap = [.none] }
        tokens.append(Token(byteStart: Int32(byteStart), byteEnd: Int32(byteEnd),
                            charStart: Int32(charStart), charEnd: Int32(charEnd),
                            foldStart: Int32(foldStart), foldEnd: Int32(folded.count),
                            hash: hash, shape: shape, gap: gap))
        self.gap = []
        newlinesInGap = 0
        tagged = false
    }
}
