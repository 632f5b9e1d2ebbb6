/// The envelope of a WKB geometry read straight from its bytes, without building values: for
/// building bounding-box tables over many gazetteer polygons cheaply. Anything other than plain
/// 2-D WKB (the gazetteer's own encoding) goes through `WKBReader` instead.
enum WKBEnvelope {
    static func of(_ bytes: ByteView) throws -> BoundingBox? {
        var scanner = Scanner(bytes: bytes)
        if let box = scanner.scanGeometry(depth: 0), scanner.offset == bytes.count, scanner.isPlain {
            return box.isEmpty ? nil : box.value
        }
        return try Geometry(wkb: bytes).boundingBox
    }

    /// An envelope under construction; empty until a first point.
    private struct Accumulator {
        var value = BoundingBox(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        var isEmpty: Bool { value.minX > value.maxX }

        mutating func add(x: Double, y: Double) {
            value.minX = min(value.minX, x)
            value.maxX = max(value.maxX, x)
            value.minY = min(value.minY, y)
            value.maxY = max(value.maxY, y)
        }

        mutating func add(_ other: Accumulator) {
            guard !other.isEmpty else { return }
            add(x: other.value.minX, y: other.value.minY)
            add(x: other.value.maxX, y: other.value.maxY)
        }
    }

    private struct Scanner {
        let bytes: ByteView
        var offset = 0
        /// False once anything but plain 2-D WKB was met.
        var isPlain = true

        init(bytes: ByteView) { self.bytes = bytes }

        mutating func scanGeometry(depth: Int) -> Accumulator? {
            guard depth < WKBReader.maximumNestingDepth, offset + 5 <= bytes.count else { return nil }
            let littleEndian: Bool
            switch bytes[offset] {
            case 1: littleEndian = true
            case 0: littleEndian = false
            default: return nil
            }
            offset += 1
            guard let type = readUInt32(littleEndian), (1...7).contains(type) else { isPlain = false; return nil }
            var box = Accumulator()
            switch type {
            case 1:
                guard let x = readDouble(littleEndian), let y = readDouble(littleEndian) else { return nil }
                // An empty point is written as NaN, NaN.
                if !x.isNaN && !y.isNaN { box.add(x: x, y: y) }
            case 2:
                guard scanPoints(littleEndian, into: &box) else { return nil }
            case 3:
                guard let rings = readUInt32(littleEndian), Int(rings) <= (bytes.count - offset) / 4 else { return nil }
                for _ in 0..<rings { guard scanPoints(littleEndian, into: &box) else { return nil } }
            default:
                guard let members = readUInt32(littleEndian), Int(members) <= (bytes.count - offset) / 5 else { return nil }
                for _ in 0..<members {
                    guard let member = scanGeometry(depth: depth + 1) else { return nil }
                    box.add(member)
                }
            }
            return box
        }

        private mutating func scanPoints(_ littleEndian: Bool, into box: inout Accumulator) -> Bool {
            guard let count = readUInt32(littleEndian), Int(count) <= (bytes.count - offset) / 16 else { return false }
            for _ in 0..<count {
                guard let x = readDouble(littleEndian), let y = readDouble(littleEndian) else { return false }
                box.add(x: x, y: y)
            }
            return true
        }

        private mutating func readUInt32(_ littleEndian: Bool) -> UInt32? {
            guard offset + 4 <= bytes.count else { return nil }
            let raw = bytes.load(at: offset, as: UInt32.self)
            offset += 4
            return littleEndian ? raw : raw.byteSwapped
        }

        private mutating func readDouble(_ littleEndian: Bool) -> Double? {
            guard offset + 8 <= bytes.count else { return nil }
            let raw = bytes.load(at: offset, as: UInt64.self)
            offset += 8
            return Double(bitPattern: littleEndian ? raw : raw.byteSwapped)
        }
    }
}
