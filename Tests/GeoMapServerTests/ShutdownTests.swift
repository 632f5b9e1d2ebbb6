import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `geomap serve` as users run it: SIGTERM and SIGINT stop it accepting, let the requests in
/// flight finish, and it exits 0 within a few seconds; `--log-requests` writes a line per request.
@Suite("serve: the command and graceful shutdown", .serialized, .enabled(if: ServerTestSupport.canCompare, "needs the bundled gazetteer and the geomap binary"))
struct ShutdownTests {
    /// A `geomap serve --port 0` process and the port it printed.
    final class ServeProcess: @unchecked Sendable {
        let process = Process()
        let errors = Pipe()
        private(set) var port = 0
        private var stderrText = ""

        init(_ arguments: [String]) throws {
            process.executableURL = URL(fileURLWithPath: try #require(ServerTestSupport.executable))
            process.arguments = ["serve", "--port", "0", "--gazetteer", ServerTestSupport.gazetteerDirectory] + arguments
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // The first line says where it listens.
            let handle = errors.fileHandleForReading
            var line: [UInt8] = []
            while !line.contains(0x0A) {
                let data = handle.availableData
                if data.isEmpty { break }
                line += data
            }
            stderrText = String(decoding: line, as: UTF8.self)
            let announced = try #require(stderrText.split(separator: "\n").first, "no start line: \(stderrText)")
            let address = try #require(announced.split(separator: " ").first { $0.hasPrefix("http://") }, "\(announced)")
            port = try #require(Int(address.split(separator: ":").last!.filter(\.isNumber)))
        }

        /// Sends `signal`, waits (on a thread of its own) for the exit, and returns the status, the
        /// seconds it took and the rest of standard error.
        func stop(with signal: Int32) async -> (status: Int32, seconds: Double, stderr: String) {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: self.stopNow(with: signal)) }.start()
            }
        }

        /// Waits for an exit that a signal sent elsewhere causes.
        func waitForExit() async -> (status: Int32, seconds: Double, stderr: String) {
            await withCheckedContinuation { continuation in
                Thread { continuation.resume(returning: self.stopNow(with: 0)) }.start()
            }
        }

        func stopNow(with signal: Int32) -> (status: Int32, seconds: Double, stderr: String) {
            let started = Date()
            if signal != 0 { kill(process.processIdentifier, signal) }
            let rest = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, Date().timeIntervalSince(started), stderrText + String(decoding: rest, as: UTF8.self))
        }
    }

    @Test("SIGTERM and SIGINT: the request in flight is answered, then exit 0 within a few seconds; new connections are refused", arguments: [SIGTERM, SIGINT])
    func gracefulShutdown(signal: Int32) async throws {
        let server = try ServeProcess(["--log-requests", "--workers", "1"])
        let client = HTTPTestClient(port: server.port)
        #expect(try await client.get("/healthz").status == 200)
        // A request whose body arrives over a second, so it is surely in flight when the signal comes.
        let body = try ServerTestSupport.jsonBody(["documents": ExtractRouteTests.documents])
        let head = Array("POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8) + body[..<10]
        let connection = try client.open()
        connection.send(head)
        // On a thread of its own, so the timing holds however busy Swift's pool is: the signal
        // 1.5 s after the head, the rest of the body a second after the signal. (At 0.3 s a loaded
        // machine — the rest of the suite in parallel — sometimes signalled before the server had
        // read the head: the connection was still idle, so shutdown closed it unanswered.)
        let rest = Array(body[10...])
        let pid = server.process.processIdentifier
        Thread {
            Thread.sleep(forTimeInterval: 1.5)
            kill(pid, signal)
            Thread.sleep(forTimeInterval: 1.0)
            connection.send(rest)
        }.start()
        let answered = try await connection.response()
        let stopped = await server.waitForExit()
        #expect(answered.status == 200, "\(answered.text.prefix(200))")
        #expect((try answered.json() as? [Any])?.count == ExtractRouteTests.documents.count)
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.seconds < 8)
        #expect(throws: (any Error).self) { try HTTPTestClient.connect(port: server.port) }
        // One line per request: method, path, status, milliseconds.
        let lines = stopped.stderr.split(separator: "\n").filter { $0.hasPrefix("GET ") || $0.hasPrefix("POST ") }
        #expect(lines.count == 2, "\(stopped.stderr)")
        #expect(lines.first?.hasPrefix("GET /healthz 200 ") == true)
        #expect(lines.last?.hasPrefix("POST /v1/extract 200 ") == true)
        #expect(lines.allSatisfy { $0.hasSuffix("ms") })
    }

    @Test("bad options are a usage error naming the option")
    func badOptions() throws {
        for (arguments, fragment) in [(["--max-body", "lots"], "--max-body"), (["--port", "70000"], "--port"), (["--max-inflight", "0"], "--max-inflight")] {
            let run = try ServerTestSupport.geomap(["serve"] + arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stderr.contains(fragment), "\(run.stderr)")
        }
    }

    @Test("a port already taken is a one-line error and exit 1")
    func portTaken() async throws {
        let server = try ServeProcess([])
        defer { _ = server.stopNow(with: SIGTERM) }
        let run = try ServerTestSupport.geomap(["serve", "--port", String(server.port)])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("geomap: "), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }
}
