import Foundation
import Testing
@testable import GeoMap

/// Issue 17, finding 11: a valid read-only cache was ignored — every run rebuilt the index in
/// memory (1.5 s, 217 MB for the bundled gazetteer) instead of mapping the file — and with HOME
/// unset the same rebuild happened silently. Now a valid index in a read-only cache is mapped,
/// and when nothing can be cached one warning says so.
@Suite struct IndexReadOnlyCacheTests {
    /// A cache filled by a first (writable) open.
    func filledCache() throws -> IndexFixture {
        let fixture = IndexFixture()
        #expect(try fixture.openWarnings().isEmpty)
        return fixture
    }

    @Test func aValidIndexInAReadOnlyCacheIsMapped() throws {
        let fixture = try filledCache()
        defer { fixture.remove() }
        let before = fixture.names
        let (mapped, warnings) = try fixture.open(writable: false) { g in (g.indexFile?.path, IndexFixture.answers(g)) }
        #expect(warnings.isEmpty)
        #expect(mapped.0 == (try fixture.indexPath))
        #expect(mapped.1 == IndexFixture.freshAnswers)
        #expect(fixture.names == before)
    }

    @Test func aReadOnlyCacheWithoutItsRecordIsVerifiedAndMapped() throws {
        let fixture = try filledCache()
        defer { fixture.remove() }
        for name in fixture.names where name.hasPrefix("verified-") || name.hasPrefix("stat-") {
            try FileManager.default.removeItem(atPath: fixture.cache + "/" + name)
        }
        let before = fixture.names
        let (path, warnings) = try fixture.open(writable: false) { $0.indexFile?.path }
        #expect(warnings.isEmpty)
        #expect(path == (try fixture.indexPath))
        #expect(fixture.names == before, "nothing is written to a read-only cache")
        // And a damaged one is not trusted for want of a record.
        let bytes = try fixture.indexBytes()
        try fixture.overwrite(at: bytes.count / 2, with: [bytes[bytes.count / 2] ^ 0x10])
        let (inMemory, damagedWarnings) = try fixture.open(writable: false) { g in (g.indexFile == nil, IndexFixture.answers(g)) }
        #expect(inMemory.0)
        #expect(inMemory.1 == IndexFixture.freshAnswers)
        #expect(damagedWarnings.count == 1)
        #expect(damagedWarnings.first?.contains("corrupt index (checksum mismatch); the cache directory \(fixture.cache) is read-only; building the gazetteer index in memory for this run") == true,
                "\(damagedWarnings)")
        #expect(try fixture.indexBytes() != bytes, "the damaged file is left as it was")
    }

    @Test func aReadOnlyCacheWithoutTheIndexIsOneWarning() throws {
        let fixture = IndexFixture()
        defer { fixture.remove() }
        let (inMemory, warnings) = try fixture.open(writable: false) { g in (g.indexFile == nil, IndexFixture.answers(g)) }
        #expect(inMemory.0)
        #expect(inMemory.1 == IndexFixture.freshAnswers)
        #expect(warnings == ["the cache directory \(fixture.cache) is read-only; building the gazetteer index in memory for this run"])
        #expect(fixture.names.isEmpty)
    }

    @Test func noCacheDirectoryIsOneWarning() throws {
        var warnings: [String] = []
        let gazetteer = try IndexCache.open(files: GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer"), directory: nil) {
            warnings.append($0)
        }
        #expect(gazetteer.indexFile == nil)
        #expect(IndexFixture.answers(gazetteer) == IndexFixture.freshAnswers)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("no cache directory for the gazetteer index (set GEOMAP_CACHE, XDG_CACHE_HOME or HOME)") == true)
    }

    @Test func aCacheDirectoryThatCannotBeMadeIsOneWarning() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("not a directory", to: directory + "/file")
        var warnings: [String] = []
        let gazetteer = try IndexCache.open(files: GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer"),
                                            directory: directory + "/file/cache") { warnings.append($0) }
        #expect(gazetteer.indexFile == nil)
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("cannot use the cache directory \(directory)/file/cache (\(directory)/file is not a directory)") == true,
                "\(warnings)")
    }

    @Test func withoutHomeTheAccountsHomeDirectoryIsTheCache() {
        // HOME unset no longer means "no cache": the password database names the home directory.
        let home = IndexCache.accountHome()
        if let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir, !String(cString: directory).isEmpty {
            #expect(home == String(cString: directory) || String(cString: directory) == "/nonexistent")
        }
    }

    /// Needs a user the file permissions apply to (root writes anywhere): then a cache made
    /// read-only with chmod is read, through the public API, as `writable: false` reads it above.
    @Test(.enabled(if: geteuid() != 0, "running as root: file permissions do not stop root from writing"))
    func aCacheMadeReadOnlyWithChmodIsMapped() throws {
        let fixture = try filledCache()
        defer {
            chmod(fixture.cache, 0o755)
            fixture.remove()
        }
        #expect(chmod(fixture.cache, 0o555) == 0)
        var warnings: [String] = []
        let gazetteer = try Gazetteer.open(fixture.files, cacheDirectory: fixture.cache) { warnings.append($0) }
        #expect(warnings.isEmpty)
        #expect(gazetteer.indexFile?.path == (try fixture.indexPath))
    }

    @Test(.enabled(if: BadInput.executable != nil, "the geomap binary is not beside the test bundle"))
    func theCommandSaysOnceThatItCannotCache() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("not a directory", to: directory + "/file")
        let run = try runGeomap(["lookup", "Luhansk"], environment: ["GEOMAP_CACHE": directory + "/file/cache"])
        #expect(run.status == 0)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderrLines.first?.hasPrefix("geomap: warning: cannot use the cache directory") == true, "\(run.stderr)")
        let normal = try runGeomap(["lookup", "Luhansk"])
        #expect(run.stdout == normal.stdout)
    }
}
