import Foundation
import GeoMap
@testable import GeoMapServer
import Testing

/// Paths, the bundled gazetteer, the `geomap` binary of this build, and a server started in this
/// process on a free loopback port.
enum ServerTestSupport {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    static let repositoryRoot = URL(fileURLWithPath: testsDirectory).deletingLastPathComponent().deletingLastPathComponent().path
    static let gazetteerDirectory = repositoryRoot + "/Gazetteer"

    static let gazetteer: Gazetteer? = {
        let files = GazetteerFiles(directory: gazetteerDirectory)
        guard FileManager.default.fileExists(atPath: files.places) else { return nil }
        return try? Gazetteer.open(files)
    }()

    /// The `geomap` executable built beside the tests.
    static let executable: String? = {
        var candidates: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent())
        }
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        for directory in candidates {
            let path = directory.appendingPathComponent("geomap").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    static var canServe: Bool { gazetteer != nil }
    static var canCompare: Bool { gazetteer != nil && executable != nil }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "geomap-serve-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    struct Run {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    /// Runs the CLI with the bundled gazetteer, `input` (when given) on its standard input.
    static func geomap(_ arguments: [String], input: [UInt8]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable))
        process.arguments = arguments + ["--gazetteer", gazetteerDirectory]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            // From a thread of its own, so that a large input cannot block on a full pipe.
            Thread {
                stdin.fileHandleForWriting.write(Data(input))
                try? stdin.fileHandleForWriting.close()
            }.start()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: Array(stdout), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Writes documents as a JSON Lines file for the CLI.
    static func jsonLines(_ documents: [[String: Any]], in directory: String) throws -> String {
        let path = directory + "/documents.jsonl"
        var text = ""
        for document in documents {
            text += String(decoding: try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]), as: UTF8.self) + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func jsonBody(_ object: [String: Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }
}

/// A server in this process: started on a free port, stopped gracefully when the test is done
/// with it.
final class RunningServer: Sendable {
    let port: Int
    let client: HTTPTestClient
    let server: GeoMapServer
    private let task: Task<Void, any Error>

    private init(port: Int, server: GeoMapServer, task: Task<Void, any Error>) {
        self.port = port
        self.server = server
        self.task = task
        client = HTTPTestClient(port: port)
    }

    static func start(_ configure: (inout ServerConfiguration) -> Void = { _ in }, gazetteer: Gazetteer? = nil) async throws -> RunningServer {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.handlesSignals = false
        configuration.workers = 2
        configure(&configuration)
        let server = GeoMapServer(configuration: configuration, gazetteer: try #require(gazetteer ?? ServerTestSupport.gazetteer))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await server.run { continuation.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        #expect(port > 0)
        return RunningServer(port: port, server: server, task: task)
    }

    /// Stops the server gracefully and waits until it has returned.
    func stop() async throws {
        await server.shutDownGracefully()
        try await task.value
    }

    static func with<T>(_ configure: (inout ServerConfiguration) -> Void = { _ in }, gazetteer: Gazetteer? = nil,
                        _ body: (RunningServer) async throws -> T) async throws -> T {
        let server = try await start(configure, gazetteer: gazetteer)
        do {
            let result = try await body(server)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }
}
