import ArgumentParser
import GeoMap
import GeoMapServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer every question the CLI answers over HTTP/JSON, with the gazetteer loaded once.",
        discussion: """
        Routes: POST /v1/extract, POST /v1/geojson?layer=places|areas|mentions, GET /v1/lookup, \
        GET /v1/distance, GET /v1/near, GET /healthz and GET /openapi.json (the OpenAPI 3.1 document \
        of them all). Bad requests get a 4xx with {"error": "one line", ...}; beyond --max-inflight \
        requests at once, 503 with Retry-After. SIGTERM or SIGINT stops accepting, finishes the \
        requests in flight and exits 0.
        """
    )

    @Option(name: .long, help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request body: bytes, or with K, M (KiB, MiB).", valueName: "size"))
    var maxBody = "10M"

    @Option(name: .customLong("max-documents"), help: "The most documents in one request.")
    var maxDocuments = 1000

    @Option(name: .customLong("max-inflight"), help: "Requests answered at once; more get 503 with Retry-After.")
    var maxInFlight = 128

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Seconds a client may take to send a body, or stay idle.", valueName: "seconds"))
    var requestTimeout = 30.0

    @Option(name: .long, help: "Geoparsing threads, each with its own parser (default: one per core).")
    var workers: Int?

    @Flag(name: .customLong("log-requests"), help: "One line per request on standard error: method, path, status, ms.")
    var logRequests = false

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard ServerConfiguration.byteSize(maxBody) != nil else { throw ValidationError("--max-body takes a size such as 10M or 1048576") }
        guard maxDocuments >= 1 else { throw ValidationError("--max-documents must be at least 1") }
        guard maxInFlight >= 1 else { throw ValidationError("--max-inflight must be at least 1") }
        guard requestTimeout.isFinite, requestTimeout > 0 else { throw ValidationError("--request-timeout must be more than 0 seconds") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
    }

    func run() throws {
        try reportingErrors {
            var configuration = ServerConfiguration()
            configuration.host = host
            configuration.port = port
            configuration.maxBodyBytes = ServerConfiguration.byteSize(maxBody) ?? configuration.maxBodyBytes
            configuration.maxDocuments = maxDocuments
            configuration.maxInFlight = maxInFlight
            configuration.requestTimeoutSeconds = requestTimeout
            configuration.workers = workers.map(BatchExtraction.boundedJobs) ?? 0
            configuration.logRequests = logRequests
            try GeoMapServer(configuration: configuration, gazetteer: gazetteerOptions.open()).runUntilStopped()
        }
    }
}
