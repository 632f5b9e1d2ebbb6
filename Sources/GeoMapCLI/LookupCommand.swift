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
        """
    )

    @Argument(help: "The place name.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("Only entries in this country (ISO 3166-1 alpha-2 code).", valueName: "CC"))
    var country: String?

    @Option(name: .long, help: ArgumentHelp("Only entries of this kind: \(PlaceKind.allValueStrings.joined(separator: ", ")).", valueName: "kind"))
    var kind: PlaceKind?

    @Option(name: .long, help: "At most this many entries.")
    var limit: Int = 10

    @Option(name: .shortAndLong, help: "Output format: table or json.")
    var format: LookupFormat = .table

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the name is empty") }
        if let country, CountryCode(country) == nil { throw ValidationError("--country takes a two-letter code such as UA") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let gazetteer = try gazetteerOptions.open()
            let lookup = PlaceLookup(gazetteer: gazetteer)
            let filter = PlaceLookup.Filter(country: country.flatMap(CountryCode.init), kinds: kind.map { [$0] })
            let candidates = lookup.candidates(for: name, filter: filter)
            guard !candidates.isEmpty else {
                throw GeoMapError.noPlace(name: name, suggestions: lookup.suggestions(for: name))
            }
            let shown = Array(candidates.prefix(limit))
            switch format {
            case .json: print(LookupRendering.json(shown, gazetteer: gazetteer))
            case .table: print(LookupRendering.table(shown, gazetteer: gazetteer), terminator: "")
            }
        }
    }
}
