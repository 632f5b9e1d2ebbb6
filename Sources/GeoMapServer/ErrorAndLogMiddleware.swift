import Foundation
import Hummingbird

/// Turns every error into `{"error": …}` with its status (an unknown route is 404; any other
/// method on a route's path, TRACE, OPTIONS and HEAD of a POST route among them, is 405 with
/// `Allow`; HEAD of a GET route is the router's own), and with `--log-requests` writes one line
/// per request to standard error: method, path, status, milliseconds.
struct ErrorAndLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let logRequests: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = ErrorAndLogMiddleware.response(error)
        } catch let error as any HTTPResponseError where error.status == .notFound {
            if let route = GeoMapServer.route(at: request.uri.path), route.method != request.method,
               !(route.method == .get && request.method == .head) {
                var refusal = APIError(.methodNotAllowed, "\(request.method) is not allowed on \(route.path); use \(route.method)")
                refusal.headers[.allow] = route.method.rawValue
                response = ErrorAndLogMiddleware.response(refusal)
            } else {
                response = ErrorAndLogMiddleware.response(APIError(.notFound, "no route \(request.method) \(request.uri.path)"))
            }
        } catch let error as any HTTPResponseError {
            response = ErrorAndLogMiddleware.response(APIError(error.status, error.status.reasonPhrase))
        } catch {
            response = ErrorAndLogMiddleware.response(APIError(.internalServerError, "internal error: \(error)"))
        }
        // A HEAD answer has the headers of the GET one and no body.
        if request.method == .head { response = response.createHeadResponse() }
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
