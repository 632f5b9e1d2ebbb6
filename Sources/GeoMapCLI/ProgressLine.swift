import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Progress of a batch on standard error (documents, rate, and — when the inputs' total size is
/// known — the share read and the time left), drawn only when standard error is a terminal.
final class ProgressLine {
    let enabled: Bool
    private let tally: ReadTally?
    private let started = MonotonicClock.now()
    private var lastDrawn = 0.0

    init(enabled: Bool, tally: ReadTally? = nil) {
        self.enabled = enabled
        self.tally = tally
    }

    func update(documents: Int) {
        guard enabled else { return }
        let elapsed = MonotonicClock.now() - started
        guard elapsed - lastDrawn >= 0.2 else { return }
        lastDrawn = elapsed
        let line = ProgressText.line(documents: documents, elapsed: elapsed, bytesRead: tally?.bytes ?? 0, totalBytes: tally?.total)
        writeToStandardError("\r\u{1B}[K" + line)
    }

    func finish(documents: Int) {
        guard enabled else { return }
        writeToStandardError("\r\u{1B}[K")
    }
}
