#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs jobs on a fixed number of threads and hands the results back in the order the jobs were
/// submitted. At most `window` jobs are in flight (submitted and not yet taken back), which
/// bounds the memory they hold. One thread submits and takes; `work` runs on the workers, each
/// call told which worker it runs on so that it can use that worker's own state. Call `finish()`
/// when done (the workers keep the pool alive until then).
final class OrderedWorkers<Job, Result>: @unchecked Sendable {
    let window: Int
    private let work: (Int, Job) -> Result
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var threads: [pthread_t] = []
    // Guarded by `mutex`:
    private var queue: [(sequence: Int, job: Job)] = []
    private var queueHead = 0
    private var results: [Result?]
    private var closed = false
    // Used by the submitting thread only:
    private var submitted = 0
    private var taken = 0

    init(workers: Int, window: Int, work: @escaping (Int, Job) -> Result) {
        self.window = window
        self.work = work
        results = Array(repeating: nil, count: window)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        for index in 0..<workers {
            threads.append(startThread { [self] in runWorker(index) })
        }
    }

    deinit {
        finish()
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Jobs submitted and not yet taken back.
    var inFlight: Int { submitted - taken }

    /// Queues a job; there must be fewer than `window` in flight.
    func submit(_ job: Job) {
        precondition(inFlight < window)
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
            while queueHead == queue.count && !closed { pthread_cond_wait(changed, mutex) }
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

/// Starts a thread that runs `body`.
private func startThread(_ body: @escaping @Sendable () -> Void) -> pthread_t {
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
    precondition(status == 0, "cannot start a worker thread")
    return thread
}
