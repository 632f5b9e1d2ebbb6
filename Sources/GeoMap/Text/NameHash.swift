/// FNV-1a over folded name bytes. A span of several tokens hashes as their folded bytes joined
/// by single spaces, so a text span and a gazetteer name with equal keys have equal hashes.
public enum NameHash {
    public static let seed: UInt64 = 0xcbf29ce484222325
    @usableFromInline static let prime: UInt64 = 0x100000001b3

    @inlinable @inline(__always)
    public static func add(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    @inlinable
    public static func add(_ bytes: UnsafeBufferPointer<UInt8>, to hash: UInt64) -> UInt64 {
        var h = hash
        for byte in bytes { h = (h ^ UInt64(byte)) &* prime }
        return h
    }

    /// Continues a span hash with one more token: a space, then the token's folded bytes.
    @inlinable
    public static func extend(_ hash: UInt64, with token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        add(token, to: add(0x20, to: hash))
    }

    public static func of(_ string: String) -> UInt64 {
        var s = string
        return s.withUTF8 { add($0, to: seed) }
    }
}
