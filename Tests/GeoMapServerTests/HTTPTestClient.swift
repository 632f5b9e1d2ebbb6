import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client over a blocking socket, so the tests control every byte a client sends
/// (bodies cut short, sent slowly, over the limit). Each call runs on a thread of its own, never on
/// Swift's cooperative pool, which the server in the same process needs.
struct HTTPTestClient: Sendable {
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) }
        func object() throws -> [String: Any] {
            guard let object = try json() as? [String: Any] else { throw ClientError("not a JSON object: \(text.prefix(200))") }
            return object
        }
    }

    struct ClientError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    let port: Int

    func get(_ target: String) async throws -> Response {
        try await send(Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
    }

    func post(_ target: String, body: [UInt8]) async throws -> Response {
        var request = Array("POST \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n".utf8)
        request += body
        return try await send(request)
    }

    func post(_ target: String, json: String) async throws -> Response { try await post(target, body: Array(json.utf8)) }

    /// A request with any method and no body. A HEAD answer is read until the server closes the
    /// connection, every byte after the headers taken for its body (which must be empty, whatever
    /// its Content-Length says).
    func request(_ method: String, _ target: String) async throws -> Response {
        let request = Array("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    let fd = try HTTPTestClient.connect(port: port)
                    defer { close(fd) }
                    HTTPTestClient.sendAll(fd, request)
                    return try HTTPTestClient.readResponse(fd, headOnly: method == "HEAD")
                })
            }.start()
        }
    }

    /// Sends `parts` one after the other, `pause` seconds apart, and reads the whole answer.
    func send(_ parts: [UInt8]..., pause: Double = 0) async throws -> Response {
        let port = self.port
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try HTTPTestClient.exchange(port: port, parts: parts, pause: pause) })
            }
            thread.start()
        }
    }

    /// A connection opened now, to send on in steps and read the answer of later.
    final class Connection: @unchecked Sendable {
        let fd: Int32
        init(port: Int) throws { fd = try HTTPTestClient.connect(port: port) }
        deinit { close(fd) }

        func send(_ bytes: [UInt8]) { HTTPTestClient.sendAll(fd, bytes) }

        func response() async throws -> Response {
            try await withCheckedThrowingContinuation { continuation in
                Thread { continuation.resume(with: Result { try HTTPTestClient.readResponse(self.fd) }) }.start()
            }
        }
    }

    func open() throws -> Connection { try Connection(port: port) }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ClientError("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw ClientError("connect to port \(port): errno \(code)")
        }
        return fd
    }

    private static func exchange(port: Int, parts: [[UInt8]], pause: Double) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        for (k, part) in parts.enumerated() {
            if k > 0 && pause > 0 { Thread.sleep(forTimeInterval: pause) }
            sendAll(fd, part)
        }
        return try readResponse(fd)
    }

    static func sendAll(_ fd: Int32, _ part: [UInt8]) {
        var sent = 0
        while sent < part.count {
            let n = part[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            // The server may answer (413, 408) and close before it has read everything.
            if n <= 0 { break }
            sent += n
        }
    }

    static func readResponse(_ fd: Int32, headOnly: Bool = false) throws -> Response {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            // A signal to the process (SIGCHLD of a finished subprocess) interrupts the wait.
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            received += buffer[0..<n]
            if !headOnly, let response = try? parse(received), response.complete { return response.response }
        }
        guard let parsed = try? parse(received, headOnly: headOnly), parsed.complete else { throw ClientError("no complete response (\(received.count) bytes)") }
        return parsed.response
    }

    private static func parse(_ bytes: [UInt8], headOnly: Bool = false) throws -> (response: Response, complete: Bool) {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.firstRange(of: separator) else { throw ClientError("no header end") }
        let head = String(decoding: bytes[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ClientError("bad status line \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(bytes[end.upperBound...])
        if headOnly { return (Response(status: status, headers: headers, body: body), true) }
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var decoded: [UInt8] = []
            var rest = body[...]
            while let lineEnd = rest.firstRange(of: [13, 10]) {
                let size = Int(String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
                let start = lineEnd.upperBound
                if size == 0 { return (Response(status: status, headers: headers, body: decoded), true) }
                guard rest.endIndex >= start + size + 2 else { break }
                decoded += rest[start..<(start + size)]
                rest = rest[(start + size + 2)...]
            }
            return (Response(status: status, headers: headers, body: decoded), false)
        }
        if let length = headers["content-length"].flatMap({ Int($0) }) {
            guard body.count >= length else { return (Response(status: status, headers: headers, body: body), false) }
            body = Array(body[..<length])
            return (Response(status: status, headers: headers, body: body), true)
        }
        return (Response(status: status, headers: headers, body: body), false)
    }
}
