import GeoMap

/// The query string of a GET request, decoded strictly: `+` is a space, `%XX` a byte, and the
/// result must be UTF-8; a parameter given twice is an error (which one would count?).
struct QueryParameters: Sendable {
    private var values: [String: String] = [:]

    init(_ query: String?) throws(APIError) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try QueryParameters.decode(parts[0])
            let value = parts.count > 1 ? try QueryParameters.decode(parts[1]) : ""
            if values.updateValue(value, forKey: key) != nil { throw .badRequest("the query parameter \"\(key)\" is given more than once") }
        }
    }

    private static func decode(_ part: Substring) throws(APIError) -> String {
        var bytes: [UInt8] = []
        var utf8 = part.utf8[...]
        while let byte = utf8.popFirst() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard let high = utf8.popFirst().flatMap(hexValue), let low = utf8.popFirst().flatMap(hexValue) else {
                    throw .badRequest("the query string has a bad percent-escape")
                }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .badRequest("the query string is not UTF-8") }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// A required text parameter, not blank.
    func name(_ key: String) throws(APIError) -> String {
        guard let value = values[key] else { throw .badRequest("the query parameter \"\(key)\" is missing") }
        guard !value.trimmingCharacters(in: .whitespaces).isEmpty else { throw .badRequest("the query parameter \"\(key)\" is empty") }
        do {
            try PlaceLookup.checkLength(of: value)
        } catch let error as GeoMapError {
            throw APIError(error)
        } catch {
            throw .badRequest("\(error)")
        }
        return value
    }

    func integer(_ key: String, default fallback: Int, atLeast minimum: Int, atMost maximum: Int) throws(APIError) -> Int {
        guard let text = values[key] else { return fallback }
        guard let value = Int(text), value >= minimum, value <= maximum else {
            throw .badRequest("\"\(key)\" must be a whole number from \(minimum) to \(maximum), not \"\(text)\"")
        }
        return value
    }

    func number(_ key: String, above low: Double, atMost high: Double, meaning: String) throws(APIError) -> Double {
        guard let text = values[key] else { throw .badRequest("the query parameter \"\(key)\" is missing") }
        guard let value = Double(text), value.isFinite, value > low, value <= high else {
            throw .badRequest("\"\(key)\" must be more than \(Int(low)) and at most \(Int(high)) (\(meaning)), not \"\(text)\"")
        }
        return value
    }

    func kind(_ key: String) throws(APIError) -> PlaceKind? {
        guard let text = values[key] else { return nil }
        guard let kind = PlaceKind(name: text) else {
            throw .badRequest("unknown kind \"\(text)\" in \"\(key)\" (use \(PlaceKind.allCases.map(\.description).joined(separator: ", ")))")
        }
        return kind
    }

    func country(_ key: String) throws(APIError) -> CountryCode? {
        guard let text = values[key] else { return nil }
        guard let code = CountryCode(text) else { throw .badRequest("\"\(key)\" takes a two-letter code such as UA, not \"\(text)\"") }
        return code
    }

    /// The layer a `geojson` request asks for (places when not given).
    func layer(_ key: String) throws(APIError) -> MapLayer {
        guard let text = values[key] else { return .places }
        guard let layer = MapLayer(rawValue: text), layer != .distances else {
            throw .badRequest("unknown layer \"\(text)\" (use places, areas, mentions)")
        }
        return layer
    }
}
