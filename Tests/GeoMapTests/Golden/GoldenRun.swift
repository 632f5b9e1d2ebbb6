import Foundation
import Testing
@testable import GeoMap

/// Runs a golden case with the `geomap` binary of this build, the way Scripts/update-golden runs
/// it, and gathers what it produced as files named like those under expected/NAME/.
enum GoldenRun {
    static let timeoutSeconds = 120.0

    /// The binary beside the test bundle and the bundled gazetteer, or the golden tests skip.
    static let isPossible: Bool = {
        let gazetteer = TestSupport.repositoryRoot + "/Gazetteer"
        return BadInput.executable != nil
            && FileManager.default.fileExists(atPath: gazetteer + "/places.tsv")
            && FileManager.default.fileExists(atPath: gazetteer + "/shapes.wkb")
    }()

    /// A private index cache, filled once (by one `lookup`) before the first case runs. The index
    /// files already in the tests' own cache are linked in: building the index takes a debug binary
    /// a minute, and a link is only read (the index is checked against the gazetteer's hash, and a
    /// rebuild would replace the link, not write through it).
    static let cache: String = {
        let directory = TestSupport.temporaryDirectory()
        if let shared = sharedCacheDirectory(), let names = try? FileManager.default.contentsOfDirectory(atPath: shared) {
            for name in names where name.hasPrefix("index-") && name.hasSuffix(".bin") {
                try? FileManager.default.createSymbolicLink(atPath: directory + "/" + name, withDestinationPath: shared + "/" + name)
            }
        }
        if let executable = BadInput.executable {
            let warmUp = Process()
            warmUp.executableURL = URL(fileURLWithPath: executable)
            warmUp.arguments = ["lookup", "Kyiv"]
            warmUp.environment = environment(cache: directory)
            warmUp.standardOutput = FileHandle.nullDevice
            warmUp.standardError = FileHandle.nullDevice
            if (try? warmUp.run()) != nil { warmUp.waitUntilExit() }
        }
        // Removed when the test process ends (an index built here is tens of megabytes).
        atexit { try? FileManager.default.removeItem(atPath: GoldenRun.cache) }
        return directory
    }()

    /// Where `geomap` keeps its index when nothing is set: $GEOMAP_CACHE, $XDG_CACHE_HOME/geomap, ~/.cache/geomap.
    static func sharedCacheDirectory() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let cache = environment["GEOMAP_CACHE"], !cache.isEmpty { return cache }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/geomap" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/geomap" }
        return nil
    }

    /// The environment Scripts/update-golden gives `geomap` too.
    static func environment(cache: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GEOMAP_") }
        environment["GEOMAP_GAZETTEER"] = TestSupport.repositoryRoot + "/Gazetteer"
        environment["GEOMAP_CACHE"] = cache
        environment["LC_ALL"] = "C.UTF-8"
        environment["COLUMNS"] = "100"
        return environment
    }

    /// The case's outputs: `status`, `stdout` and `stderr` when not empty, `out/…` for written files.
    static func outputs(of goldenCase: GoldenCase) throws -> [String: Data] {
        let executable = try #require(BadInput.executable)
        let scratch = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let work = scratch + "/work"
        try FileManager.default.createDirectory(atPath: work + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: work + "/inputs", withDestinationPath: GoldenCase.inputs)
        _ = FileManager.default.createFile(atPath: scratch + "/stdout", contents: nil)
        _ = FileManager.default.createFile(atPath: scratch + "/stderr", contents: nil)
        let stdout = try #require(FileHandle(forWritingAtPath: scratch + "/stdout"))
        let stderr = try #require(FileHandle(forWritingAtPath: scratch + "/stderr"))
        let stdinPath = goldenCase.stdin.map { work + "/" + $0 } ?? "/dev/null"
        let stdin = try #require(FileHandle(forReadingAtPath: stdinPath), "case \(goldenCase.name): cannot read \(stdinPath)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = goldenCase.arguments
        process.environment = environment(cache: cache)
        process.currentDirectoryURL = URL(fileURLWithPath: work)
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            Issue.record("golden case \(goldenCase.name): geomap ran longer than \(Int(timeoutSeconds)) s and was stopped")
        }
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        try stdin.close()
        var status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal {
            Issue.record("golden case \(goldenCase.name): geomap died of signal \(status)")
            status = -status  // as Python's returncode, which Scripts/update-golden writes
        }

        var outputs: [String: Data] = ["status": Data("\(status)\n".utf8)]
        for stream in ["stdout", "stderr"] {
            let data = FileManager.default.contents(atPath: scratch + "/" + stream) ?? Data()
            if !data.isEmpty { outputs[stream] = data }
        }
        for (path, data) in try files(under: work + "/out") {
            if path.split(separator: "/").last.map(String.init) == CountryOutlines.fileName {
                outputs["out/" + path + ".digest"] = Data(digestLine(data).utf8)
            } else {
                outputs["out/" + path] = data
            }
        }
        return outputs
    }

    /// The country outlines beside every QGIS project (1.7 MB, the same in every case) are
    /// compared by `countries.geojson.digest`, their FNV-1a 64 hash and size, as
    /// Scripts/update-golden records them.

    static func digestLine(_ data: Data) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(value, radix: 16)
        return "fnv1a64 " + String(repeating: "0", count: 16 - hex.count) + hex + " \(data.count) bytes\n"
    }

    /// Every regular file under `directory` by its relative path (none if it does not exist).
    static func files(under directory: String) throws -> [String: Data] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return [:] }
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [:] }
        for case let path as String in enumerator {
            let full = directory + "/" + path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
        }
        return files
    }
}
