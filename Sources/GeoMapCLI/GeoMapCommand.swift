import ArgumentParser
import GeoMap

@main
struct GeoMapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "geomap",
        abstract: "Find the places news articles mention, resolve them against a bundled gazetteer, and map them.",
        version: GeoMapInfo.version,
        subcommands: []
    )
}
