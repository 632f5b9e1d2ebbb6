import ArgumentParser
import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Options every command that reads the gazetteer takes.
struct GazetteerOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The gazetteer directory (default: $GEOMAP_GAZETTEER, or the bundled Gazetteer/).", valueName: "dir"))
    var gazetteer: String?

    @Option(name: .long, help: ArgumentHelp("""
        Your own places, merged into the gazetteer: a GeoJSON FeatureCollection (as QGIS saves it) of \
        Points or Polygons with a name property (optional: aliases, kind, country, admin1, population, id). \
        Repeatable; default: $GEOMAP_PLACES (colon-separated).
        """, valueName: "file"))
    var places: [String] = []

    @Option(name: .long, help: ArgumentHelp("""
        Names never to tag as mentions: one a line, # for comments. Repeatable; default: $GEOMAP_IGNORE (colon-separated).
        """, valueName: "file"))
    var ignore: [String] = []

    func open() throws -> Gazetteer {
        let files = try GazetteerFiles.locate(explicit: gazetteer, executablePath: CommandLine.arguments.first.flatMap(executablePath))
        return try Gazetteer.open(files, places: places.isEmpty ? environmentPaths("GEOMAP_PLACES") : places,
                                  ignore: ignore.isEmpty ? environmentPaths("GEOMAP_IGNORE") : ignore,
                                  warning: { printError("geomap: warning: \($0)") })
    }

    /// The paths of a colon-separated environment variable, empty ones left out.
    private func environmentPaths(_ name: String) -> [String] {
        guard let value = getenv(name) else { return [] }
        return String(cString: value).split(separator: ":").map(String.init)
    }
}

/// The number of workers for `--jobs`: all cores when not given; more than
/// `BatchExtraction.maximumJobs` is capped, with a note on standard error.
func workerCount(_ requested: Int?) -> Int {
    guard let requested else { return ProcessorCount.online }
    let bounded = BatchExtraction.boundedJobs(requested)
    if bounded < requested {
        printError("geomap: note: --jobs \(requested) is more than 4 per core (\(ProcessorCount.online) cores); using \(bounded)")
    }
    return bounded
}

/// The absolute path of the running executable, for finding the gazetteer beside it.
func executablePath(_ argument: String) -> String? {
    if let path = runningExecutablePath() { return path }
    return argument.contains("/") ? argument : nil
}

/// Prints one line to standard error (line breaks inside the message become spaces).
func printError(_ message: String) {
    var line = message
    while line.hasSuffix("\n") { line.removeLast() }
    if line.contains(where: \.isNewline) { line = line.split(whereSeparator: \.isNewline).joined(separator: " ") }
    writeToStandardError(line + "\n")
}

/// Runs a command body; GeoMap errors become one line on standard error and exit status 1.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as GeoMapError {
        if case .usage = error {
            printError("geomap: \(error)")
            throw ExitCode(64)
        }
        printError("geomap: \(error)")
        throw ExitCode.failure
    } catch let error as ExitCode {
        throw error
    } catch {
        printError("geomap: \(error)")
        throw ExitCode.failure
    }
}
