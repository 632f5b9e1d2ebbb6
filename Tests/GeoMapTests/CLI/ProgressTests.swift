import Foundation
import Testing
@testable import GeoMap

/// Issue 15, trap 8: progress showed documents and rate only; when the inputs' size is known it
/// shows the share read and the time left. The reader counts what it reads.
@Suite struct ProgressTests {
    @Test func percentageAndTimeLeftWhenTheSizeIsKnown() {
        #expect(ProgressText.line(documents: 500, elapsed: 10, bytesRead: 25, totalBytes: 100)
                == "geomap: 500 documents, 50 /s, 25%, 30 s left")
        #expect(ProgressText.line(documents: 10, elapsed: 60, bytesRead: 1, totalBytes: 10) == "geomap: 10 documents, 0 /s, 10%, 9 min 00 s left")
        #expect(ProgressText.line(documents: 10, elapsed: 2, bytesRead: 5, totalBytes: nil) == "geomap: 10 documents, 5 /s")
        #expect(ProgressText.line(documents: 10, elapsed: 2, bytesRead: 100, totalBytes: 100) == "geomap: 10 documents, 5 /s, 100%")
        #expect(ProgressText.line(documents: 1, elapsed: 0.3, bytesRead: 5, totalBytes: 100) == "geomap: 1 documents, 3 /s, 5%")
        #expect(ProgressText.duration(7_630) == "2 h 07 min")
    }

    @Test func theReaderCountsTheBytesOfItsFiles() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = JSONLinesSniffTests.records(2_000).joined(separator: "\n") + "\n"
        BadInput.write(corpus, to: directory + "/a.jsonl")
        BadInput.write(String(repeating: "Luhansk. ", count: 100_000), to: directory + "/b.txt")  // read in pieces
        BadInput.write([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], to: directory + "/c.txt")  // skipped after its head
        let total = corpus.utf8.count + 900_000 + 8
        let reader = try DocumentReader(inputs: [directory], format: .auto) { _ in }
        #expect(reader.tally.total == total)
        #expect(reader.tally.bytes == 0)
        var last = 0
        var grew = 0
        while try reader.next() != nil {
            #expect(reader.tally.bytes >= last && reader.tally.bytes <= total)
            if reader.tally.bytes > last { grew += 1 }
            last = reader.tally.bytes
        }
        #expect(grew >= 2)
        #expect(reader.tally.bytes == total)
        // Standard input has no size known in advance.
        #expect(try DocumentReader(inputs: ["-"], format: .auto) { _ in }.tally.total == nil)
    }
}
