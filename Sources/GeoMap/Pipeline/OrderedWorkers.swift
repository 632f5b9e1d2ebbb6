#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs jobs on up to `workers` threads and hands the results back in the order the jobs were
/// submitted. At most `window` jobs are in flight (submitted and not yet taken back), which
/// bounds the memory they hold. One thread submits and takes; `work` runs on the workers, each
/// call told which worker it runs on so that it can use that worker's own state. A thread is
/// started only when a job is queued and no started one is idle, so a short input starts few.
/// Call `finish()` when done (the workers keep the pool alive until then).
final class OrderedWorkers<Job, Result>: @unchecked Sendable {
    let window: Int
    let workers: Int
    private let work: (Int, Job) -> Result
    private let startThread: ThreadStarter
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var threads: [pthread_t] = []
    // Guarded by `mutex`:
    private var queue: [(sequence: Int, job: Job)] = []
    private var queueHead = 0
    private var results: [Result?]
    private var closed = false
    /// Workers waiting for a job.
    private var idle = 0
    // Used by the submitting thread only:
    private var submitted = 0
    private var taken = 0

    init(workers: Int, window: Int, startThread: @escaping ThreadStarter = startPOSIXThread,
         work: @escaping (Int, Job) -> Result) {
        self.window = window
        self.workers = max(1, workers)
        self.work = work
        self.startThread = startThread
        results = Array(repeating: nil, count: window)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    /// Threads started so far (also after `finish()`).
    private(set) var startedThreads = 0

    deinit {
        finish()
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Jobs submitted and not yet taken back.
    var inFlight: Int { submitted - taken }

    /// Queues a job, starting a worker for it if none is idle and fewer than `workers` run;
    /// there must be fewer than `window` in flight. Throws `WorkerStartFailure` (the job not
    /// queued) when a thread that is needed cannot be started.
    func submit(_ job: Job) throws {
        precondition(inFlight < window)
        pthread_mutex_lock(mutex)
        let needsThread = queue.count - queueHead >= idle && threads.count < workers
        pthread_mutex_unlock(mutex)
        if needsThread {
            let index = threads.count
            do {
                threads.append(try startThread { [self] in runWorker(index) })
                startedThreads += 1
            } catch let error as WorkerStartFailure {
                throw WorkerStartFailure(index: index + 1, of: workers, reason: error.reason)
            }
        }
        pthread_mutex_lock(mutex)
        queue.append((submitted, job))
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
        submitted += 1
    }

    /// The result of the oldest job in flight, waiting for it if need be.
    func next() -> Result {
        precondition(inFlight > 0)
        let slot = taken % window
        pthread_mutex_lock(mutex)
        while results[slot] == nil { pthread_cond_wait(changed, mutex) }
        let result = results[slot].take()!
        pthread_mutex_unlock(mutex)
        taken += 1
        return result
    }

    /// Stops the workers once the queued jobs are done (or at once, with `dropQueued`) and waits
    /// for them. Results not taken are dropped.
    func finish(dropQueued: Bool = false) {
        guard !threads.isEmpty else { return }
        pthread_mutex_lock(mutex)
        closed = true
        if dropQueued {
            queue.removeAll()
            queueHead = 0
        }
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
        for thread in threads { pthread_join(thread, nil) }
        threads = []
    }

    private func runWorker(_ index: Int) {
        pthread_mutex_lock(mutex)
        while true {
            while queueHead == queue.count && !closed {
                idle += 1
                pthread_cond_wait(changed, mutex)
                idle -= 1
            }
            if queueHead == queue.count { break }
            let (sequence, job) = queue[queueHead]
            queueHead += 1
            if queueHead == queue.count {
                queue.removeAll(keepingCapacity: true)
                queueHead = 0
            }
            pthread_mutex_unlock(mutex)
            let result = work(index, job)
            pthread_mutex_lock(mutex)
            results[sequence % window] = result
            pthread_cond_broadcast(changed)
        }
        pthread_mutex_unlock(mutex)
    }
}

/// Starts a thread that runs the body it is given, or throws `WorkerStartFailure`.
typealias ThreadStarter = (_ body: @escaping @Sendable () -> Void) throws -> pthread_t

/// A worker thread that could not be started (the process or user may be at its limit of
/// threads, or out of memory for a stack): one line, naming which worker and why.
struct WorkerStartFailure: Error, CustomStringConvertible, Equatable {
    var index = 0
    var of = 0
    let reason: String

    var description: String {
        "cannot start worker thread \(index) of \(of) (\(reason)); try a smaller --jobs"
    }
}

/// Starts a POSIX thread that runs `body`.
func startPOSIXThread(_ body: @escaping @Sendable () -> Void) throws -> pthread_t {
    final class Box {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }
    var thread = pthread_t()
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    let status = pthread_create(&thread, nil, { context in
        Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
        return nil
    }, context)
    guard status == 0 else {
        Unmanaged<Box>.fromOpaque(context).release()
        throw WorkerStartFailure(reason: String(cString: strerror(status)))
    }
    return thread
}
