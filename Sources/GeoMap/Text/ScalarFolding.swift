/// How one Unicode scalar takes part in a name key: as letters (folded to lower case without
/// diacritics), as an apostrophe, a hyphen, a period, white space or other punctuation.
enum ScalarRole: Equatable {
    case letters        // fold bytes are in `ScalarFolding.foldedBytes`
    case digit
    case apostrophe
    case hyphen
    case period
    case space
    case newline
    case punctuation
}

enum ScalarFolding {
    /// The role of an ASCII byte, precomputed.
    static let asciiRoles: [ScalarRole] = (0..<128).map { byte -> ScalarRole in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): return .letters
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: "'"), UInt8(ascii: "`"): return .apostrophe
        case UInt8(ascii: "-"): return .hyphen
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): return .newline
        case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C: return .space
        case 0..<32, 127: return .space
        default: return .punctuation
        }
    }

    /// The role of a non-ASCII scalar, and where its folded bytes are in `FoldTable.bytes`
    /// (for scalars outside the table's ranges that are letters, the scalar keeps its own bytes).
    @inline(__always)
    static func role(ofNonASCII scalar: UInt32) -> (role: ScalarRole, foldOffset: Int, foldLength: Int) {
        for range in FoldTable.ranges where scalar >= range.lower && scalar < range.upper {
            let index = range.base + Int(scalar - range.lower)
            let offset = Int(FoldTable.offsets[index])
            if offset == 0xFFFF { return (.punctuation, 0, 0) }
            let length = Int(FoldTable.lengths[index])
            if length == 1 {
                switch FoldTable.bytes[offset] {
                case UInt8(ascii: "'"): return (.apostrophe, 0, 0)
                case UInt8(ascii: "-"): return (.hyphen, 0, 0)
                case UInt8(ascii: " "):
                    return (scalar == 0x2028 || scalar == 0x2029 || scalar == 0x85 ? .newline : .space, 0, 0)
                default: break
                }
            }
            return (.letters, offset, length)
        }
        if scalar == 0xFEFF || scalar == 0x3000 { return (.space, 0, 0) }
        guard let unicode = Unicode.Scalar(scalar) else { return (.punctuation, 0, 0) }
        let properties = unicode.properties
        if properties.isAlphabetic { return (.letters, -1, 0) }
        if properties.numericType != nil { return (.digit, -1, 0) }
        if properties.isWhitespace { return (.space, 0, 0) }
        return (.punctuation, 0, 0)
    }
}
