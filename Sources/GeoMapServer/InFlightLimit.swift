import Synchronization

/// Counts the requests being answered, so that one beyond `limit` is refused at once with 503
/// instead of queueing without bound.
final class InFlightLimit: Sendable {
    let limit: Int
    private let count = Atomic<Int>(0)

    init(limit: Int) { self.limit = max(1, limit) }

    /// Takes a place; false (and nothing taken) when all `limit` are taken.
    func enter() -> Bool {
        let now = count.add(1, ordering: .acquiringAndReleasing).newValue
        if now > limit {
            count.subtract(1, ordering: .acquiringAndReleasing)
            return false
        }
        return true
    }

    func leave() { count.subtract(1, ordering: .acquiringAndReleasing) }

    var current: Int { count.load(ordering: .relaxed) }
}
