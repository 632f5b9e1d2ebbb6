/// The recognizer's feature rows: `featureCount` floats per proposal in one buffer that is reused
/// from one document to the next and written through a pointer (no closure, so no copy of the
/// recognizer per row). Copy-on-write: a recognizer copied while holding rows gets its own buffer
/// the next time it writes, so copies on other threads only ever share rows that nobody writes.
struct FeatureRows: @unchecked Sendable {
    private final class Storage {
        let values: UnsafeMutablePointer<Float>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            values = .allocate(capacity: capacity)
        }

        deinit { values.deallocate() }
    }

    private var storage = Storage(capacity: 0)
    private(set) var count = 0
    let width: Int

    init(width: Int) { self.width = width }

    /// Starts over with `rows` rows of zeros.
    mutating func reset(rows: Int) {
        let needed = rows * width
        if !isKnownUniquelyReferenced(&storage) || storage.capacity < needed {
            storage = Storage(capacity: max(needed, storage.capacity, 64 * width))
        }
        storage.values.update(repeating: 0, count: needed)
        count = rows
    }

    /// Row `row`, to write; valid until the next `reset`.
    @inline(__always)
    func row(_ row: Int) -> FeatureRow {
        precondition(row < count)
        return FeatureRow(values: storage.values + row * width)
    }

    func values(ofRow row: Int) -> [Float] {
        precondition(row < count)
        return Array(UnsafeBufferPointer(start: storage.values + row * width, count: width))
    }
}

/// One proposal's feature values in the recognizer's rows, written in place.
struct FeatureRow {
    let values: UnsafeMutablePointer<Float>

    @inline(__always)
    subscript(_ feature: MentionFeature) -> Float {
        get { values[feature.rawValue] }
        nonmutating set { values[feature.rawValue] = newValue }
    }
}
