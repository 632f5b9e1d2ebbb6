/// How `geomap serve` listens and what it allows; the CLI fills it from its options.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 asks the system for a free port (the tests do); `onListening` is told which.
    public var port = 8080
    /// The largest request body, in bytes (413 beyond it).
    public var maxBodyBytes = 10 << 20
    /// The most documents one request may carry (413 beyond it).
    public var maxDocuments = 1000
    /// Requests being answered at once; beyond it a request gets 503 with `Retry-After`.
    public var maxInFlight = 128
    /// Seconds a client may take to send its body, and a connection may stay idle (408 / closed).
    public var requestTimeoutSeconds = 30.0
    /// Threads that geoparse (each with its own parser); 0 means one per core.
    public var workers = 0
    /// One line per request on standard error: method, path, status, milliseconds.
    public var logRequests = false
    /// Stop gracefully on SIGTERM and SIGINT (off in tests, which share a process).
    public var handlesSignals = true

    public init() {}
}
