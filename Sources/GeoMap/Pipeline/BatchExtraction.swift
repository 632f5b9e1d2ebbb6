import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `extract` over a stream of documents: reads a round of batches, geoparses them on
/// `jobs` workers (each with its own `Geoparser`), and writes the rendered results in input order,
/// so the output bytes do not depend on the number of jobs. Memory is bounded by one round.
///
/// A document larger than `TextPieces.wholeLimit` bytes is geoparsed in pieces of `TextPieces.size`, cut
/// at white space (see `LargeDocument`), `jobs` pieces at a time, and written piece by piece as one
/// record: offsets are those of the whole document, and memory stays bounded whatever its size.
/// Each piece is resolved with its own context, as if it were an article of its own.
public final class BatchExtraction {
    public let gazetteer: Gazetteer
    public let jobs: Int
    public let roles: Set<MentionRole>
    public let renderer: DocumentRenderer
    public var batchSize = 64
    /// Called after each round with the number of documents done so far.
    public var progress: ((Int) -> Void)?

    private var parsers: [Geoparser]

    public init(gazetteer: Gazetteer, jobs: Int, roles: Set<MentionRole>, format: OutputFormat,
                recognition: RecognitionModel = .standard, resolution: ResolutionModel = .standard) {
        self.gazetteer = gazetteer
        self.jobs = max(1, jobs)
        self.roles = roles
        renderer = DocumentRenderer(format: format, gazetteer: gazetteer)
        parsers = (0..<max(1, jobs)).map { _ in Geoparser(gazetteer: gazetteer, recognition: recognition, resolution: resolution) }
    }

    /// Geoparses every document of `reader` into `sink`; returns the number of documents done.
    @discardableResult
    public func run(reader: DocumentReader, sink: OutputSink) throws -> Int {
        try sink.write(renderer.prefix)
        var processed = 0
        var batches: [[Document]] = []
        var exhausted = false
        while !exhausted {
            batches.removeAll(keepingCapacity: true)
            var large: LargeDocument?
            gathering: for _ in 0..<jobs {
                var batch: [Document] = []
                while batch.count < batchSize {
                    guard let item = try reader.nextItem() else { exhausted = true; break }
                    switch item {
                    case .whole(let document) where document.text.count > TextPieces.wholeLimit:
                        large = LargeDocument(id: document.id, source: document.source,
                                              stream: TextPieces(path: document.source, bytes: document.text))
                    case .whole(let document):
                        batch.append(document)
                        continue
                    case .pieces(let document):
                        large = document
                    }
                    break
                }
                if !batch.isEmpty { batches.append(batch) }
                if exhausted || large != nil { break gathering }
            }
            if !batches.isEmpty {
                for output in renderBatches(batches, firstDocument: processed == 0) { try sink.write(output) }
                processed += batches.reduce(0) { $0 + $1.count }
            }
            if let large {
                try process(large, isFirstDocument: processed == 0, sink: sink)
                processed += 1
            }
            progress?(processed)
        }
        try sink.write(renderer.suffix)
        try sink.finish()
        return processed
    }

    /// Renders a round of batches, one per worker, in parallel.
    private func renderBatches(_ batches: [[Document]], firstDocument: Bool) -> [[UInt8]] {
        var outputs = [[UInt8]](repeating: [], count: batches.count)
        let renderer = self.renderer, roles = self.roles
        if batches.count == 1 {
            outputs[0] = BatchExtraction.render(batches[0], parser: &parsers[0], renderer: renderer, roles: roles, isFirstBatch: firstDocument)
            return outputs
        }
        outputs.withUnsafeMutableBufferPointer { results in
            parsers.withUnsafeMutableBufferPointer { workers in
                let resultsBase = UncheckedSendable(results.baseAddress!)
                let workersBase = UncheckedSendable(workers.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: batches.count) { k in
                    resultsBase.value[k] = BatchExtraction.render(batches[k], parser: &workersBase.value[k], renderer: renderer,
                                                                  roles: roles, isFirstBatch: firstDocument && k == 0)
                }
            }
        }
        return outputs
    }

    private static func render(_ batch: [Document], parser: inout Geoparser, renderer: DocumentRenderer,
                               roles: Set<MentionRole>, isFirstBatch: Bool) -> [UInt8] {
        var out = JSONBytes(capacity: batch.count * 1024)
        for (k, document) in batch.enumerated() {
            if !(isFirstBatch && k == 0) { out.bytes.append(contentsOf: renderer.separator) }
            var mentions = document.text.withUnsafeBufferPointer { parser.parse(bytes: $0) }
            if roles.count < 2 { mentions.removeAll { !roles.contains($0.role) } }
            if document.text.withUnsafeBufferPointer({ isValidUTF8($0) }) {
                renderer.render(document, mentions: mentions, into: &out)
            } else {
                var repaired = document
                repaired.text = repairedUTF8(document.text)
                renderer.render(repaired, mentions: mentions, into: &out)
            }
        }
        return out.bytes
    }

    /// Geoparses a document in pieces, `jobs` at a time, and writes it as one record.
    private func process(_ document: LargeDocument, isFirstDocument: Bool, sink: OutputSink) throws {
        var out = JSONBytes(capacity: 1 << 16)
        if !isFirstDocument { out.bytes.append(contentsOf: renderer.separator) }
        renderer.begin(id: document.id, into: &out)
        var summary = ArticleSummary(gazetteer: gazetteer)
        var written = 0
        var pieces: [TextPiece] = []
        var done = false
        while !done {
            pieces.removeAll(keepingCapacity: true)
            while pieces.count < jobs {
                guard let piece = try document.nextPiece() else { done = true; break }
                pieces.append(piece)
            }
            let found = parsePieces(pieces)
            for (piece, mentions) in zip(pieces, found) {
                summary.add(mentions)
                renderer.renderPiece(id: document.id, text: piece.text, mentions: mentions, written: written, into: &out)
                written += mentions.count
                try sink.write(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        renderer.end(summary: summary, into: &out)
        try sink.write(out.bytes)
    }

    /// The mentions of each piece: byte offsets into the piece, code-point offsets into the whole.
    private func parsePieces(_ pieces: [TextPiece]) -> [[ExtractedMention]] {
        var found = [[ExtractedMention]](repeating: [], count: pieces.count)
        let roles = self.roles
        found.withUnsafeMutableBufferPointer { results in
            parsers.withUnsafeMutableBufferPointer { workers in
                let resultsBase = UncheckedSendable(results.baseAddress!)
                let workersBase = UncheckedSendable(workers.baseAddress!)
                DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
                    var mentions = pieces[k].text.withUnsafeBufferPointer { workersBase.value[k].parse(utf8: $0) }
                    if roles.count < 2 { mentions.removeAll { !roles.contains($0.role) } }
                    for m in mentions.indices {
                        mentions[m].start += pieces[k].charOffset
                        mentions[m].end += pieces[k].charOffset
                    }
                    resultsBase.value[k] = mentions
                }
            }
        }
        return found
    }
}
