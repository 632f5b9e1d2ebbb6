import ArgumentParser
import GeoMap

@main
struct GeoMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geomap",
        abstract: "Find the places news articles mention, resolve them against a bundled gazetteer, and map them.",
        discussion: """
        Gazetteer data: GeoNames (CC BY 4.0, https://www.geonames.org), Natural Earth (public domain) \
        and other sources listed by `geomap about`.
        """,
        version: GeoMapInfo.version,
        subcommands: [ExtractCommand.self, LookupCommand.self, GeoJSONCommand.self, DistanceCommand.self, NearCommand.self, ServeCommand.self, AboutCommand.self, TrainingDumpCommand.self]
    )

    /// `geomap` alone is a usage error (exit 64), like any other missing argument.
    func run() throws {
        throw ValidationError("give a command: extract, lookup, geojson, distance, near, serve or about (see geomap --help)")
    }
}
