import ArgumentParser
import GeoMap
#if canImport(Glibc)
import Glibc
#endif

extension OutputFormat: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "List the places each article mentions.",
        discussion: """
        Inputs are text files, directories of them, JSON Lines files (.jsonl, one {"id": …, "text": …} \
        object per line) or - for standard input.

        Bad input is skipped with a one-line warning naming the file (and line), and the batch goes \
        on: a malformed JSON line, a record without a string "text", a record whose "id" was already \
        seen (the first one is kept, later ones are skipped), an unreadable file, a binary file. \
        At the end "processed N, skipped M" is printed, and the exit status is 1 if anything was \
        skipped, 0 otherwise. A missing input stops the run before any work.

        Texts are read as UTF-8: a byte-order mark is dropped, UTF-16 with a byte-order mark is \
        converted, and each ill-formed byte sequence is read as U+FFFD, as Python's \
        errors="replace" does; offsets (code points) and names refer to that repaired text. A text \
        larger than 256 KiB is geoparsed in pieces of about 64 KiB cut at white space, each piece \
        resolved with its own context, and written as one record with offsets into the whole text, \
        so memory stays small whatever the size. With -o the output is written to a temporary file \
        and renamed into place at the end; nothing is left behind on an error or an interrupt.
        """
    )

    @Argument(help: ArgumentHelp("Text files, directories, JSON Lines files, or - for standard input.", valueName: "input"))
    var inputs: [String]

    @Option(name: .long, help: "How to read the inputs: auto (by extension), text, jsonl.")
    var input: InputFormat = .auto

    @Option(name: .shortAndLong, help: "Output format: table, json, jsonl, csv (default: table on a terminal, jsonl otherwise).")
    var format: OutputFormat?

    @Option(name: .long, help: ArgumentHelp("Mention kinds to write: place, demonym, or both.", valueName: "kinds"))
    var kinds: String = "place,demonym"

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Overwrite the output file if it exists.")
    var force = false

    @Option(name: [.customShort("j"), .long], help: "Parallel workers (default: all cores). Output does not depend on it.")
    var jobs: Int?

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input (a file, a directory or -)") }
        if inputs.contains(where: \.isEmpty) { throw ValidationError("an input path is empty") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let output, output.isEmpty { throw ValidationError("the output path is empty") }
        _ = try roles()
    }

    func roles() throws -> Set<MentionRole> {
        var roles = Set<MentionRole>()
        for name in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch name {
            case "place", "places": roles.insert(.place)
            case "demonym", "demonyms": roles.insert(.demonym)
            default: throw ValidationError("unknown kind \"\(name)\" in --kinds (use place, demonym)")
            }
        }
        guard !roles.isEmpty else { throw ValidationError("--kinds names no kind") }
        return roles
    }

    func run() throws {
        try reportingErrors {
            let gazetteer = try gazetteerOptions.open()
            let chosenFormat = format ?? (isatty(1) != 0 && output == nil ? .table : .jsonl)
            let reader = try DocumentReader(inputs: inputs, format: input) { printError("geomap: warning: \($0)") }
            let sink = try output.map { try OutputSink(path: $0, overwrite: force) } ?? OutputSink()
            let extraction = BatchExtraction(gazetteer: gazetteer, jobs: jobs ?? ProcessorCount.online,
                                             roles: try roles(), format: chosenFormat)
            let progress = ProgressLine(enabled: isatty(2) != 0)
            extraction.progress = { progress.update(documents: $0) }
            let processed = try extraction.run(reader: reader, sink: sink)
            progress.finish(documents: processed)
            let singleText = inputs.count == 1 && processed == 1 && input.resolved(for: inputs[0]) == .text
            if reader.skipped > 0 || !singleText {
                printError("geomap: processed \(processed), skipped \(reader.skipped)")
            }
            if reader.skipped > 0 { throw ExitCode.failure }
        }
    }
}
