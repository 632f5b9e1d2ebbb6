import GeoMap

/// Everything one worker thread needs to answer requests: its own parser (a whole value, never
/// copied, so no scratch storage is shared with another thread), its layer builders (which keep
/// the outlines they prepared for later requests) and the renderer. Only its thread touches it.
final class Workspace {
    let gazetteer: Gazetteer
    var parser: Geoparser
    let renderer: DocumentRenderer
    let lookup: PlaceLookup
    private var layerBuilders: [Bool: LayerBuilder] = [:]
    /// Made on the first `near` request (it indexes every point of the gazetteer).
    lazy var nearSearch = NearSearch(gazetteer: gazetteer)

    init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        parser = Geoparser(gazetteer: gazetteer)
        renderer = DocumentRenderer(format: .json, gazetteer: gazetteer)
        lookup = PlaceLookup(gazetteer: gazetteer)
    }

    /// The builder for layers with or without the mentions layer, emptied.
    func layerBuilder(includeMentions: Bool) -> LayerBuilder {
        let builder = layerBuilders[includeMentions] ?? LayerBuilder(gazetteer: gazetteer, includeMentions: includeMentions)
        layerBuilders[includeMentions] = builder
        builder.reset()
        return builder
    }

    /// The mentions of a text of at most `LargeDocument.wholeLimit` bytes, of the given kinds.
    func mentions(of text: [UInt8], roles: Set<MentionRole>) -> [ExtractedMention] {
        var mentions = text.withUnsafeBufferPointer { parser.parse(utf8: $0) }
        if roles.count < 2 { mentions.removeAll { !roles.contains($0.role) } }
        return mentions
    }

    /// Each piece of a large text with its mentions (code-point offsets into the whole text), as
    /// `extract` geoparses a document over `LargeDocument.wholeLimit` bytes.
    func forEachPiece(of document: RequestDocument, _ body: (TextPiece, [ExtractedMention]) throws -> Void) throws {
        let large = LargeDocument(id: document.id, source: "request", bytes: document.text)
        while let piece = try large.nextPiece() {
            var mentions = mentions(of: piece.text, roles: document.roles)
            for k in mentions.indices {
                mentions[k].start += piece.charOffset
                mentions[k].end += piece.charOffset
            }
            try body(piece, mentions)
        }
    }
}
