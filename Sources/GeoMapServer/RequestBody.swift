import Hummingbird
import NIOCore

/// Reads a request's whole body, at most `limit` bytes (413 beyond it, told by Content-Length
/// before a byte is read when the client sends one) and within `timeout` (408: a client that
/// sends its body slowly or not at all does not hold a place for ever).
enum RequestBodyReader {
    static func collect(_ request: Request, limit: Int, timeout: Duration) async throws(APIError) -> [UInt8] {
        let tooLarge = APIError(.contentTooLarge, "the body is larger than the limit of \(limit) bytes",
                                details: [("limit", .number(String(limit)))])
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge }
        let body = request.body
        do {
            let buffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
                group.addTask { try await body.collect(upTo: limit) }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
            guard let buffer else {
                var error = APIError(.requestTimeout, "the body did not arrive within \(timeout.components.seconds) s")
                error.headers[.connection] = "close"
                throw error
            }
            return Array(buffer.readableBytesView)
        } catch let error as APIError {
            throw error
        } catch is NIOTooManyBytesError {
            throw tooLarge
        } catch {
            throw APIError(.badRequest, "cannot read the body: \(error)")
        }
    }
}
