import Foundation
@testable import GeoMap

/// What the differential tests feed a fast path and its plain reference: real text from the
/// repository (Examples/, the test fixtures, the bundled gazetteer's names) and seeded random input
/// (random bytes, random Unicode, lengths around the 8-, 16- and 32-byte blocks the fast paths
/// step by). Every random input comes from `SplitMix64`, so a failure can be replayed.
enum DifferentialInputs {
    /// The texts of Examples/ and of the test fixtures (the bad-input fixture repaired to UTF-8).
    static let repositoryTexts: [String] = {
        var texts: [String] = []
        let manager = FileManager.default
        for directory in [TestSupport.repositoryRoot + "/Examples", TestSupport.fixtures] {
            guard let walker = manager.enumerator(atPath: directory) else { continue }
            for case let path as String in walker {
                guard let data = manager.contents(atPath: directory + "/" + path), !data.isEmpty else { continue }
                texts.append(String(decoding: data, as: UTF8.self))
            }
        }
        return texts.sorted()
    }()

    /// Every name and abbreviation of the bundled gazetteer's `places.tsv`, its demonyms and its
    /// organisations, in file order; nil without the bundled gazetteer.
    static let gazetteerNames: [String]? = {
        let directory = TestSupport.repositoryRoot + "/Gazetteer"
        guard let places = FileManager.default.contents(atPath: directory + "/places.tsv") else { return nil }
        // Split as bytes: splitting a String by Character runs grapheme breaking over 30 MB.
        func lines(_ data: Data, header: Bool = true) -> [ArraySlice<UInt8>] {
            Array([UInt8](data).split(separator: 0x0A).dropFirst(header ? 1 : 0))
        }
        var names: [String] = []
        for line in lines(places) {
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count >= 12 else { continue }
            for field in [fields[10], fields[11]] {
                for name in field.split(separator: UInt8(ascii: "|")) { names.append(String(decoding: name, as: UTF8.self)) }
            }
        }
        for (file, header) in [("demonyms.tsv", false), ("curated/organisations.tsv", true)] {
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else { continue }
            for line in lines(data, header: header) {
                if let first = line.split(separator: 0x09).first { names.append(String(decoding: first, as: UTF8.self)) }
            }
        }
        return names
    }()

    /// Every `every`-th name of the gazetteer (all of them for 1): the slow plain references
    /// take a sample of the million names, the same sample on every run.
    static func gazetteerNames(every: Int) -> [String] {
        guard let names = gazetteerNames else { return [] }
        return stride(from: 0, to: names.count, by: every).map { names[$0] }
    }

    /// The gazetteer's names (every `every`-th) joined into texts of about `size` bytes, one name a
    /// line: real spelling (diacritics, apostrophes, hyphens, scripts) in long texts.
    static func gazetteerTexts(size: Int = 1 << 16, every: Int) -> [String] {
        var texts: [String] = [], current = ""
        for name in gazetteerNames(every: every) {
            current += name
            current += "\n"
            if current.utf8.count >= size { texts.append(current); current = "" }
        }
        if !current.isEmpty { texts.append(current) }
        return texts
    }

    /// Lengths that cross the 8-, 16- and 32-byte blocks, and a few longer ones.
    static let edgeLengths: [Int] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 16, 17, 23, 24, 25, 31, 32, 33,
                                     39, 40, 41, 47, 48, 63, 64, 65, 95, 96, 97, 127, 128, 129, 255, 256, 257]

    static func randomBytes(count: Int, using generator: inout SplitMix64) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// Pieces random texts are made of: what tokenizers, name keys and JSON escaping treat
    /// specially, in ASCII and beyond.
    static let pieces: [String] = [
        "a", "Z", "k", "Kyiv", "LUHANSK", "McAllen", "iPhone", "x1", "2024", "7",
        " ", "  ", "\t", "\n", "\r\n", "\n\n", "\r", "\u{0}", "\u{1F}", "\u{7F}",
        ".", ". ", "...", ",", ";", ":", "!", "?", "-", "–", "—", "\u{2212}", "\u{00AD}",
        "'", "`", "\u{2019}", "\u{02BC}", "\u{2018}", "'s", "’s", "'S", "s", "S",
        "\"", "\\", "/", "&", "+", "(", ")", "[", "]", "{", "}", "«", "»", "“", "”", "„",
        "#", "@", "#Syria", "@kyiv", "St.", "st", "Ste", "Mt", "ft.", "U.S.", "W.Va.", "Mr.", "A.",
        "The", "the", "of", "é", "É", "e\u{0301}", "\u{0301}", "ł", "Ł", "ß", "ẞ", "Æ", "ø", "ı", "ŉ",
        "Москва", "Ё", "ё", "Ελλάδα", "Σ", "日本", "東京", "한국", "עברית", "عربى", "ＡＢＣ", "²", "½", "٣",
        "🙂", "🇺🇦", "\u{2028}", "\u{2029}", "\u{85}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{FEFF}",
        "\u{200B}", "\u{FFFD}", "\u{E000}", "\u{10FFFF}", "\u{1D400}", "ǅ", "ﬁ", "Å", "Ω",
    ]

    /// A random text of about `pieceCount` pieces.
    static func randomText(pieceCount: Int, using generator: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<pieceCount { text += pieces.randomElement(using: &generator)! }
        return text
    }

    /// A random string of valid scalars from the whole Unicode range, weighted towards ASCII.
    static func randomScalars(count: Int, using generator: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        while scalars.count < count {
            let value: UInt32
            switch UInt8.random(in: 0..<4, using: &generator) {
            case 0: value = UInt32.random(in: 0..<0x80, using: &generator)
            case 1: value = UInt32.random(in: 0x80..<0x800, using: &generator)
            case 2: value = UInt32.random(in: 0x800..<0x10000, using: &generator)
            default: value = UInt32.random(in: 0x10000...0x10FFFF, using: &generator)
            }
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    /// `bytes` with a few random bytes replaced, inserted or removed.
    static func mutated(_ bytes: [UInt8], edits: Int, using generator: inout SplitMix64) -> [UInt8] {
        var result = bytes
        for _ in 0..<edits {
            let position = Int.random(in: 0...result.count, using: &generator)
            switch UInt8.random(in: 0..<3, using: &generator) {
            case 0 where position < result.count: result[position] = UInt8.random(in: 0...255, using: &generator)
            case 1: result.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            default: if position < result.count { result.remove(at: position) }
            }
        }
        return result
    }
}
