import Testing
@testable import GeoMap

/// Copies of a `ScratchArray` share storage until one writes; a write never reaches another copy,
/// and un-sharing keeps the capacity (it used to double it, so a parser copied and reused again
/// and again asked for twice the memory each time: 40 GiB after 17 rounds).
@Suite struct ScratchArrayTests {
    @Test func aCopyThatIsResetWritesStorageOfItsOwn() {
        var original = ScratchArray<Int>()
        for k in 0..<100 { original.append(k) }
        var copy = original
        copy.makeUnique()
        copy[5] = -1
        copy.elementPointer(6).pointee = -2
        var other = original
        other.baseAddressForWriting()[7] = -3
        var appended = original
        appended.append(100)
        appended[8] = -4
        #expect(original[5] == 5 && original[6] == 6 && original[7] == 7 && original[8] == 8)
        #expect(copy[5] == -1 && copy[6] == -2 && other[7] == -3 && appended[8] == -4)
    }

    /// The misuse the per-document reset guards against traps in a debug build (the tests).
    @Test func aWriteIntoSharedStorageTrapsInADebugBuild() async {
        await #expect(processExitsWith: .failure) {
            var original = ScratchArray<Int>(repeating: 0, count: 8)
            var copy = original
            copy[0] = 1
            original[1] = 2
        }
    }

    @Test func unSharingKeepsTheCapacity() {
        var original = ScratchArray<Double>(repeating: 0, count: 4096)
        let capacity = original.capacity
        var copies: [ScratchArray<Double>] = []
        for round in 0..<40 {
            var copy = original
            copy.makeUnique()
            copy[round] = Double(round)
            copies.append(copy)
            original = copy
            #expect(original.capacity == capacity, "round \(round): capacity \(original.capacity), was \(capacity)")
            if original.capacity != capacity { break }
        }
        var cleared = copies[0]
        cleared.removeAll()
        #expect(cleared.capacity == capacity)
        #expect(copies[0].count == 4096)
    }

    @Test func appendingStillGrowsGeometrically() {
        var array = ScratchArray<UInt8>()
        var reallocations = 0, capacity = array.capacity
        for k in 0..<100_000 {
            array.append(UInt8(truncatingIfNeeded: k))
            if array.capacity != capacity { reallocations += 1; capacity = array.capacity }
        }
        #expect(reallocations <= 14)
        #expect(array.count == 100_000 && array[99_999] == UInt8(truncatingIfNeeded: 99_999))
    }

    /// The pool a server keeps: copy a parser, parse, keep the copy, parse again with the copy.
    /// Every copy must hold the same scratch memory as the first, however many rounds.
    @Test func aParserCopiedAndReusedManyTimesKeepsItsMemoryFlat() {
        let text = "Russian forces shelled Severodonetsk and Lysychansk in the Luhansk region, "
            + "while talks in Kyiv, Moscow and Minsk went on. Kaliningrad and the Suwalki Gap were quiet."
        var parser = Geoparser(gazetteer: TestSupport.miniGazetteer)
        let expected = parser.parse(text).map(Self.summary)
        let firstBytes = ScratchMemory.bytes(of: parser)
        var kept: [Geoparser] = []
        for round in 0..<60 {
            var copy = parser
            #expect(copy.parse(text).map(Self.summary) == expected)
            kept.append(copy)
            parser = copy
            let bytes = ScratchMemory.bytes(of: copy)
            #expect(bytes == firstBytes, "round \(round): \(bytes) scratch bytes, the first parser held \(firstBytes)")
            if bytes != firstBytes { break }
        }
        #expect(firstBytes > 0 && !expected.isEmpty)
    }

    private static func summary(_ mention: ExtractedMention) -> String {
        "\(mention.byteStart)-\(mention.byteEnd) \(mention.entry.map(String.init) ?? "-") \(mention.resolutionProbability)"
    }
}

/// The bytes of scratch storage a value holds: its `ScratchArray`s found by reflection, however
/// deep, so the count needs no upkeep when a pipeline step gains a buffer.
enum ScratchMemory {
    static func bytes(of value: Any) -> Int {
        if let array = value as? any ScratchStorageMeasurable { return array.storageBytes }
        // Plain arrays and strings hold no scratch storage here; their elements need no walk.
        if value is any Collection { return 0 }
        return Mirror(reflecting: value).children.reduce(0) { $0 + bytes(of: $1.value) }
    }
}

protocol ScratchStorageMeasurable { var storageBytes: Int { get } }

extension ScratchArray: ScratchStorageMeasurable {
    var storageBytes: Int { capacity * MemoryLayout<Element>.stride }
}
