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
    /// The width `table` rows are cut to (a terminal's), or nil for whole rows.
    public let tableWidth: Int?

    public init(format: OutputFormat, gazetteer: Gazetteer, tableWidth: Int? = nil) {
        self.format = format
        self.gazetteer = gazetteer
        self.tableWidth = tableWidth
    }

    /// Bytes written before the first document.
    public var prefix: [UInt8] {
        switch format {
        case .json: return Array("[\n".utf8)
        case .csv: return Array((CSVFormat.header(for: gazetteer) + "\n").utf8)
        case .table, .jsonl: return []
        }
    }

    /// Bytes written between two documents.
    public var separator: [UInt8] { format == .json ? Array(",\n".utf8) : [] }

    /// Bytes written after the last document.
    public var suffix: [UInt8] { format == .json ? Array("\n]\n".utf8) : [] }

    /// Starts a document read in pieces: then `renderPiece` for each piece, and `end`.
    public func begin(id: [UInt8], into json: inout JSONBytes) {
        let id = IDText.writable(id, printable: format == .table || format == .csv)
        switch format {
        case .jsonl: PredictionLineFormat(gazetteer: gazetteer).begin(id: id, to: &json)
        case .json: DetailedJSONFormat(gazetteer: gazetteer).begin(id: id, to: &json)
        case .csv: break
        case .table: TableFormat(gazetteer: gazetteer, width: tableWidth).begin(id: id, count: nil, to: &json)
        }
    }

    /// The mentions found in one piece of a document: their byte offsets point into `text` (the
    /// piece), their code-point offsets into the whole document; `written` mentions of the same
    /// document came before. Throws (and writes nothing) when the record cannot be made.
    public func renderPiece(id: [UInt8], text: [UInt8], mentions: [ExtractedMention], written: Int, into json: inout JSONBytes) throws {
        let record = try builder.record(id: id, text: text, mentions: mentions, written: written)
        switch format {
        case .jsonl: PredictionLineFormat(gazetteer: gazetteer).append(mentionsOf: record, to: &json)
        case .json: DetailedJSONFormat(gazetteer: gazetteer).append(mentionsOf: record, to: &json)
        case .csv: CSVFormat(gazetteer: gazetteer).append(record, to: &json)
        case .table: TableFormat(gazetteer: gazetteer, width: tableWidth).append(mentionsOf: record, to: &json)
        }
    }

    /// Ends a document read in pieces; `summary` has counted all its mentions.
    public func end(summary: ArticleSummary, into json: inout JSONBytes) throws {
        let summary = try builder.summary(summary)
        switch format {
        case .jsonl: PredictionLineFormat(gazetteer: gazetteer).end(to: &json)
        case .json: DetailedJSONFormat(gazetteer: gazetteer).end(summary, to: &json)
        case .csv: break
        case .table: TableFormat(gazetteer: gazetteer, width: tableWidth).end(summary.summary, to: &json)
        }
    }

    private var builder: RecordBuilder { RecordBuilder(format: format, gazetteer: gazetteer) }

    /// One whole document: its record is made first (all geometry work, which may throw), then
    /// written.
    public func render(_ document: Document, mentions: [ExtractedMention], into json: inout JSONBytes) throws {
        let record = try builder.record(id: document.id, text: document.text, mentions: mentions, written: 0)
        let needsSummary = format == .json || format == .table
        let summary = try needsSummary ? builder.summary(ArticleSummary(mentions: mentions, gazetteer: gazetteer)) : nil
        write(record, summary: summary, into: &json)
    }

    /// Writes a whole document's record; `summary` is needed by `json` and `table`.
    public func write(_ record: DocumentRecord, summary: SummaryRecord?, into json: inout JSONBytes) {
        switch format {
        case .jsonl:
            PredictionLineFormat(gazetteer: gazetteer).append(record, to: &json)
        case .json:
            DetailedJSONFormat(gazetteer: gazetteer).append(record, summary: summary!, to: &json)
        case .csv:
            CSVFormat(gazetteer: gazetteer).append(record, to: &json)
        case .table:
            TableFormat(gazetteer: gazetteer, width: tableWidth).append(record, summary: summary!.summary, to: &json)
        }
    }
}
