import ArgumentParser
import GeoMap
#if canImport(Glibc)
import Glibc
#endif

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

    /// A first word that is no command is one line with the nearest command (exit 64), not
    /// ArgumentParser's "Unexpected argument" and the whole usage.
    static func main() {
        if let word = CommandLine.arguments.dropFirst().first, !word.hasPrefix("-") {
            let commands = configuration.subcommands.map { $0._commandName }
            if !commands.contains(word) && word != "help" {
                let shown = configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { $0._commandName }
                if let nearest = CommandSuggestion.nearest(to: word, among: shown) {
                    printError("geomap: unknown command \"\(word)\"; did you mean \"\(nearest)\"?")
                } else {
                    printError("geomap: unknown command \"\(word)\" (commands: \(shown.joined(separator: ", ")); see geomap --help)")
                }
                Glibc.exit(64)
            }
        }
        main(nil)
    }

    /// `geomap` alone is a usage error (exit 64), like any other missing argument.
    func run() throws {
        throw ValidationError("give a command: extract, lookup, geojson, distance, near, serve or about (see geomap --help)")
    }
}
