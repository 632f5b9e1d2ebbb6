import Foundation
import Testing
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, finding 12: messages about the output that say what really went wrong, and say it
/// before the work is done.
@Suite(.serialized) struct OutputMessageTests {
    /// Whether a read-only directory can be made: root writes through permission bits, so as
    /// root it takes a read-only tmpfs (the test is skipped where mounting is not allowed).
    static let canMakeReadOnlyDirectory: Bool = {
        guard geteuid() == 0 else { return true }
        let probe = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard mount("tmpfs", probe, "tmpfs", UInt(MS_RDONLY), "size=64k") == 0 else { return false }
        umount(probe)
        return true
    }()

    /// Runs `body` with a directory nothing can be written into, and the reason the system gives.
    static func withReadOnlyDirectory(_ body: (String, String) throws -> Void) throws {
        let directory = BadInput.directory()
        let readOnly = directory + "/ro"
        try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
        defer {
            if geteuid() == 0 { umount(readOnly) } else { chmod(readOnly, 0o755) }
            try? FileManager.default.removeItem(atPath: directory)
        }
        if geteuid() == 0 {
            try #require(mount("tmpfs", readOnly, "tmpfs", UInt(MS_RDONLY), "size=64k") == 0)
        } else {
            chmod(readOnly, 0o555)
        }
        try body(readOnly, geteuid() == 0 ? "Read-only file system" : "Permission denied")
    }

    @Test(.enabled(if: canMakeReadOnlyDirectory, "running as root and cannot mount a read-only tmpfs"),
          arguments: [false, true])
    func anUnwritableOutputDirectoryIsReportedAsSuchBeforeAnyWork(merge: Bool) throws {
        try Self.withReadOnlyDirectory { readOnly, reason in
            let input = try OutputHardening.jsonl([("a", OutputHardening.text(0))], at: NSTemporaryDirectory() + "geomap-test-\(UUID().uuidString).jsonl")
            defer { try? FileManager.default.removeItem(atPath: input) }
            var done = 0
            #expect(throws: GeoMapError.io(path: readOnly + "/new", reason: "cannot create the directory: " + reason)) {
                try OutputHardening.export([input], into: readOnly + "/new", merge: merge) { done = $0 }
            }
            #expect(throws: GeoMapError.io(path: readOnly + "/new", reason: "cannot create the directory: " + reason)) {
                try OutputHardening.export([input], into: readOnly + "/new/deeper", merge: merge) { done = $0 }
            }
            #expect(throws: GeoMapError.io(path: readOnly, reason: "cannot write into the directory: " + reason)) {
                try OutputHardening.export([input], into: readOnly, merge: merge) { done = $0 }
            }
            #expect(done == 0, "articles were geoparsed before the output was checked")
        }
    }

    @Test func mergeRefusesExistingLayersBeforeTheBatch() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = try OutputHardening.jsonl((0..<20).map { ("a\($0)", OutputHardening.text($0)) }, at: directory + "/in.jsonl")
        try FileManager.default.createDirectory(atPath: directory + "/out", withIntermediateDirectories: true)
        BadInput.write("keep", to: directory + "/out/places.geojson")
        var done = 0
        #expect(throws: GeoMapError.io(path: directory + "/out/places.geojson", reason: "already exists (use --force to overwrite)")) {
            try OutputHardening.export([input], into: directory + "/out", merge: true) { done = $0 }
        }
        #expect(done == 0)
        #expect(BadInput.contents(of: directory + "/out") == ["places.geojson"])
        #expect(FileManager.default.contents(atPath: directory + "/out/places.geojson") == Data("keep".utf8))
        let summary = try OutputHardening.export([input], into: directory + "/out", merge: true, force: true)
        #expect(summary.articles == 20 && summary.files.count == 5)
        #expect(BadInput.contents(of: directory + "/out") == ["countries.geojson", "countries.qml", "map.qgs", "mentions.geojson", "mentions.qml",
                                                              "places.geojson", "places.qml"])
    }

    @Test func anOutputPathThatIsAFileIsSaidSo() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("x", to: directory + "/file")
        let input = try OutputHardening.jsonl([("a", OutputHardening.text(0))], at: directory + "/in.jsonl")
        #expect(throws: GeoMapError.io(path: directory + "/file", reason: "exists and is not a directory")) {
            try OutputHardening.export([input], into: directory + "/file")
        }
        #expect(throws: GeoMapError.io(path: directory + "/file", reason: "exists and is not a directory")) {
            try OutputHardening.export([input], into: directory + "/file/sub")
        }
    }

    @Test(.enabled(if: BadInput.executable != nil, "needs the geomap binary beside the tests (swift build)"))
    func kmZeroIsRefusedByAMessageThatSaysWhy() throws {
        for km in ["0", "0.0", "20101", "nan", "inf"] {
            let run = try BadInput.geomap(["near", "Moscow", "--km", km])
            #expect(run.status == 64, "\(km): \(run.stderr)")
            #expect(run.stderr.contains("--km must be more than 0 and at most 20100 (kilometres)"), "\(km): \(run.stderr)")
            #expect(!run.stderr.contains("between 0 and"))
        }
        #expect(try BadInput.geomap(["near", "Moscow", "--km", "0.5"]).status == 0)
    }

    @Test func anIdEndingInGeoJSONNamesNoGeoJSONDirectory() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = try OutputHardening.jsonl([("a.b.c.geojson", OutputHardening.text(0))], at: directory + "/in.jsonl")
        _ = try OutputHardening.export([input], into: directory + "/out")
        #expect(BadInput.contents(of: directory + "/out") == ["a.b.c_geojson", "countries.geojson", "countries.qml"])
    }
}
