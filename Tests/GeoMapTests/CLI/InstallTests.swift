import Foundation
import Testing
@testable import GeoMap

/// Issue 15, trap 9: `Scripts/install` puts the binary on the PATH with a copy of the gazetteer
/// in PREFIX/share/geomap, which the installed binary finds without the checkout.
@Suite struct InstallTests {
    @Test func anInstalledBinaryFindsTheSharedGazetteerFirst() throws {
        let prefix = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/share/geomap/Gazetteer", withIntermediateDirectories: true)
        BadInput.write("id\n", to: prefix + "/share/geomap/Gazetteer/places.tsv")
        let found = try GazetteerFiles.locate(executablePath: prefix + "/bin/geomap")
        #expect(found.directory == prefix + "/share/geomap/Gazetteer")
    }

    @Test(.enabled(if: CLITraps.hasBinary)) func scriptsInstallCopiesBinaryAndGazetteer() throws {
        let prefix = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        let binary = try #require(BadInput.executable)
        let install = Process()
        install.executableURL = URL(fileURLWithPath: TestSupport.repositoryRoot + "/Scripts/install")
        install.arguments = ["--prefix", prefix, "--binary", binary]
        install.standardOutput = FileHandle.nullDevice
        try install.run()
        install.waitUntilExit()
        #expect(install.terminationStatus == 0)
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/geomap"))
        let sources = prefix + "/share/geomap/Gazetteer/SOURCES.md"
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/geomap/Gazetteer/places.tsv"))
        #expect(BadInput.contents(of: prefix + "/bin") == ["geomap"])  // nothing staged is left
        #expect(BadInput.contents(of: prefix + "/share/geomap") == ["Gazetteer"])
        // The installed binary reads the installed copy, not the checkout it was built in.
        let marker = "installed copy \(UUID().uuidString)"
        let handle = try #require(FileHandle(forWritingAtPath: sources))
        handle.seekToEndOfFile()
        handle.write(Data("\n\(marker)\n".utf8))
        try handle.close()
        let about = Process()
        about.executableURL = URL(fileURLWithPath: prefix + "/bin/geomap")
        about.arguments = ["about"]
        about.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GEOMAP_") }
        about.currentDirectoryURL = URL(fileURLWithPath: prefix)
        let out = Pipe()
        about.standardOutput = out
        try about.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        about.waitUntilExit()
        #expect(about.terminationStatus == 0)
        #expect(text.contains(marker))
    }
}
