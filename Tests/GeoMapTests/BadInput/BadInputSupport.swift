import Foundation
import Testing
@testable import GeoMap

/// Shared pieces of the bad-input tests: files in a temporary directory, the reader run to the
/// end, and the `geomap` binary of this build.
enum BadInput {
    /// A fresh directory for one test.
    static func directory() -> String { TestSupport.temporaryDirectory() }

    static func write(_ bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func write(_ text: String, to path: String) { write(Array(text.utf8), to: path) }

    /// Everything a reader yields (large documents gathered whole), its warnings and skip count.
    static func read(_ inputs: [String], format: InputFormat = .auto) throws -> (documents: [Document], warnings: [String], skipped: Int) {
        var warnings: [String] = []
        let reader = try DocumentReader(inputs: inputs, format: format) { warnings.append($0) }
        var documents: [Document] = []
        while let document = try reader.next() { documents.append(document) }
        return (documents, warnings, reader.skipped)
    }

    /// The text's Unicode scalars [start, end) as a string: what a Python reader slices.
    static func codePointSlice(_ text: [UInt8], _ start: Int, _ end: Int) -> String {
        let scalars = Array(String(decoding: text, as: UTF8.self).unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    /// Checks every mention's byte slice against its code-point slice of `text`.
    static func expectConsistentOffsets(_ mentions: [ExtractedMention], in text: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        for mention in mentions {
            let name = String(decoding: text[mention.byteStart..<mention.byteEnd], as: UTF8.self)
            #expect(name == codePointSlice(text, mention.start, mention.end), sourceLocation: sourceLocation)
        }
    }

    /// Runs extraction over `inputs` into a string, as `geomap extract` does.
    static func extract(_ inputs: [String], format: OutputFormat = .jsonl, jobs: Int = 1,
                        gazetteer: Gazetteer = TestSupport.miniGazetteer) throws -> (output: String, warnings: [String], skipped: Int, processed: Int) {
        let directory = directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var warnings: [String] = []
        let reader = try DocumentReader(inputs: inputs, format: .auto) { warnings.append($0) }
        let sink = try OutputSink(path: directory + "/out", overwrite: false)
        let extraction = BatchExtraction(gazetteer: gazetteer, jobs: jobs, roles: [.place, .demonym], format: format)
        let processed = try extraction.run(reader: reader, sink: sink)
        let output = try String(contentsOfFile: directory + "/out", encoding: .utf8)
        return (output, warnings, reader.skipped, processed)
    }

    /// The `geomap` executable built beside this test bundle, or nil (the CLI tests then skip).
    static let executable: String? = {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: Bundle.main.bundlePath))
        for directory in candidates {
            let path = directory.appendingPathComponent("geomap").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    /// Runs `geomap` with the mini gazetteer and a private index cache.
    static func geomap(_ arguments: [String], stdin: Data? = nil, in directory: String? = nil,
                       environment extra: [String: String] = [:]) throws -> Run {
        let executable = try #require(executable, "the geomap binary is not beside the test bundle; build it first (swift build)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GEOMAP_GAZETTEER"] = TestSupport.fixtures + "/MiniGazetteer"
        environment["GEOMAP_CACHE"] = cacheDirectory
        environment.merge(extra) { $1 }
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let errPath = TestSupport.temporaryDirectory() + "/stderr"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: errPath).deletingLastPathComponent().path) }
        let errHandle = try #require(FileHandle(forWritingAtPath: errPath))
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    static let cacheDirectory = TestSupport.temporaryDirectory()

    /// Names in a directory (hidden ones included).
    static func contents(of directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}
