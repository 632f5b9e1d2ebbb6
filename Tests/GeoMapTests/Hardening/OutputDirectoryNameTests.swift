import Foundation
import Testing
@testable import GeoMap

/// Issue 17, finding 2 (ids escaping the per-article directory), 6c (many articles of one base
/// name) and 12 (an id that names a `.geojson` directory).
@Suite struct OutputDirectoryNameTests {
    /// Unicode Prepend letters: each joins the scalar after it into one `Character`.
    static let prependLetters: [String] = ["\u{0D4E}", "\u{111C2}", "\u{11A3A}", "\u{11D46}"]

    @Test(arguments: prependLetters)
    func aPrependLetterCannotHideASlashFromTheName(_ letter: String) {
        var names = ArticleDirectoryNames()
        for id in ["a\(letter)/b\(letter)/..", "v\(letter)/..", "\(letter)/\(letter)/x", "..\(letter)/../places.geojson", "x/\(letter)."] {
            let name = names.name(for: id)
            #expect(OutputHardening.isSafeComponent(name), "\(Array(id.unicodeScalars)) → \(Array(name.unicodeScalars))")
        }
        #expect(ArticleDirectoryNames.base(of: Array("a\(letter)/b\(letter)/..".utf8)) == "article")
        #expect(ArticleDirectoryNames.base(of: Array("news/x\(letter)".utf8)) == "x\(letter)")
        #expect(ArticleDirectoryNames.base(of: Array("news/x\(letter)/2024.txt".utf8)) == "2024")
    }

    @Test func thePremiseACharacterCanHoldASlash() {
        #expect(!"v\u{0D4E}/..".contains(Character("/")) && "v\u{0D4E}/..".utf8.contains(UInt8(ascii: "/")))
        #expect("a\u{0D4E}/b".lastIndex(of: "/") == nil)
    }

    @Test func controlBytesAndBrokenUTF8BecomeUnderscores() {
        var names = ArticleDirectoryNames()
        #expect(names.name(for: "a\u{0}b\u{1B}[31m\u{7F}\u{85}") == "a_b__31m__")
        #expect(names.name(forID: [0x61, 0xFF, 0xFE, 0x62]) == "a__b")
        #expect(names.name(for: "left\u{202E}right") == "left_right")  // no bidi override in a file name
        #expect(names.name(for: ".") == "article" && names.name(for: "..") == "article-2" && names.name(for: "/") == "article-3")
        #expect(names.name(for: "e\u{301}te\u{301}") == "e\u{301}te\u{301}")  // combining marks stay
    }

    @Test func aNameNeverLooksLikeALayerFile() {
        var names = ArticleDirectoryNames()
        #expect(names.name(for: "a.b.c.geojson") == "a.b.c_geojson")
        #expect(names.name(for: "feeds/Report.GeoJSON") == "Report_GeoJSON")
        #expect(names.name(for: "x.qml.qml") == "x_qml")
        #expect(names.name(for: "places.geojson") == "places_geojson")
        #expect(names.name(for: "2024-06-01.txt") == "2024-06-01")
        #expect(names.name(for: "a.geojsonx") == "a.geojsonx")
    }

    @Test func seededRandomIdsGiveSafeDistinctNames() {
        var random = SplitMix64(seed: 17)
        let alphabet = ["/", ".", "..", "-", "_", "2", "-2", "a", "A", "é", "e\u{301}", "\u{0}", "\u{1B}", "\u{0D4E}", "\u{111C2}",
                        "\u{11A3A}", "\u{11D46}", ".geojson", ".txt", " ", "Харків", "\u{FEFF}", "\u{200D}", "👍🏽"]
        var names = ArticleDirectoryNames()
        var seen = Set<String>()
        for _ in 0..<5_000 {
            let length = Int(random.next() % 12)
            var id = ""
            for _ in 0..<length { id += alphabet[Int(random.next() % UInt64(alphabet.count))] }
            var bytes = Array(id.utf8)
            if random.next() % 8 == 0 { bytes.insert(UInt8(truncatingIfNeeded: random.next() | 0x80), at: Int(random.next() % UInt64(bytes.count + 1))) }
            let name = names.name(forID: bytes)
            #expect(OutputHardening.isSafeComponent(name), "\(bytes) → \(name)")
            #expect(seen.insert(name).inserted, "\(bytes) → \(name) given twice")
        }
    }

    @Test func longIdsAreCutAtACharacterBoundary() {
        var names = ArticleDirectoryNames()
        let name = names.name(for: String(repeating: "ж", count: 100))
        #expect(name == String(repeating: "ж", count: 40))
        let suffixed = names.name(for: String(repeating: "ж", count: 100))
        #expect(suffixed == name + "-2" && suffixed.utf8.count <= ArticleDirectoryNames.maxBytes)
    }

    /// 6c: twenty thousand articles of one base name cost a constant number of lookups each.
    @Test func manyArticlesOfOneNameTakeLinearTime() {
        var names = ArticleDirectoryNames()
        var seen = Set<String>()
        for k in 0..<20_000 {
            let name = names.name(for: "feed-\(k % 3)/story.txt")
            #expect(k > 2 || name == (k == 0 ? "story" : "story-\(k + 1)"))
            seen.insert(name)
        }
        #expect(seen.count == 20_000)
        #expect(names.name(for: "story-5") == "story-5-2")  // a name given out as a suffix is taken
        #expect(names.probes <= 3 * 20_002, "\(names.probes) lookups for 20,002 names")
    }

    /// The attack of finding 2, end to end: with --force, ids built on Prepend letters must not
    /// overwrite another article's layers or write layers at the top of the output directory.
    @Test func hostileIdsStayInTheirOwnDirectory() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try OutputHardening.jsonl([("a\u{0D4E}", OutputHardening.text(0))], at: directory + "/first.jsonl")
        _ = try OutputHardening.export([directory + "/first.jsonl"], into: directory + "/out")
        let victim = OutputHardening.files(directory + "/out")
        #expect(victim.keys.contains("a\u{0D4E}/places.geojson"))

        try OutputHardening.jsonl([("a\u{0D4E}/b\u{0D4E}/..", OutputHardening.text(3)), ("v\u{0D4E}/..", OutputHardening.text(4))],
                                  at: directory + "/hostile.jsonl")
        _ = try OutputHardening.export([directory + "/hostile.jsonl"], into: directory + "/out", force: true)
        let after = OutputHardening.files(directory + "/out")
        for (path, bytes) in victim { #expect(after[path] == bytes, "\(path) was overwritten") }
        // Split in bytes: by Character, "a\u{0D4E}/places.geojson" has no slash.
        let components = after.keys.map { $0.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) } }
            .filter { $0 != [CountryOutlines.fileName] && $0 != [CountryOutlines.styleFileName] }  // the projects' background, at the top
        for path in components {
            #expect(path.count == 2 && OutputHardening.isSafeComponent(path[0]), "\(path)")
        }
        #expect(Set(components.map(\.[0])) == ["a\u{0D4E}", "article", "article-2"])
    }

    @Test func parentDirectoriesAreFoundInBytes() {
        #expect(GazetteerFiles.parent(of: "a/b") == "a")
        #expect(GazetteerFiles.parent(of: "/a") == "/")
        #expect(GazetteerFiles.parent(of: "a") == ".")
        #expect(GazetteerFiles.parent(of: "out/x\u{0D4E}/places.geojson") == "out/x\u{0D4E}")
        #expect(GazetteerFiles.parent(of: "x\u{0D4E}/y") == "x\u{0D4E}")
    }

    /// `extract -o`: the temporary file is made in the target's own directory (a rename across
    /// file systems fails with "Invalid cross-device link").
    @Test func theTemporaryFileGoesBesideItsTarget() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let inner = directory + "/x\u{0D4E}"
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        var writer = try AtomicFileWriter(path: inner + "/out.jsonl", overwrite: false)
        #expect(BadInput.contents(of: directory) == ["x\u{0D4E}"])
        let temporary = BadInput.contents(of: inner)
        #expect(temporary.count == 1 && temporary[0].hasPrefix(".geomap-tmp-\(getpid())-"), "\(temporary)")
        try writer.write(Array("{}\n".utf8))
        try writer.commit()
        #expect(BadInput.contents(of: inner) == ["out.jsonl"])
    }
}
