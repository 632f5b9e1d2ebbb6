import Foundation
import Testing
@testable import GeoMap

/// Issue 17, finding 9: ids are written checked. Ill-formed UTF-8 is repaired (JSON readers
/// refuse it), control characters never reach a terminal raw, and messages cut long ids.
@Suite struct OutputIDTests {
    /// A JSON Lines file whose record ids are raw bytes (they may be ill-formed UTF-8).
    static func lines(ids: [[UInt8]], at path: String) -> String {
        var bytes: [UInt8] = []
        for (k, id) in ids.enumerated() {
            bytes += Array("{\"id\":\"".utf8) + id + Array("\",\"text\":\"\(OutputHardening.text(k))\"}\n".utf8)
        }
        BadInput.write(bytes, to: path)
        return path
    }

    @Test(arguments: [OutputFormat.jsonl, .json])
    func anIllFormedIdIsRepairedInJSON(_ format: OutputFormat) throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = Self.lines(ids: [[0x61, 0xFF, 0x62], [0x63, 0xE2, 0x82]], at: directory + "/in.jsonl")
        let result = try BadInput.extract([input], format: format, gazetteer: OutputHardening.gazetteer)
        #expect(result.processed == 2)
        let records: [[String: Any]]
        if format == .json {
            records = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        } else {
            records = try result.output.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        }
        #expect(records.map { $0["id"] as? String } == ["a\u{FFFD}b", "c\u{FFFD}"])
        #expect(Array(result.output.utf8).withUnsafeBufferPointer { isValidUTF8($0) })
    }

    @Test(arguments: [OutputFormat.table, .csv])
    func controlCharactersInIdsAreShownAsEscapes(_ format: OutputFormat) throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let hostile = "x\\u001b]0;owned\\u0007\\u009b31my"  // as JSON escapes in the input
        let input = Self.lines(ids: [Array(hostile.utf8), [0x7A, 0xC0, 0x7A], Array("news/2024 — Харків \\\"q\\\"".utf8)], at: directory + "/in.jsonl")
        let result = try BadInput.extract([input], format: format, gazetteer: OutputHardening.gazetteer)
        let bytes = Array(result.output.utf8)
        #expect(!bytes.contains(0x1B) && !bytes.contains(0x07) && !result.output.unicodeScalars.contains("\u{9B}"))
        #expect(result.output.contains("x\\u001b]0;owned\\u0007\\u009b31my"))
        #expect(result.output.contains("z\u{FFFD}z"))
        #expect(result.output.contains("news/2024 — Харків \"q\"") || result.output.contains("\"news/2024 — Харків \"\"q\"\"\""))
    }

    @Test func duplicateIdWarningsAreCutAndEscaped() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        let hostile = Array("e\\u001b[2Jvil".utf8)
        let input = Self.lines(ids: [long, long, hostile, hostile], at: directory + "/in.jsonl")
        let (documents, warnings, skipped) = try BadInput.read([input])
        #expect(documents.count == 2 && skipped == 2)
        #expect(warnings.count == 2)
        #expect(warnings[0].utf8.count < 400 && warnings[0].contains("… (1000000 bytes)"), "\(warnings[0].prefix(300))")
        #expect(warnings[1].contains("duplicate id \"e\\u001b[2Jvil\"") && !warnings[1].utf8.contains(0x1B), "\(warnings[1])")
    }

    @Test func messageTextIsCutAtACharacterBoundary() {
        let id = Array(String(repeating: "ж", count: 300).utf8)
        let message = IDText.forMessage(id)
        #expect(message == String(repeating: "ж", count: 100) + "… (600 bytes)")
        #expect(IDText.forMessage(Array("short".utf8)) == "short")
        #expect(IDText.forMessage([0x61, 0x0A, 0xFF]) == "a\\u000a\u{FFFD}")
    }

    @Test func layerPropertiesCarryRepairedIds() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = Self.lines(ids: [[0x61, 0xFF, 0x2F, 0x62] + Array("\\u001b".utf8)], at: directory + "/in.jsonl")
        _ = try OutputHardening.export([input], into: directory + "/out", merge: true)
        for layer in ["places", "mentions"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/out/\(layer).geojson"))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let feature = try #require((object["features"] as? [[String: Any]])?.first?["properties"] as? [String: Any])
            let id = layer == "places" ? (feature["articles"] as? String)?.components(separatedBy: LayerBuilder.articleSeparator).first : feature["article"] as? String
            #expect(id == "a\u{FFFD}/b\u{1B}")
        }
    }
}
