import Foundation
import Testing
@testable import GeoMapServer
import GeoMap

/// The request parser accepts what Foundation's JSON parser accepts, gives the same values, and
/// refuses what it refuses, over fixed and seeded random inputs.
@Suite("serve: JSON request parser")
struct JSONParserTests {
    static func canonical(_ value: JSONValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .bool(let flag): return flag ? 1.0 : 0.0
        case .number(let literal): return Double(literal)!
        case .string(let string): return string
        case .array(let elements): return elements.map(canonical)
        case .object(let members): return Dictionary(members.map { ($0.key, canonical($0.value)) }, uniquingKeysWith: { _, last in last })
        }
    }

    static func foundation(_ bytes: [UInt8]) -> Any? {
        guard let value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return nil }
        return normalised(value)
    }

    static func normalised(_ value: Any) -> Any {
        switch value {
        // Booleans as 1 and 0: Foundation on Linux does not tell them from numbers reliably.
        case let flag as Bool: return flag ? 1.0 : 0.0
        case let number as NSNumber: return number.doubleValue
        case let array as [Any]: return array.map(normalised)
        case let object as [String: Any]: return object.mapValues(normalised)
        default: return value
        }
    }

    static func same(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (is NSNull, is NSNull): return true
        case let (x as Double, y as Double): return x == y || (x.isNaN && y.isNaN)
        case let (x as String, y as String): return x == y
        case let (x as [Any], y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case let (x as [String: Any], y as [String: Any]): return x.count == y.count && x.allSatisfy { key, value in y[key].map { same(value, $0) } ?? false }
        default: return false
        }
    }

    static let fixed: [String] = [
        #"{"text":"Kyiv","id":1}"#, #"  [1, -0, 0.5, 1e3, -2.5E-3, true, false, null]  "#, #""\u00e9\ud83d\ude00\n\t\"\\\/""#,
        "{}", "[]", #"{"a":{"b":[{"c":[]}]}}"#, "01", "1.", ".5", "1e", "+1", "[1,]", #"{"a":1,}"#, #"{"a"}"#, #"{a:1}"#,
        "\"a\u{01}b\"", "tru", "nul", "[1 2]", #""\x""#, #""\u12""#, "", " ", "{\"a\":1}x", "[\"Ōdesa – Одеса\"]", "-", "--1", "1e+", "1E-7",
    ]

    @Test("fixed inputs: accepted and refused as Foundation does, with the same values")
    func fixedInputs() {
        for text in Self.fixed { check(Array(text.utf8)) }
    }

    @Test("seeded random inputs: mutations of valid documents")
    func randomInputs() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let alphabet = Array(#"{}[]:,"\ 0123456789.eE+-truefalsnul\u"#.utf8) + [0xC3, 0xA9, 0x0A]
        for _ in 0..<3000 {
            var bytes = Array(Self.fixed[Int(next() % UInt64(Self.fixed.count))].utf8)
            for _ in 0..<(1 + Int(next() % 3)) {
                let at = bytes.isEmpty ? 0 : Int(next() % UInt64(bytes.count + 1))
                switch next() % 3 {
                case 0: bytes.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: at)
                case 1: if at < bytes.count { bytes.remove(at: at) }
                default: if at < bytes.count { bytes[at] = alphabet[Int(next() % UInt64(alphabet.count))] }
                }
            }
            check(bytes)
        }
    }

    func check(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = Self.foundation(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        switch Result(catching: { try JSONParser.parse(bytes) }) {
        case .success(let value):
            guard let expected else {
                // Foundation refuses lone surrogates and invalid UTF-8, which this parser repairs.
                #expect(text.contains("\\u") || String(validating: bytes, as: UTF8.self) == nil, "accepted what Foundation refuses: \(text)", sourceLocation: sourceLocation)
                return
            }
            #expect(Self.same(Self.canonical(value), expected), "different value for \(text)", sourceLocation: sourceLocation)
        case .failure(let error):
            // Foundation also takes a comma before a closing bracket, which RFC 8259 does not.
            let trailingComma = text.range(of: #",\s*[\]}]"#, options: .regularExpression) != nil
            #expect(expected == nil || trailingComma, "refused what Foundation accepts: \(text): \(error)", sourceLocation: sourceLocation)
            #expect(!"\(error)".contains("\n"), sourceLocation: sourceLocation)
        }
    }

    @Test("numbers and strings come back as they were written")
    func passThroughText() throws {
        let value = try JSONParser.parse(Array(#"{"n":1.50,"big":12345678901234567890,"s":"é\"","a":[null,true]}"#.utf8))
        var json = JSONBytes(capacity: 64)
        value.write(to: &json)
        #expect(String(decoding: json.bytes, as: UTF8.self) == #"{"n":1.50,"big":12345678901234567890,"s":"é\"","a":[null,true]}"#)
    }

    @Test("sizes for --max-body")
    func byteSizes() {
        #expect(ServerConfiguration.byteSize("10M") == 10 << 20)
        #expect(ServerConfiguration.byteSize("10MB") == 10 << 20)
        #expect(ServerConfiguration.byteSize("512k") == 512 << 10)
        #expect(ServerConfiguration.byteSize("4096") == 4096)
        #expect(ServerConfiguration.byteSize("0") == nil)
        #expect(ServerConfiguration.byteSize("lots") == nil)
        #expect(ServerConfiguration.byteSize("99999999999999G") == nil)
    }
}
