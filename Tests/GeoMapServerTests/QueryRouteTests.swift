import Foundation
import Testing
@testable import GeoMapServer

/// The GET routes answer what `lookup`, `distance` and `near --format json` print, and the GeoJSON
/// route what `geojson --merge` writes.
@Suite("serve: lookup, distance, near, geojson, health", .serialized, .enabled(if: ServerTestSupport.canCompare, "needs the bundled gazetteer and the geomap binary"))
struct QueryRouteTests {
    @Test("lookup, distance and near give the CLI's JSON")
    func queriesMatchCLI() async throws {
        let cases: [(target: String, cli: [String])] = [
            ("/v1/lookup?name=Lugansk", ["lookup", "--format", "json", "Lugansk"]),
            ("/v1/lookup?name=Luhans%27k&limit=2&kind=admin1&country=UA", ["lookup", "--format", "json", "--limit", "2", "--kind", "admin1", "--country", "UA", "Luhans'k"]),
            ("/v1/distance?a=Kaliningrad&b=Belarus", ["distance", "--format", "json", "Kaliningrad", "Belarus"]),
            ("/v1/distance?a=Kaliningrad&b=Vilnius&a_kind=admin1", ["distance", "--format", "json", "--a-kind", "admin1", "Kaliningrad", "Vilnius"]),
            ("/v1/near?name=Severodonetsk&km=30&limit=5", ["near", "--format", "json", "--km", "30", "--limit", "5", "Severodonetsk"]),
            ("/v1/near?name=Kyiv&km=100&kind=place", ["near", "--format", "json", "--km", "100", "--kind", "place", "Kyiv"]),
        ]
        try await RunningServer.with { server in
            for (target, arguments) in cases {
                let run = try ServerTestSupport.geomap(arguments)
                #expect(run.status == 0, "\(arguments): \(run.stderr)")
                let response = try await server.client.get(target)
                #expect(response.status == 200, "\(target): \(response.text)")
                #expect(response.body == run.stdout, "\(target)")
            }
        }
    }

    @Test("an unknown name is 404 with the CLI's message and suggestions")
    func unknownName() async throws {
        let run = try ServerTestSupport.geomap(["lookup", "Severodonetzkk"])
        #expect(run.status == 1)
        try await RunningServer.with { server in
            for target in ["/v1/lookup?name=Severodonetzkk", "/v1/near?name=Severodonetzkk&km=10", "/v1/distance?a=Severodonetzkk&b=Kyiv"] {
                let response = try await server.client.get(target)
                #expect(response.status == 404, "\(target)")
                let object = try response.object()
                let message = try #require(object["error"] as? String)
                #expect(run.stderr == "geomap: \(message)\n", "\(target)")
                let suggestions = try #require(object["suggestions"] as? [String])
                #expect(suggestions.contains("Sievierodonetsk") || !suggestions.isEmpty)
            }
        }
    }

    @Test("each layer is the file geojson --merge writes for the same documents")
    func geoJSONMatchesCLI() async throws {
        let documents = ExtractRouteTests.documents
        let directory = ServerTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = try ServerTestSupport.jsonLines(documents, in: directory)
        let run = try ServerTestSupport.geomap(["geojson", "--merge", "--mentions", "-o", directory + "/out", input])
        #expect(run.status == 0, "\(run.stderr)")
        let body = try ServerTestSupport.jsonBody(["documents": documents])
        try await RunningServer.with { server in
            for layer in ["places", "areas", "mentions"] {
                let expected = try Data(contentsOf: URL(fileURLWithPath: directory + "/out/\(layer).geojson"))
                let response = try await server.client.post("/v1/geojson?layer=\(layer)", body: body)
                #expect(response.status == 200, "\(layer): \(response.text.prefix(300))")
                #expect(response.body == Array(expected), "\(layer)")
            }
            let standard = try await server.client.post("/v1/geojson", body: body)
            #expect(standard.body == Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/out/places.geojson"))), "places by default")
            let empty = try await server.client.post("/v1/geojson?layer=areas", json: #"{"text":"Nothing here."}"#)
            #expect(empty.status == 200)
            #expect((try empty.object()["features"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("healthz names the versions; openapi.json describes exactly the routes the server has")
    func healthAndOpenAPI() async throws {
        try await RunningServer.with { server in
            let health = try await server.client.get("/healthz")
            #expect(health.status == 200)
            let object = try health.object()
            #expect(object["status"] as? String == "ok")
            let gazetteer = try #require(object["gazetteer"] as? [String: Any])
            #expect((gazetteer["entries"] as? Int ?? 0) > 100_000)
            #expect((gazetteer["version"] as? String)?.isEmpty == false)

            let document = try await server.client.get("/openapi.json")
            #expect(document.status == 200)
            let spec = try document.object()
            #expect(spec["openapi"] as? String == "3.1.0")
            let paths = try #require(spec["paths"] as? [String: [String: Any]])
            var described = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys { described.insert("\(method.uppercased()) \(path)") }
            }
            let served = Set(GeoMapServer.routes.map { "\($0.method.rawValue) \($0.path)" })
            #expect(described == served)
            // Every operation's documented query parameters are the ones the server reads: an
            // unknown one is ignored, a documented one with a bad value is refused.
            for (path, operations) in paths {
                for (method, operation) in operations {
                    let responses = try #require((operation as? [String: Any])?["responses"] as? [String: Any], "\(method) \(path)")
                    #expect(responses["200"] != nil, "\(method) \(path) documents its answer")
                    if path.hasPrefix("/v1/") { #expect(responses["400"] != nil && responses["503"] != nil, "\(method) \(path)") }
                }
            }
        }
    }
}
