#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an article's probability mass lies, by country and by admin-1 unit: each group's share
/// (the mass its candidates put on a unit) and the sum over all groups, recomputed every round.
///
/// Which slot a candidate adds its mass to is fixed for the document (a group's slots are its
/// units in order of first appearance), so a round only zeroes and refills numbers. The sums are
/// taken in the same order as a group-by-group pass would take them, so they are exact to the bit.
struct ContextMasses {
    /// Per country slot: the country-table index; per admin-1 slot: the unit's number.
    private var countryOfSlot = ScratchArray<Int>()
    private var unitOfSlot = ScratchArray<Int>()
    /// The group's own mass on the slot's unit, this round.
    private(set) var countryShare = ScratchArray<Double>()
    private(set) var admin1Share = ScratchArray<Double>()
    private var countryContextOfSlot = ScratchArray<Double>()
    private var admin1ContextOfSlot = ScratchArray<Double>()
    private var countryMass = ScratchArray<Double>(repeating: 0, count: IndexLayout.countryTableCount)
    private var admin1Mass = ScratchArray<Double>()
    private var units = EntryNumbers()
    /// Per country-table index and per unit number: the last group (counted over all documents)
    /// that has a slot for it, and that slot.
    private var countryGroup = ScratchArray<Int>(repeating: -1, count: IndexLayout.countryTableCount)
    private var countrySlotOfIndex = ScratchArray<Int32>(repeating: 0, count: IndexLayout.countryTableCount)
    private var unitGroup = ScratchArray<Int>()
    private var unitSlotOfUnit = ScratchArray<Int32>()
    private var groupsAssigned = 0

    mutating func removeAll() {
        countryOfSlot.removeAll()
        unitOfSlot.removeAll()
        countryShare.removeAll()
        admin1Share.removeAll()
        countryContextOfSlot.removeAll()
        admin1ContextOfSlot.removeAll()
        admin1Mass.removeAll()
        countryMass.makeUnique()
        countryGroup.makeUnique()
        countrySlotOfIndex.makeUnique()
        unitGroup.removeAll()
        unitSlotOfUnit.removeAll()
        units.removeAll()
    }

    /// Assigns the slots of one group's candidates (`range`), after those of the groups before it:
    /// a new slot for each country and unit the group has not had yet.
    mutating func assignSlots(_ candidates: inout ScratchArray<Candidate>, _ range: Range<Int>) {
        // At most one new slot and one new unit per candidate.
        countryOfSlot.reserveCapacity(countryOfSlot.count + range.count)
        unitOfSlot.reserveCapacity(unitOfSlot.count + range.count)
        unitGroup.reserveCapacity(unitGroup.count + range.count)
        unitSlotOfUnit.reserveCapacity(unitSlotOfUnit.count + range.count)
        let group = groupsAssigned
        groupsAssigned += 1
        for k in range {
            if let index = IndexLayout.countryIndex(candidates[k].country.packed) {
                if countryGroup[index] != group {
                    countryGroup[index] = group
                    countrySlotOfIndex[index] = Int32(countryOfSlot.count)
                    countryOfSlot.appendToOwnStorage(index)
                }
                candidates[k].countrySlot = countrySlotOfIndex[index]
            }
            let admin1 = candidates[k].admin1
            if admin1 >= 0 {
                let unit = units.number(of: admin1)
                if unit == unitGroup.count {
                    unitGroup.appendToOwnStorage(-1)
                    unitSlotOfUnit.appendToOwnStorage(0)
                }
                if unitGroup[unit] != group {
                    unitGroup[unit] = group
                    unitSlotOfUnit[unit] = Int32(unitOfSlot.count)
                    unitOfSlot.appendToOwnStorage(unit)
                }
                candidates[k].admin1Slot = unitSlotOfUnit[unit]
            }
        }
    }

    /// Starts a round: every share back to zero.
    mutating func beginRound() {
        countryShare.removeAll()
        countryShare.append(repeating: 0, count: countryOfSlot.count)
        admin1Share.removeAll()
        admin1Share.append(repeating: 0, count: unitOfSlot.count)
    }

    @inline(__always)
    mutating func add(_ mass: Double, countrySlot: Int32, admin1Slot: Int32) {
        if countrySlot >= 0 { countryShare[Int(countrySlot)] += mass }
        if admin1Slot >= 0 { admin1Share[Int(admin1Slot)] += mass }
    }

    /// Sums the groups' shares into the article's masses (group by group, each group's units in
    /// order), and takes every slot's context value: log(1 + the mass the other groups put on its unit).
    mutating func endRound() {
        for index in countryOfSlot { countryMass[index] = 0 }
        for (slot, index) in countryOfSlot.enumerated() { countryMass[index] += countryShare[slot] }
        admin1Mass.removeAll()
        admin1Mass.append(repeating: 0, count: units.count)
        for (slot, unit) in unitOfSlot.enumerated() { admin1Mass[unit] += admin1Share[slot] }
        // log1p(±0) is ±0: a unit no other group names needs no log. log(1 + x) is as good as
        // log1p for a context feature (masses are not tiny) and glibc's log is much faster.
        countryContextOfSlot.removeAll()
        countryContextOfSlot.reserveCapacity(countryOfSlot.count)
        for slot in countryOfSlot.indices {
            let mass = max(0, countryMass[countryOfSlot[slot]] - countryShare[slot])
            countryContextOfSlot.appendToOwnStorage(mass == 0 ? mass : log(1 + mass))
        }
        admin1ContextOfSlot.removeAll()
        admin1ContextOfSlot.reserveCapacity(unitOfSlot.count)
        for slot in unitOfSlot.indices {
            let mass = max(0, admin1Mass[unitOfSlot[slot]] - admin1Share[slot])
            admin1ContextOfSlot.appendToOwnStorage(mass == 0 ? mass : log(1 + mass))
        }
    }

    /// log(1 + the mass the other groups put on the slot's country); one value per group and country.
    @inline(__always)
    func countryContext(slot: Int32) -> Double { countryContextOfSlot[Int(slot)] }

    /// log(1 + the mass the other groups put on the slot's admin-1 unit).
    @inline(__always)
    func admin1Context(slot: Int32) -> Double { admin1ContextOfSlot[Int(slot)] }
}

/// Numbers the distinct entries of a document 0, 1, 2, … in order of first sight.
struct EntryNumbers {
    private var keys = ScratchArray<Int32>(repeating: -1, count: 64)
    private var values = ScratchArray<Int32>(repeating: 0, count: 64)
    private var used = ScratchArray<Int32>()

    var count: Int { used.count }

    /// Forgets every entry (in tables of its own: a copied resolver writes only its own).
    mutating func removeAll() {
        keys.makeUnique()
        values.makeUnique()
        for slot in used { keys[Int(slot)] = -1 }
        used.removeAll()
    }

    mutating func number(of entry: Int32) -> Int {
        if (used.count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = EntryNumbers.home(entry, mask: mask)
        while true {
            let key = keys[slot]
            if key == entry { return Int(values[slot]) }
            if key < 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = entry
        values[slot] = Int32(used.count)
        used.append(Int32(slot))
        return used.count - 1
    }

    private mutating func grow() {
        let entries = used.map { (keys[Int($0)], values[Int($0)]) }.sorted { $0.1 < $1.1 }
        keys = ScratchArray<Int32>(repeating: -1, count: keys.count * 2)
        values = ScratchArray<Int32>(repeating: 0, count: keys.count)
        used.removeAll()
        let mask = keys.count - 1
        for (entry, number) in entries {
            var slot = EntryNumbers.home(entry, mask: mask)
            while keys[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = entry
            values[slot] = number
            used.append(Int32(slot))
        }
    }

    @inline(__always)
    private static func home(_ entry: Int32, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(UInt32(bitPattern: entry)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
