import ArgumentParser
import GeoMap

/// Writes what the recognition and resolution models see, for `Scripts/train-models`.
struct TrainingDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "training-dump",
        abstract: "Write the models' features for each document of a JSON Lines corpus (for Scripts/train-models).",
        shouldDisplay: false
    )

    @Argument(help: "A JSON Lines corpus.")
    var input: String

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func run() throws {
        try reportingErrors {
            let gazetteer = try gazetteerOptions.open()
            var parser = Geoparser(gazetteer: gazetteer)
            let reader = try DocumentReader(inputs: [input], format: .jsonl) { printError("geomap: warning: \($0)") }
            let sink = OutputSink()
            while let document = try reader.next() {
                var json = JSONBytes(capacity: 1 << 14)
                parser.appendTrainingRecord(id: document.id, text: document.text, to: &json)
                try sink.write(json.bytes)
            }
        }
    }
}
