/// Finds the coordinates of a tokenized text: only tokens with a digit are looked at, so text
/// without digits costs one flag test per token.
public enum CoordinateScanner {
    /// Every coordinate in `text`, in order, none overlapping.
    public static func scan(_ text: UnsafeBufferPointer<UInt8>, tokens: UnsafeBufferPointer<Token>) -> [TextCoordinate] {
        var found: [TextCoordinate] = []
        var consumed = 0
        for token in tokens where token.shape.contains(.hasDigit) {
            let start = Int(token.byteStart)
            guard start >= consumed, mayStart(text, at: start),
                  let coordinate = coordinate(in: text, near: start, after: consumed) else { continue }
            found.append(coordinate)
            consumed = coordinate.byteEnd
        }
        return found
    }

    /// Tokenizes `text` first (for tests and one-off calls).
    public static func scan(_ text: String) -> [TextCoordinate] {
        var copy = text
        return copy.withUTF8 { bytes in
            var tokenizer = Tokenizer()
            tokenizer.tokenize(bytes)
            return tokenizer.tokens.withUnsafeBufferPointer { scan(bytes, tokens: $0) }
        }
    }

    /// A test of the bytes around a digit token that rules out nearly every number of a text
    /// (years, counts, prices) before any parser runs: a coordinate's first number goes on with
    /// a decimal point, a degree sign, a hemisphere or band letter, or a space and one of those;
    /// or a hemisphere letter comes first (`N48.5`, `N 48.5`).
    static func mayStart(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let bytes = CoordinateBytes(text)
        if LatLonParser.isHemisphere(bytes[start]) { return true }
        if bytes[start - 1] == 0x20, LatLonParser.isHemisphere(bytes[start - 2]) { return true }
        var q = start
        while bytes.isDigit(q) { q += 1 }
        var c = bytes[q]
        if c == 0x20 { c = bytes[q + 1] }
        // `.`, `°`/`º` (0xC2), `˚` (0xCB), upper-case letters (hemispheres, bands), `d` of `deg`.
        return c == 0x2E || c == 0xC2 || c == 0xCB || (c >= 0x41 && c <= 0x5A) || c == 0x64
    }

    /// The coordinate that starts at the token at `start`, or just before it with a sign or a
    /// hemisphere letter that the tokenizer left out of the token (`-33.87`, `N 48°`).
    private static func coordinate(in text: UnsafeBufferPointer<UInt8>, near start: Int, after consumed: Int) -> TextCoordinate? {
        if let grid = GridReferenceParser.parse(text, at: start) { return grid }
        let bytes = CoordinateBytes(text)
        if start >= consumed + 2, bytes[start - 1] == 0x20, LatLonParser.isHemisphere(bytes[start - 2]),
           let pair = LatLonParser.parse(text, at: start - 2) {
            return pair
        }
        // A sign glued to the number belongs to it: `-47.5N` is no `47.5N`.
        if start >= 1, bytes.sign(at: start - 1)?.length == 1 { return start - 1 >= consumed ? LatLonParser.parse(text, at: start - 1) : nil }
        if start >= 3, bytes.sign(at: start - 3)?.length == 3 { return start - 3 >= consumed ? LatLonParser.parse(text, at: start - 3) : nil }
        return LatLonParser.parse(text, at: start)
    }
}
