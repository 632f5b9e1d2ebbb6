import Foundation
import Testing
@testable import GeoMap

/// Issue 15, trap 1: JSON Lines piped to `extract -` was read as one text. Standard input under
/// `--input auto` is JSON Lines when its first non-blank byte is `{` and its first line decodes as
/// a record with a string `text`; anything else is one text, as before.
@Suite(.enabled(if: CLITraps.hasBinary)) struct StandardInputJSONLinesTests {
    static let corpus = """

    {"id": "a1", "text": "Shelling near Luhansk."}
    {"id": "a2", "text": "Talks in Moscow."}
    {"text": "More from Luhansk."}

    """

    @Test func jsonLinesOnStandardInputAreRecords() throws {
        let run = try BadInput.geomap(["extract", "-", "--format", "jsonl"], stdin: Data(Self.corpus.utf8))
        #expect(run.status == 0)
        let ids = try CLITraps.jsonLines(run.stdout).map { $0["id"] as? String }
        #expect(ids == ["a1", "a2", "-:4"])
        #expect(run.stderrLines == ["geomap: processed 3, skipped 0"])
        // The same as reading the corpus with --input jsonl.
        let forced = try BadInput.geomap(["extract", "-", "--format", "jsonl", "--input", "jsonl"], stdin: Data(Self.corpus.utf8))
        #expect(forced.stdout == run.stdout)
    }

    @Test func aTextThatOnlyStartsWithABraceIsOneText() throws {
        for text in ["{editor's note} Shelling near Luhansk.\n{\"id\": 1}\n", "{\"id\": \"x\"}\nno text field, so a text", "Shelling near Luhansk.\n"] {
            let run = try BadInput.geomap(["extract", "-", "--format", "jsonl"], stdin: Data(text.utf8))
            #expect(run.status == 0, "\(text)")
            #expect(try CLITraps.jsonLines(run.stdout).map { $0["id"] as? String } == ["-"], "\(text)")
        }
        // --input text reads JSON Lines as one text, as it always did.
        let text = try BadInput.geomap(["extract", "-", "--format", "jsonl", "--input", "text"], stdin: Data(Self.corpus.utf8))
        #expect(try CLITraps.jsonLines(text.stdout).map { $0["id"] as? String } == ["-"])
    }

    @Test func aFirstLineLongerThanAChunkIsWaitedFor() throws {
        let long = String(repeating: "Luhansk and Moscow. ", count: 10_000)  // 200 KB, several pipe buffers
        let corpus = "{\"id\":\"long\",\"text\":\"\(long)\"}\n{\"id\":\"short\",\"text\":\"Moscow\"}\n"
        let run = try BadInput.geomap(["extract", "-", "--format", "jsonl"], stdin: Data(corpus.utf8))
        #expect(try CLITraps.jsonLines(run.stdout).map { $0["id"] as? String } == ["long", "short"])
    }

    @Test func geojsonReadsStandardInputTheSameWay() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try BadInput.geomap(["geojson", "-", "-o", directory + "/out"], stdin: Data(Self.corpus.utf8))
        #expect(run.status == 0)
        #expect(BadInput.contents(of: directory + "/out") == ["a1", "a2", CountryOutlines.fileName, CountryOutlines.styleFileName, "stdin-4"])
    }

    @Test func theFirstScreenOfHelpSaysHowStandardInputIsRead() throws {
        for command in ["extract", "geojson"] {
            let help = try BadInput.geomap([command, "--help"])
            let firstScreen = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).prefix(24).joined(separator: "\n")
            #expect(firstScreen.contains("--input jsonl"), "\(command)")
        }
    }
}
