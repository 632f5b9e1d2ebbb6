#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum ProcessorCount {
    /// The number of online processors (at least 1).
    public static var online: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

public enum MonotonicClock {
    /// Seconds on a monotonic clock.
    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Writes a string to standard error, unbuffered.
public func writeToStandardError(_ text: String) {
    var copy = text
    copy.withUTF8 { bytes in
        var written = 0
        while written < bytes.count {
            let result = write(2, bytes.baseAddress! + written, bytes.count - written)
            if result <= 0 { if errno == EINTR { continue }; return }
            written += result
        }
    }
}
