import ArgumentParser
import GeoMap

struct NearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "near",
        abstract: "List the gazetteer places within a distance of a place, nearest first.",
        discussion: """
        Distances are geodesic (WGS84) between the places' representative points. The name is read as \
        `lookup` ranks it, except that a name that is both a city and its province (Kaliningrad) means \
        the city; write "Kaliningrad Oblast" for the province. Settlements known only by their hromada \
        (placed at its centre, with a radius_km) are left out of the list and counted below it.
        """
    )

    @Argument(help: "The place name.")
    var name: String

    @Option(name: .long, help: ArgumentHelp("Radius in kilometres.", valueName: "km"))
    var km: Double

    @Option(name: .long, help: "At most this many places.")
    var limit: Int = 20

    @Option(name: .long, help: ArgumentHelp("Only places of this kind: \(PlaceKind.allValueStrings.joined(separator: ", ")).", valueName: "kind"))
    var kind: PlaceKind?

    @Option(name: .shortAndLong, help: "Output format: table, json or geojson.")
    var format: DistanceFormat = .table

    @OptionGroup var tableOptions: TableOptions

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the name is empty") }
        guard km.isFinite, km > 0, km <= 20_100 else { throw ValidationError("--km must be more than 0 and at most 20100 (kilometres)") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            let gazetteer = try gazetteerOptions.open()
            let origin = try NearSearch.origin(for: name, lookup: PlaceLookup(gazetteer: gazetteer))
            let answer = try NearSearch(gazetteer: gazetteer).search(around: origin, within: km * 1000, limit: limit,
                                                                         kinds: kind.map { [$0] })
            switch format {
            case .table: print(NearReport.table(origin: origin, answer, gazetteer: gazetteer, width: tableOptions.width), terminator: "")
            case .json: print(NearReport.json(origin: origin, answer, gazetteer: gazetteer), terminator: "")
            case .geojson: try OutputSink().write(try NearReport.geoJSON(origin: origin, answer, gazetteer: gazetteer).encoded())
            }
        }
    }
}
