import ArgumentParser
import GeoMap

enum LookupFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension PlaceKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { allCases.map(\.description) }
}

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show the gazetteer entries a name may refer to, best first.",
        discussion: """
        Names match whatever their case, accents and apostrophes (Luhans'k = Luhansk); "X Oblast", \
        "X region" or "X County" ask for the admin unit X; a name of 8 letters or more also matches \
        names one letter away. An unknown name exits with status 1 and suggestions.

        With --batch FILE (or - for standard input), looks up one name per line and prints a line \
        per name: the name, then the best entry's id, kind, name and how it matched, or "-" when \
        nothing matched; with --format json, a JSON object per name (JSON Lines): {"name": …, "best": \
        the entry with its "match", or null}.
        """
    )

    @Argument(help: "The place name.")
    var name: String?

    @Option(name: .long, help: ArgumentHelp("Look up every line of this file (- for standard input) instead of one name.", valueName: "file"))
    var batch: String?

    @Option(name: .long, help: ArgumentHelp("Only entries in this country (ISO 3166-1 alpha-2 code).", valueName: "CC"))
    var country: String?

    @Option(name: .long, help: ArgumentHelp("Only entries of this kind: \(PlaceKind.allValueStrings.joined(separator: ", ")).", valueName: "kind"))
    var kind: PlaceKind?

    @Option(name: .long, help: "At most this many entries.")
    var limit: Int = 10

    @Option(name: .shortAndLong, help: "Output format: table or json.")
    var format: LookupFormat = .table

    @OptionGroup var tableOptions: TableOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        switch (name, batch) {
        case (nil, nil): throw ValidationError("give a place name (or --batch FILE)")
        case (.some, .some): throw ValidationError("give either a place name or --batch, not both")
        case (.some(let name), nil):
            if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the name is empty") }
        case (nil, .some(let file)):
            if file.isEmpty { throw ValidationError("--batch needs a file name") }
        }
        if let country, CountryCode(country) == nil { throw ValidationError("--country takes a two-letter code such as UA") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let gazetteer = try gazetteerOptions.open()
            let lookup = PlaceLookup(gazetteer: gazetteer)
            let filter = PlaceLookup.Filter(country: country.flatMap(CountryCode.init), kinds: kind.map { [$0] })
            if let batch {
                try LookupBatch(lookup: lookup, filter: filter, style: format == .json ? .json : .lines).run(path: batch)
                return
            }
            let name = self.name ?? ""
            try PlaceLookup.checkLength(of: name)
            let candidates = lookup.candidates(for: name, filter: filter)
            guard !candidates.isEmpty else {
                throw GeoMapError.noPlace(name: name, suggestions: lookup.suggestions(for: name))
            }
            let shown = Array(candidates.prefix(limit))
            switch format {
            case .json: print(LookupRendering.json(shown, gazetteer: gazetteer))
            case .table: print(LookupRendering.table(shown, gazetteer: gazetteer, width: tableOptions.width), terminator: "")
            }
        }
    }
}
