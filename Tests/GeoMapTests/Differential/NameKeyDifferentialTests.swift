import Foundation
import Testing
@testable import GeoMap

/// `NameKey` (the byte tokenizer reading the generated fold table) against the folding rules of
/// Scripts/generate-fold-table applied plainly, scalar by scalar, with Foundation's Unicode data:
/// the special letters (ł → l, ß → ss, …), apostrophes and dashes, separators and punctuation by
/// general category, else the compatibility decomposition without combining marks, lower-cased.
/// Scalars outside the table's blocks keep themselves when alphabetic. Then the key rules: tokens
/// joined by single spaces, no leading "the".
struct NameKeyDifferentialTests {
    static let special: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss", "ẞ": "ss",
        "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th", "Þ": "th", "ð": "d",
        "Ð": "d", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t", "ŀ": "l", "Ŀ": "l", "ƒ": "f", "ſ": "s",
        "ĸ": "k", "ŉ": "n", "ƀ": "b", "ɨ": "i", "ʉ": "u", "ȼ": "c", "ɇ": "e", "ɍ": "r", "ɏ": "y",
    ]
    static let apostrophes: Set<Unicode.Scalar> = ["\u{2019}", "\u{2018}", "\u{02BC}", "\u{02BB}", "\u{0060}", "\u{00B4}",
                                                   "\u{2032}", "\u{02B9}", "\u{02BF}", "\u{02BE}", "\u{201B}"]
    static let dashes: Set<Unicode.Scalar> = ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}",
                                              "\u{2212}", "\u{00AD}"]
    static let tableBlocks: [Range<UInt32>] = [0x80..<0x530, 0x1E00..<0x1F00, 0x2000..<0x2070]

    static func plainClassifier(_ scalar: Unicode.Scalar) -> (role: ScalarRole, fold: [UInt8], isLetter: Bool, isUpper: Bool) {
        let properties = scalar.properties
        guard tableBlocks.contains(where: { $0.contains(scalar.value) }) else {
            if scalar == "\u{FEFF}" || scalar == "\u{3000}" { return (.space, [], false, false) }
            // By general category, as Scripts/gazetteer/name-key-rules.tsv states.
            switch properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .letterNumber,
                 .nonspacingMark, .spacingMark, .enclosingMark:
                return (.letters, Array(String(scalar).utf8), true, properties.isUppercase)
            case .decimalNumber, .otherNumber: return (.digit, [], false, false)
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return (.space, [], false, false)
            default: return (.punctuation, [], false, false)
            }
        }
        let isUpper = properties.generalCategory == .uppercaseLetter || properties.isUppercase
        if let fold = special[scalar] { return (.letters, Array(fold.utf8), true, isUpper) }
        if apostrophes.contains(scalar) { return (.apostrophe, [], false, false) }
        if dashes.contains(scalar) { return (.hyphen, [], false, false) }
        switch properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .surrogate, .privateUse, .unassigned:
            let lineBreak = scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}"
            return (lineBreak ? .newline : .space, [], false, false)
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return (.punctuation, [], false, false)
        default:
            let base = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
                .filter { $0.properties.canonicalCombiningClass == .notReordered }
            let folded = String(String.UnicodeScalarView(base)).lowercased()
            // A scalar that folds to a lone apostrophe, hyphen or space is one.
            switch folded {
            case "'": return (.apostrophe, [], false, false)
            case "-": return (.hyphen, [], false, false)
            case " ": return (.space, [], false, false)
            default: return (.letters, Array(folded.utf8), !folded.isEmpty, isUpper)
            }
        }
    }

    /// The key by the plain rules, or nil when the name has no word.
    ///
    /// A token can fold to nothing (a combining mark with no letter before it, `\u{301}.Kyiv`):
    /// `NameKey` puts no space after such a token at the start of the key but still counts it, so
    /// the key reads `kyiv` with two tokens, while a text span over the same two tokens hashes as
    /// ` kyiv` (`NameHash.extend`). The reference spells out what `NameKey` does; the mismatch is
    /// harmless only because no gazetteer name begins that way.
    static func reference(_ name: String) -> (bytes: [UInt8], tokens: Int)? {
        let output = ReferenceTokenizer.tokenize(name, classifier: plainClassifier)
        var words = output.tokens.map { Array(output.folded[$0.foldStart..<$0.foldEnd]) }
        if words.count > 1, words[0] == Array("the".utf8) { words.removeFirst() }
        guard !words.isEmpty else { return nil }
        var key: [UInt8] = []
        for word in words {
            if !key.isEmpty { key.append(0x20) }
            key += word
        }
        return (key, words.count)
    }

    static func expectSame(_ names: some Sequence<String>) -> Int {
        var tokenizer = Tokenizer()
        var failures = 0, keys = 0
        for name in names {
            let fast = NameKey.of(name, using: &tokenizer)
            let plain = reference(name)
            if fast?.bytes != plain?.bytes || fast?.tokenCount != plain?.tokens {
                failures += 1
                if failures <= 5 {
                    Issue.record("\(String(reflecting: name)): NameKey \(fast.map { String(reflecting: $0.string) } ?? "none"), rules \(plain.map { String(reflecting: String(decoding: $0.bytes, as: UTF8.self)) } ?? "none")")
                }
            }
            if fast != nil { keys += 1 }
        }
        #expect(failures == 0)
        return keys
    }

    /// Every scalar of the table's blocks, alone and inside a word, folds as the rules say.
    @Test func everyScalarOfTheTable() {
        var names: [String] = []
        for block in Self.tableBlocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                names.append(String(scalar))
                names.append("a" + String(scalar) + "b")
                names.append("Xy" + String(scalar))
            }
        }
        #expect(Self.expectSame(names) > 1_000)
    }

    @Test(.enabled(if: DifferentialInputs.gazetteerNames != nil, "needs the bundled gazetteer"))
    func gazetteerNames() {
        #expect(Self.expectSame(DifferentialInputs.gazetteerNames(every: 8)) > 90_000)
    }

    @Test func repositoryAndRandomTexts() {
        var generator = SplitMix64(seed: 19_601)
        var names = DifferentialInputs.repositoryTexts.flatMap { $0.split(separator: "\n").map(String.init) }
        for _ in 0..<5_000 {
            names.append(DifferentialInputs.randomText(pieceCount: Int.random(in: 1...8, using: &generator), using: &generator))
        }
        for _ in 0..<1_000 { names.append(DifferentialInputs.randomScalars(count: Int.random(in: 1...12, using: &generator), using: &generator)) }
        #expect(Self.expectSame(names) > 3_000)
    }
}
