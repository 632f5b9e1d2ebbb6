import Foundation
import Testing
@testable import GeoMap

/// Issue 7, text: invalid UTF-8, binary files, empty files, NUL bytes, CRLF, a byte-order mark,
/// right-to-left and CJK text, a text far larger than a piece, a 1 MB token.
@Suite struct TextInputTests {
    let gazetteer = TestSupport.miniGazetteer

    func parse(_ bytes: [UInt8]) -> [ExtractedMention] {
        var parser = Geoparser(gazetteer: gazetteer)
        return bytes.withUnsafeBufferPointer { parser.parse(bytes: $0) }
    }

    @Test func invalidUTF8IsReadAsReplacementCharactersWithPythonOffsets() throws {
        // Each case: bytes before " Moscow", and where Python's decode(errors="replace") puts it.
        let cases: [([UInt8], Int)] = [
            ([0xE2, 0x82], 2),              // truncated 3-byte sequence: one U+FFFD
            ([0xFF, 0x80], 3),              // two invalid bytes: two (FF FE would be a UTF-16 BOM)
            ([0xF0, 0x9F, 0x98], 2),        // truncated 4-byte sequence: one
            ([0xED, 0xA0, 0x80], 4),        // encoded surrogate: three
            ([0xC0, 0xAF], 3),              // overlong: two
            (Array("Kyiv€".utf8), 6),       // valid: no replacement
        ]
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for (k, (prefix, expectedStart)) in cases.enumerated() {
            let bytes = prefix + Array(" Moscow and Luhansk.".utf8)
            let path = directory + "/case\(k).txt"
            BadInput.write(bytes, to: path)
            let read = try BadInput.read([path])
            let document = try #require(read.documents.first)
            #expect(read.skipped == 0)
            #expect(document.text == repairedUTF8(bytes))
            #expect(document.text.withUnsafeBufferPointer { isValidUTF8($0) })
            #expect(read.warnings.count == (k == cases.count - 1 ? 0 : 1))
            let mentions = parse(document.text)
            let moscow = try #require(mentions.first)
            #expect(moscow.start == expectedStart && moscow.end == expectedStart + 6)
            BadInput.expectConsistentOffsets(mentions, in: document.text)
            // The raw bytes give the same offsets: the parser repairs the same way.
            #expect(parse(bytes).map(\.start) == mentions.map(\.start))
        }
    }

    @Test func invalidUTF8InJSONLinesIsRepairedAndNamesMatchOffsets() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let line = Array("{\"id\":\"a\",\"text\":\"".utf8) + [0xFF, 0xC3] + Array(" Moscow \u{1F30D} Luhansk\"}\n".utf8)
        BadInput.write(line, to: directory + "/bad.jsonl")
        let result = try BadInput.extract([directory + "/bad.jsonl"])
        #expect(result.skipped == 0 && result.processed == 1)
        let record = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
        let toponyms = record["toponyms"] as! [[String: Any]]
        #expect(toponyms.count == 2)
        let repaired = repairedUTF8(Array(line[18..<(line.count - 3)]))
        for toponym in toponyms {
            let name = toponym["name"] as! String
            #expect(name == BadInput.codePointSlice(repaired, toponym["start"] as! Int, toponym["end"] as! Int))
        }
        #expect(toponyms.first?["start"] as? Int == 3)
    }

    @Test func binaryFilesAreSkippedWithAWarning() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array("Moscow".utf8), to: directory + "/a.png")
        var generator = SystemRandomNumberGenerator()
        BadInput.write((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }, to: directory + "/b.bin")
        BadInput.write("Moscow and Luhansk", to: directory + "/c.txt")
        let read = try BadInput.read([directory])
        #expect(read.documents.map(\.source) == [directory + "/c.txt"])
        #expect(read.skipped == 2)
        #expect(read.warnings.count == 2)
        #expect(read.warnings[0] == directory + "/a.png: skipped: binary file (PNG)")
        #expect(read.warnings[1].hasPrefix(directory + "/b.bin: skipped: binary file"))
    }

    @Test func emptyFilesGiveAnEmptyDocumentOrNoRecords() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write([], to: directory + "/empty.txt")
        BadInput.write([], to: directory + "/empty.jsonl")
        BadInput.write("\n\n  \r\n", to: directory + "/blank.jsonl")
        let result = try BadInput.extract([directory + "/empty.txt", directory + "/empty.jsonl", directory + "/blank.jsonl"])
        #expect(result.processed == 1 && result.skipped == 0 && result.warnings.isEmpty)
        #expect(result.output == "{\"id\":\"\(directory)/empty.txt\",\"toponyms\":[]}\n")
    }

    @Test func nulBytesSeparateWordsAndKeepOffsets() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = Array("Shelling was reported in Moscow".utf8) + [0] + Array("Luhansk on Monday, officials said.".utf8)
        BadInput.write(text, to: directory + "/nul.txt")
        BadInput.write("{\"id\":1,\"text\":\"Moscow\\u0000Luhansk\"}\n", to: directory + "/nul.jsonl")
        let read = try BadInput.read([directory + "/nul.txt", directory + "/nul.jsonl"])
        #expect(read.skipped == 0 && read.documents.count == 2)
        for document in read.documents {
            #expect(document.text.contains(0))
            let mentions = parse(document.text)
            #expect(mentions.count == 2)
            BadInput.expectConsistentOffsets(mentions, in: document.text)
        }
        // The NUL comes out escaped in JSON.
        let result = try BadInput.extract([directory + "/nul.jsonl"], format: .json)
        #expect(result.output.contains("Moscow\\u0000Luhansk"))
    }

    @Test func crlfTextAndJSONLinesRead() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("Troops left Moscow.\r\nThey reached Luhansk.\r\n", to: directory + "/crlf.txt")
        BadInput.write("{\"id\":1,\"text\":\"Moscow\"}\r\n{\"id\":2,\"text\":\"Luhansk\"}\r\n", to: directory + "/crlf.jsonl")
        let read = try BadInput.read([directory + "/crlf.txt", directory + "/crlf.jsonl"])
        #expect(read.skipped == 0 && read.documents.count == 3)
        let mentions = parse(read.documents[0].text)
        #expect(mentions.map(\.start) == [12, 34])  // the \r counts as a code point, as in Python
        BadInput.expectConsistentOffsets(mentions, in: read.documents[0].text)
        #expect(read.documents[1].idString == "1" && read.documents[2].idString == "2")
    }

    @Test func byteOrderMarksAreDroppedAndUTF16IsConverted() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write([0xEF, 0xBB, 0xBF] + Array("Moscow".utf8), to: directory + "/bom.txt")
        BadInput.write([0xEF, 0xBB, 0xBF] + Array("{\"id\":1,\"text\":\"Luhansk\"}\n".utf8), to: directory + "/bom.jsonl")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "Łódź and Moscow".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        BadInput.write(utf16, to: directory + "/utf16.txt")
        let read = try BadInput.read([directory + "/bom.txt", directory + "/bom.jsonl", directory + "/utf16.txt"])
        #expect(read.skipped == 0 && read.warnings.isEmpty)
        #expect(read.documents.map { String(decoding: $0.text, as: UTF8.self) } == ["Moscow", "Luhansk", "Łódź and Moscow"])
        #expect(parse(read.documents[0].text).first?.start == 0)
        #expect(parse(read.documents[2].text).first?.start == 9)
    }

    @Test func rightToLeftAndCJKTextKeepOffsets() throws {
        let text = "\u{200F}قالت وزارة الدفاع في Moscow إن القوات \u{05D1}\u{05DC}\u{05D5}\u{05D2}\u{05E0}\u{05E1}\u{05E7} 在 Luhansk 附近 😀 Moscow。"
        let bytes = Array(text.utf8)
        let mentions = parse(bytes)
        #expect(mentions.count == 3)
        BadInput.expectConsistentOffsets(mentions, in: bytes)
        #expect(mentions.map { BadInput.codePointSlice(bytes, $0.start, $0.end) } == ["Moscow", "Luhansk", "Moscow"])
    }

    @Test func piecesRepairExactlyLikeTheWhole() {
        // Random bytes with plenty of ASCII, white space and broken sequences: cut into pieces,
        // repaired piece by piece, they equal the repaired whole, and offsets add up.
        var generator = SplitMix64(seed: 7)
        let alphabet: [UInt8] = [0x20, 0x0A, 0x41, 0x61, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0xED, 0xA0]
        for _ in 0..<4 {
            let bytes = (0..<(2 * TextPieces.size + 777)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            var stream = TextPieces(path: "random", bytes: bytes)
            var joined: [UInt8] = []
            var chars = 0
            while let piece = try! stream.next() {
                #expect(piece.byteOffset == joined.count)
                #expect(piece.charOffset == chars)
                #expect(piece.text.count <= TextPieces.size * 3)
                joined += piece.text
                chars += piece.text.reduce(0) { $0 + (isScalarStart($1) ? 1 : 0) }
            }
            #expect(joined == repairedUTF8(bytes))
        }
    }

    @Test func aLargeTextWithoutNewlinesIsReadInPiecesWithOffsetsOfTheWhole() throws {
        // Big enough for many pieces; Scripts/fuzz's header names the 200 MB measurement.
        let sentence = "Shelling hit Luhansk overnight, and Moscow said its forces advanced — 😀 Łódź! "
        let repeats = (3 * TextPieces.wholeLimit) / sentence.utf8.count
        let text = String(repeating: sentence, count: repeats)
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write(text, to: directory + "/big.txt")
        let one = try BadInput.extract([directory + "/big.txt"], jobs: 1)
        let two = try BadInput.extract([directory + "/big.txt"], jobs: 2)
        #expect(one.output == two.output)
        #expect(one.processed == 1 && one.skipped == 0)
        #expect(one.output.split(separator: "\n").count == 1)
        let record = try JSONSerialization.jsonObject(with: Data(one.output.utf8)) as! [String: Any]
        let toponyms = record["toponyms"] as! [[String: Any]]
        #expect(toponyms.count == 2 * repeats)
        let scalars = Array(text.unicodeScalars)
        var previous = -1
        for toponym in toponyms {
            let start = toponym["start"] as! Int, end = toponym["end"] as! Int
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == toponym["name"] as! String)
            #expect(start > previous)
            previous = start
        }
        // The same text as one JSON Lines record is geoparsed in pieces too, with the same result.
        let escaped = String(data: try JSONSerialization.data(withJSONObject: [text]), encoding: .utf8)!.dropFirst().dropLast()
        BadInput.write("{\"id\":\"\(directory)/big.txt\",\"text\":\(escaped)}\n", to: directory + "/big.jsonl")
        let lines = try BadInput.extract([directory + "/big.jsonl"], jobs: 2)
        #expect(lines.output == one.output)
    }

    @Test func aOneMegabyteTokenIsCutAndTheTextAroundItStillRead() throws {
        let token = String(repeating: "ab", count: 1 << 19)
        for text in ["Moscow " + token + " Luhansk", "Moscow " + String(repeating: "é", count: 1 << 19) + " Luhansk"] {
            let directory = BadInput.directory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            BadInput.write(text, to: directory + "/token.txt")
            let result = try BadInput.extract([directory + "/token.txt"], jobs: 2)
            let record = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as! [String: Any]
            let toponyms = record["toponyms"] as! [[String: Any]]
            let scalarCount = text.unicodeScalars.count
            #expect(toponyms.map { $0["name"] as! String } == ["Moscow", "Luhansk"])
            #expect(toponyms.map { $0["start"] as! Int } == [0, scalarCount - 7])
        }
        // A token under the whole-document limit, in one record, geoparsed whole.
        let mentions = parse(Array(("Moscow " + String(repeating: "x", count: 200_000) + " Luhansk").utf8))
        #expect(mentions.map(\.start) == [0, 200_008])
    }

    @Test func directoryLinkLoopsAreWalkedOnce() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/a", withIntermediateDirectories: true)
        BadInput.write("Moscow", to: directory + "/a/one.txt")
        try FileManager.default.createSymbolicLink(atPath: directory + "/a/loop", withDestinationPath: directory + "/a")
        let read = try BadInput.read([directory])
        #expect(read.documents.count == 1)
    }
}
