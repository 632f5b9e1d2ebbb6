/// What a format writes for one document, or for one piece of a document read in pieces,
/// computed before any byte is written: the id as the format writes it, the text the mentions'
/// byte offsets point into, the mentions, and, for the formats that show them, where each place
/// lies by the gazetteer's polygons. Formats read only this, so rendering does no geometry work
/// and cannot fail; a geometry error is thrown while the record is made.
public struct DocumentRecord: Sendable {
    public var id: [UInt8]
    public var text: [UInt8]
    public var mentions: [ExtractedMention]
    /// Per mention, when the format shows containment: that of its place (nil: no place); in
    /// every format, for a document with coordinate mentions, that of each coordinate's point
    /// (empty when neither applies).
    public var containment: [PlaceContainment?]
    /// Mentions of the same document written before these (pieces of a large document).
    public var written: Int
}

/// The end of a document's record: its summary, and the containment of each distinct place
/// when the format shows it.
public struct SummaryRecord: Sendable {
    public var summary: ArticleSummary
    public var containment: [PlaceContainment]
}

/// Makes the records a format needs: the containment (GEOS, cached per entry) only for the
/// formats that write it.
struct RecordBuilder {
    let format: OutputFormat
    let gazetteer: Gazetteer

    private var needsContainment: Bool { format == .json || format == .csv }

    func record(id: [UInt8], text: [UInt8], mentions: [ExtractedMention], written: Int) throws -> DocumentRecord {
        var containment: [PlaceContainment?] = []
        let hasCoordinates = mentions.contains { $0.coordinate != nil }
        if needsContainment || hasCoordinates {
            let index = ContainmentIndex.shared(for: gazetteer)
            let points = LocationFields(gazetteer: gazetteer)
            containment.reserveCapacity(mentions.count)
            for mention in mentions {
                if let coordinate = mention.coordinate {
                    containment.append(try points.containment(of: coordinate.point))
                } else {
                    containment.append(needsContainment ? try mention.entry.map { try index.containment(of: $0) } : nil)
                }
            }
        }
        // Ids are repaired to valid UTF-8 in every format (and JSON-escaped in JSON); the formats
        // read on a terminal also show control characters as escapes (see `IDText`).
        let printable = format == .table || format == .csv
        return DocumentRecord(id: IDText.writable(id, printable: printable), text: text, mentions: mentions,
                              containment: containment, written: written)
    }

    func summary(_ summary: ArticleSummary) throws -> SummaryRecord {
        guard format == .json else { return SummaryRecord(summary: summary, containment: []) }
        let index = ContainmentIndex.shared(for: gazetteer)
        return SummaryRecord(summary: summary, containment: try summary.places.map { try index.containment(of: $0.entry) })
    }
}
