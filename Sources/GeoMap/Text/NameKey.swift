/// The key a name is matched by: its tokens folded (case, diacritics, apostrophes, periods) and
/// joined by single spaces, without a leading "the". Gazetteer names and text spans both go
/// through `Tokenizer`, so their keys agree by construction.
public struct NameKey: Hashable, Sendable {
    public let bytes: [UInt8]
    public let hash: UInt64
    public let tokenCount: Int

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    static let theHash = NameHash.of("the")

    /// The key of `name`, or nil if it has no word at all.
    public static func of(_ name: String, using tokenizer: inout Tokenizer) -> NameKey? {
        var text = name
        return text.withUTF8 { of(utf8: $0, using: &tokenizer) }
    }

    public static func of(_ name: String) -> NameKey? {
        var tokenizer = Tokenizer()
        return of(name, using: &tokenizer)
    }

    public static func of(utf8: UnsafeBufferPointer<UInt8>, using tokenizer: inout Tokenizer) -> NameKey? {
        tokenizer.tokenize(utf8)
        var tokens = tokenizer.tokens[...]
        if tokens.count > 1, tokens.first?.hash == theHash { tokens = tokens.dropFirst() }
        guard !tokens.isEmpty else { return nil }
        var bytes: [UInt8] = []
        for token in tokens {
            if !bytes.isEmpty { bytes.append(0x20) }
            tokenizer.withFolded(token) { bytes.append(contentsOf: $0) }
        }
        let hash = bytes.withUnsafeBufferPointer { NameHash.add($0, to: NameHash.seed) }
        return NameKey(bytes: bytes, hash: hash, tokenCount: tokens.count)
    }
}
