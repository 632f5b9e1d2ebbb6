import Foundation
import Testing
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Issue 7, output: written atomically, never over an existing file without --force, and an
/// unwritable directory or a full disk give a clear error and leave no partial file behind.
@Suite(.serialized) struct OutputFailureTests {
    let bytes = Array(repeating: Array("{\"id\":1,\"toponyms\":[]}\n".utf8), count: 20_000).flatMap { $0 }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.jsonl"
        BadInput.write("keep me", to: path)
        #expect(throws: GeoMapError.io(path: path, reason: "already exists (use --force to overwrite)")) {
            try writeAtomically(bytes, to: path, overwrite: false)
        }
        #expect(FileManager.default.contents(atPath: path) == Data("keep me".utf8))
        try writeAtomically(bytes, to: path, overwrite: true)
        #expect(FileManager.default.contents(atPath: path) == Data(bytes))
        #expect(BadInput.contents(of: directory) == ["out.jsonl"])
    }

    @Test func aFileInPlaceOfTheDirectoryIsAClearError() throws {
        // Works as root too (root ignores permission bits, not the file type).
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("a file", to: directory + "/notadir")
        let path = directory + "/notadir/out.jsonl"
        #expect(throws: GeoMapError.io(path: path, reason: "cannot write: Not a directory")) {
            _ = try OutputSink(path: path, overwrite: false)
        }
        #expect(BadInput.contents(of: directory) == ["notadir"])
    }

    @Test func anUnwritableDirectoryIsAClearError() throws {
        let directory = BadInput.directory()
        defer {
            if geteuid() == 0 { _ = umount(directory + "/ro") }
            chmod(directory + "/ro", 0o755)
            try? FileManager.default.removeItem(atPath: directory)
        }
        try FileManager.default.createDirectory(atPath: directory + "/ro", withIntermediateDirectories: true)
        if geteuid() == 0 {
            // Root writes through permission bits: a read-only tmpfs refuses it all the same.
            guard mount("tmpfs", directory + "/ro", "tmpfs", UInt(MS_RDONLY), "size=64k") == 0 else {
                print("skipped: running as root and cannot mount a read-only tmpfs (\(String(cString: strerror(errno))))")
                return
            }
        } else {
            chmod(directory + "/ro", 0o555)
        }
        let path = directory + "/ro/out.jsonl"
        let reason = geteuid() == 0 ? "cannot write: Read-only file system" : "cannot write: Permission denied"
        #expect(throws: GeoMapError.io(path: path, reason: reason)) {
            _ = try OutputSink(path: path, overwrite: false)
        }
        #expect(BadInput.contents(of: directory + "/ro").isEmpty)
    }

    @Test func aFullDeviceIsAClearError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else {
            print("skipped: no /dev/full")
            return
        }
        let sink = try OutputSink(path: "/dev/full", overwrite: false)
        #expect(throws: GeoMapError.io(path: "/dev/full", reason: "cannot write: No space left on device")) {
            for _ in 0..<4 { try sink.write(bytes) }
            try sink.finish()
        }
    }

    @Test func aFullDiskLeavesNoPartialFile() throws {
        guard geteuid() == 0 else {
            print("skipped: mounting a small tmpfs needs root")
            return
        }
        let directory = BadInput.directory()
        let disk = directory + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        defer {
            _ = umount(disk)
            try? FileManager.default.removeItem(atPath: directory)
        }
        guard mount("tmpfs", disk, "tmpfs", 0, "size=64k") == 0 else {
            print("skipped: cannot mount a tmpfs here (\(String(cString: strerror(errno))))")
            return
        }
        BadInput.write("old", to: disk + "/out.jsonl")
        let path = disk + "/out.jsonl"
        #expect(bytes.count > 64 * 1024)
        let sink = try OutputSink(path: path, overwrite: true)
        var failure: Error?
        do {
            try sink.write(bytes)
            try sink.finish()
        } catch { failure = error }
        let error = try #require(failure as? GeoMapError)
        #expect(error == .io(path: path, reason: "cannot write (nothing written): No space left on device"))
        // The old file is untouched and no temporary file is left.
        #expect(BadInput.contents(of: disk) == ["out.jsonl"])
        #expect(FileManager.default.contents(atPath: path) == Data("old".utf8))
    }

    @Test func anInterruptedRunLeavesNoTemporaryFile() throws {
        guard let executable = BadInput.executable else {
            print("skipped: the geomap binary is not beside the test bundle")
            return
        }
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["extract", "-", "-o", directory + "/out.jsonl"]
        var environment = ProcessInfo.processInfo.environment
        environment["GEOMAP_GAZETTEER"] = TestSupport.fixtures + "/MiniGazetteer"
        environment["GEOMAP_CACHE"] = BadInput.cacheDirectory
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data("Moscow ".utf8))
        // geomap waits for the rest of standard input with its temporary file open.
        var sawTemporary = false
        for _ in 0..<500 where !sawTemporary {
            sawTemporary = BadInput.contents(of: directory).contains { $0.hasPrefix(".geomap-tmp-") }
            usleep(10_000)
        }
        #expect(sawTemporary)
        process.terminate()
        var waited = 0
        while process.isRunning && waited < 500 {
            usleep(10_000)
            waited += 1
        }
        if process.isRunning {
            Issue.record("geomap did not stop on SIGTERM")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(BadInput.contents(of: directory).isEmpty)
        try? input.fileHandleForWriting.close()
    }

    @Test(.enabled(if: BadInput.executable != nil, "needs the geomap binary beside the test bundle")) func theCommandRefusesToOverwriteAndNamesTheFile() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("Moscow", to: directory + "/in.txt")
        BadInput.write("precious", to: directory + "/out.jsonl")
        let refused = try BadInput.geomap(["extract", directory + "/in.txt", "-o", directory + "/out.jsonl"])
        #expect(refused.status == 1)
        #expect(refused.stderrLines == ["geomap: \(directory)/out.jsonl: already exists (use --force to overwrite)"])
        #expect(FileManager.default.contents(atPath: directory + "/out.jsonl") == Data("precious".utf8))
        let forced = try BadInput.geomap(["extract", directory + "/in.txt", "-o", directory + "/out.jsonl", "--force"])
        #expect(forced.status == 0)
        #expect(String(decoding: FileManager.default.contents(atPath: directory + "/out.jsonl") ?? Data(), as: UTF8.self).contains("\"name\":\"Moscow\""))
        #expect(BadInput.contents(of: directory) == ["in.txt", "out.jsonl"])
        let full = try BadInput.geomap(["extract", directory + "/in.txt", "-o", "/dev/full"])
        #expect(full.status == 1)
        #expect(full.stderrLines == ["geomap: /dev/full: cannot write: No space left on device"])
    }
}
