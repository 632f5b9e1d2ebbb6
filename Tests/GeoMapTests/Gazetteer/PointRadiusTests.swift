import Foundation
import Testing
@testable import GeoMap

/// `places.tsv`'s radius column, read by `Gazetteer.radiusKm(of:)` from each row's end.
@Suite struct PointRadiusTests {
    static let header = "id\tkind\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\tshape\tnames\tabbrevs"

    /// The mini gazetteer's tables with `places` written as places.tsv, in a temporary directory.
    static func gazetteerFiles(places: String) throws -> (GazetteerFiles, String) {
        let directory = TestSupport.temporaryDirectory()
        let mini = TestSupport.fixtures + "/MiniGazetteer"
        for path in ["demonyms.tsv", "lexicon", "curated"] {
            try FileManager.default.copyItem(atPath: mini + "/" + path, toPath: directory + "/" + path)
        }
        try places.write(toFile: directory + "/places.tsv", atomically: true, encoding: .utf8)
        return (GazetteerFiles(directory: directory), directory)
    }

    static func row(_ id: Int64, _ name: String, radius: String?) -> String {
        "\(id)\tplace\t\(name)\tUA\t14\t48.9\t38.5\t0\tPPL\t\t\(name)\t" + (radius.map { "\t" + $0 } ?? "")
    }

    @Test func radiiAreReadFromTheLastColumnAndExactPointsHaveNone() throws {
        // A blank line and a CRLF row between entries, and a radius on the last row of the file
        // (no next row to end it), so every way a row can end is read.
        let lines = [Self.header + "\tradius", Self.row(1, "Exactown", radius: ""), Self.row(2, "Hromadivka", radius: "12"), "",
                     Self.row(3, "Crlfivka", radius: "7.5") + "\r", Self.row(4, "Exactville", radius: ""),
                     Self.row(5, "Lastivka", radius: "25")]
        let (files, directory) = try Self.gazetteerFiles(places: lines.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let gazetteer = try Gazetteer.open(files, cacheDirectory: directory + "/cache")
        var radii: [Int64: Double] = [:]
        for entry in gazetteer.allEntries { if let radius = gazetteer.radiusKm(of: entry) { radii[gazetteer.id(entry)] = radius } }
        #expect(radii == [2: 12, 3: 7.5, 5: 25])
        #expect(gazetteer.entry(withID: 1).map(gazetteer.isApproximate) == false)
    }

    @Test func aGazetteerWithoutTheColumnHasNoRadii() {
        let gazetteer = TestSupport.miniGazetteer
        #expect(gazetteer.allEntries.allSatisfy { gazetteer.radiusKm(of: $0) == nil })
    }

    @Test(arguments: ["abc", "-3", "0", "nan", "12\textra"])
    func aBadRadiusIsAMalformedRowNamingItsLine(radius: String) throws {
        let lines = [Self.header + "\tradius", Self.row(1, "Exactown", radius: ""), Self.row(2, "Badivka", radius: radius)]
        let (files, directory) = try Self.gazetteerFiles(places: lines.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: GeoMapError.badData(path: files.places, line: 3, reason: "malformed row")) {
            try IndexBuilder.build(files: files, fingerprint: 1, workers: 1)
        }
    }

    @Test func aRowWithoutTheColumnIsMalformedWhenTheHeaderNamesIt() throws {
        let lines = [Self.header + "\tradius", Self.row(1, "Exactown", radius: nil)]
        let (files, directory) = try Self.gazetteerFiles(places: lines.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: GeoMapError.badData(path: files.places, line: 2, reason: "malformed row")) {
            try IndexBuilder.build(files: files, fingerprint: 1, workers: 1)
        }
    }

    @Test(.enabled(if: TestSupport.bundledGazetteer != nil, "needs the bundled gazetteer"))
    func katottgVillagesHaveARadiusAndGeoNamesPlacesNone() throws {
        let gazetteer = try #require(TestSupport.bundledGazetteer)
        // Metolchyne: in the codifier only, placed at Siverskodonetsk's hromada centre.
        let metolchyne = try #require(gazetteer.entry(withID: 2009551469))
        #expect(gazetteer.name(metolchyne) == "Metolchyne")
        #expect(gazetteer.radiusKm(of: metolchyne) == 24)
        for id: Int64 in [691999, 702972, 690791] {  // Siverskodonetsk, Lysychansk, Ukraine
            let entry = try #require(gazetteer.entry(withID: id))
            #expect(gazetteer.radiusKm(of: entry) == nil, "\(gazetteer.name(entry))")
        }
        // Every radius read from the rows' ends is the column's value (as a full parse reads it).
        var approximate = 0
        let bytes = gazetteer.places.view
        for entry in gazetteer.allEntries {
            let start = gazetteer.rowOffset(entry)
            let fields = splitFields(bytes.extracting(start..<(bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count)), separator: 0x09)
            let field = fields.count > Gazetteer.radiusColumn ? fields[Gazetteer.radiusColumn] : nil
            let column = field.flatMap { $0.isEmpty ? nil : Double($0.string) }
            if gazetteer.radiusKm(of: entry) != column { Issue.record("entry \(gazetteer.id(entry)): \(fields.map(\.string))"); break }
            if column != nil { approximate += 1 }
        }
        #expect(approximate > 20_000)
    }
}
