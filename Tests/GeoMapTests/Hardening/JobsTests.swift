import Foundation
import Testing
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Issue 17, finding 4: `--jobs` was unbounded — `--jobs 1000` under a 300-process limit died
/// with SIGILL and no message, `--jobs 1000000` allocated 5 GB in 2.7 s and aborted. Now jobs are
/// capped at four per core (with a note from the command), workers are made as the input needs
/// them, and a thread that cannot start is a one-line error.
@Suite struct JobsTests {
    /// A JSON Lines file of `count` short articles.
    func articles(_ count: Int, in directory: String) -> String {
        let path = directory + "/articles.jsonl"
        var text = ""
        for k in 0..<count { text += "{\"id\":\"a\(k)\",\"text\":\"Shelling near Luhansk on day \(k); Ukrainians fled to Kaliningrad.\"}\n" }
        BadInput.write(text, to: path)
        return path
    }

    func extract(_ path: String, jobs: Int, startThread: ThreadStarter? = nil) throws -> (output: String, extraction: BatchExtraction) {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let reader = try DocumentReader(inputs: [path], format: .jsonl) { _ in }
        let sink = try OutputSink(path: directory + "/out", overwrite: false)
        let extraction = BatchExtraction(gazetteer: TestSupport.miniGazetteer, jobs: jobs, roles: [.place, .demonym], format: .jsonl)
        extraction.batchSize = 2
        if let startThread { extraction.startThread = startThread }
        try extraction.run(reader: reader, sink: sink)
        return (try String(contentsOfFile: directory + "/out", encoding: .utf8), extraction)
    }

    @Test func jobsAreCappedAtFourPerCore() throws {
        #expect(BatchExtraction.maximumJobs == 4 * ProcessorCount.online)
        for (requested, expected) in [(0, 1), (-5, 1), (1, 1), (3, min(3, BatchExtraction.maximumJobs)),
                                      (1000, BatchExtraction.maximumJobs), (1_000_000, BatchExtraction.maximumJobs), (Int.max, BatchExtraction.maximumJobs)] {
            #expect(BatchExtraction.boundedJobs(requested) == expected, "\(requested)")
            let extraction = BatchExtraction(gazetteer: TestSupport.miniGazetteer, jobs: requested, roles: [.place], format: .jsonl)
            #expect(extraction.jobs == expected, "\(requested)")
        }
    }

    @Test func aMillionJobsGiveTheOutputOfOne() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = articles(40, in: directory)
        let one = try extract(path, jobs: 1).output
        #expect(one.split(separator: "\n").count == 40)
        let many = try extract(path, jobs: 1_000_000)
        #expect(many.output == one)
        #expect(many.extraction.startedThreads <= BatchExtraction.maximumJobs)
    }

    @Test func workersStartOnlyAsTheInputNeedsThem() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (output, extraction) = try extract(articles(1, in: directory), jobs: 4)
        #expect(output.split(separator: "\n").count == 1)
        #expect(extraction.jobs == min(4, BatchExtraction.maximumJobs))
        #expect(extraction.startedThreads == 1, "one unit of input needs one worker")
    }

    @Test func aThreadThatCannotStartIsAOneLineError() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = articles(20, in: directory)
        let failing: ThreadStarter = { _ in throw WorkerStartFailure(reason: "Resource temporarily unavailable") }
        #expect(throws: WorkerStartFailure(index: 1, of: 3, reason: "Resource temporarily unavailable")) {
            try extract(path, jobs: 3, startThread: failing)
        }
        let message = "\(WorkerStartFailure(index: 1, of: 3, reason: "Resource temporarily unavailable"))"
        #expect(message == "cannot start worker thread 1 of 3 (Resource temporarily unavailable); try a smaller --jobs")
        #expect(!message.contains("\n"))
    }

    @Test func aLaterThreadThatCannotStartStopsThePoolCleanly() throws {
        // The first worker is held busy, so the second job needs a second thread, which fails.
        let gate = DispatchSemaphore(value: 0)
        let started = Counter()
        let starter: ThreadStarter = { body in
            guard started.increment() == 1 else { throw WorkerStartFailure(reason: "Resource temporarily unavailable") }
            return try startPOSIXThread(body)
        }
        let pool = OrderedWorkers<Int, Int>(workers: 3, window: 8, startThread: starter) { _, job in
            if job == 0 { gate.wait() }
            return job * 2
        }
        try pool.submit(0)
        #expect(throws: WorkerStartFailure(index: 2, of: 3, reason: "Resource temporarily unavailable")) { try pool.submit(1) }
        #expect(pool.startedThreads == 1)
        #expect(pool.inFlight == 1, "the job whose thread failed is not queued")
        gate.signal()
        #expect(pool.next() == 0)
        pool.finish()
    }

    @Test func thePoolHandsResultsBackInOrderWithLazyThreads() throws {
        let pool = OrderedWorkers<Int, Int>(workers: 4, window: 16) { _, job in
            if job % 3 == 0 { usleep(200) }
            return job * job
        }
        #expect(pool.startedThreads == 0, "no thread before the first job")
        var results: [Int] = []
        var next = 0
        while results.count < 200 {
            while next < 200 && pool.inFlight < pool.window { try pool.submit(next); next += 1 }
            results.append(pool.next())
        }
        pool.finish()
        #expect(results == (0..<200).map { $0 * $0 })
        #expect((1...4).contains(pool.startedThreads))
    }

    @Test(.enabled(if: BadInput.executable != nil, "the geomap binary is not beside the test bundle"))
    func theCommandNotesTheCapAndGivesTheSameOutput() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = articles(30, in: directory)
        let one = try runGeomap(["extract", "--format", "jsonl", "--jobs", "1", path])
        #expect(one.status == 0)
        for jobs in ["1000", "1000000"] {
            let run = try runGeomap(["extract", "--format", "jsonl", "--jobs", jobs, path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == one.stdout)
            #expect(run.stderrLines == [
                "geomap: note: --jobs \(jobs) is more than 4 per core (\(ProcessorCount.online) cores); using \(BatchExtraction.maximumJobs)",
                "geomap: processed 30, skipped 0",
            ])
        }
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
