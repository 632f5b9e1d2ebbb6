import Foundation
import Testing
@testable import GeoMap

/// Issue 15, trap 6: `geojson -` made a directory named `-`; standard input's text is `stdin`,
/// its id-less records `stdin-LINE`.
@Suite struct GeoJSONStandardInputNameTests {
    @Test func standardInputHasAName() {
        var names = ArticleDirectoryNames()
        #expect(names.name(for: "-") == "stdin")
        #expect(names.name(for: "-:12") == "stdin-12")
        #expect(names.name(for: "-") == "stdin-2")
        #expect(names.name(for: "-x") == "-x")  // only standard input's own ids are renamed
        #expect(names.name(for: "-:12a") == "-_12a")
    }

    @Test(.enabled(if: CLITraps.hasBinary)) func geojsonOfStandardInputWritesStdin() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try BadInput.geomap(["geojson", "-", "-o", "out"], stdin: Data("Shelling near Luhansk.".utf8), in: directory)
        #expect(run.status == 0)
        #expect(BadInput.contents(of: directory + "/out") == [CountryOutlines.fileName, CountryOutlines.styleFileName, "stdin"])
        #expect(BadInput.contents(of: directory + "/out/stdin").contains("places.geojson"))
    }
}
