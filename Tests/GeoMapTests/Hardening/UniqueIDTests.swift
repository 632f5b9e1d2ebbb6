import Foundation
import Testing
@testable import GeoMap

/// Issue 17, finding 10: an id-less record's line-number id could equal another record's id, and
/// the same text file given twice gave two records with one id. Ids are unique in the output now:
/// an id-less record is named `PATH:LINE` and checked like any id; a text file's path is its id,
/// taken before any record; the same file given twice (by any path) is read once.
@Suite struct UniqueIDTests {
    func ids(_ output: String) -> [String] {
        output.split(separator: "\n").map { line in
            (try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["id"] as! String
        }
    }

    @Test func anIdlessRecordNoLongerTakesAnotherRecordsId() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.jsonl"
        // Line 2 has no id; before, it was named "2", the id of line 1.
        BadInput.write("{\"id\":2,\"text\":\"Moscow\"}\n{\"text\":\"Luhansk\"}\n{\"id\":\"3\",\"text\":\"Kyiv\"}\n", to: path)
        let result = try BadInput.extract([path])
        #expect(result.processed == 3 && result.skipped == 0)
        #expect(ids(result.output) == ["2", "\(path):2", "3"])
    }

    /// `"id": ""` named nothing one could tell apart: the second such record was skipped as a
    /// duplicate of the first. It counts as no id now, as `geomap serve` counts it.
    @Test func anEmptyIdCountsAsNoneAndIsNamedByItsLine() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.jsonl"
        BadInput.write("{\"id\":\"\",\"text\":\"Moscow\"}\n{\"id\":\"\",\"text\":\"Luhansk\"}\n{\"id\":\" \",\"text\":\"Kyiv\"}\n", to: path)
        let result = try BadInput.extract([path])
        #expect(result.processed == 3 && result.skipped == 0)
        #expect(result.warnings.isEmpty)
        #expect(ids(result.output) == ["\(path):1", "\(path):2", " "])
    }

    @Test func idlessRecordsOfTwoFilesGetDifferentIds() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("{\"text\":\"Moscow\"}\n{\"text\":\"Luhansk\"}\n", to: directory + "/one.jsonl")
        BadInput.write("{\"text\":\"Moscow\"}\n{\"text\":\"Luhansk\"}\n", to: directory + "/two.jsonl")
        let result = try BadInput.extract([directory + "/one.jsonl", directory + "/two.jsonl"], jobs: 2)
        #expect(result.processed == 4 && result.skipped == 0)
        #expect(ids(result.output) == ["one", "two"].flatMap { ["\(directory)/\($0).jsonl:1", "\(directory)/\($0).jsonl:2"] })
    }

    @Test func aGivenIdEqualToAMadeUpOneIsADuplicateAndTheFirstIsKept() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.jsonl"
        BadInput.write("{\"text\":\"Moscow\"}\n{\"id\":\"\(path):1\",\"text\":\"Luhansk\"}\n", to: path)
        let result = try BadInput.extract([path])
        #expect(result.processed == 1 && result.skipped == 1)
        #expect(ids(result.output) == ["\(path):1"])
        #expect(result.warnings == ["\(path):2: skipped: duplicate id \"\(path):1\" (first on line 1)"])
    }

    @Test func theSameTextFileGivenTwiceIsReadOnce() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.txt"
        BadInput.write("Moscow and Luhansk", to: path)
        BadInput.write("Kyiv", to: directory + "/b.txt")
        let result = try BadInput.extract([path, directory + "/b.txt", path, directory + "/./a.txt", directory])
        #expect(result.processed == 2 && result.skipped == 4)
        #expect(ids(result.output) == [path, directory + "/b.txt"])
        #expect(result.warnings == [
            "\(path): skipped: given more than once, read once",
            "\(directory)/./a.txt: skipped: the same file as \(path), read once",
            "\(path): skipped: given more than once, read once",            // met again in the directory
            "\(directory)/b.txt: skipped: given more than once, read once",
        ])
    }

    @Test func theSameJSONLinesFileGivenTwiceIsOneWarningNotOnePerRecord() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a.jsonl"
        BadInput.write((1...50).map { "{\"id\":\($0),\"text\":\"Moscow\"}" }.joined(separator: "\n"), to: path)
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.jsonl", withDestinationPath: path)
        let result = try BadInput.extract([path, directory + "/link.jsonl"])
        #expect(result.processed == 50 && result.skipped == 1)
        #expect(result.warnings == ["\(directory)/link.jsonl: skipped: the same file as \(path), read once"])
    }

    @Test func aRecordWhoseIdIsATextFilesPathIsADuplicate() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = directory + "/a.txt"
        BadInput.write("Moscow", to: text)
        BadInput.write("{\"id\":\"\(text)\",\"text\":\"Luhansk\"}\n{\"id\":\"x\",\"text\":\"Kyiv\"}\n", to: directory + "/b.jsonl")
        for order in [[directory + "/b.jsonl", text], [text, directory + "/b.jsonl"]] {
            for jobs in [1, 3] {
                let result = try BadInput.extract(order, jobs: jobs)
                #expect(result.processed == 2 && result.skipped == 1)
                #expect(Set(ids(result.output)) == [text, "x"])
                #expect(result.warnings == ["\(directory)/b.jsonl:1: skipped: duplicate id \"\(text)\" (the id of the text file \(text))"])
            }
        }
    }

    @Test(.enabled(if: BadInput.executable != nil, "needs the geomap binary beside the test bundle"))
    func standardInputGivenTwiceIsReadOnce() throws {
        let run = try BadInput.geomap(["extract", "--input", "text", "-", "-"], stdin: Data("Moscow".utf8))
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(run.stderrLines == ["geomap: warning: -: skipped: given more than once, read once", "geomap: processed 1, skipped 1"])
    }
}
