/// Bytes that are not a well-formed WKB geometry.
public struct WKBError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String
    /// Byte offset where reading failed.
    public let offset: Int

    public var description: String { "invalid WKB at byte \(offset): \(reason)" }
}
