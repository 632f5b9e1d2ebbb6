import Foundation
import Testing
@testable import GeoMap

/// Issue 15, trap 4: `geomap extrct` got ArgumentParser's "Unexpected argument" and the whole
/// usage; now one line with the nearest command, exit 64.
@Suite struct SubcommandSuggestionTests {
    static let commands = ["extract", "lookup", "geojson", "distance", "near", "serve", "about"]

    @Test func theNearestCommandIsSuggested() {
        #expect(CommandSuggestion.nearest(to: "extrct", among: Self.commands) == "extract")
        #expect(CommandSuggestion.nearest(to: "exrtact", among: Self.commands) == "extract")  // a swap is one edit
        #expect(CommandSuggestion.nearest(to: "lokup", among: Self.commands) == "lookup")
        #expect(CommandSuggestion.nearest(to: "GeoJSON", among: Self.commands) == "geojson")
        #expect(CommandSuggestion.nearest(to: "dist", among: Self.commands) == "distance")  // a unique prefix
        #expect(CommandSuggestion.nearest(to: "nera", among: Self.commands) == "near")
        #expect(CommandSuggestion.nearest(to: "Kyiv", among: Self.commands) == nil)
        #expect(CommandSuggestion.nearest(to: "x", among: Self.commands) == nil)
    }

    @Test(.enabled(if: CLITraps.hasBinary)) func aMistypedCommandIsOneLineAndExit64() throws {
        let run = try BadInput.geomap(["extrct", "article.txt"])
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderrLines == ["geomap: unknown command \"extrct\"; did you mean \"extract\"?"])
        let far = try BadInput.geomap(["frobnicate"])
        #expect(far.status == 64)
        #expect(far.stderrLines.count == 1)
        #expect(far.stderr.hasPrefix("geomap: unknown command \"frobnicate\" (commands: extract, lookup, geojson"))
        // Real commands, help and options still reach ArgumentParser.
        #expect(try BadInput.geomap(["lookup", "Moscow"]).status == 0)
        #expect(try BadInput.geomap(["help", "lookup"]).status == 0)
        #expect(try BadInput.geomap(["--version"]).status == 0)
    }
}
