import Testing
@testable import GeoMap

/// The per-call-checked scans of `ByteScans.swift` against the byte-at-a-time loops they replace,
/// at every start and length (the word-at-a-time loop and its tail both).
@Suite struct ByteScansTests {
    static func naiveSpecial(_ bytes: [UInt8], from start: Int) -> Int {
        var k = start
        while k < bytes.count, bytes[k] != 0x22, bytes[k] != 0x5C, bytes[k] >= 0x20 { k += 1 }
        return k
    }

    @Test func theStringScanStopsWhereTheByteLoopStops() {
        let specials: [UInt8] = [0x22, 0x5C, 0x00, 0x1F, 0x0A]
        // Bytes just around the specials (a borrow must not mark them): 0x21, 0x23, 0x5B, 0x5D, 0x20, 0x80, 0xFF.
        let plain: [UInt8] = [0x61, 0x21, 0x23, 0x5B, 0x5D, 0x20, 0x80, 0xFF]
        var checked = 0
        for length in 0...19 {
            for at in 0...length {
                for special in specials {
                    var bytes = (0..<length).map { plain[$0 % plain.count] }
                    if at < length { bytes[at] = special }
                    bytes.withByteView { view in
                        for start in 0...length {
                            #expect(view.nextJSONStringSpecial(from: start) == Self.naiveSpecial(bytes, from: start),
                                    "length \(length), special \(special) at \(at), from \(start)")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 5000)
    }

    @Test func whitespaceAndDigitRunsEndAtTheFirstOtherByte() {
        let bytes = Array(" \t\r\n 12345x \n".utf8)
        bytes.withByteView { view in
            #expect(view.endOfJSONWhitespace(from: 0) == 5)
            #expect(view.endOfJSONWhitespace(from: 5) == 5)
            #expect(view.endOfASCIIDigits(from: 5) == 10)
            #expect(view.endOfASCIIDigits(from: 0) == 0)
            #expect(view.endOfJSONWhitespace(from: 11) == bytes.count)
            #expect(view.endOfJSONWhitespace(from: bytes.count) == bytes.count)
            #expect(view.endOfASCIIDigits(from: bytes.count) == bytes.count)
        }
        // `/` and `:` sit on either side of the digits.
        Array("/0:9".utf8).withByteView { view in
            #expect(view.endOfASCIIDigits(from: 0) == 0)
            #expect(view.endOfASCIIDigits(from: 1) == 2)
            #expect(view.endOfASCIIDigits(from: 3) == 4)
        }
    }

    @Test func appendingAViewCopiesExactlyItsBytes() {
        let bytes = Array("abcdefgh".utf8)
        var out = Array("x".utf8)
        bytes.withByteView { out.append(contentsOf: $0.extracting(2..<5)) }
        #expect(out == Array("xcde".utf8))
    }
}
