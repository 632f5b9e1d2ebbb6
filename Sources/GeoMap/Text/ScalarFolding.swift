/// How one Unicode scalar takes part in a name key: as letters (folded to lower case without
/// diacritics), as an apostrophe, a hyphen, a period, white space or other punctuation.
enum ScalarRole: UInt8, Equatable {
    case letters        // fold bytes are in `FoldTable.bytes`, or the scalar's own
    case digit
    case apostrophe
    case hyphen
    case period
    case space
    case newline
    case punctuation
}

/// What the tokenizer needs to know of a non-ASCII scalar.
struct NonASCIIScalar {
    var role: ScalarRole
    /// Offset of the folded bytes in `FoldTable.bytes`, or -1 when the scalar folds to itself.
    var foldOffset: Int
    var foldLength: Int
    var isUpper: Bool
}

enum ScalarFolding {
    /// The role of an ASCII byte.
    @inline(__always)
    static func asciiRole(_ byte: UInt8) -> ScalarRole {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A: return .letters
        case 0x30...0x39: return .digit
        case 0x27, 0x60: return .apostrophe                 // ' `
        case 0x2D: return .hyphen
        case 0x2E: return .period
        case 0x0A, 0x0D: return .newline
        case 0x00...0x1F, 0x20, 0x7F: return .space
        default: return .punctuation
        }
    }

    /// The role of a non-ASCII scalar, where its folded bytes are, and its case.
    static func describe(nonASCII scalar: UInt32) -> NonASCIIScalar {
        for range in FoldTable.ranges where scalar >= range.lower && scalar < range.upper {
            let index = range.base + Int(scalar - range.lower)
            let offset = Int(FoldTable.offsets[index])
            if offset == 0xFFFF { return NonASCIIScalar(role: .punctuation, foldOffset: 0, foldLength: 0, isUpper: false) }
            let length = Int(FoldTable.lengths[index])
            if length == 1 {
                switch FoldTable.bytes[offset] {
                case UInt8(ascii: "'"): return NonASCIIScalar(role: .apostrophe, foldOffset: 0, foldLength: 0, isUpper: false)
                case UInt8(ascii: "-"): return NonASCIIScalar(role: .hyphen, foldOffset: 0, foldLength: 0, isUpper: false)
                case UInt8(ascii: " "):
                    let lineBreak = scalar == 0x2028 || scalar == 0x2029 || scalar == 0x85
                    return NonASCIIScalar(role: lineBreak ? .newline : .space, foldOffset: 0, foldLength: 0, isUpper: false)
                default: break
                }
            }
            return NonASCIIScalar(role: .letters, foldOffset: offset, foldLength: length, isUpper: FoldTable.upper[index] != 0)
        }
        if scalar == 0xFEFF || scalar == 0x3000 { return NonASCIIScalar(role: .space, foldOffset: 0, foldLength: 0, isUpper: false) }
        guard let unicode = Unicode.Scalar(scalar) else {
            return NonASCIIScalar(role: .punctuation, foldOffset: 0, foldLength: 0, isUpper: false)
        }
        // By general category, as Scripts/gazetteer/name-key-rules.tsv states (Python has the
        // categories, not the Alphabetic property): every mark belongs to its word, so a virama or
        // nukta no longer splits a Devanagari, Bengali or Tamil word.
        let properties = unicode.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return NonASCIIScalar(role: .letters, foldOffset: -1, foldLength: 0, isUpper: properties.isUppercase)
        case .decimalNumber, .otherNumber:
            return NonASCIIScalar(role: .digit, foldOffset: -1, foldLength: 0, isUpper: false)
        case .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return NonASCIIScalar(role: .space, foldOffset: 0, foldLength: 0, isUpper: false)
        default:
            return NonASCIIScalar(role: .punctuation, foldOffset: 0, foldLength: 0, isUpper: false)
        }
    }
}
