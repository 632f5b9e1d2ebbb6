import ArgumentParser
import GeoMap
#if canImport(Glibc)
import Glibc
#endif

extension LayerFormat: ExpressibleByArgument {}

struct GeoJSONCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geojson",
        abstract: "Write QGIS-ready GeoJSON layers of the places articles mention.",
        discussion: """
        Inputs are read as `extract` reads them (standard input as JSON Lines when its first line is a \
        {"id": …, "text": …} record; --input jsonl or --input text says which). For each article (or, with --merge, for the whole batch) \
        the output directory gets places.geojson (a point per distinct place), areas.geojson (the \
        polygons of the countries, provinces and regions mentioned) and, with --mentions, \
        mentions.geojson (a point per mention), each beside a QGIS style of the same name (.qml). \
        Layers without features are not written. Beside them, map.qgs, a QGIS project that opens them \
        with their styles over the country outlines (countries.geojson, written once at the top of the \
        output directory), at the extent of the places (countries and continents do not stretch it); \
        mentions of confidence under 0.5 are drawn hollow and grey. --format gpkg writes one \
        GeoPackage, layers.gpkg, with every layer instead of the .geojson and .qml files (it needs \
        GDAL's ogr2ogr). Each feature's id is its position in its layer; the gazetteer id is the \
        place_id property. Without --merge each article gets a subdirectory \
        named from its id: the part after the last /, without its extension, characters other than \
        letters, marks, digits, - _ . replaced by _, no leading dot, at most 80 bytes (standard input's \
        text: stdin), and -2, -3, … \
        added when two articles share a name. An article's layers appear together or not at all: they \
        are written into a hidden temporary directory that is then renamed; with --force an existing \
        article directory is replaced (files in it that geomap did not write are kept). \
        Coordinates are RFC 7946: longitude, latitude, at most 6 decimals, cut at the antimeridian, \
        outer rings counter-clockwise. Existing files are never overwritten without --force.
        """
    )

    @OptionGroup var documents: DocumentOptions

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The output directory (created if missing).", valueName: "dir"))
    var output: String

    @Flag(name: .long, help: "One set of layers for the whole batch instead of one per article.")
    var merge = false

    @Flag(name: .long, help: "Also write mentions.geojson, a point per mention.")
    var mentions = false

    @Option(name: .long, help: ArgumentHelp("Simplify polygons to this many metres (0 keeps full detail).", valueName: "metres"))
    var tolerance: Double = MapGeometry.defaultToleranceMetres

    @Option(name: .long, help: ArgumentHelp("geojson (a .geojson and a .qml per layer) or gpkg (one GeoPackage, layers.gpkg, through GDAL's ogr2ogr).", valueName: "format"))
    var format: LayerFormat = .geojson

    @Flag(name: .long, help: "Overwrite existing layer files.")
    var force = false

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if output.isEmpty { throw ValidationError("the output directory is empty") }
        guard tolerance.isFinite, tolerance >= 0 else { throw ValidationError("--tolerance must be 0 or more metres") }
    }

    func run() throws {
        try reportingErrors {
            let gazetteer = try gazetteerOptions.open()
            let reader = try documents.reader()
            var options = LayerExport.Options()
            options.merge = merge
            options.includeMentions = mentions
            options.toleranceMetres = tolerance
            options.overwrite = force
            options.format = format
            options.roles = try documents.roles()
            let export = LayerExport(gazetteer: gazetteer, options: options)
            let progress = ProgressLine(enabled: isatty(2) != 0, tally: reader.tally)
            export.progress = { progress.update(documents: $0) }
            let summary = try export.run(reader: reader, into: output)
            progress.finish(documents: summary.articles)
            let layers = summary.layers
            printError("geomap: processed \(summary.articles), skipped \(reader.skipped); wrote \(layers) layers under \(output)")
            if reader.skipped > 0 { throw ExitCode.failure }
        }
    }
}
