/// The recognizer's feature rows: `width` floats per proposal in one `ScratchArray` that is reused
/// from one document to the next and written through a pointer (no closure, so no copy of the
/// recognizer per row). Taking a row to write gives a copied recognizer storage of its own.
struct FeatureRows: Sendable {
    private var values = ScratchArray<Float>()
    let width: Int

    init(width: Int) { self.width = width }

    var count: Int { values.count / width }

    /// Starts over with `rows` rows of zeros.
    mutating func reset(rows: Int) {
        values.removeAll()
        values.append(repeating: 0, count: rows * width)
    }

    /// Row `row`, to write; valid until the next `reset`.
    @inline(__always)
    mutating func row(_ row: Int) -> FeatureRow {
        precondition(row < count)
        return FeatureRow(values: values.elementPointer(row * width))
    }

    func values(ofRow row: Int) -> [Float] {
        precondition(row < count)
        return Array(values[row * width..<(row + 1) * width])
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
