import Foundation
import Testing
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, finding 7, end to end: `geomap geojson` stopped by SIGINT at several moments, and a
/// `--force` rerun stopped likewise over what the first left. Nothing hidden may remain, and every
/// article directory that exists must hold its whole set of layers, each a complete collection.
@Suite(.serialized, .enabled(if: BadInput.executable != nil, "needs the geomap binary beside the test bundle"))
struct OutputSignalTests {
    static let articles = 3000

    @Test func anInterruptedRunLeavesWholeArticlesAndNoTemporaryFiles() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = try OutputHardening.jsonl((0..<Self.articles).map { ("story-\($0)", OutputHardening.text($0)) },
                                              at: directory + "/in.jsonl")
        let output = directory + "/out"
        var landedMidRun = false
        for delay in [0.2, 0.5, 1.0, 2.0] {
            for force in [false, true] {
                if !force { try? FileManager.default.removeItem(atPath: output) }
                let status = try Self.interrupt(["geojson", "--mentions", "-o", output, input] + (force ? ["--force"] : []), after: delay)
                let context = "stopped after \(delay) s\(force ? ", --force rerun" : "")"
                #expect(status != 0 || Self.articleDirectories(output).count == Self.articles, "\(context): exit 0 with a partial output")
                let tree = OutputHardening.tree(output)
                #expect(!tree.contains { $0.split(separator: "/").contains { $0.hasPrefix(TemporaryFiles.prefix) } },
                        "\(context): temporary files left: \(tree.filter { $0.contains(TemporaryFiles.prefix) }.prefix(3))")
                let written = Self.articleDirectories(output)
                if written.count > 0 && written.count < Self.articles { landedMidRun = true }
                for name in written {
                    let files = BadInput.contents(of: output + "/" + name)
                    #expect(files == ["map.qgs", "mentions.geojson", "mentions.qml", "places.geojson", "places.qml"], "\(context): \(name) holds \(files)")
                    for file in files where file.hasSuffix(".geojson") {
                        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/" + name + "/" + file))
                        let collection = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
                        #expect(collection?["type"] as? String == "FeatureCollection", "\(context): \(name)/\(file) is not a whole collection")
                    }
                }
            }
        }
        #expect(landedMidRun, "no interrupt came while articles were being written; the input is too small for this machine")
    }

    static func articleDirectories(_ output: String) -> [String] {
        BadInput.contents(of: output).filter { !$0.hasPrefix(".") && $0 != CountryOutlines.fileName && $0 != CountryOutlines.styleFileName }
    }

    /// Runs `geomap` with the mini gazetteer, sends SIGINT after `delay` seconds and returns the
    /// exit status (killed and recorded as an issue if it has not stopped 30 s later).
    static func interrupt(_ arguments: [String], after delay: Double) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(BadInput.executable))
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GEOMAP_GAZETTEER"] = TestSupport.fixtures + "/MiniGazetteer"
        environment["GEOMAP_CACHE"] = BadInput.cacheDirectory
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            Issue.record("geomap \(arguments.joined(separator: " ")) did not stop within 30 s of SIGINT")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }
}
