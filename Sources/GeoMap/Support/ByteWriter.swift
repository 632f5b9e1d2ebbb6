/// Appends little-endian integers and floats to a byte buffer.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func append<T: FixedWidthInteger>(_ value: T) {
        forEachByte(ofLittleEndian: value) { bytes.append($0) }
    }

    mutating func append(_ value: Double) { append(value.bitPattern) }

    mutating func append(contentsOf other: some Sequence<UInt8>) { bytes.append(contentsOf: other) }

    mutating func pad(toMultipleOf alignment: Int) {
        while bytes.count % alignment != 0 { bytes.append(0) }
    }

    mutating func set<T: FixedWidthInteger & BitwiseCopyable>(_ value: T, at offset: Int) {
        bytes.storeLittleEndian(value, at: offset)
    }
}

/// Calls `body` with each byte of `value`, least significant first.
@inline(__always)
func forEachByte<T: FixedWidthInteger>(ofLittleEndian value: T, _ body: (UInt8) -> Void) {
    for k in 0..<MemoryLayout<T>.size { body(UInt8(truncatingIfNeeded: value >> (8 * k))) }
}

extension Array where Element == UInt8 {
    /// Stores `value` little-endian at byte `offset` (bounds checked; any alignment).
    @inline(__always)
    mutating func storeLittleEndian<T: FixedWidthInteger & BitwiseCopyable>(_ value: T, at offset: Int) {
        var span = mutableSpan
        var raw = span.mutableBytes
        raw.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
    }

    /// The little-endian integer at byte `offset` (bounds checked; any alignment).
    @inline(__always)
    func loadLittleEndian<T: FixedWidthInteger>(at offset: Int, as type: T.Type) -> T {
        withByteView { $0.load(at: offset, as: T.self) }
    }
}
