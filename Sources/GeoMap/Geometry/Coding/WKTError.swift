/// Text that is not a well-formed WKT geometry.
public struct WKTError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    /// UTF-8 byte offset where reading failed.
    public let offset: Int

    public var description: String { "invalid WKT at character \(offset): \(reason)" }
}
