import ArgumentParser
import GeoMap

extension InputFormat: ExpressibleByArgument {}

/// The inputs of the commands that geoparse documents (`extract`, `geojson`): what to read, how,
/// and which kinds of mention to keep.
struct DocumentOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Text files, directories, JSON Lines files (also .gz), or - for standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: "How to read the inputs: auto (by extension; standard input by its first line), text, jsonl.")
    var input: InputFormat = .auto

    @Option(name: .long, help: ArgumentHelp("Mention kinds to write, comma-separated: place, demonym, coordinate.", valueName: "kinds"))
    var kinds: String = "place,demonym,coordinate"

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input (a file, a directory or -)") }
        if inputs.contains(where: \.isEmpty) { throw ValidationError("an input path is empty") }
        _ = try roles()
    }

    func roles() throws -> Set<MentionRole> {
        var roles = Set<MentionRole>()
        for name in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch name {
            case "place", "places": roles.insert(.place)
            case "demonym", "demonyms": roles.insert(.demonym)
            case "coordinate", "coordinates": roles.insert(.coordinate)
            default: throw ValidationError("unknown kind \"\(name)\" in --kinds (use place, demonym, coordinate)")
            }
        }
        guard !roles.isEmpty else { throw ValidationError("--kinds names no kind") }
        return roles
    }

    /// A reader over the inputs that warns on standard error.
    func reader() throws -> DocumentReader {
        try DocumentReader(inputs: inputs, format: input) { printError("geomap: warning: \($0)") }
    }
}
