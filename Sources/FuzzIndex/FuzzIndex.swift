// libFuzzer target for the index opener (issue 17, finding 3): a small valid index of the mini
// gazetteer (Tests/GeoMapTests/Fixtures/MiniGazetteer), damaged by the fuzzer's bytes —
// overwrites, then maybe a truncation or an extension, then maybe a resealed checksum so that the
// structure checks alone must catch the damage — is opened and verified as a first open of a
// cached file is. It must be rejected with an `IndexDamage`, or answer lookups, suggestions, the
// lexicon and an extraction without crashing. Damage that is not resealed must always be
// rejected. With flag bit 3, the same bytes are then put at the index's place in a cache
// directory and opened through the cache: at most one warning, and a damaged file is rebuilt to
// the original bytes (a rebuild costs most of an iteration, so the fuzzer chooses when).
//
// Input: byte 0 holds flags (bit 0: reseal the checksum; bit 1: truncate; bit 2: extend; bit 3:
// through the cache), then
// records of [offset u32 little-endian][length u8][length bytes] are written over the index at
// offset modulo its size; with bit 1 or 2, the last 4 bytes of the input give the new length.
// Built only by Scripts/fuzz (which passes -DGEOMAP_FUZZ and -sanitize=fuzzer,address); a plain
// `swift build` compiles the stub at the bottom instead.
#if GEOMAP_FUZZ
import FuzzSupport
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var files = GazetteerFiles(directory: "")
nonisolated(unsafe) private var original: [UInt8] = []
nonisolated(unsafe) private var key: UInt64 = 0
nonisolated(unsafe) private var cacheDirectory = ""
nonisolated(unsafe) private var articlesPath = ""

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    fuzzCheck(condition, "FuzzIndex", message())
}

private func setUp() {
    let root = GazetteerFiles.parent(of: GazetteerFiles.parent(of: GazetteerFiles.parent(of: #filePath)))
    files = GazetteerFiles(directory: root + "/Tests/GeoMapTests/Fixtures/MiniGazetteer")
    var template = Array("/dev/shm/geomap-fuzz-index-XXXXXX".utf8CString)
    if template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) == nil {
        template = Array("/tmp/geomap-fuzz-index-XXXXXX".utf8CString)
        check(template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil, "cannot make a scratch directory")
    }
    let scratch = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    cacheDirectory = scratch + "/cache"
    articlesPath = scratch + "/articles.jsonl"
    do {
        key = try IndexCache.cacheKey(files, directory: scratch, recordMemo: false)
        original = try IndexBuilder.build(files: files, fingerprint: key, workers: 1)
        try writeAtomically(Array(("{\"id\":1,\"text\":\"Shelling near Luhansk and Moscow; Vladimir said Ukrainians left Saint Petersburg.\"}\n"
            + "{\"id\":2,\"text\":\"Reuters: Kaliningradd, Königsberg and the Lugansk Oblast.\"}\n").utf8), to: articlesPath)
    } catch {
        writeToStandardError("FuzzIndex: \(error)\n")
        exit(2)
    }
}

/// The original index with the input's damage.
private func damaged(_ input: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], resealed: Bool) {
    var bytes = original
    guard let flags = input.first else { return (bytes, false) }
    var k = 1
    let resize = flags & 0b110 != 0
    let end = resize && input.count >= 5 ? input.count - 4 : input.count
    while k + 5 <= end {
        let offset = Int(UInt32(input[k]) | UInt32(input[k + 1]) << 8 | UInt32(input[k + 2]) << 16 | UInt32(input[k + 3]) << 24)
        let length = Int(input[k + 4])
        k += 5
        for j in 0..<min(length, end - k) where !bytes.isEmpty {
            bytes[(offset + j) % bytes.count] = input[k + j]
        }
        k += length
    }
    if resize && input.count >= 5 {
        let tail = input.count - 4
        let value = Int(UInt32(input[tail]) | UInt32(input[tail + 1]) << 8 | UInt32(input[tail + 2]) << 16 | UInt32(input[tail + 3]) << 24)
        if flags & 0b10 != 0 {
            bytes.removeLast(bytes.count - value % (bytes.count + 1))
        } else {
            bytes += [UInt8](repeating: UInt8(truncatingIfNeeded: value), count: value % 4096)
        }
    }
    let reseal = flags & 1 != 0 && bytes.count >= IndexLayout.headerSize
    if reseal {
        let checksum = bytes.withUnsafeBytes { IndexChecksum.of($0) }
        withUnsafeBytes(of: checksum.littleEndian) { raw in
            for j in 0..<8 { bytes[IndexLayout.Header.checksum + j] = raw[j] }
        }
    }
    return (bytes, reseal)
}

/// Everything a command asks of a gazetteer, run for its side effects: it must not crash.
private func exercise(_ gazetteer: Gazetteer) {
    let lookup = PlaceLookup(gazetteer: gazetteer)
    for name in ["Luhansk", "Moscow", "Saint Petersburg", "Königsberg", "Ukrainians", "U.S.", "Kaliningradd", "Lugansk Oblast", "Mosow", "Qwxzzq"] {
        for candidate in lookup.candidates(for: name) {
            _ = gazetteer.allNames(candidate.entry)
            _ = EntryFields(candidate.entry, in: gazetteer)
        }
        _ = lookup.suggestions(for: name)
    }
    for word in ["Vladimir", "police", "Reuters", "Texas Instruments"] {
        _ = gazetteer.lexiconFlags(forKeyHash: NameKey.of(word)!.hash)
    }
    for entry in gazetteer.allEntries.prefix(64) {
        _ = gazetteer.shapeWKB(entry)
        _ = gazetteer.countryEntry(gazetteer.country(entry))
    }
    do {
        let reader = try DocumentReader(inputs: [articlesPath], format: .jsonl) { _ in }
        let sink = try OutputSink(path: cacheDirectory + "-out", overwrite: true)
        try BatchExtraction(gazetteer: gazetteer, jobs: 1, roles: [.place, .demonym], format: .jsonl).run(reader: reader, sink: sink)
    } catch {
        check(false, "extraction failed: \(error)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIndexOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let (bytes, resealed) = damaged(UnsafeBufferPointer(start: size > 0 ? data : nil, count: size))
    var rejected = false
    do {
        let gazetteer = try Gazetteer(files: files, index: IndexStorage(bytes: bytes, description: "fuzzed index"))
        try gazetteer.verifyIndexContents()
        exercise(gazetteer)
    } catch is IndexDamage {
        rejected = true
    } catch {
        check(false, "the opener threw \(error), not an IndexDamage")
    }
    check(rejected || bytes == original || resealed, "damage that was not resealed was accepted")

    // Through the cache, at the place the index of these files is looked for.
    guard size > 0, data![0] & 0b1000 != 0 else { return 0 }
    do {
        _ = IndexCache.prepare(cacheDirectory)
        let path = cacheDirectory + "/index-\(IndexCache.hex(key))-v\(IndexLayout.formatVersion).bin"
        try writeAtomically(bytes, to: path)
        var warnings: [String] = []
        let gazetteer = try IndexCache.open(files: files, directory: cacheDirectory) { warnings.append($0) }
        check(warnings.count <= 1, "\(warnings.count) warnings")
        if rejected { check(warnings.count == 1, "a rejected index was opened without a warning") }
        if !warnings.isEmpty {
            let rebuilt = try MappedFile(path: path)
            check(Array(rebuilt.bytes) == original, "the rebuilt index differs from the original")
        } else {
            exercise(gazetteer)
        }
    } catch {
        check(false, "opening through the cache failed: \(error)")
    }
    return 0
}

@_cdecl("FuzzIndex_main")
public func fuzzIndexMain(_ argc: Int32, _ argv: FuzzArguments) -> Int32 {
    setUp()
    return runLibFuzzer(argc, argv, fuzzIndexOneInput)
}
#else
@main
enum FuzzIndexStub {
    static func main() {
        print("FuzzIndex is a libFuzzer target: build and run it with Scripts/fuzz index")
    }
}
#endif
