import Foundation
import Testing
@testable import GeoMap

/// Issue 15, trap 2: `extract -o out.csv` wrote JSON Lines; the format now follows `-o`'s
/// extension when `--format` is not given, and an explicit `--format` wins.
@Suite struct OutputFormatFromPathTests {
    @Test func theExtensionNamesTheFormat() throws {
        #expect(try OutputFormat.forOutputPath("out.csv") == .csv)
        #expect(try OutputFormat.forOutputPath("dir.v2/OUT.CSV") == .csv)
        #expect(try OutputFormat.forOutputPath("out.json") == .json)
        #expect(try OutputFormat.forOutputPath("out.jsonl") == .jsonl)
        #expect(try OutputFormat.forOutputPath("out.ndjson") == .jsonl)
        #expect(try OutputFormat.forOutputPath("out.txt") == .table)
        #expect(try OutputFormat.forOutputPath("out") == .jsonl)
        #expect(try OutputFormat.forOutputPath("csv.d/.csv") == .jsonl)  // a hidden name, no extension
        #expect(throws: GeoMapError.self) { try OutputFormat.forOutputPath("out.geojson") }
        #expect(throws: GeoMapError.self) { try OutputFormat.forOutputPath("out.tsv") }
    }

    @Test(.enabled(if: CLITraps.hasBinary)) func extractWritesWhatTheNameSays() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("Shelling near Luhansk and Moscow.", to: directory + "/a.txt")
        #expect(try BadInput.geomap(["extract", "a.txt", "-o", "out.csv"], in: directory).status == 0)
        let csv = try String(contentsOfFile: directory + "/out.csv", encoding: .utf8)
        #expect(csv.hasPrefix(CSVFormat.header + "\n"))
        #expect(try BadInput.geomap(["extract", "a.txt", "-o", "out.json"], in: directory).status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: directory + "/out.json")))
        #expect((json as? [Any])?.count == 1)
        #expect(try BadInput.geomap(["extract", "a.txt", "-o", "out.txt"], in: directory).status == 0)
        #expect(try String(contentsOfFile: directory + "/out.txt", encoding: .utf8).hasPrefix("== a.txt ("))
        // --format wins over the name.
        #expect(try BadInput.geomap(["extract", "a.txt", "-o", "forced.csv", "--format", "jsonl"], in: directory).status == 0)
        let forced = try String(contentsOfFile: directory + "/forced.csv", encoding: .utf8)
        #expect(try CLITraps.jsonLines(forced).count == 1)
        // A name of a format extract does not write is a usage error, and nothing is written.
        let geojson = try BadInput.geomap(["extract", "a.txt", "-o", "out.geojson"], in: directory)
        #expect(geojson.status == 64)
        #expect(geojson.stderrLines.count == 1 && geojson.stderr.contains("geomap geojson"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/out.geojson"))
    }
}
