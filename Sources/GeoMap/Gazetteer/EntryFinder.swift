/// The entry with an id (the last one, should ids repeat): a binary search when the ids ascend,
/// as places.tsv is sorted by id, else a dictionary.
struct EntryFinder {
    private let ids: [Int64]
    private let byID: [Int64: Int32]?

    init(ids: [Int64]) {
        self.ids = ids
        if ids.indices.dropFirst().allSatisfy({ ids[$0 - 1] < ids[$0] }) {
            byID = nil
        } else {
            var byID: [Int64: Int32] = [:]
            for (entry, id) in ids.enumerated() { byID[id] = Int32(entry) }
            self.byID = byID
        }
    }

    subscript(id: Int64) -> Int32? {
        if let byID { return byID[id] }
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? Int32(low) : nil
    }
}

extension Int {
    /// The number of bits needed to hold `self` (at least 1, also for 0).
    var bitWidthCeiling: Int { Swift.max(1, Int.bitWidth - (Swift.max(1, self) - 1).leadingZeroBitCount) }
}
