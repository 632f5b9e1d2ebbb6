import Foundation
import Testing
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, finding 8: one unreadable subdirectory aborted the whole run before any work, and
/// dangling links, link loops, FIFOs and over-long paths were skipped silently and not counted.
/// Each is now one warning in its place in the walk, counted, and the walk goes on.
///
/// The tests run as root here, and root reads a directory whatever its mode, so an unreadable
/// directory is made three ways: by an injected `opendir` failure (always), by `chmod 000` when not
/// root, and by running the binary as `nobody` through `setpriv` when root (skipped without it).
@Suite struct DirectoryWalkTests {
    /// A tree: a.txt, b/ (c.txt), d.txt.
    func tree() -> String {
        let directory = BadInput.directory()
        BadInput.write("Moscow", to: directory + "/a.txt")
        try? FileManager.default.createDirectory(atPath: directory + "/b", withIntermediateDirectories: true)
        BadInput.write("Luhansk", to: directory + "/b/c.txt")
        BadInput.write("Kyiv", to: directory + "/d.txt")
        return directory
    }

    @Test func anUnreadableSubdirectoryIsOneWarningAndTheWalkGoesOn() throws {
        let directory = tree()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var warnings: [String] = []
        let reader = try DocumentReader(inputs: [directory], format: .auto, warn: { warnings.append($0) }, openDirectory: { path in
            if path.hasSuffix("/b") { errno = EACCES; return nil }
            return opendir(path)
        })
        var sources: [String] = []
        while let document = try reader.next() { sources.append(document.source) }
        #expect(sources == [directory + "/a.txt", directory + "/d.txt"])
        #expect(warnings == ["\(directory)/b: skipped: unreadable directory (Permission denied)"])
        #expect(reader.skipped == 1)
    }

    @Test func anUnreadableDirectoryNamedOnTheCommandLineIsStillAnError() throws {
        let directory = tree()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: GeoMapError.io(path: directory, reason: "Permission denied")) {
            _ = try DocumentReader(inputs: [directory], format: .auto, warn: { _ in }, openDirectory: { _ in errno = EACCES; return nil })
        }
    }

    @Test(.enabled(if: getuid() != 0, "root reads a directory whatever its mode: see the injected and setpriv tests"))
    func aChmodZeroSubdirectoryIsSkippedWithAWarning() throws {
        let directory = tree()
        defer {
            chmod(directory + "/b", 0o755)
            try? FileManager.default.removeItem(atPath: directory)
        }
        chmod(directory + "/b", 0)
        let read = try BadInput.read([directory])
        #expect(read.documents.map(\.source) == [directory + "/a.txt", directory + "/d.txt"])
        #expect(read.warnings == ["\(directory)/b: skipped: unreadable directory (Permission denied)"])
        #expect(read.skipped == 1)
    }

    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: getuid() == 0 && setpriv != nil && BadInput.executable != nil,
                   "runs the geomap binary as nobody through setpriv, when root"))
    func anUnreadableSubdirectoryForNobodyIsSkippedByTheCommand() throws {
        let directory = tree()
        let cache = BadInput.directory()
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            try? FileManager.default.removeItem(atPath: cache)
        }
        chmod(directory, 0o755)
        chmod(directory + "/b", 0o700)  // root's own: nobody cannot read it
        chmod(cache, 0o777)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(DirectoryWalkTests.setpriv))
        process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", try #require(BadInput.executable), "extract", directory]
        var environment = ProcessInfo.processInfo.environment
        environment["GEOMAP_GAZETTEER"] = TestSupport.fixtures + "/MiniGazetteer"
        environment["GEOMAP_CACHE"] = cache
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = String(decoding: errData, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(process.terminationStatus == 1)
        #expect(String(decoding: outData, as: UTF8.self).split(separator: "\n").count == 2)
        #expect(stderr == ["geomap: warning: \(directory)/b: skipped: unreadable directory (Permission denied)",
                           "geomap: processed 2, skipped 1"])
    }

    @Test func danglingLinksLinkLoopsAndFIFOsAreWarnedAboutAndCounted() throws {
        let directory = tree()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = FileManager.default
        try files.createSymbolicLink(atPath: directory + "/e-dangling.txt", withDestinationPath: directory + "/nowhere.txt")
        try files.createSymbolicLink(atPath: directory + "/f-loop1", withDestinationPath: directory + "/f-loop2")
        try files.createSymbolicLink(atPath: directory + "/f-loop2", withDestinationPath: directory + "/f-loop1")
        #expect(mkfifo(directory + "/g.fifo", 0o644) == 0)
        try files.createSymbolicLink(atPath: directory + "/b/h-up", withDestinationPath: directory)
        try files.createSymbolicLink(atPath: directory + "/i-same-as-b", withDestinationPath: directory + "/b")
        BadInput.write("Moscow again", to: directory + "/j.txt")
        let read = try BadInput.read([directory])
        #expect(read.documents.map(\.source) == ["a.txt", "b/c.txt", "d.txt", "j.txt"].map { directory + "/" + $0 })
        #expect(read.warnings == [
            "\(directory)/b/h-up: skipped: symbolic link loop (leads back to \(directory))",
            "\(directory)/e-dangling.txt: skipped: dangling symbolic link",
            "\(directory)/f-loop1: skipped: symbolic link loop",
            "\(directory)/f-loop2: skipped: symbolic link loop",
            "\(directory)/g.fifo: skipped: not a regular file (FIFO)",
            "\(directory)/i-same-as-b: skipped: the same directory as \(directory)/b, read once",
        ])
        #expect(read.skipped == 6)
    }

    @Test func aPathLongerThanTheSystemAllowsIsSkippedWithAWarning() throws {
        let directory = tree()
        defer { removeTree(directory) }
        // Nested directories of 200-byte names, made relative to each other (no path is too long
        // for mkdirat), until the path passes PATH_MAX; a text file at the bottom.
        let name = String(repeating: "n", count: 200)
        var descriptor = open(directory, O_RDONLY | O_DIRECTORY)
        var depth = 0
        while (directory.utf8.count + (name.utf8.count + 1) * depth) <= Int(PATH_MAX) {
            #expect(mkdirat(descriptor, name, 0o755) == 0)
            let next = openat(descriptor, name, O_RDONLY | O_DIRECTORY)
            close(descriptor)
            descriptor = next
            depth += 1
        }
        let file = openat(descriptor, "deep.txt", O_WRONLY | O_CREAT, 0o644)
        _ = write(file, "Moscow", 6)
        close(file)
        close(descriptor)
        let read = try BadInput.read([directory])
        #expect(read.documents.map(\.source) == ["a.txt", "b/c.txt", "d.txt"].map { directory + "/" + $0 })
        #expect(read.skipped == 1)
        #expect(read.warnings.count == 1)
        #expect(read.warnings.first?.hasSuffix(": skipped: File name too long") == true)
        #expect(read.warnings.first?.hasPrefix(directory + "/" + name + "/") == true)
    }

    /// Removes a tree too deep for FileManager.
    func removeTree(_ directory: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", directory]
        try? process.run()
        process.waitUntilExit()
    }
}
