/// A GEOS operation that failed; `message` is what GEOS reported.
public struct GEOSError: Error, Equatable, Sendable, CustomStringConvertible {
    public let operation: String
    public let message: String

    public var description: String { "GEOS \(operation) failed: \(message)" }
}
