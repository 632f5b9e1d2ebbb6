extension IndexBuilder {
    /// The postings grouped by key and ordered by (hash, entry, type), postings that tie keeping
    /// the order they were added in: a stable scatter into buckets by the top bits of the hash,
    /// then a stable sort of each small bucket.
    static func sortedByKey(_ postings: [PendingPosting]) -> [PendingPosting] {
        var bits = 1
        while bits < 20 && (1 << bits) * 4 < postings.count { bits += 1 }
        let shift = UInt64(64 - bits)
        var bucketStarts = [Int](repeating: 0, count: (1 << bits) + 1)
        for posting in postings { bucketStarts[Int(truncatingIfNeeded: posting.hash >> shift) + 1] += 1 }
        for k in 1..<bucketStarts.count { bucketStarts[k] += bucketStarts[k - 1] }
        var next = bucketStarts
        guard let anyPosting = postings.first else { return [] }
        var sorted = [PendingPosting](repeating: anyPosting, count: postings.count)
        for posting in postings {
            let bucket = Int(truncatingIfNeeded: posting.hash >> shift)
            sorted[next[bucket]] = posting
            next[bucket] += 1
        }
        @inline(__always) func before(_ a: PendingPosting, _ b: PendingPosting) -> Bool {
            if a.hash != b.hash { return a.hash < b.hash }
            if a.entry != b.entry { return a.entry < b.entry }
            return a.type.rawValue < b.type.rawValue
        }
        do {
            for bucket in 0..<(1 << bits) {
                let range = bucketStarts[bucket]..<bucketStarts[bucket + 1]
                if range.count < 2 { continue }
                if range.count <= 32 {
                    // Insertion sort, moving a posting only past ones strictly after it: stable.
                    for k in range.dropFirst() {
                        let posting = sorted[k]
                        var j = k
                        while j > range.lowerBound && before(posting, sorted[j - 1]) {
                            sorted[j] = sorted[j - 1]
                            j -= 1
                        }
                        sorted[j] = posting
                    }
                } else {
                    let ordered = range.sorted { a, b in
                        before(sorted[a], sorted[b]) || (!before(sorted[b], sorted[a]) && a < b)
                    }.map { sorted[$0] }
                    for (k, posting) in zip(range, ordered) { sorted[k] = posting }
                }
            }
        }
        return sorted
    }
}
