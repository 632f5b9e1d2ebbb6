// libFuzzer target for the per-article directory names of `geojson` (issue 17, finding 2): the
// input's lines are the ids of one batch (raw bytes: any UTF-8, ill-formed or not); each name
// must be one non-empty safe path component — no `/`, not `.` or `..`, no leading dot, no NUL,
// control or C1 byte, valid UTF-8, at most `ArticleDirectoryNames.maxBytes` bytes, not ending in
// `.geojson`/`.qml` — and no two ids of the batch may get the same name (the same id twice
// included). The name of an id must not depend on the batch (its base is a function of the id).
// Built only by Scripts/fuzz (which passes -DGEOMAP_FUZZ and -sanitize=fuzzer,address); a plain
// `swift build` compiles the stub at the bottom instead.
#if GEOMAP_FUZZ
import FuzzSupport
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    fuzzCheck(condition, "FuzzDirectoryName", message())
}

private func checkSafe(_ name: String, id: ArraySlice<UInt8>) {
    let bytes = Array(name.utf8)
    let about = "id \(Array(id)) gave name \(bytes)"
    check(!bytes.isEmpty, "empty name: " + about)
    check(!bytes.contains(UInt8(ascii: "/")), "a slash: " + about)
    check(name != "." && name != ".." && bytes.first != UInt8(ascii: "."), "a dot name: " + about)
    check(!bytes.contains { $0 < 0x20 || $0 == 0x7F }, "a control byte: " + about)
    check(!name.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }, "a C1 control: " + about)
    check(bytes.withUnsafeBufferPointer { isValidUTF8($0) }, "not valid UTF-8: " + about)
    check(bytes.count <= ArticleDirectoryNames.maxBytes, "\(bytes.count) bytes: " + about)
    let lower = name.lowercased()
    check(!lower.hasSuffix(".geojson") && !lower.hasSuffix(".qml"), "a layer file name: " + about)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDirectoryNameOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: size > 0 ? data : nil, count: size))
    var names = ArticleDirectoryNames()
    var seen = Set<String>()
    for id in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        let name = names.name(forID: Array(id))
        checkSafe(name, id: id)
        check(seen.insert(name).inserted, "name \(Array(name.utf8)) given twice (id \(Array(id)))")
        let base = ArticleDirectoryNames.base(of: Array(id))
        checkSafe(base, id: id)
        check(name == base || name.hasPrefix(base + "-"), "name \(name) is not its base \(base) with a suffix")
    }
    return 0
}

@_cdecl("FuzzDirectoryName_main")
public func fuzzDirectoryNameMain(_ argc: Int32, _ argv: FuzzArguments) -> Int32 {
    return runLibFuzzer(argc, argv, fuzzDirectoryNameOneInput)
}
#else
@main
enum FuzzDirectoryNameStub {
    static func main() {
        print("FuzzDirectoryName is a libFuzzer target: build and run it with Scripts/fuzz directory-name")
    }
}
#endif
