import Foundation
import Testing
@testable import GeoMap

/// Issue 17, finding 1: the binary sniff of a file's first 8 KiB dropped a whole JSON Lines file
/// when one record near the top held NUL bytes. Only a binary signature skips a JSON Lines file
/// now; a bad line is one skipped line.
@Suite struct JSONLinesSniffTests {
    static func records(_ count: Int) -> [String] {
        (1...count).map { "{\"id\":\"r\($0)\",\"text\":\"Shelling near Luhansk, report \($0).\"}" }
    }

    @Test func aRecordOfNULBytesNearTheTopIsOneSkippedLine() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var lines = JSONLinesSniffTests.records(999).map { Array($0.utf8) }
        lines.insert([UInt8](repeating: 0, count: 1000), at: 2)  // line 3: 1,000 NUL bytes
        BadInput.write(Array(lines.joined(separator: [0x0A])) + [0x0A], to: directory + "/corpus.jsonl")
        let result = try BadInput.extract([directory + "/corpus.jsonl"])
        #expect(result.processed == 999 && result.skipped == 1)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first == "\(directory)/corpus.jsonl:3: skipped: malformed JSON: expected an object at byte 1")
        #expect(result.output.split(separator: "\n").count == 999)
    }

    @Test func nulBytesInsideAStringAreABadRecordNotABinaryFile() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Raw NULs inside the text string: a control character, so that record is malformed.
        let bad = Array("{\"id\":\"nul\",\"text\":\"".utf8) + [UInt8](repeating: 0, count: 1000) + Array("\"}".utf8)
        let lines = [Array(JSONLinesSniffTests.records(1)[0].utf8), bad] + JSONLinesSniffTests.records(20).dropFirst().map { Array($0.utf8) }
        BadInput.write(Array(lines.joined(separator: [0x0A])), to: directory + "/corpus.jsonl")
        let read = try BadInput.read([directory + "/corpus.jsonl"])
        #expect(read.documents.count == 20 && read.skipped == 1)
        #expect(read.warnings == ["\(directory)/corpus.jsonl:2: skipped: malformed JSON: control character in string at byte 21"])
    }

    @Test func aFileOfControlBytesIsOneSkipPerLineNotAWholeFileVeto() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Nothing but control bytes on three lines, then a record: the record is read.
        BadInput.write([1, 2, 3, 0x0A, 0, 0, 0x0A, 7, 0x0A] + Array("{\"text\":\"Moscow\"}\n".utf8), to: directory + "/odd.jsonl")
        let read = try BadInput.read([directory + "/odd.jsonl"])
        #expect(read.documents.map(\.idString) == ["\(directory)/odd.jsonl:4"])
        #expect(read.skipped == 3)
    }

    @Test func binarySignaturesStillSkipTheWholeFileOnce() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let cases: [(String, [UInt8])] = [("zstd", [0x28, 0xB5, 0x2F, 0xFD]), ("xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
                                          ("zip", [0x50, 0x4B, 0x03, 0x04]), ("gzip", [0x1F, 0x8B])]
        for (name, signature) in cases {
            let path = directory + "/\(name).jsonl"
            BadInput.write([0xEF, 0xBB, 0xBF] + signature + [0x0A, 0x0A] + Array("{\"text\":\"Moscow\"}\n".utf8), to: path)
            let read = try BadInput.read([path])
            #expect(read.documents.isEmpty && read.skipped == 1, "\(name)")
            #expect(read.warnings == ["\(path): skipped: binary file (\(name)), not JSON Lines"])
        }
    }

    @Test func textFilesAreStillSniffedForControlBytes() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write([UInt8](repeating: 0, count: 1000) + Array(" Moscow".utf8), to: directory + "/nul.txt")
        let read = try BadInput.read([directory + "/nul.txt"])
        #expect(read.documents.isEmpty && read.skipped == 1)
        #expect(read.warnings == ["\(directory)/nul.txt: skipped: binary file (control bytes)"])
    }

    @Test func utf16JSONLinesIsConvertedNotSkippedAsBinary() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = "{\"id\":\"a\",\"text\":\"Łódź and Moscow\"}\n{\"id\":\"b\",\"text\":\"Luhansk \u{1F30D}\"}\n"
        var little: [UInt8] = [0xFF, 0xFE], big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        BadInput.write(little, to: directory + "/le.jsonl")
        BadInput.write(big, to: directory + "/be.jsonl")
        for name in ["le", "be"] {
            let read = try BadInput.read([directory + "/\(name).jsonl"])
            #expect(read.skipped == 0 && read.warnings.isEmpty)
            #expect(read.documents.map { String(decoding: $0.text, as: UTF8.self) } == ["Łódź and Moscow", "Luhansk \u{1F30D}"])
        }
    }
}
