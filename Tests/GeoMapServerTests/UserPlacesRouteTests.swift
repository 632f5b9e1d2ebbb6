import Foundation
import GeoMap
@testable import GeoMapServer
import Testing

/// `serve --places --ignore`: the server answers from the merged gazetteer, its entries say
/// `source: user`, and ignored names are never mentions. Over the mini gazetteer of the library tests.
@Suite("serve: the analyst's own places", .serialized)
struct UserPlacesRouteTests {
    @Test("lookup, extract and geojson say source user; ignored names are not mentions")
    func userPlacesAndIgnoredNames() async throws {
        let directory = NSTemporaryDirectory() + "geomap-serve-places-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let places = directory + "/mine.geojson", ignore = directory + "/ignore.txt"
        try #"""
        {"type": "FeatureCollection", "features": [{"type": "Feature", "id": "v-1",
         "properties": {"name": "Zorivka Pershaya", "country": "UA", "admin1": "Luhansk", "population": 120}, "geometry": {"type": "Point", "coordinates": [39.45, 48.62]}}]}
        """#.write(toFile: places, atomically: true, encoding: .utf8)
        try "Moscow\n".write(toFile: ignore, atomically: true, encoding: .utf8)
        let mini = GazetteerFiles(directory: ServerTestSupport.repositoryRoot + "/Tests/GeoMapTests/Fixtures/MiniGazetteer")
        let gazetteer = try Gazetteer.open(mini, places: [places], ignore: [ignore], cacheDirectory: directory + "/cache")
        try await RunningServer.with(gazetteer: gazetteer) { server in
            let lookup = try await server.client.get("/v1/lookup?name=Zorivka%20Pershaya")
            #expect(lookup.status == 200 && lookup.text.contains(#""source":"user","user_id":"v-1""#), "\(lookup.text)")
            let text = "Artillery struck Zorivka Pershaya overnight, east of Luhansk, Ukraine. Talks in Moscow."
            let extract = try await server.client.post("/v1/extract", json: #"{"text":"\#(text)"}"#)
            #expect(extract.status == 200)
            #expect(extract.text.contains(#""user_id":"v-1""#), "\(extract.text)")
            #expect(extract.text.contains(#"{"text":"Luhansk""#) && !extract.text.contains(#"{"text":"Moscow""#), "\(extract.text)")
            let layer = try await server.client.post("/v1/geojson?layer=places", json: #"{"text":"\#(text)"}"#)
            #expect(layer.status == 200 && layer.text.contains(#""source":"user""#), "\(layer.text)")
        }
    }
}
