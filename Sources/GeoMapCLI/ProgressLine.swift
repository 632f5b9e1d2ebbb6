import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Progress of a batch on standard error (documents, rate, and ETA when the total is known),
/// drawn only when standard error is a terminal.
final class ProgressLine {
    let enabled: Bool
    private let started = MonotonicClock.now()
    private var lastDrawn = 0.0

    init(enabled: Bool) { self.enabled = enabled }

    func update(documents: Int) {
        guard enabled else { return }
        let elapsed = MonotonicClock.now() - started
        guard elapsed - lastDrawn >= 0.2 else { return }
        lastDrawn = elapsed
        let rate = Double(documents) / max(elapsed, 1e-6)
        writeToStandardError("\r\u{1B}[Kgeomap: \(documents) documents, \(Int(rate)) /s")
    }

    func finish(documents: Int) {
        guard enabled else { return }
        writeToStandardError("\r\u{1B}[K")
    }
}
