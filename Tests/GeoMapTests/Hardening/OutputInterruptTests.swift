import Foundation
import Testing
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, finding 7: what an interrupted or failed `geojson` leaves behind. An article's layers
/// appear together or not at all, temporary files are registered before they exist, and a rerun
/// removes the stale ones of runs that died.
@Suite(.serialized) struct OutputInterruptTests {
    static let hidden = TemporaryFiles.prefix

    @Test func temporaryFilesAreRegisteredFromTheirFirstMoment() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var writer = try AtomicFileWriter(path: directory + "/out.jsonl", overwrite: false)
        let temporary = try #require(BadInput.contents(of: directory).first)
        #expect(TemporaryFiles.registered().contains(directory + "/" + temporary))
        try writer.write(Array("x\n".utf8))
        try writer.commit()
        #expect(!TemporaryFiles.registered().contains(directory + "/" + temporary))

        let staging = try StagingDirectory(in: directory)
        var file = try staging.create("places.geojson", reportingAs: directory + "/a/places.geojson")
        #expect(TemporaryFiles.registered().contains(staging.path))
        #expect(TemporaryFiles.registered().contains(staging.path + "/places.geojson"))
        try file.close()
        staging.discard()
        #expect(BadInput.contents(of: directory) == ["out.jsonl"])
        #expect(!TemporaryFiles.registered().contains { $0.hasPrefix(directory) })
    }

    @Test func aFailingArticleLeavesTheOthersWholeAndNoTemporaryFiles() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/out", withIntermediateDirectories: true)
        BadInput.write("not a directory", to: directory + "/out/second")
        try OutputHardening.jsonl([("first", OutputHardening.text(0)), ("second", OutputHardening.text(1)), ("third", OutputHardening.text(2))],
                                  at: directory + "/in.jsonl")
        #expect(throws: GeoMapError.io(path: directory + "/out/second", reason: "exists and is not a directory")) {
            try OutputHardening.export([directory + "/in.jsonl"], into: directory + "/out", force: true)
        }
        #expect(OutputHardening.tree(directory + "/out") == ["countries.geojson", "countries.qml", "first/", "first/map.qgs", "first/mentions.geojson",
                                                             "first/mentions.qml", "first/places.geojson", "first/places.qml", "second"])
    }

    @Test func aSymbolicLinkInPlaceOfAnArticleDirectoryIsNotFollowed() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.createDirectory(atPath: directory + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/out", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory + "/out/story", withDestinationPath: directory + "/elsewhere")
        try OutputHardening.jsonl([("story", OutputHardening.text(0))], at: directory + "/in.jsonl")
        for force in [false, true] {
            #expect(throws: GeoMapError.io(path: directory + "/out/story", reason: "is a symbolic link, not a directory geomap made; not replaced")) {
                try OutputHardening.export([directory + "/in.jsonl"], into: directory + "/out", force: force)
            }
        }
        #expect(BadInput.contents(of: directory + "/elsewhere").isEmpty)
        // The projects' background is written before the first article's layers, which were refused.
        #expect(OutputHardening.tree(directory + "/out") == ["countries.geojson", "countries.qml", "story"])
    }

    @Test func aForcedRerunReplacesTheLayersKeepsOtherFilesAndDropsStaleOnes() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try OutputHardening.jsonl([("story", OutputHardening.text(0))], at: directory + "/old.jsonl")
        _ = try OutputHardening.export([directory + "/old.jsonl"], into: directory + "/out")
        // What an interrupted older run leaves, and a note of the user's.
        BadInput.write([], to: directory + "/out/story/\(Self.hidden)AbC123")
        BadInput.write("my notes", to: directory + "/out/story/notes.txt")
        let dead = try OutputHardening.deadPID()
        BadInput.write([], to: directory + "/out/\(Self.hidden)\(dead)-zzzzzz")
        try FileManager.default.createDirectory(atPath: directory + "/out/\(Self.hidden)\(dead)-yyyyyy", withIntermediateDirectories: true)
        BadInput.write("{}", to: directory + "/out/\(Self.hidden)\(dead)-yyyyyy/places.geojson")
        BadInput.write([], to: directory + "/out/\(Self.hidden)1-xxxxxx")  // pid 1 is running: not stale

        try OutputHardening.jsonl([("story", OutputHardening.text(5))], at: directory + "/new.jsonl")
        _ = try OutputHardening.export([directory + "/new.jsonl"], into: directory + "/out", force: true)
        let expected = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: expected) }
        _ = try OutputHardening.export([directory + "/new.jsonl"], into: expected)

        #expect(OutputHardening.tree(directory + "/out") == ["\(Self.hidden)1-xxxxxx", "countries.geojson", "countries.qml", "story/", "story/map.qgs",
                                                             "story/mentions.geojson", "story/mentions.qml", "story/notes.txt", "story/places.geojson",
                                                             "story/places.qml"])
        #expect(FileManager.default.contents(atPath: directory + "/out/story/notes.txt") == Data("my notes".utf8))
        let files = OutputHardening.files(directory + "/out")
        for (path, bytes) in OutputHardening.files(expected) { #expect(files[path] == bytes, "\(path)") }
    }
}
