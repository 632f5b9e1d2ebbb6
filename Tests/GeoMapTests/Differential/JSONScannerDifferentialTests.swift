import Foundation
import Testing
@testable import GeoMap

/// The JSON Lines record reader (`JSONLineRecord` on `JSONScanner`: runs found eight bytes at a
/// time, values skipped without recursion, keys compared in place) against Foundation's
/// `JSONSerialization` on generated records, real texts and their one- and two-byte mutations.
///
/// Where JSONSerialization reads a line, the reader must read it too, to the same id and text, or
/// refuse it for the same reason (no text, text not a string, id neither string nor number).
/// Where the reader calls a line malformed, JSONSerialization must refuse it. The reader is laxer
/// in three ways it documents (number syntax in skipped values, raw bytes that are not UTF-8,
/// lone surrogate escapes): there it may read what JSONSerialization refuses. JSONSerialization is
/// laxer in one way: it takes a comma before a closing bracket or brace, which JSON does not allow
/// and the reader refuses. And the reader names a text
/// or id of the wrong type as soon as it sees one, without reading the rest of the line: on a line
/// that is also malformed further on, its reason may be that one.
struct JSONScannerDifferentialTests {
    enum Outcome: Equatable {
        case record(id: [UInt8]?, text: [UInt8])
        case missingText, textNotString, idNotStringOrNumber
        case malformed
    }

    static func fast(_ line: [UInt8]) -> Outcome {
        var record = JSONLineRecord()
        let problem: JSONLineRecord.Problem? = line.withByteView { buffer in
            do throws(JSONLineRecord.Problem) {
                try record.parse(buffer)
                return nil
            } catch {
                return error
            }
        }
        switch problem {
        case nil: return .record(id: record.hasID ? record.id : nil, text: record.text)
        case .malformed?: return .malformed
        case .missingText?: return .missingText
        case .textNotString?: return .textNotString
        case .idNotStringOrNumber?: return .idNotStringOrNumber
        }
    }

    /// A value as JSON text, written by JSONSerialization: `"…"` for a string, a digit or `-` for a
    /// number, else `true`, `null`, `[`, `{`.
    static func spelled(_ value: Any) -> [UInt8] {
        guard let data = try? JSONSerialization.data(withJSONObject: [value]) else { return [] }
        return Array(data.dropFirst().dropLast())
    }

    /// What JSONSerialization makes of the line, and every reason to refuse it that holds (the
    /// reader names the first it meets, in key order, which a dictionary does not keep).
    static func reference(_ line: [UInt8]) -> (outcome: Outcome, reasons: [Outcome]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line), options: [.fragmentsAllowed]),
              let dictionary = object as? [String: Any] else { return (.malformed, [.malformed]) }
        var reasons: [Outcome] = []
        var text: [UInt8] = []
        if let value = dictionary["text"] {
            if let string = value as? String { text = Array(string.utf8) } else { reasons.append(.textNotString) }
        } else {
            reasons.append(.missingText)
        }
        var id: [UInt8]? = nil
        if let value = dictionary["id"] {
            let json = spelled(value)
            if let string = value as? String {
                // An empty id counts as none (the reader then names the record by its line).
                id = string.isEmpty ? nil : Array(string.utf8)
            } else if let first = json.first, first == UInt8(ascii: "-") || (0x30...0x39).contains(first) {
                id = json
            } else {
                reasons.append(.idNotStringOrNumber)
            }
        }
        if let first = reasons.first { return (first, reasons) }
        return (.record(id: id, text: text), [])
    }

    /// Whether a comma stands (outside strings) right before a closing bracket or brace.
    static func hasTrailingComma(_ line: [UInt8]) -> Bool {
        var inString = false, escaped = false
        for (k, byte) in line.enumerated() {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
                continue
            }
            if byte == 0x22 { inString = true; continue }
            guard byte == UInt8(ascii: ",") else { continue }
            let next = line[(k + 1)...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
            if next == UInt8(ascii: "]") || next == UInt8(ascii: "}") { return true }
        }
        return false
    }

    /// The bytes without U+FEFF, which JSONSerialization drops wherever it stands in a string.
    static func withoutBOM(_ bytes: [UInt8]) -> [UInt8] {
        Array(String(String(decoding: bytes, as: UTF8.self).unicodeScalars.filter { $0 != "\u{FEFF}" }).utf8)
    }

    /// Whether two outcomes agree; a numeric id only by value (`1.50` and `1.5` are one number).
    static func agree(_ fast: Outcome, _ reference: (outcome: Outcome, reasons: [Outcome])) -> Bool {
        guard case let .record(fastID, fastText) = fast, case let .record(referenceID, referenceText) = reference.outcome else {
            return fast == reference.outcome || reference.reasons.contains(fast)
        }
        guard withoutBOM(fastText) == withoutBOM(referenceText) else { return false }
        guard let fastID, let referenceID else { return fastID == nil && referenceID == nil }
        if withoutBOM(fastID) == withoutBOM(referenceID) { return true }
        let number = try? JSONSerialization.jsonObject(with: Data(fastID), options: [.fragmentsAllowed])
        return number.map { spelled($0) } == referenceID
    }

    struct Counts {
        var records = 0, refused = 0, malformed = 0, laxer = 0
    }

    static func compare(_ lines: some Sequence<[UInt8]>) -> Counts {
        var counts = Counts(), failures = 0
        for line in lines {
            let fast = fast(line), reference = reference(line)
            switch (fast, reference.outcome) {
            case (.record, .malformed):
                counts.laxer += 1
                continue
            case (.missingText, .malformed), (.textNotString, .malformed), (.idNotStringOrNumber, .malformed):
                counts.refused += 1
                continue
            case (.malformed, _) where hasTrailingComma(line):
                counts.malformed += 1
                continue
            case (.record, .record): counts.records += 1
            case (.malformed, .malformed): counts.malformed += 1
            default: counts.refused += 1
            }
            if !agree(fast, reference) {
                failures += 1
                if failures <= 3 {
                    Issue.record("reader \(fast), JSONSerialization \(reference) on \(String(reflecting: String(decoding: line.prefix(160), as: UTF8.self)))")
                }
            }
        }
        #expect(failures == 0)
        return counts
    }

    /// Writes JSON with random white space and random (valid) escapes, so the reader meets every
    /// way of spelling the same record.
    struct Writer {
        var generator: SplitMix64
        var out: [UInt8] = []

        mutating func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }

        mutating func space() {
            while chance(15) { out.append([0x20, 0x09, 0x0A, 0x0D][Int(generator.next() % 4)]) }
        }

        mutating func string(_ value: String) {
            out.append(0x22)
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += Array("\\\"".utf8)
                case "\\": out += Array("\\\\".utf8)
                case "\n": out += Array((chance(50) ? "\\n" : "\\u000A").utf8)
                case "\t": out += Array("\\t".utf8)
                case "\r": out += Array("\\r".utf8)
                case "\u{8}": out += Array("\\b".utf8)
                case "\u{C}": out += Array("\\f".utf8)
                case "/" where chance(50): out += Array("\\/".utf8)
                default:
                    if scalar.value < 0x20 || chance(4) {
                        if scalar.value >= 0x10000 {
                            let v = scalar.value - 0x10000
                            out += Array(String(format: "\\u%04X\\u%04x", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)).utf8)
                        } else {
                            out += Array(String(format: chance(50) ? "\\u%04x" : "\\u%04X", scalar.value).utf8)
                        }
                    } else {
                        out += Array(String(scalar).utf8)
                    }
                }
            }
            out.append(0x22)
        }

        mutating func number() {
            let forms = ["0", "-0", "7", "-12", "123456789", "3.25", "-0.5", "1e3", "2E-2", "6.02e+23", "1.5E10"]
            out += Array(forms[Int(generator.next() % UInt64(forms.count))].utf8)
        }

        mutating func value(depth: Int) {
            space()
            switch generator.next() % (depth > 3 ? 5 : 7) {
            case 0:
                string(DifferentialInputs.randomText(pieceCount: Int(generator.next() % 6), using: &generator))
            case 1: number()
            case 2: out += Array("true".utf8)
            case 3: out += Array("false".utf8)
            case 4: out += Array("null".utf8)
            case 5:
                out.append(UInt8(ascii: "["))
                let count = Int(generator.next() % 4)
                if count == 0 { space() }
                for k in 0..<count {
                    if k > 0 { space(); out.append(UInt8(ascii: ",")) }
                    value(depth: depth + 1)
                    space()
                }
                out.append(UInt8(ascii: "]"))
            default:
                out.append(UInt8(ascii: "{"))
                let count = Int(generator.next() % 4)
                if count == 0 { space() }
                for k in 0..<count {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    space()
                    string("k\(k)" + (chance(30) ? "text" : ""))
                    space()
                    out.append(UInt8(ascii: ":"))
                    value(depth: depth + 1)
                    space()
                }
                out.append(UInt8(ascii: "}"))
            }
        }

        /// A record: `id` (string, number or another value, or none), `text` (or not a string, or
        /// none) and other keys, in random order.
        mutating func record(text: String) -> [UInt8] {
            out = []
            var members: [(key: String, kind: Int)] = [("text", 0), ("id", 1)]
            for k in 0..<Int(generator.next() % 3) { members.append(("other\(k)", 2)) }
            if chance(5) { members.removeFirst() }
            if chance(10) { members.remove(at: members.count - 1) }
            members.shuffle(using: &generator)
            space()
            out.append(UInt8(ascii: "{"))
            space()
            for (k, member) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")); space() }
                string(member.key)
                space()
                out.append(UInt8(ascii: ":"))
                space()
                switch member.kind {
                case 0: if chance(4) { value(depth: 0) } else { string(text) }
                case 1:
                    if chance(50) { string("doc-\(generator.next() % 1000)") } else if chance(80) { number() } else { value(depth: 0) }
                default: value(depth: 0)
                }
                space()
            }
            out.append(UInt8(ascii: "}"))
            space()
            return out
        }
    }

    @Test func generatedRecordsAndTheirMutations() {
        var writer = Writer(generator: SplitMix64(seed: 19_501))
        var generator = SplitMix64(seed: 19_502)
        var lines: [[UInt8]] = []
        for _ in 0..<3_000 {
            let text = DifferentialInputs.randomText(pieceCount: Int.random(in: 0...40, using: &generator), using: &generator)
            let line = writer.record(text: text)
            lines.append(line)
            lines.append(DifferentialInputs.mutated(line, edits: 1, using: &generator))
            lines.append(DifferentialInputs.mutated(line, edits: 2, using: &generator))
            lines.append(Array(line.prefix(Int.random(in: 0...line.count, using: &generator))))
        }
        let counts = Self.compare(lines)
        #expect(counts.records > 3_000 && counts.refused > 100 && counts.malformed > 3_000)
    }

    /// Real texts as JSONSerialization writes them (`\/`, its own escapes) and as the writer above
    /// does, whole and cut short.
    @Test func realTexts() throws {
        var writer = Writer(generator: SplitMix64(seed: 19_503))
        var generator = SplitMix64(seed: 19_504)
        var texts = DifferentialInputs.repositoryTexts
        texts += DifferentialInputs.gazetteerTexts(size: 1 << 12, every: 16)
        var lines: [[UInt8]] = []
        for (k, text) in texts.enumerated() {
            let data = try JSONSerialization.data(withJSONObject: ["id": "d\(k)", "text": text, "n": [k, 1.5]] as [String: Any])
            lines.append(Array(data))
            let line = writer.record(text: text)
            lines.append(line)
            lines.append(DifferentialInputs.mutated(line, edits: 1, using: &generator))
            lines.append(Array(line.prefix(Int.random(in: 0...line.count, using: &generator))))
        }
        let counts = Self.compare(lines)
        #expect(counts.records >= 2 * texts.count - texts.count / 4)
    }

    /// Unicode escapes, surrogate pairs and every escape letter, around the eight-byte steps of
    /// the run search.
    @Test func escapesAroundEightByteSteps() {
        let escapes = ["\\n", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\t", "\\u00e9", "\\u00E9", "\\u2028",
                       "\\ud83d\\ude42", "\\uD83D\\uDE42", "é", "🙂", "\\x", "\\u12", "\\uD83D", "\u{7F}", "\u{1}"]
        var lines: [[UInt8]] = []
        for escape in escapes {
            for before in 0...17 {
                let padding = String(repeating: "a", count: before)
                lines.append(Array("{\"id\":\"\(padding)\(escape)\",\"text\":\"\(padding)\(escape)\(padding)\"}".utf8))
                lines.append(Array("{\"skip\":[\"\(padding)\(escape)\"],\"t\\u0065xt\":\"\(escape)\(padding)\"}".utf8))
            }
        }
        let counts = Self.compare(lines)
        #expect(counts.records > 500 && counts.malformed > 50)
    }
}
