import Foundation
import Testing
@testable import GeoMapServer

/// `POST /v1/extract` answers what `geomap extract --format json` writes for the same documents.
@Suite("serve: extract", .serialized, .enabled(if: ServerTestSupport.canCompare, "needs the bundled gazetteer and the geomap binary"))
struct ExtractRouteTests {
    /// The CLI's output for the articles as JSON Lines (ids a1, a2, …).
    static func cliOutput(_ documents: [[String: Any]], arguments: [String] = []) throws -> [UInt8] {
        let directory = ServerTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try ServerTestSupport.jsonLines(documents, in: directory)
        let run = try ServerTestSupport.geomap(["extract", "--format", "json"] + arguments + [path])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    nonisolated(unsafe) static let documents: [[String: Any]] = ServerTexts.articles.enumerated().map { ["id": "a\($0.offset + 1)", "text": $0.element] }

    @Test("a batch is answered with exactly the bytes of extract --format json")
    func batchMatchesCLI() async throws {
        let expected = try Self.cliOutput(Self.documents)
        try await RunningServer.with { server in
            let response = try await server.client.post("/v1/extract", body: try ServerTestSupport.jsonBody(["documents": Self.documents]))
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.text == String(decoding: expected, as: UTF8.self))
        }
    }

    @Test("one document is answered with its record, the CLI's record for it")
    func singleMatchesCLI() async throws {
        let document = Self.documents[0]
        let expected = String(decoding: try Self.cliOutput([document]), as: UTF8.self)
        // The CLI wraps its one record in "[\n" … "\n]\n".
        let record = expected.dropFirst(2).dropLast(3)
        try await RunningServer.with { server in
            let response = try await server.client.post("/v1/extract", body: try ServerTestSupport.jsonBody(document))
            #expect(response.status == 200)
            #expect(response.text == record + "\n")
            let object = try response.object()
            #expect(object["id"] as? String == "a1")
            let names = (object["mentions"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
            #expect(names == ["Severodonetsk", "Lysychansk", "Luhansk region"])
        }
    }

    @Test("documents without an id are named -:N, as the CLI names standard input's lines; numeric ids keep their digits")
    func idsAsTheCLI() async throws {
        let documents: [[String: Any]] = [["text": ServerTexts.articles[1]], ["id": 12345678901234567, "text": ServerTexts.articles[2]]]
        try await RunningServer.with { server in
            let response = try await server.client.post("/v1/extract", json: #"{"documents":[{"text":"\#(ServerTexts.articles[1])"},{"id":12345678901234567,"text":"\#(ServerTexts.articles[2])"}]}"#)
            #expect(response.status == 200)
            let records = try #require(try response.json() as? [[String: Any]])
            #expect(records.map { $0["id"] as? String } == ["-:1", "12345678901234567"])
            _ = documents
        }
    }

    /// Schemathesis posted a batch whose documents repeated `"id": ""`, which the OpenAPI document
    /// allows, and got a 400 "the id \"\" repeats". An empty id is no id: the CLI names such a
    /// line of standard input `-:N`, and the server the N-th document.
    @Test("an empty id counts as none: each document is named -:N, as the CLI names those lines of standard input")
    func emptyIDsAsTheCLI() async throws {
        let body = #"{"documents":[{"id":"","text":"\#(ServerTexts.articles[0])"},{"text":"\#(ServerTexts.articles[1])"},{"id":"","text":"\#(ServerTexts.articles[2])"}]}"#
        let lines = [#"{"id":"","text":"\#(ServerTexts.articles[0])"}"#, #"{"text":"\#(ServerTexts.articles[1])"}"#, #"{"id":"","text":"\#(ServerTexts.articles[2])"}"#]
        let cli = try ServerTestSupport.geomap(["extract", "--input", "jsonl", "--format", "json", "-"], input: Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(cli.status == 0 && !cli.stderr.contains("warning"), "\(cli.stderr)")
        try await RunningServer.with { server in
            let response = try await server.client.post("/v1/extract", json: body)
            #expect(response.status == 200, "\(response.text)")
            let records = try #require(try response.json() as? [[String: Any]])
            #expect(records.map { $0["id"] as? String } == ["-:1", "-:2", "-:3"])
            #expect(response.body == cli.stdout)
            let one = try await server.client.post("/v1/extract", json: #"{"id":"","text":"Kyiv"}"#)
            #expect(try one.object()["id"] as? String == "-:1")
            let layer = try await server.client.post("/v1/geojson", json: body)
            #expect(layer.status == 200, "\(layer.text)")
        }
    }

    /// Schemathesis posted a batch repeating a (non-empty) id, which no JSON Schema can forbid, and
    /// got a 400. A batch is answered in order, so a repeated id is no ambiguity.
    @Test("ids may repeat in a batch: every document gets its record, in order, with the id it was given")
    func repeatedIDsAreAnswered() async throws {
        let body = #"{"documents":[{"id":"a","text":"\#(ServerTexts.articles[0])"},{"id":"b","text":"\#(ServerTexts.articles[1])"},{"id":"a","text":"\#(ServerTexts.articles[2])"},{"id":"-:4","text":"Kyiv"},{"text":"Lviv"}]}"#
        try await RunningServer.with { server in
            let response = try await server.client.post("/v1/extract", json: body)
            #expect(response.status == 200, "\(response.text)")
            let records = try #require(try response.json() as? [[String: Any]])
            #expect(records.map { $0["id"] as? String } == ["a", "b", "a", "-:4", "-:5"])
            let third = ((records[2]["mentions"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
            #expect(third.contains("Kherson"), "the third record is the third document's")
            let layer = try await server.client.post("/v1/geojson?layer=mentions", json: body)
            #expect(layer.status == 200, "\(layer.text)")
        }
    }

    @Test("kinds restricts the mentions, per request and per document; other members are passed through")
    func kindsAndPassThrough() async throws {
        let text = "Ukrainian and Polish officials met in Warsaw."
        let demonymsOnly = String(decoding: try Self.cliOutput([["id": "k", "text": text]], arguments: ["--kinds", "demonym"]), as: UTF8.self)
        try await RunningServer.with { server in
            let single = try await server.client.post("/v1/extract", json: #"{"id":"k","text":"\#(text)","kinds":["demonym"],"source":"wire","meta":{"n":1.50,"tags":["a"]},"mentions":"ignored"}"#)
            #expect(single.status == 200)
            let object = try single.object()
            let kinds = Set(((object["mentions"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String })
            #expect(kinds == ["demonym"])
            #expect(object["source"] as? String == "wire")
            #expect(single.text.contains(#""meta":{"n":1.50,"tags":["a"]}"#), "passed-through values keep their JSON text")
            #expect(object["mentions"] is [Any], "the record's own member wins over a passed-through one")
            // Without the passed-through members the record is the CLI's.
            let plain = try await server.client.post("/v1/extract", json: #"{"documents":[{"id":"k","text":"\#(text)"}],"kinds":["demonyms"]}"#)
            #expect(plain.text == demonymsOnly)
        }
    }

    @Test("a text over 256 KiB is geoparsed in pieces, with the CLI's offsets and record")
    func largeDocumentMatchesCLI() async throws {
        var text = ""
        var k = 0
        while text.utf8.count <= (1 << 18) + 5000 {
            text += ServerTexts.articles[k % ServerTexts.articles.count] + (k % 7 == 6 ? "\n\n" : " ")
            k += 1
        }
        let document: [String: Any] = ["id": "long", "text": text]
        let expected = try Self.cliOutput([document])
        try await RunningServer.with { server in
            let response = try await server.client.post("/v1/extract", body: try ServerTestSupport.jsonBody(["documents": [document]]))
            #expect(response.status == 200)
            #expect(response.body == expected)
            #expect(response.body.count > 100_000)
        }
    }

    @Test("concurrent clients each get the CLI's record for their own text")
    func concurrentClients() async throws {
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(try Self.cliOutput(Self.documents))) as? [[String: Any]])
        let records = try expected.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        try await RunningServer.with({ $0.workers = 3 }) { server in
            try await withThrowingTaskGroup(of: (Int, String, Int).self) { group in
                for request in 0..<96 {
                    let k = (request * 5) % Self.documents.count
                    let body = try ServerTestSupport.jsonBody(Self.documents[k])
                    group.addTask {
                        let response = try await server.client.post("/v1/extract", body: body)
                        let object = try JSONSerialization.jsonObject(with: Data(response.body))
                        return (k, String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self), response.status)
                    }
                }
                var answered = 0
                for try await (k, record, status) in group {
                    #expect(status == 200)
                    #expect(record == records[k], "request for document \(k)")
                    answered += 1
                }
                #expect(answered == 96)
            }
        }
    }
}
