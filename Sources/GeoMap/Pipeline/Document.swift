/// One document to geoparse: its id (a file path, a JSON Lines id, or `-`) and its text as
/// UTF-8 bytes, with where it came from for messages.
public struct Document: Sendable {
    public var id: [UInt8]
    public var text: [UInt8]
    public var source: String
    public var line: Int?

    public init(id: [UInt8], text: [UInt8], source: String, line: Int? = nil) {
        self.id = id
        self.text = text
        self.source = source
        self.line = line
    }

    public var idString: String { String(decoding: id, as: UTF8.self) }
}
