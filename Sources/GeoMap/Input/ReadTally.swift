import Synchronization

/// How many bytes of its files a reader has read (compressed bytes for a `.gz` file; a file's
/// whole size once it is closed, read or skipped), against `total`, the sum of the regular files'
/// sizes, or nil when an input has no size known in advance (standard input, a FIFO). Read from
/// any thread, for the progress line.
public final class ReadTally: Sendable {
    public let total: Int?
    private let done = Atomic<Int>(0)

    init(total: Int?) { self.total = total }

    public var bytes: Int { done.load(ordering: .relaxed) }

    func add(_ count: Int) { done.wrappingAdd(count, ordering: .relaxed) }
}
