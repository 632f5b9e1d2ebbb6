/// A growable array of plain values for per-document scratch data that is cleared and refilled
/// for every document. Elements live in one allocation of its own, read and written in place.
///
/// Copies share storage until one of them changes it. Growing, clearing, appending,
/// `makeUnique` and `baseAddressForWriting` give the array storage of its own when a copy shares
/// it; element writes (the subscript, `elementPointer`) are `mutating` but leave that check to the
/// step's per-document reset (see `assertUnique`). Un-sharing keeps the capacity: only running out
/// of room grows it (doubling), so a parser that is copied and reused any number of times holds
/// the memory its largest document needed, not twice that per copy.
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
        mutating unsafeMutableAddress {
            precondition(position >= 0 && position < count, "index out of range")
            assertUnique()
            return storage.base + position
        }
    }

    /// A pointer to element `position`, to write in place as the subscript does. Valid until the
    /// array grows, is cleared or is copied.
    @inline(__always)
    mutating func elementPointer(_ position: Int) -> UnsafeMutablePointer<Element> {
        precondition(position >= 0 && position < count, "index out of range")
        assertUnique()
        return storage.base + position
    }

    /// Makes room for `extra` more elements, in storage of its own.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.capacity {
            grow(to: count + extra)
        } else {
            makeUnique()
        }
    }

    /// Moves the elements to storage of at least `needed` elements, doubling the capacity so that
    /// appending stays amortised O(1).
    private mutating func grow(to needed: Int) {
        replaceStorage(capacity: Swift.max(needed, storage.capacity * 2, 16))
    }

    private mutating func replaceStorage(capacity: Int) {
        let new = Storage(capacity: capacity)
        new.base.initialize(from: storage.base, count: count)
        storage = new
    }

    /// Makes room for `capacity` elements in all, in storage of its own.
    mutating func reserveCapacity(_ capacity: Int) {
        if capacity > storage.capacity {
            grow(to: capacity)
        } else {
            makeUnique()
        }
    }

    var capacity: Int { storage.capacity }

    /// The first element of storage of the array's own, to be written directly (up to `capacity`
    /// elements) and then counted with `setCount`. Valid until the array grows or is cleared.
    mutating func baseAddressForWriting() -> UnsafeMutablePointer<Element> {
        makeUnique()
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

    /// Element writes (the subscript, `elementPointer`) run in the resolver's inner loops, where a
    /// uniqueness check per write cost 17 % of its time; they are `mutating`, so nothing writes
    /// through a `let` copy, and they rely on the step's reset for storage of the array's own.
    /// Debug builds (the tests) check that here.
    @inline(__always)
    private mutating func assertUnique() {
        assert(isKnownUniquelyReferenced(&storage), "ScratchArray written while a copy shares its storage: reset it (removeAll, makeUnique) first")
    }

    /// Gives the array storage of its own, of the same capacity, if a copy shares it.
    @inline(__always)
    mutating func makeUnique() {
        if _slowPath(!isKnownUniquelyReferenced(&storage)) { replaceStorage(capacity: storage.capacity) }
    }

    /// Empties the array, keeping its storage when no copy shares it.
    mutating func removeAll() {
        count = 0
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(capacity: storage.capacity) }
    }
}
