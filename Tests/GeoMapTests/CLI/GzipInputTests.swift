import Foundation
import Testing
@testable import GeoMap

/// Issue 15, trap 7: `.gz` inputs were skipped as binary files. A `.gz` file is inflated as it is
/// read (zlib) and read by the name under it; damaged gzip is one warning naming the file.
@Suite(.enabled(if: CLITraps.gzipTool() != nil)) struct GzipInputTests {
    static func records(_ prefix: String, _ range: ClosedRange<Int> = 1...300) -> String {
        range.map { "{\"id\":\"\(prefix)\($0)\",\"text\":\"Report \($0): shelling near Luhansk.\"}\n" }.joined()
    }

    @Test func aGzippedTextIsReadAsItsText() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = String(repeating: "Shelling near Luhansk, talks in Moscow. ", count: 20_000)  // 800 KB: read in pieces
        BadInput.write(try CLITraps.gzip(Array(text.utf8)), to: directory + "/article.txt.gz")
        let read = try BadInput.read([directory + "/article.txt.gz"])
        #expect(read.warnings.isEmpty && read.skipped == 0)
        #expect(read.documents.map(\.idString) == [directory + "/article.txt.gz"])
        #expect(read.documents.first?.text == Array(text.utf8))
    }

    @Test func gzippedJSONLinesAreRecordsAndConcatenatedMembersAreRead() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = Array(Self.records("r", 1...150).utf8), second = Array(Self.records("r", 151...300).utf8)
        BadInput.write(try CLITraps.gzip(first) + CLITraps.gzip(second) + [0, 0, 0, 0], to: directory + "/corpus.JSONL.gz")
        let read = try BadInput.read([directory + "/corpus.JSONL.gz"])
        #expect(read.warnings.isEmpty && read.skipped == 0)
        #expect(read.documents.map(\.idString) == (1...300).map { "r\($0)" })
        #expect(InputFormat.auto.resolved(for: "x.ndjson.gz") == .jsonl && InputFormat.auto.resolved(for: "x.txt.gz") == .text)
    }

    @Test func damagedGzipIsOneWarningNamingTheFile() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var corrupt = try CLITraps.gzip(Array(Self.records("c").utf8))
        corrupt[corrupt.count - 6] ^= 0x5A  // the CRC-32 of the data: every byte inflates, the check fails
        let truncated = try CLITraps.gzip(Array(Self.records("t").utf8))
        BadInput.write(corrupt, to: directory + "/corrupt.jsonl.gz")
        BadInput.write(Array(truncated.prefix(truncated.count / 2)), to: directory + "/truncated.jsonl.gz")
        BadInput.write("not gzip at all", to: directory + "/plain.txt.gz")
        BadInput.write(try CLITraps.gzip(Array(Self.records("g").utf8)), to: directory + "/good.jsonl.gz")
        let read = try BadInput.read([directory + "/corrupt.jsonl.gz", directory + "/truncated.jsonl.gz",
                                      directory + "/plain.txt.gz", directory + "/good.jsonl.gz"])
        #expect(read.skipped == 3)
        #expect(read.warnings == [directory + "/corrupt.jsonl.gz: corrupt gzip data (incorrect data check)",
                                  directory + "/truncated.jsonl.gz: truncated gzip data (the file ends inside the stream)",
                                  directory + "/plain.txt.gz: not gzip data (incorrect header check)"])
        // What came before the damage is read, each record whole; the good file is read whole.
        let ids = read.documents.map(\.idString)
        #expect(ids.filter { $0.hasPrefix("c") } == (1...300).map { "c\($0)" })
        let truncatedIDs = ids.filter { $0.hasPrefix("t") }
        #expect(truncatedIDs.count < 300 && truncatedIDs == (1...max(1, truncatedIDs.count)).prefix(truncatedIDs.count).map { "t\($0)" })
        #expect(ids.filter { $0.hasPrefix("g") } == (1...300).map { "g\($0)" })
    }

    @Test(.enabled(if: CLITraps.hasBinary)) func extractReadsGzipAndNamesADamagedFile() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write(try CLITraps.gzip(Array("Shelling near Luhansk.".utf8)), to: directory + "/a.txt.gz")
        let run = try BadInput.geomap(["extract", "a.txt.gz", "--format", "jsonl"], in: directory)
        #expect(run.status == 0)
        #expect(try CLITraps.jsonLines(run.stdout).first?["id"] as? String == "a.txt.gz")
        #expect(run.stdout.contains("Luhansk"))
        BadInput.write([0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF], to: directory + "/bad.txt.gz")
        let bad = try BadInput.geomap(["extract", "bad.txt.gz", "--format", "jsonl"], in: directory)
        #expect(bad.status == 1)
        #expect(bad.stderrLines.first?.hasPrefix("geomap: warning: bad.txt.gz: ") == true)
        #expect(bad.stderrLines.last == "geomap: processed 0, skipped 1")
    }
}
