import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `extract` over a stream of documents: reads a round of batches, geoparses them on
/// `jobs` workers (each with its own `Geoparser`), and writes the rendered results in input order,
/// so the output bytes do not depend on the number of jobs. Memory is bounded by one round.
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
        var outputs: [[UInt8]] = []
        var exhausted = false
        while !exhausted {
            batches.removeAll(keepingCapacity: true)
            for _ in 0..<jobs {
                var batch: [Document] = []
                while batch.count < batchSize, let document = try reader.next() { batch.append(document) }
                if batch.isEmpty { exhausted = true; break }
                batches.append(batch)
                if batch.count < batchSize { exhausted = true; break }
            }
            guard !batches.isEmpty else { break }
            outputs = [[UInt8]](repeating: [], count: batches.count)
            if batches.count == 1 {
                outputs[0] = process(batches[0], worker: 0, isFirstBatch: processed == 0)
            } else {
                let first = processed == 0
                let snapshot = batches
                let renderer = self.renderer, roles = self.roles
                outputs.withUnsafeMutableBufferPointer { results in
                    parsers.withUnsafeMutableBufferPointer { workers in
                        let resultsBase = UncheckedSendable(results.baseAddress!)
                        let workersBase = UncheckedSendable(workers.baseAddress!)
                        DispatchQueue.concurrentPerform(iterations: snapshot.count) { k in
                            resultsBase.value[k] = BatchExtraction.render(snapshot[k], parser: &workersBase.value[k], renderer: renderer,
                                                                          roles: roles, isFirstBatch: first && k == 0)
                        }
                    }
                }
            }
            for output in outputs { try sink.write(output) }
            processed += batches.reduce(0) { $0 + $1.count }
            progress?(processed)
        }
        try sink.write(renderer.suffix)
        try sink.finish()
        return processed
    }

    private func process(_ batch: [Document], worker: Int, isFirstBatch: Bool) -> [UInt8] {
        BatchExtraction.render(batch, parser: &parsers[worker], renderer: renderer, roles: roles, isFirstBatch: isFirstBatch)
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
}
