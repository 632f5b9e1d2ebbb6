/// A warning the reader raised, and whether it counts as a skipped input.
struct ReadNotice: Sendable {
    var message: String
    var skips: Bool
}

/// What `DocumentReader.nextUnit` hands out: the next stretch of input, with the warnings raised
/// before it (an unreadable file, a binary file, a read error), so that a consumer working ahead
/// can give them out in input order.
struct ReadUnit {
    enum Content {
        /// Raw lines of a JSON Lines file, for `JSONLineDecoder` and then `DocumentReader.admit`.
        case lines(LineBatch)
        /// A text file's document.
        case item(DocumentItem)
        /// Nothing: only the warnings at the end of the input.
        case none
    }

    var notices: [ReadNotice]
    var content: Content
}
