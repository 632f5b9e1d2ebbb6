/// The output formats of `extract`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table
    case json
    case jsonl
    case csv
}

/// Renders one document's results as bytes. Formats are stateless, so workers render documents
/// in parallel and the writer only concatenates, in input order.
public struct DocumentRenderer: Sendable {
    public let format: OutputFormat
    public let gazetteer: Gazetteer

    public init(format: OutputFormat, gazetteer: Gazetteer) {
        self.format = format
        self.gazetteer = gazetteer
    }

    /// Bytes written before the first document.
    public var prefix: [UInt8] {
        switch format {
        case .json: return Array("[\n".utf8)
        case .csv: return Array((CSVFormat.header + "\n").utf8)
        case .table, .jsonl: return []
        }
    }

    /// Bytes written between two documents.
    public var separator: [UInt8] { format == .json ? Array(",\n".utf8) : [] }

    /// Bytes written after the last document.
    public var suffix: [UInt8] { format == .json ? Array("\n]\n".utf8) : [] }

    /// Starts a document read in pieces: then `renderPiece` for each piece, and `end`.
    public func begin(id: [UInt8], into json: inout JSONBytes) {
        IDText.withWritable(id, printable: printableIDs) { id in
            switch format {
            case .jsonl: PredictionLineFormat(gazetteer: gazetteer).begin(id: id, to: &json)
            case .json: DetailedJSONFormat(gazetteer: gazetteer).begin(id: id, to: &json)
            case .csv: break
            case .table: TableFormat(gazetteer: gazetteer).begin(id: id, count: nil, to: &json)
            }
        }
    }

    /// The mentions found in one piece of a document: their byte offsets point into `text` (the
    /// piece), their code-point offsets into the whole document; `written` mentions of the same
    /// document came before.
    public func renderPiece(id: [UInt8], text: [UInt8], mentions: [ExtractedMention], written: Int, into json: inout JSONBytes) {
        IDText.withWritable(id, printable: printableIDs) { id in
            text.withUnsafeBufferPointer { text in
                switch format {
                case .jsonl: PredictionLineFormat(gazetteer: gazetteer).append(mentions: mentions, text: text, written: written, to: &json)
                case .json: DetailedJSONFormat(gazetteer: gazetteer).append(mentions: mentions, text: text, written: written, to: &json)
                case .csv: CSVFormat(gazetteer: gazetteer).append(id: id, text: text, mentions: mentions, to: &json)
                case .table: TableFormat(gazetteer: gazetteer).append(mentions: mentions, text: text, written: written, to: &json)
                }
            }
        }
    }

    /// Ends a document read in pieces; `summary` has counted all its mentions.
    public func end(summary: ArticleSummary, into json: inout JSONBytes) {
        switch format {
        case .jsonl: PredictionLineFormat(gazetteer: gazetteer).end(to: &json)
        case .json: DetailedJSONFormat(gazetteer: gazetteer).end(summary: summary, to: &json)
        case .csv: break
        case .table: TableFormat(gazetteer: gazetteer).end(summary: summary, to: &json)
        }
    }

    /// Ids are repaired to valid UTF-8 in every format (and JSON-escaped in JSON); the formats
    /// read on a terminal also show control characters as escapes (see `IDText`).
    private var printableIDs: Bool { format == .table || format == .csv }

    public func render(_ document: Document, mentions: [ExtractedMention], into json: inout JSONBytes) {
        IDText.withWritable(document.id, printable: printableIDs) { id in
            document.text.withUnsafeBufferPointer { text in
                switch format {
                case .jsonl:
                    PredictionLineFormat(gazetteer: gazetteer).append(id: id, text: text, mentions: mentions, to: &json)
                case .json:
                    DetailedJSONFormat(gazetteer: gazetteer).append(id: id, text: text, mentions: mentions, to: &json)
                case .csv:
                    CSVFormat(gazetteer: gazetteer).append(id: id, text: text, mentions: mentions, to: &json)
                case .table:
                    TableFormat(gazetteer: gazetteer).append(id: id, text: text, mentions: mentions, to: &json)
                }
            }
        }
    }
}
