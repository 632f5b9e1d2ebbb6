#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Invariant. The system calls here read and write only within the arrays they are given: a write
// passes a pointer to the array's elements in `range` (checked against the array's indices first)
// and the count of that range; a read passes the array's whole buffer and its count, and the
// count it returns is never more than that. No pointer outlives the call that made it.

/// `write(2)` and `read(2)` on Swift arrays, for the outputs' files and standard output.
enum DescriptorIO {
    /// Writes `bytes[range]` to `descriptor` in full, retrying on EINTR and short writes;
    /// returns 0, or the `errno` of the write that failed.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], _ range: Range<Int>? = nil) -> Int32 {
        let range = range ?? bytes.indices
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "DescriptorIO: a range outside the bytes")
        var written = range.lowerBound
        while written < range.upperBound {
            let result = bytes.withUnsafeBytes { raw in write(descriptor, raw.baseAddress! + written, range.upperBound - written) }
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            written += result
        }
        return 0
    }

    /// Reads at most `buffer.count` bytes into `buffer`; returns the count read (0 at the end),
    /// or -1 with `errno` set. EINTR is retried.
    static func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            return count
        }
    }
}
