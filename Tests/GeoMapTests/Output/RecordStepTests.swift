import Foundation
import Testing
@testable import GeoMap

/// Issue 19, rendering free of geometry work: the containment the formats show is computed when
/// a document's record is made, before any byte is written, so a geometry error surfaces as an
/// error (it used to be swallowed by `try?` and written as `null`).
@Suite struct RecordStepTests {
    /// A country whose polygon has an open ring of three points: its envelope reads, GEOS cannot
    /// build it. Agreeton lies inside the envelope, so its containment needs the polygon.
    static let brokenWorld: Gazetteer = {
        let directory = TestSupport.temporaryDirectory()
        let mini = TestSupport.fixtures + "/MiniGazetteer"
        for path in ["demonyms.tsv", "lexicon", "curated"] {
            try! FileManager.default.copyItem(atPath: mini + "/" + path, toPath: directory + "/" + path)
        }
        let places = "id\tkind\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\tshape\tnames\tabbrevs\n"
            + "1\tcountry\tAland\tAA\t\t5\t5\t0\t\tpolygon\tAland\t\n"
            + "101\tplace\tAgreeton\tAA\t\t2\t7\t0\t\t\tAgreeton\t\n"
        var wkb: [UInt8] = [1]
        func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { wkb += $0 } }
        u32(3); u32(1); u32(3)
        for (x, y) in [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)] {
            withUnsafeBytes(of: x.bitPattern.littleEndian) { wkb += $0 }
            withUnsafeBytes(of: y.bitPattern.littleEndian) { wkb += $0 }
        }
        var shapes = Array("GMSHAPE1".utf8)
        withUnsafeBytes(of: UInt32(1).littleEndian) { shapes += $0 }
        withUnsafeBytes(of: Int64(1).littleEndian) { shapes += $0 }
        withUnsafeBytes(of: UInt32(wkb.count).littleEndian) { shapes += $0 }
        shapes += wkb
        try! places.write(toFile: directory + "/places.tsv", atomically: true, encoding: .utf8)
        try! Data(shapes).write(to: URL(fileURLWithPath: directory + "/shapes.wkb"))
        return try! Gazetteer.open(GazetteerFiles(directory: directory), cacheDirectory: directory + "/cache")
    }()

    static func mention(of entry: Int32) -> ExtractedMention {
        ExtractedMention(byteStart: 0, byteEnd: 8, start: 0, end: 8, sentenceByteStart: 0, sentenceByteEnd: 9,
                         role: .place, entry: entry, recognitionProbability: 0.9, resolutionProbability: 0.9,
                         runnerUp: nil, runnerUpProbability: 0)
    }

    @Test func aGeometryErrorSurfacesFromTheRecordStepAndNothingIsWritten() throws {
        let gazetteer = Self.brokenWorld
        let entry = try #require(gazetteer.entry(withID: 101))
        let document = Document(id: Array("story".utf8), text: Array("Agreeton.".utf8), source: "story")
        #expect(throws: (any Error).self) { try ContainmentIndex.shared(for: gazetteer).containment(of: entry) }
        for format in [OutputFormat.json, .csv] {
            var out = JSONBytes()
            #expect(throws: (any Error).self, "\(format)") {
                try DocumentRenderer(format: format, gazetteer: gazetteer).render(document, mentions: [Self.mention(of: entry)], into: &out)
            }
            #expect(out.bytes.isEmpty, "\(format) wrote \(out.bytes.count) bytes before the error")
        }
        // The table shows no containment: nothing to compute, nothing to fail.
        var table = JSONBytes()
        try DocumentRenderer(format: .table, gazetteer: gazetteer).render(document, mentions: [Self.mention(of: entry)], into: &table)
        #expect(String(decoding: table.bytes, as: UTF8.self).contains("Agreeton"))
    }

    @Test func theRecordCarriesTheContainmentItsFormatShows() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        var parser = Geoparser(gazetteer: gazetteer)
        let text = "Shelling hit Lysychansk on Monday."
        let mentions = parser.parse(text)
        let lysychansk = try #require(mentions.first { $0.entry.map(gazetteer.id) == 702972 })
        let record = try RecordBuilder(format: .json, gazetteer: gazetteer)
            .record(id: Array("a".utf8), text: Array(text.utf8), mentions: mentions, written: 0)
        #expect(record.containment.count == mentions.count)
        let expected = try ContainmentIndex.shared(for: gazetteer).containment(of: lysychansk.entry!)
        #expect(record.containment[mentions.firstIndex { $0.entry == lysychansk.entry }!] == expected)
        #expect(expected.country.map(gazetteer.country)?.description == "UA")
        let table = try RecordBuilder(format: .table, gazetteer: gazetteer)
            .record(id: Array("a".utf8), text: Array(text.utf8), mentions: mentions, written: 0)
        #expect(table.containment.isEmpty)
    }
}
