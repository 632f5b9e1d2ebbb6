import Foundation
import GeoMap

/// A fixed set of threads, each owning one `Workspace`, that run the requests' geoparsing and
/// gazetteer work. A request hands its job over and waits without holding a thread of the
/// server's event loops or of Swift's cooperative pool; jobs run in the order they came.
final class WorkerPool: @unchecked Sendable {
    typealias Job = (Workspace) -> Void

    let count: Int
    // `condition` guards `queue`, `head` and `stopping`.
    private let condition = NSCondition()
    private var queue: [Job] = []
    private var head = 0
    private var stopping = false
    private var threads: [Thread] = []
    private var running = 0

    init(count: Int, gazetteer: Gazetteer) {
        self.count = max(1, count)
        for k in 0..<self.count {
            let thread = Thread { [self] in work(Workspace(gazetteer: gazetteer)) }
            thread.name = "geomap-worker-\(k)"
            threads.append(thread)
        }
        condition.lock()
        running = self.count
        condition.unlock()
        for thread in threads { thread.start() }
    }

    private func work(_ workspace: Workspace) {
        while true {
            condition.lock()
            while head == queue.count && !stopping { condition.wait() }
            if head == queue.count {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let job = queue[head]
            head += 1
            if head == queue.count || head > 1024 {
                queue.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job(workspace)
        }
    }

    /// Runs `body` on a worker thread with its workspace and returns what it returned or threw.
    func run<T: Sendable>(_ body: @escaping @Sendable (Workspace) throws(APIError) -> T) async throws(APIError) -> T {
        let result: Result<T, APIError> = await withCheckedContinuation { continuation in
            enqueue { workspace in
                do throws(APIError) {
                    continuation.resume(returning: .success(try body(workspace)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    private func enqueue(_ job: @escaping Job) {
        condition.lock()
        queue.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish the jobs queued and end; waits until they have.
    func shutDown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while running > 0 { condition.wait() }
        condition.unlock()
    }
}
