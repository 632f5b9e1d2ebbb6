/// Errors GeoMap reports to its user: each one renders as a single line naming what went wrong
/// and where.
public enum GeoMapError: Error, CustomStringConvertible, Sendable, Equatable {
    case io(path: String, reason: String)
    case badData(path: String, line: Int?, reason: String)
    case badInput(path: String, line: Int?, reason: String)
    case noPlace(name: String, suggestions: [String])
    case usage(String)
    case gazetteerMissing(searched: [String])

    public var description: String {
        switch self {
        case let .io(path, reason): return "\(path): \(reason)"
        case let .badData(path, line, reason), let .badInput(path, line, reason):
            if let line { return "\(path):\(line): \(reason)" }
            return "\(path): \(reason)"
        case let .noPlace(name, suggestions):
            let quoted = "no place named \"\(name)\""
            if suggestions.isEmpty { return quoted }
            return quoted + "; did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: ", ") + "?"
        case let .usage(message): return message
        case let .gazetteerMissing(searched):
            return "cannot find the gazetteer (Gazetteer/places.tsv); looked in " + searched.joined(separator: ", ")
                + "; set GEOMAP_GAZETTEER or pass --gazetteer"
        }
    }
}
