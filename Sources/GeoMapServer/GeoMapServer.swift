import Foundation
import GeoMap
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// `geomap serve`: the gazetteer, the models and the prepared polygons loaded once, and every
/// question the CLI answers as an HTTP/JSON route (see `OpenAPIDocument` for the schema). Runs
/// until SIGTERM or SIGINT (or, in tests, until its task is cancelled): then it stops accepting,
/// finishes the requests in flight, and returns.
public final class GeoMapServer: Sendable {
    public let configuration: ServerConfiguration
    public let gazetteer: Gazetteer
    /// The running service group, for `shutDownGracefully`.
    private let group = Mutex<ServiceGroup?>(nil)

    /// The routes, each with its method; `OpenAPIDocument` describes exactly these. Any other
    /// method on one of these paths is a 405 (`ErrorAndLogMiddleware`).
    static let routes: [(method: HTTPRequest.Method, path: String)] = [
        (.get, "/healthz"), (.get, "/openapi.json"),
        (.post, "/v1/extract"), (.post, "/v1/geojson"),
        (.get, "/v1/lookup"), (.get, "/v1/distance"), (.get, "/v1/near"),
    ]

    public init(configuration: ServerConfiguration, gazetteer: Gazetteer) {
        self.configuration = configuration
        self.gazetteer = gazetteer
    }

    /// Serves until a signal (or cancellation); `onListening` gets the port once it accepts.
    public func run(onListening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        MallocTuning.returnLargeBlocksToTheSystem()
        let workers = configuration.workers > 0 ? configuration.workers : ProcessorCount.online
        let pool = WorkerPool(count: workers, gazetteer: gazetteer)
        defer { pool.shutDown() }
        var logger = Logger(label: "geomap-serve")
        logger.logLevel = .error
        // Longer than the body's deadline, so that a client that sends nothing gets its 408.
        let idleTimeout = TimeAmount.nanoseconds(Int64(2 * configuration.requestTimeoutSeconds * 1e9))
        let app = Application(
            router: makeRouter(pool: pool),
            server: .http1(configuration: .init(idleTimeout: idleTimeout)),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "geomap"),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        var group = ServiceGroupConfiguration(services: [app], logger: logger)
        if configuration.handlesSignals { group.gracefulShutdownSignals = [.sigterm, .sigint] }
        group.maximumGracefulShutdownDuration = .seconds(5)
        group.maximumCancellationDuration = .seconds(2)
        let serviceGroup = ServiceGroup(configuration: group)
        self.group.withLock { $0 = serviceGroup }
        try await serviceGroup.run()
    }

    /// What SIGTERM does: stop accepting, finish the requests in flight, and return from `run`.
    public func shutDownGracefully() async {
        await group.withLock { $0 }?.triggerGracefulShutdown()
    }

    private func makeRouter(pool: WorkerPool) -> Router<BasicRequestContext> {
        // HEAD of a GET route answers the GET's status and headers, without the body.
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.middlewares.add(ErrorAndLogMiddleware(logRequests: configuration.logRequests))
        let limit = InFlightLimit(limit: configuration.maxInFlight)
        let configuration = self.configuration
        let health = HealthReport(gazetteer: gazetteer, workers: pool.count)
        let timeout = Duration.nanoseconds(Int64(configuration.requestTimeoutSeconds * 1e9))

        /// Takes an in-flight place (503 when none is left) for the work of one request.
        @Sendable func limited(_ body: () async throws(APIError) -> [UInt8]) async throws(APIError) -> Response {
            guard limit.enter() else {
                var error = APIError(.serviceUnavailable, "too many requests in flight (at most \(limit.limit)); retry shortly",
                                     details: [("limit", .number(String(limit.limit)))])
                error.headers[.retryAfter] = "1"
                throw error
            }
            defer { limit.leave() }
            return Self.json(try await body())
        }

        router.get("/healthz") { _, _ in Self.json(health.body(inFlight: limit.current)) }
        router.get("/openapi.json") { _, _ in Self.json(OpenAPIDocument.bytes) }
        router.post("/v1/extract") { request, _ in
            try await limited { () async throws(APIError) -> [UInt8] in
                _ = try QueryParameters(request.uri.query)
                let body = try await RequestBodyReader.collect(request, limit: configuration.maxBodyBytes, timeout: timeout)
                return try await pool.run { workspace throws(APIError) in
                    try Answers.extract(ExtractRequest.parse(body, maxDocuments: configuration.maxDocuments), in: workspace)
                }
            }
        }
        router.post("/v1/geojson") { request, _ in
            try await limited { () async throws(APIError) -> [UInt8] in
                let layer = try QueryParameters(request.uri.query).layer("layer")
                let body = try await RequestBodyReader.collect(request, limit: configuration.maxBodyBytes, timeout: timeout)
                return try await pool.run { workspace throws(APIError) in
                    try Answers.geoJSON(ExtractRequest.parse(body, maxDocuments: configuration.maxDocuments), layer: layer, in: workspace)
                }
            }
        }
        let queries: [(String, @Sendable (QueryParameters, Workspace) throws(APIError) -> [UInt8])] = [
            ("/v1/lookup", Answers.lookup), ("/v1/distance", Answers.distance), ("/v1/near", Answers.near),
        ]
        for (path, answer) in queries {
            router.get(RouterPath(path)) { request, _ in
                try await limited { () async throws(APIError) -> [UInt8] in
                    let query = try QueryParameters(request.uri.query)
                    return try await pool.run { workspace throws(APIError) in try answer(query, workspace) }
                }
            }
        }
        return router
    }

    /// The route at `path` (trailing or doubled slashes ignored, as the router ignores them).
    static func route(at path: String) -> (method: HTTPRequest.Method, path: String)? {
        let components = path.split(separator: "/")
        return routes.first { $0.path.split(separator: "/") == components }
    }

    static func json(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
