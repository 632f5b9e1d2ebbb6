import Foundation
import Testing
@testable import GeoMap

/// The analyst's own gazetteer (`--places`) and ignore list (`--ignore`), over the mini gazetteer:
/// a made-up village and a made-up polygon near Luhansk change what lookup, extract, distance and
/// near answer, and without the file the bundled answers come back.
@Suite struct UserPlacesTests {
    static let mini = GazetteerFiles(directory: TestSupport.fixtures + "/MiniGazetteer")

    /// A village no gazetteer has (with a QGIS-style alias string and an admin-1 given by name)
    /// and a square field east of Luhansk.
    static let villages = """
        {"type": "FeatureCollection", "name": "mine", "features": [
          {"type": "Feature", "id": "v-1",
           "properties": {"name": "Zorivka Pershaya", "aliases": "Zorivka-1; Zor Pershaya", "country": "UA", "admin1": "Luhansk", "population": 120},
           "geometry": {"type": "Point", "coordinates": [39.45, 48.62]}},
          {"type": "Feature",
           "properties": {"id": 7, "name": "Kvitkove Pole", "kind": "region", "country": "ua", "aliases": ["Kvitkove Field"]},
           "geometry": {"type": "Polygon", "coordinates": [[[39.0, 48.4], [39.2, 48.4], [39.2, 48.5], [39.0, 48.5], [39.0, 48.4]]]}}
        ]}
        """

    struct Setup {
        let directory: String
        let cache: String
        let places: String
        func open(ignore: [String] = []) throws -> Gazetteer {
            try Gazetteer.open(UserPlacesTests.mini, places: [places], ignore: ignore, cacheDirectory: cache)
        }
        func bundled() throws -> Gazetteer {
            try Gazetteer.open(UserPlacesTests.mini, places: [], ignore: [], cacheDirectory: cache)
        }
        func remove() { try? FileManager.default.removeItem(atPath: directory) }
    }

    static func setup(_ text: String = villages, name: String = "mine.geojson") -> Setup {
        let directory = TestSupport.temporaryDirectory()
        let places = directory + "/" + name
        BadInput.write(text, to: places)
        return Setup(directory: directory, cache: directory + "/cache", places: places)
    }

    static func parse(_ text: String, _ gazetteer: Gazetteer) -> [(surface: String, entry: Int32?)] {
        var parser = Geoparser(gazetteer: gazetteer)
        let bytes = Array(text.utf8)
        return parser.parse(text).map { (String(decoding: bytes[$0.byteStart..<$0.byteEnd], as: UTF8.self), $0.entry) }
    }

    @Test func lookupFindsTheVillageByNameAndAliasWithItsOwnIdAndSource() throws {
        let setup = Self.setup()
        defer { setup.remove() }
        let gazetteer = try setup.open()
        #expect(gazetteer.hasUserPlaces)
        for name in ["Zorivka Pershaya", "zorivka-1", "Zor Pershaya"] {
            let found = PlaceLookup(gazetteer: gazetteer).candidates(for: name)
            let entry = try #require(found.first?.entry, "\(name)")
            #expect(gazetteer.name(entry) == "Zorivka Pershaya")
            #expect(gazetteer.isUserEntry(entry) && gazetteer.userID(entry) == "v-1")
            #expect(gazetteer.kind(entry) == .place && gazetteer.country(entry).description == "UA")
            #expect(gazetteer.admin1Entry(entry).map(gazetteer.name) == "Luhansk")
            #expect(gazetteer.population(entry) == 120)
            #expect(abs(gazetteer.point(entry).lat - 48.62) < 1e-9 && abs(gazetteer.point(entry).lon - 39.45) < 1e-9)
        }
        let json = LookupRendering.json(PlaceLookup(gazetteer: gazetteer).candidates(for: "Zorivka Pershaya"), gazetteer: gazetteer)
        #expect(json.contains("\"source\":\"user\",\"user_id\":\"v-1\""))
        // A numeric properties.id is kept as its digits.
        let field = try #require(PlaceLookup(gazetteer: gazetteer).candidates(for: "Kvitkove Pole").first?.entry)
        #expect(gazetteer.userID(field) == "7" && gazetteer.kind(field) == .region && gazetteer.hasShape(field))
        // Bundled entries keep their ids and say nothing new.
        let luhansk = try #require(PlaceLookup(gazetteer: gazetteer).candidates(for: "Luhansk").first { gazetteer.kind($0.entry) == .place }?.entry)
        #expect(gazetteer.id(luhansk) == 702658 && !gazetteer.isUserEntry(luhansk) && gazetteer.userID(luhansk) == nil)
        let plain = try setup.bundled()
        #expect(!LookupRendering.json(PlaceLookup(gazetteer: gazetteer).candidates(for: "Moscow"), gazetteer: gazetteer).contains("source"))

        // Without the file: nothing of the kind.
        #expect(PlaceLookup(gazetteer: plain).candidates(for: "Zorivka Pershaya").isEmpty)
        #expect(!plain.hasUserPlaces)
    }

    @Test func extractTagsTheVillageAndSaysSourceUserInEveryFormat() throws {
        let setup = Self.setup()
        defer { setup.remove() }
        let gazetteer = try setup.open()
        let text = "Artillery struck Zorivka Pershaya overnight, east of Luhansk, Ukraine."
        let mentions = Self.parse(text, gazetteer)
        let village = try #require(mentions.first { $0.surface == "Zorivka Pershaya" }, "\(mentions.map(\.surface))")
        #expect(village.entry.map(gazetteer.userID) == "v-1")
        #expect(mentions.contains { $0.surface == "Luhansk" })
        #expect(!Self.parse(text, try setup.bundled()).contains { $0.surface.contains("Zorivka") })

        let input = setup.directory + "/article.txt"
        BadInput.write(text, to: input)
        let jsonl = try BadInput.extract([input], format: .jsonl, gazetteer: gazetteer).output
        #expect(jsonl.contains("\"place\":\"Zorivka Pershaya\",\"place_kind\":\"place\",\"country\":\"UA\",\"source\":\"user\",\"user_id\":\"v-1\""))
        let json = try BadInput.extract([input], format: .json, gazetteer: gazetteer).output
        #expect(json.contains("\"source\":\"user\",\"user_id\":\"v-1\""))
        let csv = try BadInput.extract([input], format: .csv, gazetteer: gazetteer).output.split(separator: "\n")
        #expect(csv.first?.hasSuffix(",radius_km,source,user_id") == true)
        #expect(csv.contains { $0.contains("Zorivka Pershaya") && $0.hasSuffix(",user,v-1") })
        #expect(csv.contains { $0.contains("Luhansk") && $0.hasSuffix(",gazetteer,") })
        let table = try BadInput.extract([input], format: .table, gazetteer: gazetteer).output
        #expect(table.contains("Zorivka Pershaya (user)"))
        // The bundled gazetteer's CSV keeps its columns.
        let plain = try BadInput.extract([input], format: .csv, gazetteer: try setup.bundled()).output
        #expect(plain.split(separator: "\n").first.map(String.init) == CSVFormat.header)
    }

    @Test func thePolygonChangesDistanceAndNear() throws {
        let setup = Self.setup()
        defer { setup.remove() }
        let gazetteer = try setup.open()
        let answer = try DistanceAnswer("Kvitkove Pole", kind: nil, "Luhansk", kind: .place, lookup: PlaceLookup(gazetteer: gazetteer))
        let distance = try #require(answer.distances.first)
        #expect(distance.firstShape == "polygon" && distance.relation == .apart)
        // From the square's corner (48.5 N, 39.2 E) to Luhansk (48.567 N, 39.317 E): about 11 km.
        #expect((10...13).contains(distance.kilometres), "\(distance.kilometres) km")
        #expect(DistanceReport.json(answer, gazetteer: gazetteer).contains("\"source\":\"user\",\"user_id\":\"7\""))
        // The polygon's point lies inside it.
        let field = try #require(answer.firstReadings.first)
        let point = gazetteer.point(field)
        #expect((48.4...48.5).contains(point.lat) && (39.0...39.2).contains(point.lon))

        let luhansk = try #require(gazetteer.entry(withID: 702658))
        let near = try NearSearch(gazetteer: gazetteer).search(around: luhansk, within: 30_000, limit: 10)
        #expect(Set(near.neighbours.compactMap { gazetteer.userID($0.entry) }) == ["v-1", "7"])
        #expect(NearReport.table(origin: luhansk, near, gazetteer: gazetteer).contains("v-1 (user)"))

        let plain = try setup.bundled()
        #expect(throws: GeoMapError.self) { try DistanceAnswer("Kvitkove Pole", "Luhansk", lookup: PlaceLookup(gazetteer: plain)) }
        let plainLuhansk = try #require(plain.entry(withID: 702658))
        let plainNear = try NearSearch(gazetteer: plain).search(around: plainLuhansk, within: 30_000, limit: 10)
        #expect(plainNear.neighbours.allSatisfy { plain.id($0.entry) < UserGazetteer.idBase })
    }

    @Test func editingTheFileRebuildsAndReplacesTheMerge() throws {
        let setup = Self.setup()
        defer { setup.remove() }
        let first = try setup.open()
        #expect(!PlaceLookup(gazetteer: first).candidates(for: "Zorivka Pershaya").isEmpty)
        let firstDirectory = first.files.directory
        // The same content opens the same merge.
        #expect(try setup.open().files.directory == firstDirectory)

        BadInput.write(Self.villages.replacingOccurrences(of: "Zorivka Pershaya", with: "Zorivka Druha"), to: setup.places)
        let second = try setup.open()
        #expect(second.files.directory != firstDirectory)
        #expect(PlaceLookup(gazetteer: second).candidates(for: "Zorivka Pershaya").isEmpty)
        #expect(second.userID(try #require(PlaceLookup(gazetteer: second).candidates(for: "Zorivka Druha").first?.entry)) == "v-1")
        // The merge it replaced is gone, and so is that merge's index.
        let names = BadInput.contents(of: setup.cache)
        #expect(names.filter { $0.hasPrefix("user-") }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: firstDirectory))
        #expect(names.filter { $0.hasPrefix("index-") }.count == 2, "\(names)")
    }

    @Test func mergesOfOtherFilesAreRemovedOnlyWhenUnusedForTwoWeeks() throws {
        let setup = Self.setup()
        defer { setup.remove() }
        let old = try setup.open().files.directory
        let recentPlaces = setup.directory + "/recent.geojson", newPlaces = setup.directory + "/new.geojson"
        BadInput.write(Self.villages.replacingOccurrences(of: "Zorivka Pershaya", with: "Zorivka Tretia"), to: recentPlaces)
        BadInput.write(Self.villages.replacingOccurrences(of: "Zorivka Pershaya", with: "Zorivka Druha"), to: newPlaces)
        let recent = try Gazetteer.open(Self.mini, places: [recentPlaces], ignore: [], cacheDirectory: setup.cache).files.directory
        let fifteenDaysAgo = Date().addingTimeInterval(-15 * 86_400)
        for directory in [old, recent] {
            try FileManager.default.setAttributes([.modificationDate: fifteenDaysAgo], ofItemAtPath: directory + "/user-places.tsv")
        }
        // Using a merge marks it as used.
        #expect(try Gazetteer.open(Self.mini, places: [recentPlaces], ignore: [], cacheDirectory: setup.cache).files.directory == recent)
        let new = try Gazetteer.open(Self.mini, places: [newPlaces], ignore: [], cacheDirectory: setup.cache).files.directory
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: recent) && FileManager.default.fileExists(atPath: new))
    }

    @Test func ignoredNamesAreNeverMentions() throws {
        let setup = Self.setup()
        defer { setup.remove() }
        let ignore = setup.directory + "/ignore.txt"
        BadInput.write("# never tag these\n\nLuhans'k   # the city and the oblast\nzorivka pershaya\n", to: ignore)
        let text = "Shelling in Luhansk and Zorivka Pershaya; talks in Moscow."
        let tagged = Self.parse(text, try setup.open()).map(\.surface)
        #expect(tagged.contains("Luhansk") && tagged.contains("Zorivka Pershaya"))
        let gazetteer = try setup.open(ignore: [ignore])
        #expect(Self.parse(text, gazetteer).map(\.surface) == ["Moscow"])
        // Lookup still knows the name: the list is about mentions.
        #expect(!PlaceLookup(gazetteer: gazetteer).candidates(for: "Luhansk").isEmpty)

        BadInput.write("Luhansk\n---\n", to: ignore)
        #expect(throws: GeoMapError.badData(path: ignore, line: 2, reason: "\"---\" has no letters or digits to match")) {
            try setup.open(ignore: [ignore])
        }
    }

    static let badFiles: [(text: String, message: String)] = [
        ("hello", "not a GeoJSON FeatureCollection ("),
        (#"{"type": "Feature", "properties": {"name": "A"}, "geometry": null}"#, #"not a GeoJSON FeatureCollection (its type is "Feature")"#),
        (#"[1, 2]"#, "not a GeoJSON FeatureCollection ("),
        (#"{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}, "features": []}"#,
         "its coordinates are in urn:ogc:def:crs:EPSG::3857, not longitude/latitude (save the layer as EPSG:4326)"),
        (feature(#""population": 3"#, point), "feature 2: no name (set the \"name\" property)"),
        (feature(#""name": "Nowhere""#, "null"), #"feature 2 ("Nowhere"): no geometry (a Point, Polygon or MultiPolygon)"#),
        (feature(#""name": "Bow""#, #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}"#),
         #"feature 2 ("Bow"): bad geometry (Self-intersection"#),
        (feature(#""name": "Open""#, #"{"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1]]]}"#), #"feature 2 ("Open"): bad geometry ("#),
        (feature(#""name": "Road""#, #"{"type": "LineString", "coordinates": [[0, 0], [1, 1]]}"#),
         #"feature 2 ("Road"): bad geometry (a LineString; use a Point, Polygon or MultiPolygon)"#),
        (feature(#""name": "Far""#, #"{"type": "Point", "coordinates": [200, 10]}"#), #"feature 2 ("Far"): bad geometry (the point"#),
        (feature(#""name": "Hamlet", "kind": "village""#, point), #"feature 2 ("Hamlet"): unknown kind "village" (use country, admin1"#),
        (feature(#""name": "Hamlet", "country": "Ukraine""#, point), #"feature 2 ("Hamlet"): bad country code "Ukraine""#),
        (feature(#""name": "Hamlet", "country": "XX""#, point), #"feature 2 ("Hamlet"): bad country code "XX""#),
        (feature(#""name": "Hamlet", "country": "UA", "admin1": "Atlantis""#, point), #"feature 2 ("Hamlet"): unknown admin1 "Atlantis" in UA"#),
        (feature(#""name": "Hamlet", "population": "many""#, point), #"feature 2 ("Hamlet"): population must be a number"#),
        (feature(#""name": "Hamlet", "id": "v-1""#, point), #"feature 2 ("Hamlet"): id "v-1" is also feature 1's"#),
    ]

    static let point = #"{"type": "Point", "coordinates": [39.4, 48.6]}"#

    /// A collection of a good first feature and the one to test.
    static func feature(_ properties: String, _ geometry: String) -> String {
        #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"id": "v-1", "name": "Fine"}, "geometry": "#
            + point + #"}, {"type": "Feature", "properties": {"# + properties + #"}, "geometry": "# + geometry + "}]}"
    }

    @Test(arguments: badFiles)
    func aBadFileIsOneLineNamingTheFileAndFeature(text: String, message: String) throws {
        let setup = Self.setup(text, name: "bad.geojson")
        defer { setup.remove() }
        do {
            _ = try setup.open()
            Issue.record("no error for \(text)")
        } catch let error as GeoMapError {
            let line = error.description
            #expect(line.hasPrefix(setup.places + ": " + message), "\(line)")
            #expect(!line.contains("\n"))
        }
        // Nothing half-made is left for the next run.
        #expect(BadInput.contents(of: setup.cache).allSatisfy { !$0.hasPrefix("user-") })
    }

    /// What QGIS writes: a `crs` member, `fid` and null fields, a MultiPolygon, a float population.
    @Test func aQGISExportIsRead() throws {
        let text = #"""
        {"type": "FeatureCollection", "name": "positions",
         "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
         "features": [
          {"type": "Feature", "properties": {"fid": 1, "NAME": "Pole Dva", "aliases": null, "kind": "landform", "country": null, "population": 12.0},
           "geometry": {"type": "MultiPolygon", "coordinates": [[[[39.0, 48.4], [39.1, 48.4], [39.1, 48.45], [39.0, 48.4]]],
                                                                [[[39.3, 48.4], [39.4, 48.4], [39.4, 48.45], [39.3, 48.4]]]]}}
         ]}
        """#
        let setup = Self.setup(text, name: "positions.geojson")
        defer { setup.remove() }
        let gazetteer = try setup.open()
        let entry = try #require(PlaceLookup(gazetteer: gazetteer).candidates(for: "Pole Dva").first?.entry)
        #expect(gazetteer.userID(entry) == "positions.geojson:1" && gazetteer.kind(entry) == .landform)
        #expect(gazetteer.population(entry) == 12 && gazetteer.hasShape(entry))
        // The point lies in one of the two triangles.
        let point = gazetteer.point(entry)
        #expect((48.4...48.45).contains(point.lat) && ((39.0...39.1).contains(point.lon) || (39.3...39.4).contains(point.lon)))
    }

    @Test func withoutAnIDTheFileNameAndPositionAreTheID() throws {
        let text = #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Zorivka Pershaya"}, "geometry": "#
            + Self.point + "}]}"
        let setup = Self.setup(text, name: "field-notes.geojson")
        defer { setup.remove() }
        let gazetteer = try setup.open()
        let entry = try #require(PlaceLookup(gazetteer: gazetteer).candidates(for: "Zorivka Pershaya").first?.entry)
        #expect(gazetteer.userID(entry) == "field-notes.geojson:1")
        #expect(gazetteer.kind(entry) == .place)
    }
}

/// The options through the built binary: `--places` and `GEOMAP_PLACES`, `--ignore`, a bad file.
@Suite(.enabled(if: BadInput.executable != nil, "the geomap binary is not built"))
struct UserPlacesCLITests {
    @Test func placesAndIgnoreOnTheCommandLineAndInTheEnvironment() throws {
        let setup = UserPlacesTests.setup()
        defer { setup.remove() }
        let byOption = try BadInput.geomap(["lookup", "Zorivka Pershaya", "--format", "json", "--places", setup.places])
        #expect(byOption.status == 0, "\(byOption.stderr)")
        #expect(byOption.stdout.contains("\"source\":\"user\",\"user_id\":\"v-1\""))
        let byEnvironment = try BadInput.geomap(["lookup", "Zorivka Pershaya", "--format", "json"], environment: ["GEOMAP_PLACES": setup.places])
        #expect(byEnvironment.stdout == byOption.stdout)
        let without = try BadInput.geomap(["lookup", "Zorivka Pershaya", "--format", "json"])
        #expect(without.status != 0 && !without.stdout.contains("user"))

        let article = setup.directory + "/a.txt"
        BadInput.write("Artillery struck Zorivka Pershaya, east of Luhansk.", to: article)
        let ignore = setup.directory + "/ignore.txt"
        BadInput.write("Luhansk\n", to: ignore)
        let extracted = try BadInput.geomap(["extract", article, "--format", "jsonl", "--places", setup.places, "--ignore", ignore])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        #expect(extracted.stdout.contains("\"user_id\":\"v-1\"") && !extracted.stdout.contains("\"name\":\"Luhansk\""))
        let ignoredByEnvironment = try BadInput.geomap(["extract", article, "--format", "jsonl"], environment: ["GEOMAP_IGNORE": ignore])
        #expect(!ignoredByEnvironment.stdout.contains("\"name\":\"Luhansk\"") && ignoredByEnvironment.stdout.contains("toponyms"))
    }

    @Test func aBadFileIsOneLineAndExitStatusOne() throws {
        let setup = UserPlacesTests.setup(UserPlacesTests.feature(#""name": "Hamlet", "kind": "village""#, UserPlacesTests.point))
        defer { setup.remove() }
        let run = try BadInput.geomap(["lookup", "Luhansk", "--places", setup.places])
        #expect(run.status == 1)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.hasPrefix("geomap: " + setup.places + ": feature 2 (\"Hamlet\"): unknown kind \"village\""), "\(run.stderr)")
    }
}
