/// A small fixed set of 64-bit hashes: open addressing, filled once, looked up without hashing
/// the hash again (unlike `Set<UInt64>`, which runs SipHash on every lookup).
struct HashSet64: Sendable {
    private let slots: [UInt64]
    private let shift: UInt64
    private let hasZero: Bool

    init(_ values: [UInt64]) {
        var bits = 4
        while (1 << bits) < values.count * 2 { bits += 1 }
        var slots = [UInt64](repeating: 0, count: 1 << bits)
        for value in values where value != 0 {
            var slot = HashSet64.home(value, shift: UInt64(64 - bits))
            while slots[slot] != 0 && slots[slot] != value { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = value
        }
        self.slots = slots
        shift = UInt64(64 - bits)
        hasZero = values.contains(0)
    }

    @inline(__always)
    private static func home(_ value: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return hasZero }
        var slot = HashSet64.home(value, shift: shift)
        while true {
            let found = slots[slot]
            if found == value { return true }
            if found == 0 { return false }
            slot = (slot &+ 1) & (slots.count &- 1)
        }
    }
}
