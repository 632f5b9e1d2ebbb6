/// One worker of `BatchExtraction`: decodes a unit's JSON lines, geoparses and renders its
/// documents. Whether a record is kept (its id may repeat an earlier one) is decided later, in
/// input order, so every document is rendered on its own and kept or dropped whole.
struct BatchWorker {
    private var parser: Geoparser
    private var decoder = JSONLineDecoder()
    let renderer: DocumentRenderer
    let roles: Set<MentionRole>
    /// Some kind of mention is left out.
    private let filters: Bool

    init(parser: Geoparser, renderer: DocumentRenderer, roles: Set<MentionRole>) {
        self.parser = parser
        self.renderer = renderer
        self.roles = roles
        filters = roles.count < MentionRole.allCases.count
    }

    mutating func process(_ unit: ReadUnit) -> BatchOutput {
        var output = BatchOutput(notices: unit.notices)
        switch unit.content {
        case .none:
            break
        case .item(.pieces(let large)):
            output.add(.large(large))
        case .item(.whole(let document)):
            output.add(.item, id: document.id)
            if !keepWhole(document, into: &output) { break }
            render(document, into: &output)
        case .lines(let batch):
            output.path = batch.path
            output.firstLine = batch.firstLine
            for k in 0..<batch.count {
                let line = batch.firstLine + k
                let outcome = batch.withLine(k) { decoder.decode($0, lineNumber: line, path: batch.path) }
                guard case .record = outcome else {
                    output.add(.line(outcome))
                    continue
                }
                let document = Document(id: decoder.id, text: decoder.text, source: batch.path, line: line)
                output.add(.line(outcome), id: document.id)
                if keepWhole(document, into: &output) { render(document, into: &output) }
            }
        }
        return output
    }

    /// False (and the document handed on to be geoparsed in pieces) when its text is too large
    /// to geoparse at once.
    private func keepWhole(_ document: Document, into output: inout BatchOutput) -> Bool {
        guard document.text.count > TextPieces.wholeLimit else { return true }
        output.makeLastLarge(LargeDocument(id: document.id, source: document.source,
                                           stream: TextPieces(path: document.source, bytes: document.text)))
        return false
    }

    private mutating func render(_ document: Document, into output: inout BatchOutput) {
        var mentions = document.text.withUnsafeBufferPointer { parser.parse(utf8: $0) }
        if filters { mentions.removeAll { !roles.contains($0.role) } }
        do {
            try renderer.render(document, mentions: mentions, into: &output.rendered)
        } catch {
            if output.failure == nil { output.failure = error }
        }
        output.endDocument()
    }
}

/// What a worker made of a unit, taken in input order by `BatchExtraction`: the reader's
/// warnings, then per line (or per text document) its outcome, its id and its rendered bytes.
struct BatchOutput {
    enum Kind {
        /// A JSON line: blank, bad, or a record to admit (by its id) before it is written.
        case line(JSONLineDecoder.Outcome)
        /// A text file's document: written as it is.
        case item
        /// A document to geoparse in pieces.
        case large(LargeDocument)
    }

    struct Entry {
        var kind: Kind
        var idEnd: Int
        var renderedEnd: Int
    }

    var notices: [ReadNotice]
    var path = ""
    var firstLine = 0
    private(set) var entries: [Entry] = []
    private(set) var ids: [UInt8] = []
    var rendered = JSONBytes(capacity: 0)
    /// The first error making a document's record (a geometry error); the run stops there.
    var failure: Error?

    init(notices: [ReadNotice]) { self.notices = notices }

    mutating func add(_ kind: Kind, id: [UInt8] = []) {
        ids.append(contentsOf: id)
        entries.append(Entry(kind: kind, idEnd: ids.count, renderedEnd: rendered.bytes.count))
    }

    mutating func makeLastLarge(_ large: LargeDocument) { entries[entries.count - 1].kind = .large(large) }

    /// Marks the end of the last entry's rendered bytes.
    mutating func endDocument() { entries[entries.count - 1].renderedEnd = rendered.bytes.count }

    func idRange(_ k: Int) -> Range<Int> { (k == 0 ? 0 : entries[k - 1].idEnd)..<entries[k].idEnd }

    func renderedRange(_ k: Int) -> Range<Int> { (k == 0 ? 0 : entries[k - 1].renderedEnd)..<entries[k].renderedEnd }
}
