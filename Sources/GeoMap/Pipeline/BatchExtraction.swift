import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `extract` over a stream of documents. The reader only splits the input into units (a few
/// dozen JSON lines, or a text file's document); `jobs` workers decode, geoparse and render them,
/// each with its own `Geoparser`; the results are written in input order, with the reader's
/// warnings and its duplicate-id check applied in that order too, so the output bytes and the
/// warnings do not depend on the number of jobs. With several jobs, reading, geoparsing and
/// writing overlap, and memory is bounded by the units in flight.
///
/// A document larger than `TextPieces.wholeLimit` bytes is geoparsed in pieces of `TextPieces.size`, cut
/// at white space (see `LargeDocument`), `jobs` pieces at a time, and written piece by piece as one
/// record: offsets are those of the whole document, and memory stays bounded whatever its size.
/// Each piece is resolved with its own context, as if it were an article of its own.
///
/// `jobs` is capped at `maximumJobs`; each worker (its thread and its `Geoparser`) is made when
/// the input first needs it.
public final class BatchExtraction {
    /// More workers than this only cost memory and threads: four per core.
    public static var maximumJobs: Int { 4 * ProcessorCount.online }

    /// `requested` workers, at least one and at most `maximumJobs`.
    public static func boundedJobs(_ requested: Int) -> Int { min(max(1, requested), maximumJobs) }

    public let gazetteer: Gazetteer
    public let jobs: Int
    public let roles: Set<MentionRole>
    public let renderer: DocumentRenderer
    /// At most this many JSON lines go to a worker at a time.
    public var batchSize = 32
    /// About this many bytes of JSON lines go to a worker at a time.
    public var batchBytes = 1 << 17
    /// Called after each unit with the number of documents done so far.
    public var progress: ((Int) -> Void)?

    private let recognition: RecognitionModel
    private let resolution: ResolutionModel
    /// One per job, made by the job's thread on its first unit.
    private var workers: [BatchWorker?]
    /// How the parallel run starts its threads (tests make it fail).
    var startThread: ThreadStarter = startPOSIXThread
    /// Threads the last parallel run started.
    private(set) var startedThreads = 0
    /// Parsers for the pieces of large documents, made on first need.
    private var pieceParsers: [Geoparser] = []
    private var processed = 0
    private var pending: [UInt8] = []

    public init(gazetteer: Gazetteer, jobs: Int, roles: Set<MentionRole>, format: OutputFormat, tableWidth: Int? = nil,
                recognition: RecognitionModel = .standard, resolution: ResolutionModel = .standard) {
        self.gazetteer = gazetteer
        self.jobs = BatchExtraction.boundedJobs(jobs)
        self.roles = roles
        self.recognition = recognition
        self.resolution = resolution
        let renderer = DocumentRenderer(format: format, gazetteer: gazetteer, tableWidth: tableWidth)
        self.renderer = renderer
        workers = Array(repeating: nil, count: self.jobs)
    }

    /// Worker `index` processes `unit`; the worker is made on first use.
    private func process(_ unit: ReadUnit, worker index: Int, in workers: UnsafeMutablePointer<BatchWorker?>) -> BatchOutput {
        if workers[index] == nil {
            workers[index] = BatchWorker(parser: Geoparser(gazetteer: gazetteer, recognition: recognition, resolution: resolution),
                                         renderer: renderer, roles: roles)
        }
        return workers[index]!.process(unit)
    }

    /// Geoparses every document of `reader` into `sink`; returns the number of documents done.
    @discardableResult
    public func run(reader: DocumentReader, sink: OutputSink) throws -> Int {
        processed = 0
        pending.removeAll(keepingCapacity: true)
        try sink.write(renderer.prefix)
        if jobs == 1 {
            try workers.withUnsafeMutableBufferPointer { workers in
                while let unit = try reader.nextUnit(maxLines: batchSize, maxBytes: batchBytes) {
                    try write(process(unit, worker: 0, in: workers.baseAddress!), reader: reader, sink: sink)
                }
            }
        } else {
            try runInParallel(reader: reader, sink: sink)
        }
        try flush(to: sink)
        try sink.write(renderer.suffix)
        try sink.finish()
        return processed
    }

    /// Reads ahead while the workers geoparse, and writes each unit's result as soon as it and
    /// all before it are done.
    private func runInParallel(reader: DocumentReader, sink: OutputSink) throws {
        let jobs = self.jobs
        try workers.withUnsafeMutableBufferPointer { workers in
            let base = UncheckedSendable(workers.baseAddress!)
            let pool = OrderedWorkers<ReadUnit, BatchOutput>(workers: jobs, window: 4 * jobs, startThread: startThread) { [self] index, unit in
                process(unit, worker: index, in: base.value)
            }
            var finished = false
            defer {
                startedThreads = pool.startedThreads
                pool.finish(dropQueued: !finished)
            }
            var exhausted = false
            while true {
                while !exhausted && pool.inFlight < pool.window {
                    if let unit = try reader.nextUnit(maxLines: batchSize, maxBytes: batchBytes) { try pool.submit(unit) } else { exhausted = true }
                }
                guard pool.inFlight > 0 else { break }
                try write(pool.next(), reader: reader, sink: sink)
            }
            finished = true
        }
    }

    /// Writes a unit's result: its warnings, then each document the reader admits, in order.
    private func write(_ output: BatchOutput, reader: DocumentReader, sink: OutputSink) throws {
        reader.publish(output.notices)
        if let failure = output.failure { throw failure }
        for (k, entry) in output.entries.enumerated() {
            if case .line(let outcome) = entry.kind {
                let admitted = output.ids.withUnsafeBufferPointer { ids in
                    let range = output.idRange(k)
                    return reader.admit(outcome, id: UnsafeBufferPointer(rebasing: ids[range]), path: output.path, line: output.firstLine + k)
                }
                guard admitted else { continue }
            }
            if case .large(let large) = entry.kind {
                try flush(to: sink)
                try process(large, isFirstDocument: processed == 0, sink: sink)
            } else {
                if processed > 0 { pending.append(contentsOf: renderer.separator) }
                output.rendered.bytes.withUnsafeBufferPointer { pending.append(contentsOf: UnsafeBufferPointer(rebasing: $0[output.renderedRange(k)])) }
                if pending.count >= 1 << 16 { try flush(to: sink) }
            }
            processed += 1
        }
        progress?(processed)
    }

    private func flush(to sink: OutputSink) throws {
        try sink.write(pending)
        pending.removeAll(keepingCapacity: true)
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
                try renderer.renderPiece(id: document.id, text: piece.text, mentions: mentions, written: written, into: &out)
                written += mentions.count
                try sink.write(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        try renderer.end(summary: summary, into: &out)
        try sink.write(out.bytes)
    }

    /// The mentions of each piece: byte offsets into the piece, code-point offsets into the whole.
    private func parsePieces(_ pieces: [TextPiece]) -> [[ExtractedMention]] {
        var found = [[ExtractedMention]](repeating: [], count: pieces.count)
        let roles = self.roles
        while pieceParsers.count < jobs {
            pieceParsers.append(Geoparser(gazetteer: gazetteer, recognition: recognition, resolution: resolution))
        }
        found.withUnsafeMutableBufferPointer { results in
            pieceParsers.withUnsafeMutableBufferPointer { workers in
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
