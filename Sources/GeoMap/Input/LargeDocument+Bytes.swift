extension LargeDocument {
    /// Documents larger than this many bytes are geoparsed in pieces (`extract` and `geojson` do
    /// it; so does a caller with the text already in memory, such as the HTTP server).
    public static var wholeLimit: Int { TextPieces.wholeLimit }

    /// A document whose bytes are already in memory, to geoparse in pieces as `extract` does.
    public convenience init(id: [UInt8], source: String, bytes: [UInt8]) {
        self.init(id: id, source: source, stream: TextPieces(path: source, bytes: bytes))
    }
}
