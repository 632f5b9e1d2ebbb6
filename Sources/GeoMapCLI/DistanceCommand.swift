import ArgumentParser
import GeoMap

enum DistanceFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, geojson
}

struct DistanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distance",
        abstract: "The geodesic shortest distance between two places, with the nearest points.",
        discussion: """
        Names are read as `lookup` ranks them. Where a name is both a city and the province or region \
        of the same name (Kaliningrad, Luhansk, Moscow), both readings are measured; force one with \
        --a-kind / --b-kind or by writing "Kaliningrad Oblast". Distances are on the WGS84 ellipsoid \
        between the places' polygons where the gazetteer has them, else their points; a place inside \
        the other is 0 km and reported as inside. --format geojson writes the nearest-points lines and \
        both geometries as one FeatureCollection.
        """
    )

    @Argument(help: "The first place.")
    var first: String

    @Argument(help: "The second place.")
    var second: String

    @Option(name: .customLong("a-kind"), help: ArgumentHelp("Read the first name only as this kind: \(PlaceKind.allValueStrings.joined(separator: ", ")).", valueName: "kind"))
    var firstKind: PlaceKind?

    @Option(name: .customLong("b-kind"), help: ArgumentHelp("Read the second name only as this kind.", valueName: "kind"))
    var secondKind: PlaceKind?

    @Option(name: .shortAndLong, help: "Output format: table, json or geojson.")
    var format: DistanceFormat = .table

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if first.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the first place name is empty") }
        if second.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the second place name is empty") }
    }

    func run() throws {
        try reportingErrors {
            let gazetteer = try gazetteerOptions.open()
            let answer = try DistanceAnswer(first, kind: firstKind, second, kind: secondKind, lookup: PlaceLookup(gazetteer: gazetteer))
            switch format {
            case .table: print(DistanceReport.table(answer, gazetteer: gazetteer), terminator: "")
            case .json: print(DistanceReport.json(answer, gazetteer: gazetteer), terminator: "")
            case .geojson: try OutputSink().write(try DistanceReport.geoJSON(answer, gazetteer: gazetteer).encoded())
            }
        }
    }
}
