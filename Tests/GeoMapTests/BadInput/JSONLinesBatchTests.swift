import Foundation
import Testing
@testable import GeoMap

/// Issue 7, JSON Lines: malformed lines, a missing or non-string text, duplicate ids and a
/// truncated last line are each one warning naming file and line; the batch goes on; the
/// summary and exit status say what was skipped; output does not depend on --jobs.
@Suite struct JSONLinesBatchTests {
    static let dirtyLines = [
        "{\"id\":\"a\",\"text\":\"Fighting near Luhansk.\"}",        // 1 good
        "not json at all",                                           // 2 malformed
        "{\"id\":\"b\",\"title\":\"no text\"}",                      // 3 missing text
        "{\"id\":\"c\",\"text\":42}",                                 // 4 text not a string
        "",                                                          // 5 blank: ignored
        "{\"id\":\"a\",\"text\":\"Moscow again\"}",                  // 6 duplicate of line 1
        "{\"id\":\"d\",\"text\":\"Moscow\"} trailing",               // 7 trailing characters
        "{\"id\":[1],\"text\":\"Moscow\"}",                           // 8 id not a string or number
        "{\"id\":\"e\",\"text\":\"Talks in Moscow.\"}",              // 9 good
        "{\"id\":\"f\",\"text\":\"cut off in Mosc",                  // 10 truncated last line
    ]

    func writeDirty(in directory: String) -> String {
        let path = directory + "/dirty.jsonl"
        BadInput.write(JSONLinesBatchTests.dirtyLines.joined(separator: "\n"), to: path)
        return path
    }

    @Test func eachBadLineIsOneWarningNamingFileAndLineAndTheBatchGoesOn() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = writeDirty(in: directory)
        let result = try BadInput.extract([path])
        #expect(result.processed == 2)
        #expect(result.skipped == 7)
        let ids = result.output.split(separator: "\n").map { line in
            (try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["id"] as! String
        }
        #expect(ids == ["a", "e"])
        #expect(result.warnings.count == 7)
        for warning in result.warnings { #expect(!warning.contains("\n")) }
        let expected: [(Int, String)] = [
            (2, "skipped: malformed JSON: expected an object at byte 1"),
            (3, "skipped: no \"text\" key"),
            (4, "skipped: \"text\" is not a string"),
            (6, "skipped: duplicate id \"a\" (first on line 1)"),
            (7, "skipped: trailing characters after the object"),
            (8, "skipped: \"id\" is not a string or a number"),
            (10, "skipped: malformed JSON: the line ends inside a string (truncated?) at byte 34"),
        ]
        for ((line, message), warning) in zip(expected, result.warnings) {
            #expect(warning == "\(path):\(line): \(message)")
        }
    }

    @Test func duplicateIdsAcrossFilesAreSkippedAndRecordsWithoutIdsAreNot() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("{\"id\":7,\"text\":\"Moscow\"}\n{\"text\":\"Luhansk\"}\n", to: directory + "/one.jsonl")
        BadInput.write("{\"id\":\"7\",\"text\":\"Luhansk\"}\n{\"text\":\"Moscow\"}\n", to: directory + "/two.jsonl")
        let result = try BadInput.extract([directory + "/one.jsonl", directory + "/two.jsonl"])
        #expect(result.processed == 3 && result.skipped == 1)
        #expect(result.warnings == ["\(directory)/two.jsonl:1: skipped: duplicate id \"7\" (first on \(directory)/one.jsonl:1)"])
    }

    @Test func aBinaryFileReadAsJSONLinesIsOneWarningNotOnePerLine() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var bytes: [UInt8] = [0x1F, 0x8B, 0x08, 0x00]
        for k in 0..<2000 { bytes.append(UInt8(truncatingIfNeeded: k &* 37)) }
        BadInput.write(bytes, to: directory + "/corpus.jsonl")
        let result = try BadInput.extract([directory + "/corpus.jsonl"])
        #expect(result.processed == 0 && result.skipped == 1)
        #expect(result.warnings == ["\(directory)/corpus.jsonl: skipped: binary file (gzip), not JSON Lines"])
    }

    @Test func outputIsByteIdenticalForAnyNumberOfJobs() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var lines: [String] = []
        let texts = ["Shelling in Luhansk.", "Talks in Moscow and St. Petersburg.", "Nothing here.", "", "Kaliningrad, Russia"]
        for k in 0..<700 { lines.append("{\"id\":\(k),\"text\":\"\(texts[k % texts.count]) #\(k)\"}") }
        lines.insert("broken", at: 300)
        BadInput.write(lines.joined(separator: "\n") + "\n", to: directory + "/many.jsonl")
        for format in OutputFormat.allCases {
            let one = try BadInput.extract([directory + "/many.jsonl"], format: format, jobs: 1)
            for jobs in [2, 3, 8] {
                let many = try BadInput.extract([directory + "/many.jsonl"], format: format, jobs: jobs)
                #expect(many.output == one.output, "\(format) with --jobs \(jobs)")
                #expect(many.processed == 700 && many.skipped == 1)
            }
        }
    }

    @Test(.enabled(if: BadInput.executable != nil, "needs the geomap binary beside the test bundle")) func theCommandPrintsTheSummaryAndExitsOneWhenAnythingWasSkipped() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let dirty = writeDirty(in: directory)
        let run = try BadInput.geomap(["extract", dirty])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == 2)
        #expect(run.stderrLines.count == 8)
        #expect(run.stderrLines.allSatisfy { $0.hasPrefix("geomap: ") })
        #expect(run.stderrLines[0] == "geomap: warning: \(dirty):2: skipped: malformed JSON: expected an object at byte 1")
        #expect(run.stderrLines.last == "geomap: processed 2, skipped 7")

        BadInput.write("{\"id\":1,\"text\":\"Moscow\"}\n{\"id\":2,\"text\":\"Luhansk\"}\n", to: directory + "/clean.jsonl")
        let clean = try BadInput.geomap(["extract", directory + "/clean.jsonl"])
        #expect(clean.status == 0)
        #expect(clean.stderrLines == ["geomap: processed 2, skipped 0"])
        let stdin = try BadInput.geomap(["extract", "--input", "jsonl", "-"], stdin: Data("{\"id\":1,\"text\":\"Moscow\"}\n{\"text\":".utf8))
        #expect(stdin.status == 1)
        #expect(stdin.stderrLines == ["geomap: warning: -:2: skipped: malformed JSON: the line ends where a value should be (truncated?) at byte 9", "geomap: processed 1, skipped 1"])
    }

    @Test(.enabled(if: BadInput.executable != nil, "needs the geomap binary beside the test bundle")) func theHelpSaysWhatHappensToDuplicateIds() throws {
        let help = try BadInput.geomap(["extract", "--help"])
        #expect(help.status == 0)
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("a record whose \"id\" was already seen (the first one is kept, later ones are skipped)"))
        #expect(words.contains("\"processed N, skipped M\""))
    }
}
