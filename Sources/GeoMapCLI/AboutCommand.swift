import ArgumentParser
import GeoMap

struct AboutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "about",
        abstract: "Show the gazetteer's sources, versions, licences and attributions."
    )

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        try reportingErrors {
            let files = try GazetteerFiles.locate(explicit: gazetteerOptions.gazetteer,
                                                  executablePath: CommandLine.arguments.first.flatMap(executablePath))
            let text = try GazetteerFiles.readText(files.sources)
            print("GeoMap \(GeoMapInfo.version)\n")
            print(text)
        }
    }
}
