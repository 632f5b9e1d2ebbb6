#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPrefetch

// Invariant. A `ByteView` is a read-only window on bytes that some owner keeps alive and unchanged
// for as long as any view of them exists: a `MappedFile` or `OwnedBytes` (which hold their memory
// until they go away, and which the type holding the view keeps), or the scope of one
// `withByteView` call (the view must not leave the closure). The caller guarantees that; this
// file guarantees that every read through a view stays inside it: each subscript, load and slice
// checks its bounds (a bad offset stops the process instead of reading other memory), and nothing
// is ever written through a view.

/// Bytes in place, read without copying: the index sections, `places.tsv`, a shape's WKB, a key
/// in the string pool.
public struct ByteView: RandomAccessCollection, @unchecked Sendable {
    private let base: UnsafeRawBufferPointer

    /// Only for the owners in `MemoryMap.swift` and the scoped views below.
    @inline(__always) init(borrowing base: UnsafeRawBufferPointer) { self.base = base }

    /// No bytes.
    public static let empty = ByteView(borrowing: UnsafeRawBufferPointer(start: nil, count: 0))

    /// The memory itself: only for `LowLevel/`, to hand to the pointer APIs there.
    @inline(__always) var borrowedBase: UnsafeRawBufferPointer { base }

    public var startIndex: Int { 0 }
    public var endIndex: Int { base.count }
    @inline(__always) public var count: Int { base.count }

    @inline(__always)
    public subscript(position: Int) -> UInt8 {
        // One unsigned comparison: a negative offset reads as a huge one.
        precondition(UInt(bitPattern: position) < UInt(bitPattern: base.count), "byte offset outside the view")
        return base[position]
    }

    public func makeIterator() -> UnsafeRawBufferPointer.Iterator { base.makeIterator() }

    public func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        try body(base.assumingMemoryBound(to: UInt8.self))
    }

    /// The bytes in `range`, as a view of their own (indices from 0).
    @inline(__always)
    public func extracting(_ range: Range<Int>) -> ByteView {
        precondition(range.lowerBound >= 0 && range.upperBound <= base.count, "byte range outside the view")
        return ByteView(borrowing: UnsafeRawBufferPointer(rebasing: base[range]))
    }

    /// The bytes from `start` to the end.
    @inline(__always)
    public func extracting(from start: Int) -> ByteView { extracting(start..<base.count) }

    /// A little-endian integer at any byte offset (no alignment needed).
    @inline(__always)
    public func load<T: FixedWidthInteger>(at offset: Int, as type: T.Type) -> T {
        precondition(offset >= 0 && offset <= base.count &- MemoryLayout<T>.size, "load outside the view")
        return T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// A little-endian IEEE double at any byte offset.
    @inline(__always)
    public func loadDouble(at offset: Int) -> Double { Double(bitPattern: load(at: offset, as: UInt64.self)) }

    /// The first offset at or after `start` (and before `end`, default the end) that holds `byte`.
    @inline(__always)
    public func firstIndex(of byte: UInt8, from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? base.count
        precondition(start >= 0 && start <= end && end <= base.count, "scan outside the view")
        guard start < end, let found = memchr(base.baseAddress! + start, Int32(byte), end - start) else { return nil }
        return base.baseAddress!.distance(to: UnsafeRawPointer(found))
    }

    /// Whether the two views hold the same bytes.
    @inline(__always)
    public func bytesEqual(_ other: ByteView) -> Bool {
        base.count == other.base.count && (base.count == 0 || memcmp(base.baseAddress!, other.base.baseAddress!, base.count) == 0)
    }

    /// A hint that the cache line holding byte `offset` will be read soon. Changes no result; an
    /// offset outside the view is ignored.
    @inline(__always)
    public func prefetch(at offset: Int) {
        if offset >= 0 && offset < base.count { geomap_prefetch(base.baseAddress! + offset) }
    }

    /// The bytes as a `Span`, for the length of `body`.
    @inline(__always)
    public func withSpan<R>(_ body: (Span<UInt8>) throws -> R) rethrows -> R {
        try body(base.assumingMemoryBound(to: UInt8.self).span)
    }

    /// The bytes as a `RawSpan`, for the length of `body`.
    @inline(__always)
    public func withRawSpan<R>(_ body: (RawSpan) throws -> R) rethrows -> R {
        try body(base.bytes)
    }
}

extension Array where Element == UInt8 {
    /// Appends the view's bytes with one copy (the generic `append(contentsOf:)` goes byte by byte).
    @inline(__always)
    mutating func append(contentsOf view: ByteView) { append(contentsOf: view.borrowedBase.assumingMemoryBound(to: UInt8.self)) }

    /// A view of the array's bytes for the length of `body` (it must not leave the closure).
    @inline(__always)
    func withByteView<R, E: Error>(_ body: (ByteView) throws(E) -> R) throws(E) -> R {
        try span.withUnsafeBytes { (raw) throws(E) -> R in try body(ByteView(borrowing: raw)) }
    }
}

extension ArraySlice where Element == UInt8 {
    /// A view of the slice's bytes (indices from 0) for the length of `body`.
    @inline(__always)
    func withByteView<R, E: Error>(_ body: (ByteView) throws(E) -> R) throws(E) -> R {
        try span.withUnsafeBytes { (raw) throws(E) -> R in try body(ByteView(borrowing: raw)) }
    }
}

extension Span where Element == UInt8 {
    /// A view of the span's bytes for the length of `body`.
    @inline(__always)
    func withByteView<R, E: Error>(_ body: (ByteView) throws(E) -> R) throws(E) -> R {
        try withUnsafeBytes { (raw) throws(E) -> R in try body(ByteView(borrowing: raw)) }
    }
}
