import Foundation
import Hummingbird

/// Turns every error into `{"error": …}` with its status (an unknown route is 404, a route's
/// other methods 405), and with `--log-requests` writes one line per request to standard error:
/// method, path, status, milliseconds.
struct ErrorAndLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logRequests: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = ErrorAndLogMiddleware.response(error)
        } catch let error as any HTTPResponseError {
            let message = error.status == .notFound ? "no route \(request.method) \(request.uri.path)" : "\(error.status.reasonPhrase)"
            response = ErrorAndLogMiddleware.response(APIError(error.status, message))
        } catch {
            response = ErrorAndLogMiddleware.response(APIError(.internalServerError, "internal error: \(error)"))
        }
        if logRequests {
            let elapsed = ContinuousClock.now - started
            let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            RequestLog.write("\(request.method) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", ms))ms")
        }
        return response
    }

    static func response(_ error: APIError) -> Response {
        var headers = error.headers
        headers[.contentType] = "application/json"
        return Response(status: error.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: error.body)))
    }
}

enum RequestLog {
    /// One line, written with one `write` so lines from concurrent requests do not interleave.
    static func write(_ line: String) {
        let bytes = Array((line.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n").utf8)
        bytes.withUnsafeBytes { _ = Foundation.write(2, $0.baseAddress, $0.count) }
    }
}
