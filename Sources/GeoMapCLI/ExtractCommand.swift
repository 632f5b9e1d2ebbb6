import ArgumentParser
import GeoMap
#if canImport(Glibc)
import Glibc
#endif

extension OutputFormat: ExpressibleByArgument {}

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "List the places each article mentions.",
        discussion: """
        Inputs are text files, directories of them, JSON Lines files (.jsonl or .ndjson, one \
        {"id": …, "text": …} object per line), any of these gzipped (.gz, read by the name under it), \
        or - for standard input: JSON Lines when its first line is such a record, else one text \
        (--input jsonl or --input text says which).

        Bad input is skipped with a one-line warning naming the file (and line), and the batch goes \
        on: a malformed JSON line, a record without a string "text", a record whose "id" was already \
        seen (the first one is kept, later ones are skipped), an unreadable file, a binary file, \
        the same file given twice, and in a directory whatever is not a readable file or directory \
        (a dangling link, a link loop, a FIFO). A record without an "id" is named PATH:LINE, a text \
        file by its path, so ids are unique in the output. At the end "processed N, skipped M" is printed, and the exit status is 1 if anything was \
        skipped, 0 otherwise. A missing input stops the run before any work.

        Texts are read as UTF-8: a byte-order mark is dropped, UTF-16 with a byte-order mark is \
        converted as it is read, and each ill-formed byte sequence is read as U+FFFD, as Python's \
        errors="replace" does; offsets (code points) and names refer to that repaired text. A text \
        larger than 256 KiB is geoparsed in pieces of about 64 KiB cut at white space, each piece \
        resolved with its own context, and written as one record with offsets into the whole text, \
        so memory stays small whatever the size. With -o the output is written to a temporary file \
        and renamed into place at the end; nothing is left behind on an error or an interrupt.
        """
    )

    @OptionGroup var documents: DocumentOptions

    @Option(name: .shortAndLong, help: "Output format: table, json, jsonl, csv (default: from -o's extension, .csv .json .jsonl .ndjson .txt; else table on a terminal, jsonl otherwise).")
    var format: OutputFormat?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Overwrite the output file if it exists.")
    var force = false

    @Option(name: [.customShort("j"), .long], help: "Parallel workers (default: all cores). Output does not depend on it.")
    var jobs: Int?

    @OptionGroup var tableOptions: TableOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let output, output.isEmpty { throw ValidationError("the output path is empty") }
    }

    func run() throws {
        try reportingErrors {
            let gazetteer = try gazetteerOptions.open()
            let chosenFormat = try format ?? output.map(OutputFormat.forOutputPath) ?? (isatty(1) != 0 ? .table : .jsonl)
            let reader = try documents.reader()
            let sink = try output.map { try OutputSink(path: $0, overwrite: force) } ?? OutputSink()
            let extraction = BatchExtraction(gazetteer: gazetteer, jobs: workerCount(jobs),
                                             roles: try documents.roles(), format: chosenFormat,
                                             tableWidth: output == nil ? tableOptions.width : nil)
            let progress = ProgressLine(enabled: isatty(2) != 0, tally: reader.tally)
            extraction.progress = { progress.update(documents: $0) }
            let processed = try extraction.run(reader: reader, sink: sink)
            progress.finish(documents: processed)
            let singleText = documents.inputs.count == 1 && processed == 1 && documents.input.resolved(for: documents.inputs[0]) == .text
                && !reader.standardInputIsJSONLines
            if reader.skipped > 0 || !singleText {
                printError("geomap: processed \(processed), skipped \(reader.skipped)")
            }
            if reader.skipped > 0 { throw ExitCode.failure }
        }
    }
}
