// Invariant. The fast paths of `Text/` (`NameKey.of(utf8:)`, `decodeScalar`, `isValidUTF8`,
// `NameHash.add`) and the writers of `Output/` take `Unsafe…BufferPointer`s: they read only the
// `count` bytes they are given and keep no pointer after they return. This file is the one place
// where the data side (Gazetteer, Input, Support, Geometry, Spatial, Geodesy, the CLI) hands them
// bytes — a `ByteView` (valid while its owner lives) or an array (valid for one closure) — for the
// length of one call; and where the pointer forms of the data side's own API, which code outside
// it still calls, forward to the safe forms. When a caller moves to `Span`, its bridge goes.

extension NameKey {
    /// The key of the UTF-8 name in `utf8`.
    static func of(utf8 name: ByteView, using tokenizer: inout Tokenizer) -> NameKey? {
        NameKey.of(utf8: name.borrowedBase.assumingMemoryBound(to: UInt8.self), using: &tokenizer)
    }
}

extension NameHash {
    /// `add(_:to:)` over the bytes of a view.
    @inline(__always)
    static func add(_ bytes: ByteView, to start: UInt64) -> UInt64 {
        add(bytes.borrowedBase.assumingMemoryBound(to: UInt8.self), to: start)
    }

    /// `add(_:to:)` over the bytes of an array or a slice of one.
    @inline(__always)
    static func add(_ bytes: some ContiguousBytes8, to start: UInt64) -> UInt64 {
        bytes.withByteView { add($0, to: start) }
    }
}

/// The byte containers `NameHash.add` and `isValidUTF8` take besides a `ByteView`.
protocol ContiguousBytes8 {
    func withByteView<R, E: Error>(_ body: (ByteView) throws(E) -> R) throws(E) -> R
}
extension Array: ContiguousBytes8 where Element == UInt8 {}
extension ArraySlice: ContiguousBytes8 where Element == UInt8 {}

/// One scalar of valid UTF-8 at `index` of a view, as `decodeScalar` reads it.
@inline(__always)
func decodeScalar(_ bytes: ByteView, at index: Int) -> (scalar: UInt32, length: Int) {
    decodeScalar(bytes.borrowedBase.assumingMemoryBound(to: UInt8.self), at: index)
}

/// Whether the bytes are well-formed UTF-8, by `isValidUTF8`'s fast path.
@inline(__always)
func isValidUTF8(_ bytes: some ContiguousBytes8) -> Bool {
    bytes.withByteView { isValidUTF8($0.borrowedBase.assumingMemoryBound(to: UInt8.self)) }
}

// MARK: Pointer forms of the data side's API, for callers outside it

extension Gazetteer {
    /// `primaryName(_:)` as a raw buffer, for the writers of `Output/`.
    public func primaryNameBytes(_ entry: Int32) -> UnsafeRawBufferPointer {
        primaryName(entry).borrowedBase
    }
}

extension PostingList {
    /// A list over raw posting bytes (`SpanMatcher`'s empty list).
    init(storage: UnsafeRawBufferPointer, start: Int, count: Int, types: Types = []) {
        self.init(storage: ByteView(borrowing: storage), start: start, count: count, types: types)
    }
}

extension Geoparser {
    /// `appendTrainingRecord(id:utf8:to:)` over a document's text, for the CLI.
    public mutating func appendTrainingRecord(id: [UInt8], text: [UInt8], to json: inout JSONBytes) {
        text.withUnsafeBufferPointer { appendTrainingRecord(id: id, utf8: $0, to: &json) }
    }
}

extension DocumentReader {
    /// `admit(_:id:path:line:)` for an id in a raw buffer (`BatchExtraction`'s ids).
    func admit(_ outcome: JSONLineDecoder.Outcome, id: UnsafeBufferPointer<UInt8>, path: String, line: Int) -> Bool {
        admit(outcome, id: ByteView(borrowing: UnsafeRawBufferPointer(id)), path: path, line: line)
    }
}

extension Gazetteer {
    /// `forEachFuzzyKey(near:_:)` for a folded word in a raw buffer (`SpanMatcher`'s words).
    public func forEachFuzzyKey(near folded: UnsafeBufferPointer<UInt8>, _ body: (_ keyHash: UInt64, _ key: ByteView) -> Void) {
        forEachFuzzyKey(near: ByteView(borrowing: UnsafeRawBufferPointer(folded)), body)
    }
}
