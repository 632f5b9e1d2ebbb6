/// Finds the group of a mention by its name key, role and asked-for kind: an open-addressing table
/// of group indices, reused from one document to the next (no allocation once it has grown).
struct GroupTable {
    private var slots: [Int32] = [Int32](repeating: -1, count: 64)
    private var used: [Int] = []

    /// Forgets every group.
    mutating func removeAll() {
        for slot in used { slots[slot] = -1 }
        used.removeAll(keepingCapacity: true)
    }

    /// The group of `groups` with this key, role and preference, or nil.
    func find(_ key: UInt64, _ role: MentionRole, _ preference: AdminPreference, in groups: ScratchArray<Resolver.Group>) -> Int? {
        let mask = slots.count - 1
        var slot = GroupTable.home(key, role, preference, mask: mask)
        while true {
            let g = slots[slot]
            if g < 0 { return nil }
            let group = groups[Int(g)]
            if group.key == key && group.role == role && group.preference == preference { return Int(g) }
            slot = (slot + 1) & mask
        }
    }

    /// Adds group `g` (not yet in the table) of `groups`.
    mutating func insert(_ g: Int, in groups: ScratchArray<Resolver.Group>) {
        if (used.count + 1) * 2 > slots.count { grow(groups) }
        place(g, groups[g])
    }

    private mutating func place(_ g: Int, _ group: Resolver.Group) {
        let mask = slots.count - 1
        var slot = GroupTable.home(group.key, group.role, group.preference, mask: mask)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(g)
        used.append(slot)
    }

    private mutating func grow(_ groups: ScratchArray<Resolver.Group>) {
        let members = used.map { slots[$0] }
        slots = [Int32](repeating: -1, count: slots.count * 2)
        used.removeAll(keepingCapacity: true)
        for g in members { place(Int(g), groups[Int(g)]) }
    }

    @inline(__always)
    private static func home(_ key: UInt64, _ role: MentionRole, _ preference: AdminPreference, mask: Int) -> Int {
        let mixed = (key ^ UInt64(role.rawValue) << 8 ^ UInt64(preference.rawValue)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }
}
