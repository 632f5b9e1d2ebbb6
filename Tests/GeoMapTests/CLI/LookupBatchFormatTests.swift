import Foundation
import Testing
@testable import GeoMap

/// Issue 15, trap 3: `lookup --batch` ignored `--format`; with `--format json` it writes a JSON
/// object per name.
@Suite(.enabled(if: CLITraps.hasBinary)) struct LookupBatchFormatTests {
    @Test func batchHonoursFormatJSON() throws {
        let names = "Moscow\nQwxzzq\nLuhansk\n"
        let run = try BadInput.geomap(["lookup", "--batch", "-", "--format", "json"], stdin: Data(names.utf8))
        #expect(run.status == 0)
        let records = try CLITraps.jsonLines(run.stdout)
        #expect(records.map { $0["name"] as? String } == ["Moscow", "Qwxzzq", "Luhansk"])
        let moscow = try #require(records[0]["best"] as? [String: Any])
        #expect(moscow["name"] as? String == "Moscow")
        #expect(moscow["match"] is String && moscow["lat"] is Double && moscow["id"] != nil)
        #expect(records[1]["best"] is NSNull)
        // The plain lines are still the default, and what --format table gives.
        let table = try BadInput.geomap(["lookup", "--batch", "-", "--format", "table"], stdin: Data(names.utf8))
        let plain = try BadInput.geomap(["lookup", "--batch", "-"], stdin: Data(names.utf8))
        #expect(table.stdout == plain.stdout)
        #expect(plain.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) } == ["Moscow", "Qwxzzq", "Luhansk"])
    }
}
