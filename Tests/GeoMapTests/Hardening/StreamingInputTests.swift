import Foundation
import Testing
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, findings 5a and 6a. UTF-16 was read whole (an endless UTF-16 stream grew without
/// bound): it is now converted as it is read and cut into pieces like UTF-8. A JSON Lines record
/// far larger than a piece took time quadratic in its size (each piece copied the rest of the
/// text), and a long line coming through a pipe was searched for its `\n` from its start after
/// every read: both are linear now. Speed itself is measured by the benchmark, not here; these
/// check that the streaming paths give the same bytes as reading whole.
@Suite struct StreamingInputTests {
    /// UTF-16 code units with plenty of surrogates, paired and not, as bytes with a byte-order mark.
    static func randomUTF16(_ count: Int, littleEndian: Bool, odd: Bool, seed: UInt64) -> (bytes: [UInt8], units: [UInt16]) {
        var generator = SplitMix64(seed: seed)
        let pool: [UInt16] = [0x41, 0x20, 0x0A, 0xE9, 0x141, 0x416, 0x4E2D, 0xFEFF, 0xFFFD, 0xD83C, 0xDF0D, 0xD800, 0xDBFF, 0xDC00, 0xDFFF]
        var units: [UInt16] = []
        for _ in 0..<count {
            if Int.random(in: 0..<4, using: &generator) == 0 { units += [0xD83D, 0xDE00] }  // a pair
            units.append(pool.randomElement(using: &generator)!)
        }
        var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in units { bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        if odd { bytes.append(0x41) }
        return (bytes, units)
    }

    static func reference(_ units: [UInt16], odd: Bool) -> [UInt8] {
        Array(String(decoding: units, as: UTF16.self).utf8) + (odd ? [0xEF, 0xBF, 0xBD] : [])
    }

    @Test func utf16ConvertedInChunksEqualsTheWholeConvertedAtOnce() throws {
        for seed in 0..<24 as Range<UInt64> {
            let littleEndian = seed % 2 == 0, odd = seed % 3 == 0
            let (bytes, units) = Self.randomUTF16(Int(seed) * 37 + 5, littleEndian: littleEndian, odd: odd, seed: seed)
            let expected = Self.reference(units, odd: odd)
            #expect(DocumentReader.utf8(fromUTF16: bytes) == expected)
            for size in [16, 17, 18, 19, 20, 31, 64, 4096] {
                let source = ByteSource(path: "t", utf16: Array(bytes[2...]), littleEndian: littleEndian, descriptor: -1, ownsDescriptor: false)
                var out: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: size)
                while true {
                    let count = try source.read(into: &chunk, 0..<chunk.count)
                    if count == 0 { break }
                    #expect(count <= size)
                    out += chunk[0..<count]
                }
                #expect(out == expected, "seed \(seed), chunks of \(size)")
            }
        }
    }

    @Test func aLargeUTF16FileIsReadInPiecesThatAddUpToTheWhole() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var text = ""
        while text.utf8.count < 3 * TextPieces.wholeLimit { text += "Shelling near Łódź and Luhansk; \u{1F30D} talks in Moscow.\n" }
        for (name, littleEndian) in [("le", true), ("be", false)] {
            var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in text.utf16 { bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
            let path = directory + "/\(name).txt"
            BadInput.write(bytes, to: path)
            let reader = try DocumentReader(inputs: [path], format: .auto) { _ in }
            guard case .pieces(let large) = try #require(try reader.nextItem()) else {
                Issue.record("a UTF-16 text of \(bytes.count) bytes was read whole")
                continue
            }
            var joined: [UInt8] = [], characters = 0, count = 0
            while let piece = try large.nextPiece() {
                #expect(piece.byteOffset == joined.count && piece.charOffset == characters)
                #expect(piece.text.count <= TextPieces.size)
                joined += piece.text
                characters += String(decoding: piece.text, as: UTF8.self).unicodeScalars.count
                count += 1
            }
            #expect(joined == Array(text.utf8))
            #expect(count >= 12)
            #expect(reader.skipped == 0)
        }
    }

    @Test func aUTF16StreamIsHandedOnBeforeItEnds() throws {
        // A FIFO whose writer holds back its end until the reader has a piece: a reader that
        // reads UTF-16 whole would wait for the end (here: until the writer gives up, 20 s).
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/stream.txt"
        #expect(mkfifo(path, 0o600) == 0)
        let gotPiece = DispatchSemaphore(value: 0)
        let writerGaveUp = ManagedFlag()
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in String(repeating: "Kyiv and Lviv. ", count: 30_000).utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress!, $0.count) }
            if gotPiece.wait(timeout: .now() + 20) == .timedOut { writerGaveUp.set() }
            _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + 2, $0.count - 2) }
            close(descriptor)
        }
        writer.start()
        let reader = try DocumentReader(inputs: [path], format: .text) { _ in }
        guard case .pieces(let large) = try #require(try reader.nextItem()) else {
            Issue.record("the stream was read whole")
            gotPiece.signal()
            return
        }
        let first = try #require(try large.nextPiece())
        gotPiece.signal()
        #expect(!writerGaveUp.isSet)
        var total = first.text.count
        while let piece = try large.nextPiece() { total += piece.text.count }
        #expect(total == 2 * 30_000 * 15)
    }

    @Test func aJSONLinesRecordLargerThanAPieceGivesWhatTheSameTextFileGives() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var text = ""
        var k = 0
        while text.utf8.count < 5 * TextPieces.wholeLimit {
            text += ["Shelling near Luhansk.", "Talks in Moscow and St. Petersburg.", "Nothing here at all.", "Kaliningrad, Russia."][k % 4] + (k % 7 == 0 ? "\n" : " ")
            k += 1
        }
        BadInput.write(text, to: directory + "/big.txt")
        let escaped = text.replacingOccurrences(of: "\n", with: "\\n")
        BadInput.write("{\"id\":\"big\",\"text\":\"\(escaped)\"}\n", to: directory + "/big.jsonl")
        let fromText = try BadInput.extract([directory + "/big.txt"])
        let fromLines = try BadInput.extract([directory + "/big.jsonl"], jobs: 2)
        #expect(fromText.processed == 1 && fromLines.processed == 1)
        let textToponyms = fromText.output.split(separator: ",", maxSplits: 1)[1]
        let lineToponyms = fromLines.output.split(separator: ",", maxSplits: 1)[1]
        #expect(textToponyms == lineToponyms)
        #expect(textToponyms.count > 10_000)
    }

    @Test func aLongLineThroughAPipeInSmallWritesIsReadWhole() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/lines.jsonl"
        #expect(mkfifo(path, 0o600) == 0)
        let long = "{\"id\":\"long\",\"text\":\"" + String(repeating: "Moscow ", count: 400_000) + "\"}"
        let content = Array(("{\"id\":1,\"text\":\"Luhansk\"}\n" + long + "\n{\"id\":2,\"text\":\"Kyiv\"}").utf8)
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            var offset = 0
            while offset < content.count {
                let count = min(4096, content.count - offset)
                _ = content.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, count) }
                offset += count
            }
            close(descriptor)
        }
        writer.start()
        let reader = try LineReader(path: path)
        var lines: [[UInt8]] = []
        while let line = try reader.nextLine({ Array($0) }) { lines.append(line) }
        #expect(lines.count == 3)
        #expect(lines.map(\.count) == [25, long.utf8.count, 22])
        #expect(lines[1] == Array(long.utf8))
    }
}

/// A flag set by one thread and read by another.
final class ManagedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}
