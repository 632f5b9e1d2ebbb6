import Foundation
import Testing

/// Issue 19, golden outputs: every command and format of `geomap` over the fixed texts under
/// Fixtures/Golden/inputs must give the bytes recorded under Fixtures/Golden/expected (standard
/// output, standard error, exit status, written files). When a change to GeoMap is meant to
/// change them, Scripts/update-golden rewrites expected/ and `git diff` of it is the review.
@Suite(.enabled(if: GoldenRun.isPossible, "needs the geomap binary beside the test bundle and the bundled gazetteer"))
struct GoldenOutputTests {
    static let advice = "If the change is intended, run Scripts/update-golden and review git diff Tests/GeoMapTests/Fixtures/Golden/"

    @Test(arguments: GoldenCase.all)
    func theOutputIsTheRecordedOne(_ goldenCase: GoldenCase) throws {
        let expectedDirectory = GoldenCase.expected + "/" + goldenCase.name
        let expected = try GoldenRun.files(under: expectedDirectory)
        guard !expected.isEmpty else {
            Issue.record("golden case \(goldenCase.name) (cases.txt:\(goldenCase.line)) has no expected/\(goldenCase.name)/. \(Self.advice)")
            return
        }
        let actual = try GoldenRun.outputs(of: goldenCase)
        for path in Set(expected.keys).union(actual.keys).sorted() {
            let place = "expected/\(goldenCase.name)/\(path)"
            switch (expected[path], actual[path]) {
            case let (want?, got?) where want != got:
                Issue.record("golden case \(goldenCase.name): \(path) differs from \(place) \(Self.firstDifference(want, got)). \(Self.advice)")
            case (_?, nil):
                Issue.record("golden case \(goldenCase.name): geomap no longer produces \(path) (\(place) exists). \(Self.advice)")
            case (nil, _?):
                Issue.record("golden case \(goldenCase.name): geomap now produces \(path), which \(place) does not have. \(Self.advice)")
            default:
                break
            }
        }
    }

    /// "at line L, column C: expected «…» but got «…»", excerpts around the first differing byte.
    static func firstDifference(_ expected: Data, _ actual: Data) -> String {
        let want = [UInt8](expected), got = [UInt8](actual)
        var index = 0
        while index < want.count, index < got.count, want[index] == got[index] { index += 1 }
        let lineStart = want[..<index].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let line = want[..<index].filter { $0 == 0x0A }.count + 1
        func excerpt(_ bytes: [UInt8]) -> String {
            guard index < bytes.count else { return "(end of output)" }
            let from = max(lineStart, index - 40)
            var to = from
            while to < bytes.count, to < index + 80, bytes[to] != 0x0A { to += 1 }
            let text = String(decoding: bytes[from..<to], as: UTF8.self)
            return (from > lineStart ? "…" : "") + text + (to < bytes.count && bytes[to] != 0x0A ? "…" : "")
        }
        return "at line \(line), column \(index - lineStart + 1) (byte \(index)): expected «\(excerpt(want))» but got «\(excerpt(got))»"
    }
}
