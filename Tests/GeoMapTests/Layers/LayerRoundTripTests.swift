import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GeoMap

/// The GIS round trip (issue 15): what `geojson` writes converts with GDAL to GeoPackage and
/// FlatGeobuf, `--format gpkg` holds every layer, and the QGIS project opens at the article's
/// places. Kept with the other GDAL suites out of AddressSanitizer runs (`Process` leaks).
@Suite(.enabled(if: OGRInfo.isAvailable, "needs GDAL's ogrinfo and ogr2ogr (Debian package gdal-bin)"))
struct LayerRoundTripTests {
    /// A front-line report that also names countries and a continent, as such reports do.
    static let frontLine = """
        Russian forces shelled Lysychansk and Severodonetsk overnight, and fighting continued near Kreminna \
        and Bakhmut, the governor of Luhansk said. The United States and Europe promised more air defence; \
        Russia denied the strikes.
        """

    /// The articles every conversion is tried on: the golden inputs (texts, coordinates, a batch)
    /// and the front-line report.
    static func corpus(in directory: String) throws -> [String] {
        let inputs = TestSupport.fixtures + "/Golden/inputs"
        try frontLine.write(toFile: directory + "/front-line.txt", atomically: true, encoding: .utf8)
        return [inputs + "/texts", inputs + "/locations", inputs + "/batch/articles.jsonl", directory + "/front-line.txt"]
    }

    static func export(_ inputs: [String], into output: String, configure: (inout LayerExport.Options) -> Void = { _ in }) throws -> LayerExport.Summary {
        let gazetteer = try SpatialTestSupport.bundled()
        var options = LayerExport.Options()
        options.includeMentions = true
        configure(&options)
        // The golden batch holds bad lines on purpose (a duplicate id, malformed JSON): skipped with a warning.
        let reader = try DocumentReader(inputs: inputs, format: .auto) { _ in }
        return try LayerExport(gazetteer: gazetteer, options: options).run(reader: reader, into: output)
    }

    /// Runs GDAL's `ogr2ogr`; its exit status and everything it printed.
    static func ogr2ogr(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try OGRInfo.runGDAL("/usr/bin/ogr2ogr", arguments)
    }

    static func files(under directory: String, ending suffix: String) -> [String] {
        let names = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { directory + "/" + $0 }
    }

    @Test(arguments: [false, true])
    func everyLayerConvertsToGeoPackageAndFlatGeobuf(merge: Bool) throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Self.export(try Self.corpus(in: directory), into: directory + "/out") { $0.merge = merge }
        let layers = Self.files(under: directory + "/out", ending: ".geojson").filter { !$0.hasSuffix("/" + CountryOutlines.fileName) }
        #expect(layers.count >= (merge ? 4 : 20), "\(layers)")
        for (k, layer) in layers.enumerated() {
            for (driver, ext) in [("GPKG", "gpkg"), ("FlatGeobuf", "fgb")] {
                let converted = directory + "/converted-\(k).\(ext)"
                let result = try Self.ogr2ogr(["-f", driver, converted, layer])
                #expect(result.status == 0 && !result.output.contains("ERROR"), "\(driver) from \(layer): \(result.output)")
                #expect(!result.output.contains("Warning"), "\(driver) from \(layer): \(result.output)")
            }
            // Every feature arrived, each with its own feature id.
            let name = URL(fileURLWithPath: layer).deletingPathExtension().lastPathComponent
            let counts = try OGRInfo.query(directory + "/converted-\(k).gpkg",
                                           "SELECT COUNT(*) AS n FROM \(name) UNION ALL SELECT COUNT(DISTINCT fid) FROM \(name)", column: "n")
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: layer))) as? [String: Any]
            let features = (object?["features"] as? [Any])?.count ?? -1
            #expect(counts == [String(features), String(features)], "\(layer): \(counts)")
        }
    }

    @Test func theGeoPackageFormatHoldsEveryLayerInOneFile() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.frontLine.write(toFile: directory + "/front-line.txt", atomically: true, encoding: .utf8)
        let summary = try Self.export([directory + "/front-line.txt"], into: directory + "/out") { options in
            options.merge = true
            options.format = .gpkg
        }
        #expect(summary.layers == 3)
        let out = directory + "/out/"
        #expect(Self.files(under: directory + "/out", ending: ".geojson") == [out + CountryOutlines.fileName])
        #expect(!FileManager.default.fileExists(atPath: out + "places.qml"))
        let listing = try OGRInfo.run(["-ro", "-q", out + GeoPackageConversion.fileName])
        for layer in ["places", "areas", "mentions"] { #expect(listing.contains(": \(layer) ("), "\(listing)") }
        let places = try OGRInfo.query(out + GeoPackageConversion.fileName, "SELECT name AS v FROM places", column: "v")
        #expect(places.contains("Lysychansk") && places.contains("Kreminna"), "\(places)")
        let project = try String(contentsOfFile: out + QGISProject.fileName, encoding: .utf8)
        #expect(project.contains("<datasource>./layers.gpkg|layername=places</datasource>"))
    }

    /// The extent a project opens at, from its XML: the map canvas's, and the default view's.
    static func extents(_ project: String) throws -> (canvas: [Double], view: [Double]) {
        let document = try XMLDocument(data: Data(contentsOf: URL(fileURLWithPath: project)))
        let root = try #require(document.rootElement())
        let names = ["xmin", "ymin", "xmax", "ymax"]
        let canvas = try names.compactMap { name in try root.nodes(forXPath: "mapcanvas/extent/\(name)").first?.stringValue.flatMap(Double.init) }
        let view = try #require(try root.nodes(forXPath: "ProjectViewSettings/DefaultViewExtent").first as? XMLElement)
        let viewBox = names.compactMap { view.attribute(forName: $0)?.stringValue.flatMap(Double.init) }
        #expect(canvas.count == 4 && viewBox.count == 4, "\(project)")
        guard canvas.count == 4, viewBox.count == 4 else { throw CocoaError(.fileReadCorruptFile) }
        return (canvas, viewBox)
    }

    @Test func theProjectOpensAtTheFrontLineNotTheWorld() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.frontLine.write(toFile: directory + "/front-line.txt", atomically: true, encoding: .utf8)
        _ = try Self.export([directory + "/front-line.txt"], into: directory + "/out")
        let (canvas, view) = try Self.extents(directory + "/out/front-line/" + QGISProject.fileName)
        #expect(canvas == view)
        // Lysychansk, Severodonetsk, Kreminna, Bakhmut and Luhansk oblast lie within 37–40.5° E, 47.5–50.5° N.
        #expect(canvas[0] > 36 && canvas[2] < 41.5 && canvas[1] > 46.5 && canvas[3] < 51.5, "\(canvas)")
        #expect(canvas[2] - canvas[0] > 1, "\(canvas)")
        // The countries and the continent are in the layers all the same, and the background beside.
        let places = try OGRInfo.query(directory + "/out/front-line/places.geojson", "SELECT name AS v FROM places", column: "v")
        #expect(Set(places).isSuperset(of: ["Russia", "United States", "Europe"]), "\(places)")
        #expect(FileManager.default.fileExists(atPath: directory + "/out/" + CountryOutlines.fileName))
    }

    @Test func anArticleOfCountriesAloneOpensAtThem() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "Talks between Poland and Lithuania went on all week.".write(toFile: directory + "/talks.txt", atomically: true, encoding: .utf8)
        _ = try Self.export([directory + "/talks.txt"], into: directory + "/out")
        let (canvas, _) = try Self.extents(directory + "/out/talks/" + QGISProject.fileName)
        // Both countries' points, not the world.
        #expect(canvas[0] > 14 && canvas[2] < 30 && canvas[1] > 48 && canvas[3] < 60, "\(canvas)")
    }

    static let pyqgis = "/usr/bin/python3"
    static let pyqgisAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: pyqgis) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pyqgis)
        process.arguments = ["-c", "import qgis.core"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// What Fixtures/QGIS/check_project.py says of a project, opened by QGIS itself.
    static func openInQGIS(_ project: String) throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pyqgis)
        process.arguments = [TestSupport.fixtures + "/QGIS/check_project.py", project]
        var environment = ProcessInfo.processInfo.environment
        environment["QT_QPA_PLATFORM"] = "offscreen"
        let runtime = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: runtime) }
        chmod(runtime, 0o700)  // Qt wants its runtime directory private
        environment["XDG_RUNTIME_DIR"] = runtime
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "check_project.py: \(message)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "check_project.py: \(message)")
    }

    @Test(.enabled(if: LayerRoundTripTests.pyqgisAvailable, "needs PyQGIS (Debian package python3-qgis)"), arguments: [LayerFormat.geojson, .gpkg])
    func theProjectOpensInQGISWithEveryLayerValid(format: LayerFormat) throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for merge in [false, true] {
            let output = directory + (merge ? "/merged" : "/articles")
            _ = try Self.export(try Self.corpus(in: directory), into: output) { options in
                options.merge = merge
                options.format = format
            }
            let projects = Self.files(under: output, ending: ".qgs")
            #expect(projects.count >= (merge ? 1 : 10), "\(projects)")
            var lowConfidenceSeen = 0
            for project in projects {
                let report = try Self.openInQGIS(project)
                #expect(report["read"] as? Bool == true, "\(project)")
                #expect(report["crs"] as? String == "EPSG:4326", "\(project)")
                let layers = try #require(report["layers"] as? [String: [String: Any]])
                #expect(layers.keys.contains("places") && layers.keys.contains(CountryOutlines.layerName), "\(project): \(layers.keys)")
                for (name, layer) in layers {
                    #expect(layer["valid"] as? Bool == true, "\(project): \(name) \(layer["source"] ?? "")")
                    #expect((layer["features"] as? Int ?? 0) > 0, "\(project): \(name)")
                }
                // One label per entity: at its point, not also on its area.
                #expect(layers["places"]?["labels"] as? Bool == true)
                for name in ["areas", "mentions"] { if let layer = layers[name] { #expect(layer["labels"] as? Bool == false, "\(name)") } }
                // Each point is drawn by one rule: the low-confidence one exactly when its confidence is under the threshold.
                for name in ["places", "mentions"] {
                    guard let drawn = layers[name]?["drawn"] as? [String: [String: Any]] else { continue }
                    for (id, feature) in drawn {
                        let labels = feature["labels"] as? [String] ?? []
                        #expect(labels.count == 1, "\(project) \(name) \(id): \(labels)")
                        let low = (feature["confidence"] as? Double).map { $0 < QGISStyle.lowConfidence } ?? false
                        if low { lowConfidenceSeen += 1 }
                        #expect(labels.first?.hasPrefix("confidence under") == low, "\(project) \(name) \(id): \(feature)")
                    }
                }
                // The map opens inside the world's bounds, at a frame the project's own XML gives.
                let extent = try #require(report["extent"] as? [Double])
                let (canvas, _) = try Self.extents(project)
                #expect(zip(extent, canvas).allSatisfy { abs($0 - $1) < 1e-6 }, "\(project): \(extent) vs \(canvas)")
                let groups = try #require(report["groups"] as? [[Any]])
                #expect(groups.compactMap { $0.first as? String } == ["GeoMap", "Background"], "\(groups)")
            }
            #expect(lowConfidenceSeen > 0, "no low-confidence mention in the corpus: the style rule went untried")
        }
    }
}
