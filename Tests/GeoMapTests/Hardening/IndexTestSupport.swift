import Foundation
import Testing
@testable import GeoMap

/// A private cache directory holding an index of a gazetteer (by default the mini one), with ways
/// to damage the index file in place and to open it the way every command does.
struct IndexFixture {
    let cache = TestSupport.temporaryDirectory()
    let files: GazetteerFiles

    init(files: GazetteerFiles = GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer")) {
        self.files = files
    }

    /// Opens the gazetteer through the cache; returns what `body` makes of it and the warnings.
    @discardableResult
    func open<T>(writable: Bool? = nil, _ body: (Gazetteer) throws -> T) throws -> (value: T, warnings: [String]) {
        var warnings: [String] = []
        let gazetteer = try IndexCache.open(files: files, directory: cache, writable: writable) { warnings.append($0) }
        return (try body(gazetteer), warnings)
    }

    /// The warnings of one open, answers dropped.
    func openWarnings(writable: Bool? = nil) throws -> [String] {
        try open(writable: writable) { _ in () }.warnings
    }

    var names: [String] { BadInput.contents(of: cache) }

    /// The one index file in the cache.
    var indexPath: String {
        get throws {
            let indexes = names.filter { $0.hasPrefix("index-") && $0.hasSuffix(".bin") }
            try #require(indexes.count == 1, "cache holds \(names)")
            return cache + "/" + indexes[0]
        }
    }

    func indexBytes() throws -> [UInt8] { try [UInt8](Data(contentsOf: URL(fileURLWithPath: indexPath))) }

    /// Writes `bytes` at `offset` of the index file in place (same inode, as `dd conv=notrunc` does).
    func overwrite(at offset: Int, with bytes: [UInt8]) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: try indexPath))
        try handle.seek(toOffset: UInt64(offset))
        try handle.write(contentsOf: Data(bytes))
        try handle.close()
    }

    func truncate(to length: Int) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: try indexPath))
        try handle.truncate(atOffset: UInt64(length))
        try handle.close()
    }

    /// Sets the index file's modification time back to `date` (as `cp -p` or `rsync -t` would).
    func setModificationDate(_ date: Date, of path: String) throws {
        try FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: path)
    }

    func remove() { try? FileManager.default.removeItem(atPath: cache) }

    /// What a gazetteer answers to lookups, suggestions, lexicon queries and one extraction:
    /// equal for two indexes of the same data.
    static func answers(_ gazetteer: Gazetteer) -> [String] {
        let lookup = PlaceLookup(gazetteer: gazetteer)
        var out: [String] = []
        for name in ["Luhansk", "Moscow", "Saint Petersburg", "Königsberg", "Ukrainians", "U.S.", "Kaliningradd", "Lugansk Oblast", "Atlantis", "Mosow"] {
            out.append(name + ": " + lookup.candidates(for: name).map { "\(gazetteer.id($0.entry))/\($0.match)" }.joined(separator: ","))
            out.append(name + " ~ " + lookup.suggestions(for: name).joined(separator: ","))
        }
        for word in ["Vladimir", "Police", "Reuters", "Texas Instruments", "Moscow"] {
            out.append(word + " lexicon \(gazetteer.lexiconFlags(forKeyHash: NameKey.of(word)!.hash).rawValue)")
        }
        var parser = Geoparser(gazetteer: gazetteer)
        for mention in parser.parse("Shelling near Luhansk and Moscow, Vladimir said in Saint Petersburg; Ukrainians in Kaliningrad.") {
            out.append("\(mention.start)-\(mention.end) \(mention.role) \(mention.entry.map { gazetteer.id($0) } ?? -1)")
        }
        return out
    }

    /// The answers of the mini gazetteer from an index built afresh.
    static let freshAnswers: [String] = answers(TestSupport.miniGazetteer)

    /// Index bytes with `edit` applied and the checksum made right again, so that only the checks
    /// of the structure can catch the edit.
    static func resealed(_ bytes: [UInt8], _ edit: (inout [UInt8]) -> Void) -> [UInt8] {
        var edited = bytes
        edit(&edited)
        let checksum = edited.withByteView { IndexChecksum.of($0) }
        withUnsafeBytes(of: checksum.littleEndian) { raw in
            for k in 0..<8 { edited[IndexLayout.Header.checksum + k] = raw[k] }
        }
        return edited
    }

    /// Opens index bytes held in memory and runs every check a first open of a cached file runs.
    static func openAndVerify(_ bytes: [UInt8], files: GazetteerFiles = GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer")) throws -> Gazetteer {
        let gazetteer = try Gazetteer(files: files, index: IndexStorage(bytes: bytes, description: "test index"))
        try gazetteer.verifyIndexContents()
        return gazetteer
    }
}

extension Array where Element == UInt8 {
    mutating func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        Swift.withUnsafeBytes(of: value.littleEndian) { raw in
            for k in 0..<raw.count { self[offset + k] = raw[k] }
        }
    }

    func read<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        loadLittleEndian(at: offset, as: T.self)
    }
}

/// Runs the `geomap` binary of this build (`BadInput.executable`) with the mini gazetteer and a
/// private cache, `environment` overriding (a nil value removes the variable).
func runGeomap(_ arguments: [String], environment overrides: [String: String?] = [:], stdin: Data = Data()) throws -> BadInput.Run {
    let executable = try #require(BadInput.executable, "the geomap binary is not beside the test bundle; build it first")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["GEOMAP_GAZETTEER"] = TestSupport.fixtures + "/MiniGazetteer"
    environment["GEOMAP_CACHE"] = BadInput.cacheDirectory
    for (name, value) in overrides { environment[name] = value }
    process.environment = environment
    let scratch = TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let outPath = scratch + "/stdout", errPath = scratch + "/stderr", inPath = scratch + "/stdin"
    for path in [outPath, errPath] { _ = FileManager.default.createFile(atPath: path, contents: nil) }
    _ = FileManager.default.createFile(atPath: inPath, contents: stdin)
    let out = try #require(FileHandle(forWritingAtPath: outPath)), err = try #require(FileHandle(forWritingAtPath: errPath))
    let input = try #require(FileHandle(forReadingAtPath: inPath))
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    process.waitUntilExit()
    try out.close(); try err.close(); try input.close()
    return BadInput.Run(status: process.terminationStatus,
                        stdout: String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self),
                        stderr: String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self))
}
