import Foundation
import Testing

/// The pieces of the golden tests that need no binary: the cases grammar (which must stay the one
/// Scripts/update-golden reads) and the mismatch report.
@Suite struct GoldenSupportTests {
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
}
