import Foundation
import Testing
@testable import GeoMap

/// Inputs the libFuzzer targets (Scripts/fuzz) found crashing or breaking an invariant, kept as
/// regression tests. Each checks what the target checks: offsets, sentences, valid UTF-8 output.
@Suite struct FuzzRegressionTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let data = try #require(FileManager.default.contents(atPath: TestSupport.fixtures + "/BadInput/" + name))
        return Array(data)
    }

    /// The checks of FuzzTextPipeline for one input and gazetteer.
    static func checkTextPipeline(_ input: [UInt8], gazetteer: Gazetteer, sourceLocation: SourceLocation = #_sourceLocation) {
        var parser = Geoparser(gazetteer: gazetteer)
        let mentions = input.withUnsafeBufferPointer { parser.parse(bytes: $0) }
        let repaired = repairedUTF8(input)
        BadInput.expectConsistentOffsets(mentions, in: repaired, sourceLocation: sourceLocation)
        for mention in mentions {
            #expect(mention.sentenceByteStart <= mention.byteStart && mention.byteEnd <= mention.sentenceByteEnd, sourceLocation: sourceLocation)
            let sentence = Array(repaired[mention.sentenceByteStart..<mention.sentenceByteEnd])
            #expect(sentence.withUnsafeBufferPointer { isValidUTF8($0) }, "sentence cut inside a scalar", sourceLocation: sourceLocation)
        }
        let document = Document(id: Array("fuzz".utf8), text: repaired, source: "fuzz")
        for format in OutputFormat.allCases {
            var out = JSONBytes(capacity: 1024)
            #expect(throws: Never.self) { try DocumentRenderer(format: format, gazetteer: gazetteer).render(document, mentions: mentions, into: &out) }
            #expect(out.bytes.withUnsafeBufferPointer { isValidUTF8($0) }, "\(format) output is not valid UTF-8", sourceLocation: sourceLocation)
        }
    }

    /// Found by FuzzTextPipeline: a sentence's closing "punctuation" — a long run of U+FFFD after
    /// a mention — was cut at the context limit inside a scalar, so `--format json` and `csv`
    /// wrote invalid UTF-8.
    @Test func aSentenceIsNeverCutInsideAScalar() throws {
        let crash = try FuzzRegressionTests.fixture("fuzz-text-pipeline-sentence-mid-scalar.bin")
        if let bundled = TestSupport.bundledGazetteer { FuzzRegressionTests.checkTextPipeline(crash, gazetteer: bundled) }
        FuzzRegressionTests.checkTextPipeline(crash, gazetteer: TestSupport.miniGazetteer)
        for padding in 0..<3 {
            let text = Array(("Troops left Moscow" + String(repeating: "x", count: padding)).utf8) + [0x2E]
                + Array(String(repeating: "\u{FFFD}", count: 400).utf8) + Array(" then Luhansk.".utf8)
            FuzzRegressionTests.checkTextPipeline(text, gazetteer: TestSupport.miniGazetteer)
        }
    }
}
