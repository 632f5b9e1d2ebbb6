/// A growable array of plain values for per-document scratch data that is cleared and refilled
/// for every document. Elements are read and written in place through a pointer: unlike `Array`,
/// a write checks no uniqueness (a runtime call per write in the resolver's inner loops).
///
/// Growing and clearing (`append`, `removeAll`) are copy-on-write as usual; element writes through
/// the subscript are not, so a copy must not be written before it has been cleared or appended
/// to. The pipeline clears its scratch arrays at the start of every document, so a copied parser
/// (one per thread) gets its own storage before it writes.
public struct ScratchArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    private final class Storage {
        let base: UnsafeMutablePointer<Element>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    public private(set) var count = 0

    init() { storage = Storage(capacity: 16) }

    init(repeating value: Element, count: Int) {
        storage = Storage(capacity: Swift.max(count, 16))
        storage.base.initialize(repeating: value, count: count)
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        @inline(__always)
        unsafeAddress {
            precondition(position >= 0 && position < count, "index out of range")
            return UnsafePointer(storage.base + position)
        }
        @inline(__always)
        nonmutating unsafeMutableAddress {
            precondition(position >= 0 && position < count, "index out of range")
            return storage.base + position
        }
    }

    /// A pointer to element `position`, to write in place as the subscript does (the same rule:
    /// not into a copy before it has been cleared or appended to).
    @inline(__always)
    func elementPointer(_ position: Int) -> UnsafeMutablePointer<Element> {
        precondition(position >= 0 && position < count, "index out of range")
        return storage.base + position
    }

    /// Makes room for `extra` more elements, in storage of its own.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.capacity || !isKnownUniquelyReferenced(&storage) { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let new = Storage(capacity: Swift.max(needed, storage.capacity * 2, 16))
        new.base.initialize(from: storage.base, count: count)
        storage = new
    }

    /// Makes room for `capacity` elements in all, in storage of its own.
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity > storage.capacity || !isKnownUniquelyReferenced(&storage) { grow(to: Swift.max(capacity, count)) }
    }

    var capacity: Int { storage.capacity }

    /// The first element of storage of the array's own, to be written directly (up to `capacity`
    /// elements) and then counted with `setCount`. Valid until the array grows or is cleared.
    mutating func baseAddressForWriting() -> UnsafeMutablePointer<Element> {
        if !isKnownUniquelyReferenced(&storage) { grow(to: count) }
        return storage.base
    }

    /// Takes the first `count` elements as written (through `baseAddressForWriting`).
    mutating func setCount(_ count: Int) {
        precondition(count >= 0 && count <= storage.capacity, "count beyond capacity")
        self.count = count
    }

    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: count))
    }

    /// Appends without the uniqueness check of `append`: only for a caller that has just made the
    /// storage its own (`reserveCapacity`, `removeAll`) and cannot have been copied since.
    @inline(__always)
    mutating func appendToOwnStorage(_ element: Element) {
        if count == storage.capacity { grow(to: count + 1) }
        (storage.base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        reserve(1)
        (storage.base + count).initialize(to: element)
        count += 1
    }

    mutating func append(repeating value: Element, count extra: Int) {
        reserve(extra)
        (storage.base + count).initialize(repeating: value, count: extra)
        count += extra
    }

    mutating func insert(_ element: Element, at position: Int) {
        precondition(position >= 0 && position <= count, "index out of range")
        reserve(1)
        (storage.base + position + 1).moveInitialize(from: storage.base + position, count: count - position)
        (storage.base + position).initialize(to: element)
        count += 1
    }

    mutating func removeLast(_ k: Int = 1) {
        precondition(k >= 0 && k <= count, "cannot remove more elements than there are")
        count -= k
    }

    /// Gives the array storage of its own if a copy shares it (before writing elements in place).
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { grow(to: count) }
    }

    /// Empties the array, keeping its storage when no copy shares it.
    mutating func removeAll() {
        count = 0
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(capacity: storage.capacity) }
    }
}
