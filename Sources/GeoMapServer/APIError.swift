import GeoMap
import HTTPTypes

/// What a request did wrong (or, for a 5xx, what the server could not do), answered as
/// `{"error": "one line", …}` with the status. A message never spans lines.
struct APIError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    /// More members of the error object (`suggestions`, `document`, `limit`).
    var details: [(key: String, value: JSONValue)] = []
    /// Response headers such as `Retry-After` and `Allow`.
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, details: [(key: String, value: JSONValue)] = []) {
        self.status = status
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        self.details = details
    }

    static func badRequest(_ message: String) -> APIError { APIError(.badRequest, message) }

    /// A GeoMap error, as the CLI would print it, with the status it deserves.
    init(_ error: GeoMapError) {
        switch error {
        case let .noPlace(_, suggestions):
            self.init(.notFound, error.description, details: [("suggestions", .array(suggestions.map { .string($0) }))])
        case .usage, .badInput:
            self.init(.badRequest, error.description)
        case .io, .badData, .gazetteerMissing:
            self.init(.internalServerError, error.description)
        }
    }

    /// The error object's bytes.
    var body: [UInt8] {
        var json = JSONBytes(capacity: 128)
        json.raw("{\"error\":")
        json.string(message)
        for (key, value) in details {
            json.raw(",")
            json.string(key)
            json.raw(":")
            value.write(to: &json)
        }
        json.raw("}\n")
        return json.bytes
    }
}
