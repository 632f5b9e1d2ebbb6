import GeoMap

/// A JSON value as a request body holds it. Numbers keep their literal text, so an id such as
/// `12345678901234567890` or a passed-through `1.50` comes back exactly as it was sent; object
/// members keep their order.
enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// The JSON type's name, for messages.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The first member named `key` of an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// Writes the value as compact JSON.
    func write(to json: inout JSONBytes) {
        switch self {
        case .null: json.raw("null")
        case .bool(let value): json.raw(value ? "true" : "false")
        case .number(let literal): json.bytes.append(contentsOf: literal.utf8)
        case .string(let value): json.string(value)
        case .array(let elements):
            json.raw("[")
            for (k, element) in elements.enumerated() {
                if k > 0 { json.raw(",") }
                element.write(to: &json)
            }
            json.raw("]")
        case .object(let members):
            json.raw("{")
            for (k, member) in members.enumerated() {
                if k > 0 { json.raw(",") }
                json.string(member.key)
                json.raw(":")
                member.value.write(to: &json)
            }
            json.raw("}")
        }
    }
}
