import Foundation
import Testing
@testable import GeoMap

/// Issue 7, commands: unknown place names exit 1 with suggestions; empty or missing arguments
/// are usage errors (exit 64); a missing input file is one line naming it.
@Suite struct CommandErrorTests {
    func requireBinary() -> Bool {
        if BadInput.executable == nil { print("skipped: the geomap binary is not beside the test bundle") }
        return BadInput.executable != nil
    }

    @Test func unknownPlaceNamesExitOneWithSuggestions() throws {
        guard requireBinary() else { return }
        let lookup = try BadInput.geomap(["lookup", "Mosow"])
        #expect(lookup.status == 1)
        #expect(lookup.stdout.isEmpty)
        #expect(lookup.stderrLines == ["geomap: no place named \"Mosow\"; did you mean \"Moscow\"?"])
        let distance = try BadInput.geomap(["distance", "Luhansk", "Mosow"])
        #expect(distance.status == 1)
        #expect(distance.stdout.isEmpty)
        #expect(distance.stderrLines == ["geomap: no place named \"Mosow\"; did you mean \"Moscow\"?"])
        let nothingClose = try BadInput.geomap(["lookup", "Qwxzzq"])
        #expect(nothingClose.status == 1)
        #expect(nothingClose.stderrLines == ["geomap: no place named \"Qwxzzq\""])
    }

    @Test func emptyOrMissingArgumentsAreUsageErrors() throws {
        guard requireBinary() else { return }
        let cases: [[String]] = [
            ["extract"], ["extract", ""], ["extract", "x.txt", "-o", ""], ["extract", "x.txt", "--jobs", "0"],
            ["extract", "x.txt", "--kinds", ""], ["extract", "x.txt", "--format", "yaml"],
            ["lookup"], ["lookup", ""], ["lookup", "   "], ["distance", "Moscow"], ["distance", "", "Moscow"],
            [],
        ]
        for arguments in cases {
            let run = try BadInput.geomap(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stdout.isEmpty, "\(arguments)")
            #expect(run.stderr.hasPrefix("Error: "), "\(arguments)")
        }
    }

    @Test func aMissingInputFileIsOneLineNamingIt() throws {
        guard requireBinary() else { return }
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("Moscow", to: directory + "/here.txt")
        let run = try BadInput.geomap(["extract", directory + "/here.txt", directory + "/missing.txt"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderrLines == ["geomap: \(directory)/missing.txt: No such file or directory"])
    }

    @Test func aBinaryFileInADirectoryIsSkippedAndCounted() throws {
        guard requireBinary() else { return }
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("Shelling near Luhansk.", to: directory + "/a.txt")
        BadInput.write([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0], to: directory + "/b.txt")
        let run = try BadInput.geomap(["extract", directory])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(run.stderrLines == ["geomap: warning: \(directory)/b.txt: skipped: binary file (ELF)", "geomap: processed 1, skipped 1"])
    }
}
