import Testing
@testable import GeoMap

@Suite struct WKBEnvelopeTests {
    @Test func matchesTheDecodedGeometrysBox() throws {
        let gazetteer = try SpatialTestSupport.bundled()
        // Russia, Fiji, Belarus, Kaliningrad oblast, the Suwałki Gap (a line).
        for id: Int64 in [2017370, 2205218, 630336, 554230, 1000000739] {
            let entry = try SpatialTestSupport.entry(id, in: gazetteer)
            let wkb = try #require(gazetteer.shapeWKB(entry))
            let shape = try #require(try gazetteer.shape(entry))
            #expect(try WKBEnvelope.of(wkb) == shape.boundingBox, "\(id)")
            let bigEndian = WKBWriter.write(shape, byteOrder: .bigEndian)
            #expect(try bigEndian.withByteView { try WKBEnvelope.of($0) } == shape.boundingBox, "\(id)")
        }
    }

    @Test func malformedInputThrows() {
        let truncated: [UInt8] = [1, 3, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0]
        #expect(throws: (any Error).self) { try truncated.withByteView { try WKBEnvelope.of($0) } }
    }
}
