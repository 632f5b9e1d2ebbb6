import Foundation
import Testing
@testable import GeoMap

/// `JSONBytes` (clean runs copied a word at a time, long strings in slices, numbers two digits at
/// a time, tokens composed on the stack) against plain references: an escaper that looks at one
/// byte at a time, numbers spelled by `String`, and Foundation's `JSONSerialization` reading the
/// output back.
struct JSONBytesDifferentialTests {
    /// The escaping rules, one byte at a time: quote, backslash, \n \r \t, other control
    /// characters and DEL as \u00xx, U+2028 and U+2029 as \u2028 and \u2029, the rest as is.
    static func referenceString(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x22]
        var k = 0
        while k < bytes.count {
            let byte = bytes[k]
            switch byte {
            case 0x22: out += Array("\\\"".utf8)
            case 0x5C: out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0..<0x20, 0x7F:
                let hex = String(byte, radix: 16)
                out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            case 0xE2 where k + 2 < bytes.count && bytes[k + 1] == 0x80 && (bytes[k + 2] == 0xA8 || bytes[k + 2] == 0xA9):
                out += Array((bytes[k + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                k += 2
            default: out.append(byte)
            }
            k += 1
        }
        out.append(0x22)
        return out
    }

    static func withoutBOM(_ string: String) -> [Unicode.Scalar] { string.unicodeScalars.filter { $0 != "\u{FEFF}" } }

    /// The string as `JSONBytes.string` writes it, and as a cursor writes it into reserved room.
    static func fastStrings(_ bytes: [UInt8]) -> (appended: [UInt8], cursor: [UInt8]) {
        var json = JSONBytes(capacity: 0)
        bytes.withUnsafeBufferPointer { json.string($0) }
        var viaCursor = JSONBytes(capacity: 16)
        viaCursor.raw(0x20)
        bytes.withUnsafeBufferPointer { value in
            viaCursor.write(atMost: JSONCursor.stringBound(value.count)) { $0.string(value) }
        }
        return (json.bytes, Array(viaCursor.bytes.dropFirst()))
    }

    static func expectSameStrings(_ inputs: some Sequence<[UInt8]>) -> Int {
        var failures = 0, checked = 0
        for bytes in inputs {
            let expected = referenceString(bytes)
            let (appended, cursor) = fastStrings(bytes)
            if appended != expected || cursor != expected {
                failures += 1
                if failures <= 3 { Issue.record("JSONBytes escapes \(bytes.prefix(60)) (\(bytes.count) bytes) differently") }
            }
            // Valid UTF-8 reads back as the same string (but for U+FEFF, which JSONSerialization
            // drops wherever it is; the escaper above shows it is written as it is).
            if let string = String(validating: bytes, as: UTF8.self) {
                let parsed = try? JSONSerialization.jsonObject(with: Data([0x5B] + appended + [0x5D])) as? [String]
                if parsed?.map(withoutBOM) != [withoutBOM(string)] {
                    failures += 1
                    if failures <= 3 { Issue.record("JSONSerialization reads \(String(reflecting: string.prefix(60))) back differently") }
                }
            }
            checked += 1
        }
        #expect(failures == 0)
        return checked
    }

    @Test func repositoryAndGazetteerTexts() {
        var inputs = DifferentialInputs.repositoryTexts.map { Array($0.utf8) }
        inputs += DifferentialInputs.gazetteerTexts(size: 1 << 13, every: 8).map { Array($0.utf8) }
        #expect(Self.expectSameStrings(inputs) >= DifferentialInputs.repositoryTexts.count)
    }

    @Test func randomTextsBytesAndEdgeLengths() {
        var generator = SplitMix64(seed: 19_401)
        var inputs: [[UInt8]] = []
        for length in DifferentialInputs.edgeLengths {
            for _ in 0..<30 {
                inputs.append(Array(DifferentialInputs.randomText(pieceCount: length, using: &generator).utf8))
                inputs.append(Array(DifferentialInputs.randomScalars(count: length, using: &generator).utf8))
                inputs.append(DifferentialInputs.randomBytes(count: length, using: &generator))
            }
        }
        // Every special byte at every position of a clean run, and at the short-string limit.
        for special in [[0x22], [0x5C], [0x0A], [0x00], [0x1F], [0x7F], [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xE2, 0x80], [0xE2]] as [[UInt8]] {
            for length in 0...(JSONBytes.shortString + 10) {
                for position in 0...length {
                    var bytes = Array(repeating: UInt8(ascii: "k"), count: length)
                    bytes.insert(contentsOf: special, at: position)
                    inputs.append(bytes)
                }
            }
        }
        #expect(Self.expectSameStrings(inputs) > 10_000)
    }

    /// Strings longer than a slice (`JSONBytes.stringSlice`), with U+2028 and other escapes
    /// straddling every slice boundary.
    @Test func longStringsAcrossSliceBoundaries() {
        var generator = SplitMix64(seed: 19_402)
        let slice = JSONBytes.stringSlice
        var inputs: [[UInt8]] = []
        for special in [[0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0x22], [0x0A], [0xE2, 0x82, 0xAC]] as [[UInt8]] {
            for shift in -4...4 {
                for slices in 1...3 {
                    var bytes = Array(repeating: UInt8(ascii: "a"), count: slices * slice + 40)
                    bytes.replaceSubrange((slices * slice + shift)..<(slices * slice + shift + special.count), with: special)
                    inputs.append(bytes)
                }
            }
        }
        for _ in 0..<30 {
            inputs.append(Array(DifferentialInputs.randomText(pieceCount: Int.random(in: 1_000...6_000, using: &generator), using: &generator).utf8))
        }
        #expect(Self.expectSameStrings(inputs) == inputs.count)
    }

    @Test func integersAsStringSpellsThem() {
        var generator = SplitMix64(seed: 19_403)
        var values: [Int64] = [0, 1, -1, 9, 10, 99, 100, -100, 1_000_000, Int64.max, Int64.min, Int64.max - 1, Int64.min + 1]
        for digits in 1...18 {
            let power = Int64(pow(10, Double(digits)))
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        for _ in 0..<20_000 { values.append(Int64(bitPattern: generator.next()) >> Int64.random(in: 0...63, using: &generator)) }
        for value in values {
            var json = JSONBytes(capacity: 0)
            json.integer(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
        }
        var json = JSONBytes(capacity: 0)
        json.integer(UInt64.max)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(UInt64.max))
    }

    /// A decimal is the value rounded to `places` fraction digits, spelled from the integer count
    /// of units by `String`, trailing zeros and a bare point dropped; JSONSerialization reads it
    /// back within half a unit.
    static func double(_ value: Any?) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        if let number = value as? Double { return number }
        if let number = value as? Int { return Double(number) }
        return nil
    }

    @Test func decimalsAsStringSpellsThem() throws {
        var generator = SplitMix64(seed: 19_404)
        func reference(_ value: Double, places: Int) -> String {
            guard value.isFinite else { return "null" }
            let scale = (0..<places).reduce(1.0) { product, _ in product * 10 }
            let scaled = (abs(value) * scale).rounded()
            guard scaled < 9e15 else { return "null" }
            var digits = String(UInt64(scaled))
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            var whole = String(digits.dropLast(places)), fraction = String(digits.suffix(places))
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if whole.isEmpty { whole = "0" }
            let sign = value < 0 && scaled > 0 ? "-" : ""
            return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
        }
        var values: [Double] = [0, -0.0, 0.5, -0.5, 1, -1, 0.05, 0.005, 123.456789, 48.56705, -180, 180, 90, 1e-9,
                                8.99e15, 9e15, 1e300, .infinity, -.infinity, .nan, .pi, -.pi, 0.999999, 0.9999995]
        for _ in 0..<3_000 {
            values.append(Double.random(in: -200...200, using: &generator))
            values.append(Double.random(in: -1...1, using: &generator) * pow(10, Double.random(in: -8...16, using: &generator)))
        }
        var failures = 0
        for value in values {
            for places in [0, 1, 2, 3, 5, 6] {
                var json = JSONBytes(capacity: 0)
                json.decimal(value, places: places)
                let written = String(decoding: json.bytes, as: UTF8.self)
                if written != reference(value, places: places) { failures += 1; continue }
                guard written != "null" else { continue }
                let parsed = try #require(JSONSerialization.jsonObject(with: Data(("[" + written + "]").utf8)) as? [Any])
                let number = try #require(Self.double(parsed.first), "\(written)")
                let unit = pow(10, -Double(places))
                if abs(number - value) > unit / 2 * (1 + 1e-9) + abs(value) * 1e-15 { failures += 1 }
            }
        }
        #expect(failures == 0)
    }
}
