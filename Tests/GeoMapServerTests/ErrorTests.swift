import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import GeoMapServer

/// Bad requests get a 4xx with a one-line `{"error": …}`, each status one the OpenAPI document
/// lists for the route, and the server goes on answering.
@Suite("serve: bad requests", .serialized, .enabled(if: ServerTestSupport.canServe, "needs the bundled gazetteer"))
struct ErrorTests {
    /// The statuses the OpenAPI document lists for `method path`.
    static func documentedStatuses(_ method: String, _ path: String) throws -> Set<Int> {
        let spec = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: [String: [String: Any]]])
        let responses = try #require(paths[path]?[method.lowercased()]?["responses"] as? [String: Any], "\(method) \(path) is documented")
        return Set(responses.keys.compactMap { Int($0) })
    }

    /// Checks an error answer: the status, a one-line message containing `fragment`, documented.
    static func expectError(_ response: HTTPTestClient.Response, _ status: Int, _ fragment: String, method: String, path: String,
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, "\(method) \(path): \(response.text)", sourceLocation: sourceLocation)
        let message = try #require(try response.object()["error"] as? String, sourceLocation: sourceLocation)
        #expect(message.contains(fragment), "\(message)", sourceLocation: sourceLocation)
        #expect(!message.contains("\n"), sourceLocation: sourceLocation)
        #expect(response.headers["content-type"] == "application/json", sourceLocation: sourceLocation)
        if GeoMapServer.routes.contains(where: { $0.path == path && $0.method.rawValue == method }) {
            #expect(try documentedStatuses(method, path).contains(status), "\(method) \(path) \(status) is not in the OpenAPI document", sourceLocation: sourceLocation)
        }
    }

    @Test("malformed JSON, wrong types, missing text, bad kinds, bad ids: 400 naming the problem")
    func badBodies() async throws {
        let cases: [(body: String, fragment: String)] = [
            (#"{"text": "Kyiv"#, "malformed JSON at line 1, column 15"),
            ("{\"text\":\n \"Kyiv\",,}", "line 2, column 9: expected a member name"),
            (#"{"text": "a\qb"}"#, "unknown escape"),
            (#"[{"text": "Kyiv"}]"#, "must be a JSON object, not an array"),
            (#""Kyiv""#, "not a string"),
            ("", "expected a value, found end of input"),
            (#"{"id": "x"}"#, "no \"text\" key"),
            (#"{"text": 42}"#, "\"text\" is not a string"),
            (#"{"text": "Kyiv", "id": [1]}"#, "\"id\" is not a string or a number"),
            (#"{"text": "Kyiv", "kinds": "place"}"#, "\"kinds\" must be an array"),
            (#"{"text": "Kyiv", "kinds": ["city"]}"#, "unknown kind \"city\""),
            (#"{"text": "Kyiv", "kinds": []}"#, "names no kind"),
            (#"{"documents": {"text": "Kyiv"}}"#, "\"documents\" must be an array"),
            (#"{"documents": []}"#, "\"documents\" is empty"),
            (#"{"documents": [{"text": "Kyiv"}, 7]}"#, "documents[1]: a document must be an object"),
            (#"{"documents": [{"text": "Kyiv"}], "text": "Lviv"}"#, "not both"),
            (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "nested more than 64"),
        ]
        try await RunningServer.with { server in
            for path in ["/v1/extract", "/v1/geojson"] {
                for (body, fragment) in cases {
                    try Self.expectError(try await server.client.post(path, json: body), 400, fragment, method: "POST", path: path)
                }
            }
            let batch = try await server.client.post("/v1/extract", json: #"{"documents": [{"text": "Kyiv"}, {"text": 1}]}"#)
            #expect(try batch.object()["document"] as? Int == 1)
            #expect(try await server.client.get("/healthz").status == 200)
        }
    }

    @Test("bad query parameters: 400 naming the parameter")
    func badQueries() async throws {
        let cases: [(target: String, fragment: String)] = [
            ("/v1/lookup", "\"name\" is missing"),
            ("/v1/lookup?name=%20%20", "\"name\" is empty"),
            ("/v1/lookup?name=Kyiv&limit=0", "\"limit\" must be a whole number from 1"),
            ("/v1/lookup?name=Kyiv&limit=ten", "\"limit\""),
            ("/v1/lookup?name=Kyiv&kind=city", "unknown kind \"city\""),
            ("/v1/lookup?name=Kyiv&country=Ukraine", "two-letter code"),
            ("/v1/lookup?name=Kyiv&name=Lviv", "given more than once"),
            ("/v1/lookup?name=%ZZ", "bad percent-escape"),
            ("/v1/lookup?name=%FF", "not UTF-8"),
            ("/v1/lookup?name=" + String(repeating: "a", count: 1001), "long"),
            ("/v1/distance?a=Kyiv", "\"b\" is missing"),
            ("/v1/distance?a=Kyiv&b=Lviv&b_kind=town", "unknown kind \"town\""),
            ("/v1/near?name=Kyiv", "\"km\" is missing"),
            ("/v1/near?name=Kyiv&km=-3", "\"km\" must be more than 0"),
            ("/v1/near?name=Kyiv&km=nan", "\"km\""),
            ("/v1/near?name=Kyiv&km=30000", "at most 20100"),
        ]
        try await RunningServer.with { server in
            for (target, fragment) in cases {
                let path = String(target.prefix { $0 != "?" })
                try Self.expectError(try await server.client.get(target), 400, fragment, method: "GET", path: path)
            }
            try Self.expectError(try await server.client.post("/v1/geojson?layer=roads", json: #"{"text":"Kyiv"}"#), 400, "unknown layer \"roads\"",
                                 method: "POST", path: "/v1/geojson")
        }
    }

    @Test("unknown routes are 404, other methods 405 with Allow")
    func routesAndMethods() async throws {
        try await RunningServer.with { server in
            try Self.expectError(try await server.client.get("/v2/extract"), 404, "no route GET /v2/extract", method: "GET", path: "/v2/extract")
            let wrong = try await server.client.get("/v1/extract")
            try Self.expectError(wrong, 405, "use POST", method: "GET", path: "/v1/extract")
            #expect(wrong.headers["allow"] == "POST")
            let put = try await server.client.post("/v1/lookup?name=Kyiv", json: "{}")
            try Self.expectError(put, 405, "use GET", method: "POST", path: "/v1/lookup")
        }
    }

    /// Schemathesis sends the methods a path does not list (TRACE found the routes answering 404).
    @Test("every method a route does not take is 405 with Allow, TRACE, OPTIONS and HEAD included; HEAD of a GET route is its GET")
    func everyOtherMethodIs405() async throws {
        try await RunningServer.with { server in
            for route in GeoMapServer.routes {
                let methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "PROPFIND", "HEAD"].filter { $0 != route.method.rawValue }
                for method in methods {
                    for path in [route.path, route.path + "/"] {
                        let response = try await server.client.request(method, path)
                        if method == "HEAD" && route.method == .get {
                            let get = try await server.client.get(path)
                            #expect(response.status == get.status, "HEAD \(path)")
                        } else if method == "HEAD" {
                            #expect(response.status == 405, "HEAD \(path)")
                            #expect(response.headers["allow"] == route.method.rawValue, "HEAD \(path)")
                        } else {
                            try Self.expectError(response, 405, "\(method) is not allowed on \(route.path); use \(route.method)", method: method, path: route.path)
                            #expect(response.headers["allow"] == route.method.rawValue, "\(method) \(path)")
                        }
                        if method == "HEAD" { #expect(response.body.isEmpty, "HEAD \(path) has no body") }
                    }
                }
            }
            try Self.expectError(try await server.client.request("TRACE", "/v1/nowhere"), 404, "no route TRACE /v1/nowhere", method: "TRACE", path: "/v1/nowhere")
            #expect(try await server.client.get("/healthz").status == 200)
        }
    }

    @Test("a body over --max-body and too many documents: 413; the server goes on")
    func limits() async throws {
        try await RunningServer.with({ $0.maxBodyBytes = 4096; $0.maxDocuments = 3 }) { server in
            let big = #"{"text":""# + String(repeating: "Kyiv ", count: 2000) + #""}"#
            try Self.expectError(try await server.client.post("/v1/extract", json: big), 413, "larger than the limit of 4096 bytes",
                                 method: "POST", path: "/v1/extract")
            // Without Content-Length (chunked), the limit holds as the bytes arrive.
            let chunk = Array(big.utf8)
            var request = Array("POST /v1/extract HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n".utf8)
            request += Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10] + Array("0\r\n\r\n".utf8)
            try Self.expectError(try await server.client.send(request), 413, "larger than the limit", method: "POST", path: "/v1/extract")
            let four = #"{"documents":[{"text":"a"},{"text":"b"},{"text":"c"},{"text":"d"}]}"#
            try Self.expectError(try await server.client.post("/v1/extract", json: four), 413, "too many documents in one request: 4, at most 3",
                                 method: "POST", path: "/v1/extract")
            #expect(try await server.client.post("/v1/extract", json: #"{"text":"Kyiv"}"#).status == 200)
        }
    }

    @Test("a client that does not send its body in time: 408, the connection closed, the server goes on",
          .enabled(if: ServerTestSupport.canCompare, "needs the geomap binary"))
    func slowClient() async throws {
        // A server process of its own: its deadline must not wait for this process's busy pool.
        let server = try ShutdownTests.ServeProcess(["--request-timeout", "1"])
        defer { _ = server.stopNow(with: SIGTERM) }
        let client = HTTPTestClient(port: server.port)
        let head = Array("POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"text\":".utf8)
        let started = Date()
        let response = try await client.send(head)
        try Self.expectError(response, 408, "did not arrive within 1 s", method: "POST", path: "/v1/extract")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(try await client.get("/healthz").status == 200)
    }

    @Test("beyond --max-inflight requests at once: 503 with Retry-After")
    func inFlightLimit() async throws {
        try await RunningServer.with({ $0.maxInFlight = 1; $0.requestTimeoutSeconds = 3 }) { server in
            // A client that holds the only place by sending its body slowly.
            let body = Array(#"{"text": "Kyiv and Lviv."}"#.utf8)
            let head = Array("POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8) + body[..<8]
            let tail = Array(body[8...])
            async let held = server.client.send(head, tail, pause: 1.5)
            try await Task.sleep(for: .milliseconds(500))
            let refused = try await server.client.get("/v1/lookup?name=Kyiv")
            try Self.expectError(refused, 503, "too many requests in flight (at most 1)", method: "GET", path: "/v1/lookup")
            #expect(refused.headers["retry-after"] == "1")
            #expect(try await server.client.get("/healthz").status == 200, "health answers whatever the load")
            let first = try await held
            #expect(first.status == 200, "\(first.text)")
            #expect(try await server.client.get("/v1/lookup?name=Kyiv").status == 200)
        }
    }
}
