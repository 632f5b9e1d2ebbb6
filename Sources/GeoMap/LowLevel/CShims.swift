#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Invariant. Each function here hands one C call the memory it needs and no more, for the length
// of that call: a buffer of the count the call is told, an array of coordinates that lives until
// the call returns, a `dirent` that `readdir` keeps valid until the next `readdir`. The callers
// guarantee only what each signature says (a descriptor, a count, an entry just read); no pointer
// is kept or returned.

// MARK: Coordinates for GEOS and WKB

extension Point {
    /// True when `[Point]` is laid out as consecutive (x, y) doubles, so coordinate arrays can be
    /// handed to GEOS or filled from WKB without going point by point.
    static let isPackedPairOfDoubles: Bool =
        MemoryLayout<Point>.size == 16 && MemoryLayout<Point>.stride == 16
        && MemoryLayout<Point>.offset(of: \Point.lon) == 0 && MemoryLayout<Point>.offset(of: \Point.lat) == 8
}

extension Array where Element == Point {
    /// Calls `body` with the coordinates as `count * 2` interleaved doubles (x0, y0, x1, y1, ...).
    func withInterleavedCoordinates<Result>(_ body: (UnsafePointer<Double>, Int) throws -> Result) rethrows -> Result {
        if Point.isPackedPairOfDoubles {
            return try withUnsafeBufferPointer { points in
                guard let base = points.baseAddress else { return try Self.withNoCoordinates(body) }
                return try base.withMemoryRebound(to: Double.self, capacity: points.count * 2) {
                    try body($0, points.count)
                }
            }
        }
        var flat = [Double]()
        flat.reserveCapacity(count * 2)
        for point in self {
            flat.append(point.x)
            flat.append(point.y)
        }
        return try flat.withUnsafeBufferPointer { doubles in
            guard let base = doubles.baseAddress else { return try Self.withNoCoordinates(body) }
            return try body(base, count)
        }
    }

    private static func withNoCoordinates<Result>(_ body: (UnsafePointer<Double>, Int) throws -> Result) rethrows -> Result {
        var placeholder = 0.0
        return try withUnsafePointer(to: &placeholder) { try body($0, 0) }
    }

    /// Builds `count` points from a function that writes `count * 2` interleaved doubles.
    static func fromInterleavedCoordinates(
        count: Int, _ fill: (UnsafeMutablePointer<Double>) throws -> Void
    ) rethrows -> [Point] {
        if count <= 0 { return [] }
        if Point.isPackedPairOfDoubles {
            return try [Point](unsafeUninitializedCapacity: count) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                try base.withMemoryRebound(to: Double.self, capacity: count * 2) { try fill($0) }
                initialized = count
            }
        }
        var flat = [Double](repeating: 0, count: count * 2)
        try flat.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { try fill(base) }
        }
        return (0..<count).map { Point(x: flat[2 * $0], y: flat[2 * $0 + 1]) }
    }
}

extension Array where Element == Point {
    /// `count` points from WKB coordinates in `bytes`: x and y (the first two doubles) every
    /// `stride` bytes, in `order`. Copied whole when they are plain pairs in the host's order.
    init(wkbCoordinates bytes: ByteView, count: Int, stride: Int, order: WKBByteOrder) {
        precondition(count >= 0 && stride >= 16 && bytes.count >= count * stride, "WKB coordinates outside the view")
        self = [Point].fromInterleavedCoordinates(count: count) { doubles in
            if order == WKBByteOrder.host && stride == 16 {
                UnsafeMutableRawPointer(doubles).copyMemory(from: bytes.borrowedBase.baseAddress!, byteCount: count * 16)
                return
            }
            for index in 0..<count {
                let x = bytes.load(at: index * stride, as: UInt64.self), y = bytes.load(at: index * stride + 8, as: UInt64.self)
                doubles[2 * index] = Double(bitPattern: order == .littleEndian ? x : x.byteSwapped)
                doubles[2 * index + 1] = Double(bitPattern: order == .littleEndian ? y : y.byteSwapped)
            }
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends the points' coordinates as WKB pairs of doubles in `order` (copied whole in the
    /// host's order).
    mutating func appendWKBCoordinates(of points: [Point], order: WKBByteOrder) {
        if order == WKBByteOrder.host {
            points.withInterleavedCoordinates { doubles, count in
                append(contentsOf: UnsafeRawBufferPointer(start: doubles, count: count * 16))
            }
            return
        }
        for point in points {
            for value in [point.x, point.y] {
                let bits = value.bitPattern
                forEachByte(ofLittleEndian: order == .littleEndian ? bits : bits.byteSwapped) { append($0) }
            }
        }
    }
}

// MARK: Directories and descriptors

/// The names in a directory, `.` and `..` left out; empty if it cannot be read.
enum DirectoryEntries {
    static func names(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = self.name(of: entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The name of a `readdir` entry.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
            let bytes = raw.bindMemory(to: UInt8.self)
            let end = bytes.firstIndex(of: 0) ?? bytes.count
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
    }
}

/// `write(2)` of `bytes[start...]`: the count written, or -1 with `errno` set.
func writeSome(_ descriptor: Int32, _ bytes: [UInt8], from start: Int) -> Int {
    precondition(start >= 0 && start <= bytes.count)
    return bytes.withUnsafeBytes { raw in write(descriptor, raw.baseAddress! + start, raw.count - start) }
}

/// `read(2)` into `bytes[range]`: the count read, or -1 with `errno` set.
func readSome(_ descriptor: Int32, into bytes: inout [UInt8], _ range: Range<Int>) -> Int {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count)
    return bytes.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress! + range.lowerBound, range.count) }
}

/// The C string a call writes into a buffer of `capacity` bytes (`getcwd`, `readlink`): what it
/// returns is the length written, or a negative number when it failed; a result with no length
/// (`getcwd`) is read up to its terminating zero.
private func cString(capacity: Int, _ call: (UnsafeMutablePointer<CChar>, Int) -> Int?) -> String? {
    var buffer = [CChar](repeating: 0, count: capacity + 1)
    let length = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress!, capacity) }
    if let length, length < 0 { return nil }
    let end = length ?? buffer.firstIndex(of: 0) ?? capacity
    return String(decoding: buffer[0..<min(end, capacity)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// The working directory, or nil when it cannot be read.
func workingDirectory() -> String? {
    cString(capacity: 4096) { getcwd($0, $1) == nil ? -1 : nil }
}

/// The absolute path of the running executable (`/proc/self/exe`), or nil.
public func runningExecutablePath() -> String? {
    guard let path = cString(capacity: 4095, { readlink("/proc/self/exe", $0, $1) }), !path.isEmpty else { return nil }
    return path
}
