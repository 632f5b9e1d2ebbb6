/// The ids seen so far in a batch, for skipping records whose id was seen before, with where
/// each was first seen. Kept compact for runs over millions of records: an open-addressing table
/// of 64-bit hashes of the ids with the line each was first seen on — 12 bytes a slot (16 once a
/// second file is read), half to three quarters of the slots used — not the ids themselves. Two
/// different ids share a hash by chance with a probability of about 3e-8 among a million ids;
/// the later one is then taken for a duplicate.
struct SeenIDs {
    private var hashes: [UInt64] = []
    private var lines: [UInt32] = []
    /// Per slot, the file's index in `paths`; empty while every id came from the first file.
    private var pathIndices: [UInt32] = []
    private var paths: [String] = []
    private var currentPath = 0
    private var count = 0

    /// Records `id`, seen on `line` of `path`; returns where it was first seen if it was seen before.
    mutating func firstSighting(of id: ByteView, path: String, line: Int) -> (path: String, line: Int)? {
        let hash = SeenIDs.stored(NameHash.add(id, to: NameHash.seed))
        if (count + 1) * 4 > hashes.count * 3 { grow() }
        var slot = SeenIDs.home(hash, slotCount: hashes.count)
        while hashes[slot] != 0 {
            if hashes[slot] == hash {
                return (paths[pathIndices.isEmpty ? 0 : Int(pathIndices[slot])], Int(lines[slot]))
            }
            slot = slot + 1 == hashes.count ? 0 : slot + 1
        }
        if paths.isEmpty || paths[currentPath] != path {
            currentPath = paths.firstIndex(of: path) ?? paths.count
            if currentPath == paths.count { paths.append(path) }
            if currentPath > 0 && pathIndices.isEmpty { pathIndices = [UInt32](repeating: 0, count: hashes.count) }
        }
        hashes[slot] = hash
        lines[slot] = UInt32(clamping: line)
        if !pathIndices.isEmpty { pathIndices[slot] = UInt32(currentPath) }
        count += 1
        return nil
    }

    /// Half again as many slots (not twice: the table is most of the memory a long run keeps).
    private mutating func grow() {
        let old = (hashes, lines, pathIndices)
        let slotCount = max(1024, hashes.count + hashes.count / 2)
        hashes = [UInt64](repeating: 0, count: slotCount)
        lines = [UInt32](repeating: 0, count: slotCount)
        pathIndices = old.2.isEmpty ? [] : [UInt32](repeating: 0, count: slotCount)
        for k in old.0.indices where old.0[k] != 0 {
            var slot = SeenIDs.home(old.0[k], slotCount: slotCount)
            while hashes[slot] != 0 { slot = slot + 1 == slotCount ? 0 : slot + 1 }
            hashes[slot] = old.0[k]
            lines[slot] = old.1[k]
            if !pathIndices.isEmpty { pathIndices[slot] = old.2[k] }
        }
    }

    @inline(__always)
    private static func home(_ hash: UInt64, slotCount: Int) -> Int {
        Int(truncatingIfNeeded: (((hash &* 0x9E37_79B9_7F4A_7C15) >> 32) &* UInt64(slotCount)) >> 32)
    }

    /// 0 marks an empty slot.
    @inline(__always)
    private static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }
}
