/// For each group, a list of other groups (the groups that qualify it, say), in the order the
/// links were found and without repeats; stored flat and reused from one document to the next.
struct GroupLinks {
    private var from: [Int32] = []
    private var to: [Int32] = []
    private var start: [Int] = []
    private var items: [Int32] = []

    mutating func removeAll() {
        // Nothing was laid out without a link.
        guard !from.isEmpty else { return }
        from.removeAll(keepingCapacity: true)
        to.removeAll(keepingCapacity: true)
        start.removeAll(keepingCapacity: true)
        items.removeAll(keepingCapacity: true)
    }

    /// Links `group` to `other`; call `finish` after the last link.
    mutating func add(_ group: Int, _ other: Int) {
        from.append(Int32(group))
        to.append(Int32(other))
    }

    /// Lays the links out per group, each group's in the order they were added, repeats dropped.
    mutating func finish(groupCount: Int) {
        guard !from.isEmpty else { return }
        start.append(contentsOf: repeatElement(0, count: groupCount + 1))
        for group in from { start[Int(group) + 1] += 1 }
        for g in 0..<groupCount { start[g + 1] += start[g] }
        var next = Array(start[0..<groupCount])
        items.append(contentsOf: repeatElement(-1, count: from.count))
        for (group, other) in zip(from, to) {
            let g = Int(group)
            if items[start[g]..<next[g]].contains(other) { continue }
            items[next[g]] = other
            next[g] += 1
        }
        // Close the gaps the repeats left.
        var written = 0
        for g in 0..<groupCount {
            let end = next[g]
            let first = written
            for k in start[g]..<end {
                items[written] = items[k]
                written += 1
            }
            start[g] = first
        }
        start[groupCount] = written
        items.removeLast(items.count - written)
    }

    /// Indices into `self[_:]` of the groups linked from `group`.
    @inline(__always)
    func range(of group: Int) -> Range<Int> {
        start.isEmpty ? 0..<0 : start[group]..<start[group + 1]
    }

    @inline(__always)
    subscript(_ k: Int) -> Int { Int(items[k]) }
}
