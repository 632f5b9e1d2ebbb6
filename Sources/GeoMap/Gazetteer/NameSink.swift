/// A name waiting for the index: its key's hash, its posting, and where its key bytes are (in the
/// key bytes of the chunk `source`).
struct PendingPosting {
    var hash: UInt64
    var entry: Int32
    var keyOffset: UInt32
    var keyLength: UInt16
    var caseSignature: UInt16
    var type: NameType
    var flags: NameFlags
    var tokenCount: UInt8
    var source: UInt8
}

/// Keys names and collects their postings and key bytes.
struct NameSink {
    let source: UInt8
    var postings: [PendingPosting] = []
    var keyBytes: [UInt8] = []
    var maxTokens = 1
    private var tokenizer = Tokenizer()
    private var alphabetic = AlphabeticMemo()

    init(source: UInt8) { self.source = source }

    /// Adds a name. For a province (`stripUnitSuffix`), "Lugansk Oblast" also yields "Lugansk":
    /// news writes the unit's bare name as often as its full one.
    mutating func add(_ name: ByteView, entry: Int32, type: NameType, stripUnitSuffix: Bool = false) {
        let utf8 = name
        guard let key = NameKey.of(utf8: utf8, using: &tokenizer) else { return }
        var flags: NameFlags = []
        var anyCapitalized = false, anyLetter = false, anyDigit = false, anyNonASCII = false
        for token in tokenizer.tokens {
            anyCapitalized = anyCapitalized || token.shape.contains(.capitalized)
            anyLetter = anyLetter || token.shape.contains(.hasLetter)
            anyDigit = anyDigit || token.shape.contains(.hasDigit)
            anyNonASCII = anyNonASCII || token.shape.contains(.nonASCII)
        }
        if !anyCapitalized && anyLetter { flags.insert(.lowercase) }
        if anyDigit { flags.insert(.digit) }
        if anyNonASCII && hasNonLatinLetter(utf8) { flags.insert(.nonLatin) }
        let length = min(key.bytes.count, Int(UInt16.max))
        maxTokens = max(maxTokens, key.tokenCount)
        postings.append(PendingPosting(hash: IndexLayout.stored(key.hash), entry: entry, keyOffset: UInt32(keyBytes.count),
                                       keyLength: UInt16(length), caseSignature: type == .abbreviation ? CaseSignature.of(utf8) : 0,
                                       type: type, flags: flags, tokenCount: UInt8(clamping: key.tokenCount), source: source))
        if length == key.bytes.count {
            keyBytes.append(contentsOf: key.bytes)
        } else {
            keyBytes.append(contentsOf: key.bytes[..<length])
        }
        if stripUnitSuffix, key.tokenCount >= 2, let last = tokenizer.tokens.last,
           WordClasses.english.classes(of: last.hash).contains(.admin1Suffix),
           let space = key.bytes.lastIndex(of: 0x20) {
            let base = key.bytes[..<space]
            let hash = NameHash.add(base, to: NameHash.seed)
            postings.append(PendingPosting(hash: IndexLayout.stored(hash), entry: entry, keyOffset: UInt32(keyBytes.count),
                                           keyLength: UInt16(min(base.count, Int(UInt16.max))), caseSignature: 0,
                                           type: .alternate, flags: flags, tokenCount: UInt8(clamping: key.tokenCount - 1),
                                           source: source))
            keyBytes.append(contentsOf: base.prefix(Int(UInt16.max)))
        }
    }

    /// Whether the name has a letter outside the Latin script (Latin Extended Additional counts as Latin).
    private mutating func hasNonLatinLetter(_ utf8: ByteView) -> Bool {
        var index = 0
        while index < utf8.count {
            let (scalar, length) = decodeScalar(utf8, at: index)
            index += length
            if scalar >= 0x0370 && !(0x1E00..<0x1F00).contains(scalar), alphabetic[scalar] {
                return true
            }
        }
        return false
    }
}

/// `Unicode.Scalar.Properties.isAlphabetic`, which is slow to look up, remembered per scalar value.
private struct AlphabeticMemo {
    private var known = [UInt64](repeating: 0, count: 0x110000 / 64)
    private var alphabetic = [UInt64](repeating: 0, count: 0x110000 / 64)

    subscript(scalar: UInt32) -> Bool {
        mutating get {
            guard scalar < 0x110000 else { return false }
            let word = Int(scalar >> 6), bit = UInt64(1) << UInt64(scalar & 63)
            if known[word] & bit == 0 {
                known[word] |= bit
                if Unicode.Scalar(scalar)?.properties.isAlphabetic == true { alphabetic[word] |= bit }
            }
            return alphabetic[word] & bit != 0
        }
    }
}
