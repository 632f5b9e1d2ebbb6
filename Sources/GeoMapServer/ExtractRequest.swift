import GeoMap

/// One document of a `POST /v1/extract` or `POST /v1/geojson` body.
struct RequestDocument: Sendable {
    var id: [UInt8]
    var text: [UInt8]
    var roles: Set<MentionRole>
    /// Members other than `id`, `text` and `kinds`, copied into the document's record.
    var passThrough: [(key: String, value: JSONValue)]
}

/// Reads a body: one document `{"text": …, "id"?: …, "kinds"?: [...], …}` or a batch
/// `{"documents": [{…}, …], "kinds"?: [...]}` (a batch's `kinds` is the default of its documents).
/// A document without an id, or with an empty one (`""`), is named `-:N`, N its place in the
/// request counted from 1: what `geomap extract -` names the N-th line of the same documents as
/// JSON Lines. Ids may repeat: the answer is an array in the documents' order, so a record is
/// found by its place, not its id (the CLI, whose output is a stream named by ids, skips a
/// repeated one; here that would shift every later record).
enum ExtractRequest {
    struct Parsed: Sendable {
        var documents: [RequestDocument]
        /// Whether the body was a batch (answered with an array) or one document.
        var isBatch: Bool
    }

    static let allRoles: Set<MentionRole> = [.place, .demonym]

    static func parse(_ body: [UInt8], maxDocuments: Int) throws(APIError) -> Parsed {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .badRequest("the body is \(error)")
        }
        guard case .object = value else { throw .badRequest("the body must be a JSON object, not \(value.typeName)") }
        if let documents = value["documents"] {
            if value["text"] != nil { throw .badRequest("give either \"text\" or \"documents\", not both") }
            guard case .array(let elements) = documents else {
                throw .badRequest("\"documents\" must be an array of objects, not \(documents.typeName)")
            }
            guard !elements.isEmpty else { throw .badRequest("\"documents\" is empty") }
            guard elements.count <= maxDocuments else {
                throw APIError(.contentTooLarge, "too many documents in one request: \(elements.count), at most \(maxDocuments)",
                               details: [("limit", .number(String(maxDocuments)))])
            }
            let defaultRoles = try roles(value["kinds"], where: "") ?? allRoles
            var parsed: [RequestDocument] = []
            parsed.reserveCapacity(elements.count)
            for (k, element) in elements.enumerated() {
                parsed.append(try self.document(element, position: k + 1, defaultRoles: defaultRoles, where: "documents[\(k)]: "))
            }
            return Parsed(documents: parsed, isBatch: true)
        }
        return Parsed(documents: [try document(value, position: 1, defaultRoles: allRoles, where: "")], isBatch: false)
    }

    private static func document(_ value: JSONValue, position: Int, defaultRoles: Set<MentionRole>, where place: String) throws(APIError) -> RequestDocument {
        func fail(_ message: String) -> APIError {
            var error = APIError.badRequest(place + message)
            if !place.isEmpty { error.details = [("document", .number(String(position - 1)))] }
            return error
        }
        guard case .object(let members) = value else { throw fail("a document must be an object, not \(value.typeName)") }
        var id: [UInt8]?
        var text: [UInt8]?
        var roles: Set<MentionRole>?
        var passThrough: [(key: String, value: JSONValue)] = []
        for (key, member) in members {
            switch key {
            case "text":
                guard case .string(let string) = member else { throw fail("\"text\" is not a string") }
                text = Array(string.utf8)
            case "id":
                switch member {
                case .string(let string): id = string.isEmpty ? nil : Array(string.utf8)
                case .number(let literal): id = Array(literal.utf8)
                default: throw fail("\"id\" is not a string or a number")
                }
            case "kinds":
                do { roles = try self.roles(member, where: place) } catch { throw fail(error.message.dropFirst(place.count).description) }
            default:
                passThrough.append((key, member))
            }
        }
        guard let text else { throw fail("no \"text\" key") }
        return RequestDocument(id: id ?? Array("-:\(position)".utf8), text: text, roles: roles ?? defaultRoles, passThrough: passThrough)
    }

    /// The mention kinds of a `kinds` member: an array of "place", "demonym" (or their plurals).
    private static func roles(_ value: JSONValue?, where place: String) throws(APIError) -> Set<MentionRole>? {
        guard let value else { return nil }
        guard case .array(let names) = value else { throw .badRequest(place + "\"kinds\" must be an array such as [\"place\", \"demonym\"], not \(value.typeName)") }
        var roles = Set<MentionRole>()
        for name in names {
            switch name {
            case .string("place"), .string("places"): roles.insert(.place)
            case .string("demonym"), .string("demonyms"): roles.insert(.demonym)
            case .string(let other): throw .badRequest(place + "unknown kind \"\(other)\" in \"kinds\" (use place, demonym)")
            default: throw .badRequest(place + "\"kinds\" holds \(name.typeName); use the strings place, demonym")
            }
        }
        guard !roles.isEmpty else { throw .badRequest(place + "\"kinds\" names no kind") }
        return roles
    }
}
