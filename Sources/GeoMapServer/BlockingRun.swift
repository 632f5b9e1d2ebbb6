import Dispatch
import Foundation
import GeoMap

extension GeoMapServer {
    /// Runs the server from synchronous code (the CLI's command): announces the address on
    /// standard error once it accepts, and returns when a signal has stopped it.
    public func runUntilStopped() throws {
        let done = DispatchSemaphore(value: 0)
        let outcome = OutcomeBox()
        let host = configuration.host
        let workers = configuration.workers > 0 ? configuration.workers : ProcessorCount.online
        Task.detached { [self] in
            do {
                try await run { port in
                    RequestLog.write("geomap: serving on http://\(host.contains(":") ? "[\(host)]" : host):\(port) with \(workers) workers; stop with Ctrl-C or SIGTERM")
                }
            } catch {
                outcome.set(error)
            }
            done.signal()
        }
        done.wait()
        if let error = outcome.error { throw error }
    }
}

private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.withLock { stored = error } }
    var error: (any Error)? { lock.withLock { stored } }
}

extension ServerConfiguration {
    /// A size such as `10485760`, `512K`, `10M` or `10MB` (powers of 1024), in bytes.
    public static func byteSize(_ text: String) -> Int? {
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        var unit = 1
        if digits.hasSuffix("B") && digits.count > 1 && !digits.dropLast().last!.isNumber { digits.removeLast() }
        switch digits.last {
        case "K": unit = 1 << 10; digits.removeLast()
        case "M": unit = 1 << 20; digits.removeLast()
        case "G": unit = 1 << 30; digits.removeLast()
        default: break
        }
        guard let value = Int(digits), value > 0 else { return nil }
        let (bytes, overflow) = value.multipliedReportingOverflow(by: unit)
        return overflow ? nil : bytes
    }
}
