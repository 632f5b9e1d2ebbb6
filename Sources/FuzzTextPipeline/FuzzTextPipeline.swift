// libFuzzer target for the text pipeline: arbitrary bytes → repair → tokenise → recognise →
// resolve → render in every output format, checking the offsets of every mention.
// Built only by Scripts/fuzz (which passes -DGEOMAP_FUZZ and -sanitize=fuzzer,address); a plain
// `swift build` compiles the stub at the bottom instead.
#if GEOMAP_FUZZ
import FuzzSupport
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var fuzzParser: Geoparser?
nonisolated(unsafe) private var fuzzRenderers: [DocumentRenderer] = []

private func setUp() {
    do {
        let gazetteer = try Gazetteer.open(explicitDirectory: nil, executablePath: nil)
        fuzzParser = Geoparser(gazetteer: gazetteer)
        fuzzRenderers = OutputFormat.allCases.map { DocumentRenderer(format: $0, gazetteer: gazetteer) }
    } catch {
        writeToStandardError("FuzzTextPipeline: \(error)\n")
        exit(2)
    }
}

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    fuzzCheck(condition, "FuzzTextPipeline", message())
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextPipelineOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = UnsafeBufferPointer(start: data, count: size)
    let repaired = repairedUTF8(input)
    let mentions = fuzzParser!.parse(bytes: input)
    let scalars = Array(String(decoding: repaired, as: UTF8.self).unicodeScalars)
    var previousEnd = 0
    for mention in mentions {
        check(0 <= mention.byteStart && mention.byteStart < mention.byteEnd && mention.byteEnd <= repaired.count,
              "byte range \(mention.byteStart)..<\(mention.byteEnd) of \(repaired.count)")
        check(0 <= mention.start && mention.start < mention.end && mention.end <= scalars.count,
              "code-point range \(mention.start)..<\(mention.end) of \(scalars.count)")
        check(mention.byteStart >= previousEnd, "mentions overlap or are out of order")
        previousEnd = mention.byteEnd
        let byName = String(decoding: repaired[mention.byteStart..<mention.byteEnd], as: UTF8.self)
        var byPoints = String.UnicodeScalarView()
        byPoints.append(contentsOf: scalars[mention.start..<mention.end])
        check(byName == String(byPoints), "byte slice \"\(byName)\" != code-point slice \"\(String(byPoints))\"")
        check(mention.sentenceByteStart <= mention.byteStart && mention.byteEnd <= mention.sentenceByteEnd
              && mention.sentenceByteEnd <= repaired.count, "sentence does not hold the mention")
        check(mention.confidence >= 0 && mention.confidence <= 1, "confidence \(mention.confidence)")
    }
    let document = Document(id: Array("fuzz".utf8), text: repaired, source: "fuzz")
    for renderer in fuzzRenderers {
        var out = JSONBytes(capacity: 1024)
        do { try renderer.render(document, mentions: mentions, into: &out) } catch { check(false, "\(renderer.format): \(error)") }
        check(out.bytes.withUnsafeBufferPointer { isValidUTF8($0) }, "\(renderer.format) output is not valid UTF-8")
    }
    return 0
}

@_cdecl("FuzzTextPipeline_main")
public func fuzzTextPipelineMain(_ argc: Int32, _ argv: FuzzArguments) -> Int32 {
    setUp()
    return runLibFuzzer(argc, argv, fuzzTextPipelineOneInput)
}
#else
@main
enum FuzzTextPipelineStub {
    static func main() {
        print("FuzzTextPipeline is a libFuzzer target: build and run it with Scripts/fuzz text-pipeline")
    }
}
#endif
