import Foundation
import Testing

/// The parts of the golden tests that need no binary: the cases file and the fixtures agree, the
/// cases grammar (which must stay the one Scripts/update-golden reads), the mismatch report.
@Suite struct GoldenSupportTests {
    @Test func theCasesFileParses() throws {
        let cases = try GoldenCase.parse(contentsOf: GoldenCase.casesFile)
        #expect(cases.count == GoldenCase.all.count)
        #expect(cases.count >= 50)
    }

    /// expected/ holds a directory for each case and nothing else: a case removed from cases.txt
    /// leaves no stale output behind.
    @Test func everyExpectedDirectoryIsACase() {
        let directories = (try? FileManager.default.contentsOfDirectory(atPath: GoldenCase.expected)) ?? []
        let stale = Set(directories).subtracting(GoldenCase.all.map(\.name))
        #expect(stale.isEmpty, "expected/ has directories of no case: \(stale.sorted()). \(GoldenOutputTests.advice)")
    }

    /// The long input must stay over 256 KiB, or extract-long stops testing the reading in pieces.
    @Test func theLongInputIsReadInPieces() throws {
        let size = try #require(FileManager.default.attributesOfItem(atPath: GoldenCase.inputs + "/long/long-article.txt")[.size] as? Int)
        #expect(size > 256 * 1024)
    }

    @Test func wordsSplitOnBlanksAndKeepQuotedParts() throws {
        #expect(try GoldenCase.words(of: "lookup  \"Paris, Texas\"\t--limit 3", at: "x") == ["lookup", "Paris, Texas", "--limit", "3"])
        #expect(try GoldenCase.words(of: "a\"b c\"d \"\"", at: "x") == ["ab cd", ""])
        #expect(throws: GoldenCase.ParseError.self) { try GoldenCase.words(of: "lookup \"Paris", at: "x") }
    }

    @Test func standardInputComesFromTheEndOfTheLine() throws {
        let path = TestSupport.temporaryDirectory() + "/cases.txt"
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        try "# comment\n\none extract - < inputs/a.txt\ntwo about\n".write(toFile: path, atomically: true, encoding: .utf8)
        let cases = try GoldenCase.parse(contentsOf: path)
        #expect(cases.map(\.name) == ["one", "two"])
        #expect(cases[0].arguments == ["extract", "-"])
        #expect(cases[0].stdin == "inputs/a.txt")
        #expect(cases[0].line == 3)
        #expect(cases[1].stdin == nil)
        try "one about\none about\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: GoldenCase.ParseError.self) { try GoldenCase.parse(contentsOf: path) }
    }

    @Test func theReportNamesTheFirstDifferingLine() {
        let report = GoldenOutputTests.firstDifference(Data("a\nbb Kyiv 50.45\ncc\n".utf8), Data("a\nbb Kyiv 50.46\ncc\n".utf8))
        #expect(report == "at line 2, column 13 (byte 14): expected «bb Kyiv 50.45» but got «bb Kyiv 50.46»")
        let shorter = GoldenOutputTests.firstDifference(Data("a\nb\n".utf8), Data("a\n".utf8))
        #expect(shorter == "at line 2, column 1 (byte 2): expected «b» but got «(end of output)»")
    }

    /// The published FNV-1a 64 vectors, which Scripts/update-golden's digest_line gives too.
    @Test func largeFilesAreComparedByTheirFNVDigest() {
        #expect(GoldenRun.digestLine(Data()) == "fnv1a64 cbf29ce484222325 0 bytes\n")
        #expect(GoldenRun.digestLine(Data("a".utf8)) == "fnv1a64 af63dc4c8601ec8c 1 bytes\n")
    }
}
