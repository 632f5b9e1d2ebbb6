/// FNV-1a over folded name bytes. A span of several tokens hashes as their folded bytes joined
/// by single spaces, so a text span and a gazetteer name with equal keys have equal hashes.
public enum NameHash {
    public static let seed: UInt64 = 0xcbf29ce484222325
    @usableFromInline static let prime: UInt64 = 0x100000001b3

    @inlinable @inline(__always)
    public static func add(_ byte: UInt8, to hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// Eight bytes a round, then the rest in order: the same values as a byte loop, with less
    /// loop overhead (the tokenizer hashes every token).
    @inlinable @inline(__always)
    public static func add(_ bytes: UnsafeBufferPointer<UInt8>, to start: UInt64) -> UInt64 {
        guard var pointer = bytes.baseAddress else { return start }
        var hash = start, left = bytes.count
        while left >= 8 {
            for k in 0..<8 { hash = add(pointer[k], to: hash) }
            pointer += 8
            left &-= 8
        }
        let end = pointer + left
        switch left {
        case 7: hash = add(end[-7], to: hash); fallthrough
        case 6: hash = add(end[-6], to: hash); fallthrough
        case 5: hash = add(end[-5], to: hash); fallthrough
        case 4: hash = add(end[-4], to: hash); fallthrough
        case 3: hash = add(end[-3], to: hash); fallthrough
        case 2: hash = add(end[-2], to: hash); fallthrough
        case 1: hash = add(end[-1], to: hash)
        default: break
        }
        return hash
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
