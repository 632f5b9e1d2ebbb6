import Foundation
import Testing
@testable import GeoMap

/// Issue 17, finding 5b: `geojson` reads a large document in pieces and streams its mention
/// features to disk instead of holding the document and every feature. Memory itself is measured
/// with /usr/bin/time (see the report); these tests check that the streamed layers are right.
@Suite struct OutputStreamingTests {
    /// About `bytes` of news-like text: several pieces, and more mention features than the
    /// builder keeps in memory.
    static func largeText(bytes: Int) -> String {
        var text = ""
        var k = 0
        while text.utf8.count < bytes {
            text += OutputHardening.text(k) + (k % 7 == 6 ? "\n\n" : " ")
            k += 1
        }
        return text
    }

    static func features(_ path: String) throws -> (bbox: [Double], features: [[String: Any]]) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        return (object["bbox"] as? [Double] ?? [], try #require(object["features"] as? [[String: Any]]))
    }

    @Test(arguments: [false, true])
    func aLargeDocumentsMentionsAreThoseExtractFinds(merge: Bool) throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let text = Self.largeText(bytes: TextPieces.wholeLimit + 70_000)
        try text.write(toFile: directory + "/large.txt", atomically: true, encoding: .utf8)
        // The same text as one JSON Lines record: read whole, geoparsed in pieces all the same.
        try OutputHardening.jsonl([("record", text)], at: directory + "/large.jsonl")

        let extracted = try BadInput.extract([directory + "/large.txt"], format: .jsonl, gazetteer: OutputHardening.gazetteer)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(extracted.output.utf8)) as? [String: Any])
        let toponyms = try #require(record["toponyms"] as? [[String: Any]]).filter { $0["id_gazetteer"] != nil }
        #expect(toponyms.count > 5_000)

        for input in ["large.txt", "large.jsonl"] {
            let out = directory + "/out-\(input)"
            _ = try OutputHardening.export([directory + "/" + input], into: out, merge: merge)
            let layers = merge ? out : out + (input == "large.txt" ? "/large" : "/record")
            let mentions = try Self.features(layers + "/mentions.geojson")
            #expect(mentions.features.count == toponyms.count, "\(input)")
            var lons: [Double] = [], lats: [Double] = []
            for (feature, toponym) in zip(mentions.features, toponyms) {
                let properties = try #require(feature["properties"] as? [String: Any])
                #expect(properties["start"] as? Int == toponym["start"] as? Int && properties["end"] as? Int == toponym["end"] as? Int)
                #expect(properties["text"] as? String == toponym["name"] as? String)
                let point = try #require((feature["geometry"] as? [String: Any])?["coordinates"] as? [Double])
                lons.append(point[0]); lats.append(point[1])
            }
            #expect(mentions.bbox == [lons.min()!, lats.min()!, lons.max()!, lats.max()!])
            #expect(try Self.features(layers + "/places.geojson").bbox == mentions.bbox)
            #expect(!BadInput.contents(of: out).contains { $0.hasPrefix(TemporaryFiles.prefix) })
            #expect(!BadInput.contents(of: layers).contains(StagingDirectory.spoolName))
        }
    }

    @Test func mentionFeaturesAreSpilledPastTheLimit() throws {
        let builder = LayerBuilder(gazetteer: OutputHardening.gazetteer, includeMentions: true)
        var spilled: [UInt8] = []
        builder.spill = { spilled += $0 }
        var parser = Geoparser(gazetteer: OutputHardening.gazetteer)
        let text = Array(Self.largeText(bytes: 200_000).utf8)
        let mentions = text.withUnsafeBufferPointer { parser.parse(utf8: $0) }
        for k in stride(from: 0, to: mentions.count, by: 100) {
            try builder.add(article: "a", text: text, mentions: Array(mentions[k..<min(mentions.count, k + 100)]))
        }
        let rest = builder.takeMentionBytes()
        #expect(!spilled.isEmpty && rest.count <= LayerBuilder.spillBytes + 4096)
        // Spilled and held features together are the collection's members, in order.
        let whole = GeoJSONFeatureCollection.header(name: "mentions", bbox: nil) + spilled + rest + GeoJSONFeatureCollection.footer
        let object = try #require(try JSONSerialization.jsonObject(with: Data(whole)) as? [String: Any])
        let features = try #require(object["features"] as? [[String: Any]])
        #expect(features.count == builder.mentionCount && features.count == mentions.filter { $0.entry != nil }.count)
        #expect((features.first?["properties"] as? [String: Any])?["start"] as? Int == mentions.first { $0.entry != nil }?.start)
    }
}
