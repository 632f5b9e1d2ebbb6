/// The checksum of a derived index: a 64-bit hash of every byte of the file, its own header field
/// read as zero. Four independent lanes over 64-bit words (the round and the final mix of xxHash64),
/// so the multiplies overlap and the tens of megabytes of an index hash at memory speed.
enum IndexChecksum {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The checksum of the index in `bytes` (at least a header long).
    static func of(_ bytes: ByteView) -> UInt64 {
        precondition(bytes.count >= IndexLayout.headerSize)
        var lanes = Lanes()
        var header = Array(bytes[0..<IndexLayout.headerSize])
        header.storeLittleEndian(UInt64(0), at: IndexLayout.Header.checksum)
        header.withByteView { lanes.absorbStripes($0) }
        let body = bytes.extracting(from: IndexLayout.headerSize)
        let tail = lanes.absorbStripes(body)
        return lanes.finish(tail: body.extracting(from: tail), length: bytes.count)
    }

    private struct Lanes {
        var a = p1 &+ p2, b = p2, c: UInt64 = 0, d = 0 &- p1

        @inline(__always)
        static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let mixed = lane &+ word &* p2
            return ((mixed << 31) | (mixed >> 33)) &* p1
        }

        /// Absorbs every whole 32-byte stripe; returns where the rest starts.
        @discardableResult
        mutating func absorbStripes(_ base: ByteView) -> Int {
            let end = base.count & ~31
            var a = self.a, b = self.b, c = self.c, d = self.d
            var k = 0
            while k < end {
                a = Lanes.round(a, base.load(at: k, as: UInt64.self))
                b = Lanes.round(b, base.load(at: k &+ 8, as: UInt64.self))
                c = Lanes.round(c, base.load(at: k &+ 16, as: UInt64.self))
                d = Lanes.round(d, base.load(at: k &+ 24, as: UInt64.self))
                k &+= 32
            }
            self.a = a; self.b = b; self.c = c; self.d = d
            return end
        }

        func finish(tail: ByteView, length: Int) -> UInt64 {
            func rotate(_ value: UInt64, _ by: UInt64) -> UInt64 { (value << by) | (value >> (64 - by)) }
            func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 { (hash ^ Lanes.round(0, lane)) &* p1 &+ p4 }
            var hash = rotate(a, 1) &+ rotate(b, 7) &+ rotate(c, 12) &+ rotate(d, 18)
            hash = merge(merge(merge(merge(hash, a), b), c), d)
            hash &+= UInt64(length)
            var k = 0
            while k + 8 <= tail.count {
                hash ^= Lanes.round(0, tail.load(at: k, as: UInt64.self))
                hash = rotate(hash, 27) &* p1 &+ p4
                k += 8
            }
            while k < tail.count {
                hash ^= UInt64(tail[k]) &* p5
                hash = rotate(hash, 11) &* p1
                k += 1
            }
            hash ^= hash >> 33
            hash &*= p2
            hash ^= hash >> 29
            hash &*= p3
            return hash ^ (hash >> 32)
        }
    }
}
