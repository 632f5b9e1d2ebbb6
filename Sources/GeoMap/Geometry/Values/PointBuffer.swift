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
