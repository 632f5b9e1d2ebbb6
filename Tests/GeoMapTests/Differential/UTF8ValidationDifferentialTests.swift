import Testing
@testable import GeoMap

/// `isValidUTF8` (32 ASCII bytes at a time, then eight, other sequences checked in place) against
/// the standard library: bytes are valid exactly when String's repair leaves them unchanged.
struct UTF8ValidationDifferentialTests {
    static func reference(_ bytes: [UInt8]) -> Bool {
        Array(String(decoding: bytes, as: UTF8.self).utf8) == bytes
    }

    static func fast(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// Checks every input; returns how many were valid.
    @discardableResult
    static func expectSame(_ inputs: some Sequence<[UInt8]>) -> (valid: Int, invalid: Int) {
        var failures = 0, valid = 0, invalid = 0
        for bytes in inputs {
            let expected = reference(bytes)
            if expected { valid += 1 } else { invalid += 1 }
            if fast(bytes) != expected {
                failures += 1
                if failures <= 3 {
                    Issue.record("isValidUTF8 says \(!expected) for \(bytes.count) bytes: \(bytes.prefix(80).map { String($0, radix: 16) })")
                }
            }
        }
        #expect(failures == 0)
        return (valid, invalid)
    }

    @Test func realTextsAndTheirMutations() {
        var generator = SplitMix64(seed: 19_101)
        var texts = DifferentialInputs.repositoryTexts.map { Array($0.utf8) }
        texts += DifferentialInputs.gazetteerTexts(size: 1 << 12, every: 4).map { Array($0.utf8) }
        var inputs = texts
        for text in texts {
            for _ in 0..<4 { inputs.append(DifferentialInputs.mutated(text, edits: 1, using: &generator)) }
        }
        let counts = Self.expectSame(inputs)
        #expect(counts.valid >= texts.count && counts.invalid > texts.count)
    }

    @Test func randomBytesAndScalarsAtEdgeLengths() {
        var generator = SplitMix64(seed: 19_102)
        var inputs: [[UInt8]] = []
        for length in DifferentialInputs.edgeLengths {
            for _ in 0..<100 {
                inputs.append(DifferentialInputs.randomBytes(count: length, using: &generator))
                let scalars = Array(DifferentialInputs.randomScalars(count: length, using: &generator).utf8)
                inputs.append(scalars)
                inputs.append(DifferentialInputs.mutated(scalars, edits: 1, using: &generator))
                inputs.append(Array(scalars.prefix(length)))
            }
        }
        let counts = Self.expectSame(inputs)
        #expect(counts.valid > 1_000 && counts.invalid > 1_000)
    }

    /// Each boundary case of Unicode table 3-7 (and what lies just outside it), at every offset
    /// of a 70-byte ASCII run, so that it falls in every lane of the 8- and 32-byte steps, with
    /// ASCII or more of itself after it.
    @Test func sequenceBoundariesInEveryLane() {
        let sequences: [[UInt8]] = [
            [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xC2], [0xC2, 0xC0],
            [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xE0, 0xBF, 0xBF], [0xE1, 0x80, 0x80], [0xEC, 0xBF, 0xBF],
            [0xED, 0x80, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xEE, 0x80, 0x80],
            [0xEF, 0xBF, 0xBF], [0xE2, 0x80], [0xE2, 0x80, 0xA8], [0xE2, 0x28, 0xA1],
            [0xF0, 0x8F, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF1, 0x80, 0x80, 0x80], [0xF3, 0xBF, 0xBF, 0xBF],
            [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF0, 0x90, 0x80],
            [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE], [0xFF],
        ]
        var inputs: [[UInt8]] = []
        let ascii = Array(repeating: UInt8(ascii: "a"), count: 70)
        for sequence in sequences {
            for offset in 0...ascii.count {
                inputs.append(Array(ascii[..<offset]) + sequence)
                inputs.append(Array(ascii[..<offset]) + sequence + ascii[..<(ascii.count - offset)])
                inputs.append(Array(ascii[..<offset]) + sequence + sequence + sequence)
            }
        }
        let counts = Self.expectSame(inputs)
        #expect(counts.valid > 1_000 && counts.invalid > 1_000)
    }
}
