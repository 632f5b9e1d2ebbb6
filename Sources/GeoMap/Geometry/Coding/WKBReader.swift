/// Reads ISO and extended (PostGIS) WKB. Z and M ordinates are read and dropped; an SRID is skipped.
///
/// Every read is bounds-checked and every count is capped by the bytes left, so malformed or
/// hostile input throws `WKBError` instead of crashing or allocating without limit.
public enum WKBReader {
    /// Collections nested deeper than this are rejected, so hostile input cannot exhaust the stack.
    public static let maximumNestingDepth = 64

    public static func read(_ bytes: ByteView) throws -> Geometry {
        var cursor = WKBCursor(bytes: bytes)
        let geometry = try cursor.readGeometry(depth: 0)
        guard cursor.offset == bytes.count else {
            throw WKBError(reason: "\(bytes.count - cursor.offset) trailing bytes after the geometry", offset: cursor.offset)
        }
        return geometry
    }

    public static func read(_ bytes: [UInt8]) throws -> Geometry { try bytes.withByteView { try read($0) } }

    public static func read(_ bytes: ArraySlice<UInt8>) throws -> Geometry { try bytes.withByteView { try read($0) } }

    public static func read<Bytes: Sequence>(_ bytes: Bytes) throws -> Geometry where Bytes.Element == UInt8 {
        try read(Array(bytes))
    }
}

extension Geometry {
    public init(wkb bytes: ByteView) throws {
        self = try WKBReader.read(bytes)
    }

    public init(wkb bytes: [UInt8]) throws {
        self = try WKBReader.read(bytes)
    }

    public init(wkb bytes: ArraySlice<UInt8>) throws {
        self = try WKBReader.read(bytes)
    }

    public init<Bytes: Sequence>(wkb bytes: Bytes) throws where Bytes.Element == UInt8 {
        self = try WKBReader.read(bytes)
    }
}

private struct WKBHeader {
    var order: WKBByteOrder
    var type: WKBGeometryType
    var ordinatesPerPoint: Int
}

private struct WKBCursor {
    let bytes: ByteView
    var offset = 0

    init(bytes: ByteView) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }

    func failure(_ reason: String) -> WKBError {
        WKBError(reason: reason, offset: offset)
    }

    mutating func readByte() throws -> UInt8 {
        guard remaining >= 1 else { throw failure("unexpected end of data") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt32(_ order: WKBByteOrder) throws -> UInt32 {
        guard remaining >= 4 else { throw failure("unexpected end of data") }
        let raw = bytes.load(at: offset, as: UInt32.self)
        offset += 4
        return order == .littleEndian ? raw : raw.byteSwapped
    }

    mutating func readDouble(_ order: WKBByteOrder) throws -> Double {
        guard remaining >= 8 else { throw failure("unexpected end of data") }
        let raw = bytes.load(at: offset, as: UInt64.self)
        offset += 8
        return Double(bitPattern: order == .littleEndian ? raw : raw.byteSwapped)
    }

    /// Reads an element count and checks that `count * minimumBytesEach` bytes are still there.
    mutating func readCount(_ order: WKBByteOrder, minimumBytesEach: Int, of what: String) throws -> Int {
        let start = offset
        let count = Int(try readUInt32(order))
        guard count <= remaining / minimumBytesEach else {
            throw WKBError(reason: "\(what) count \(count) exceeds the \(remaining) bytes left", offset: start)
        }
        return count
    }

    mutating func readHeader() throws -> WKBHeader {
        let start = offset
        guard let order = WKBByteOrder(rawValue: try readByte()) else {
            throw WKBError(reason: "byte-order flag must be 0 or 1", offset: start)
        }
        let code = try readUInt32(order)
        // Extended WKB keeps Z, M and SRID in the high bits; ISO WKB adds 1000, 2000 or 3000.
        var hasZ = code & 0x8000_0000 != 0
        var hasM = code & 0x4000_0000 != 0
        let hasSRID = code & 0x2000_0000 != 0
        let isoCode = code & 0x0FFF_FFFF
        switch isoCode / 1000 {
        case 0: break
        case 1: hasZ = true
        case 2: hasM = true
        case 3: hasZ = true; hasM = true
        default: throw WKBError(reason: "unknown geometry type \(code)", offset: start + 1)
        }
        guard let type = WKBGeometryType(rawValue: isoCode % 1000) else {
            throw WKBError(reason: "unknown geometry type \(code)", offset: start + 1)
        }
        if hasSRID { _ = try readUInt32(order) }
        return WKBHeader(order: order, type: type, ordinatesPerPoint: 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0))
    }

    mutating func readGeometry(depth: Int) throws -> Geometry {
        guard depth <= WKBReader.maximumNestingDepth else { throw failure("collections nested too deeply") }
        let header = try readHeader()
        switch header.type {
        case .point:
            let start = offset
            let coordinates = try readPointCoordinates(header)
            if coordinates.lon.isNaN && coordinates.lat.isNaN {
                // POINT EMPTY: a Point value cannot be empty, so it becomes an empty MultiPoint.
                return .multiPoint(MultiPoint(points: []))
            }
            guard coordinates.isFinite else { throw WKBError(reason: "non-finite coordinate", offset: start) }
            return .point(coordinates)
        case .lineString:
            return .lineString(try readLineString(header))
        case .polygon:
            return .polygon(try readPolygon(header))
        case .multiPoint:
            let points = try readMembers(.point, "point", of: "MultiPoint", header.order, minimumBytesEach: 21) { reader, member, memberStart in
                let point = try reader.readPointCoordinates(member)
                guard point.isFinite else { throw WKBError(reason: "empty or non-finite point in a MultiPoint", offset: memberStart) }
                return point
            }
            return .multiPoint(MultiPoint(points: points))
        case .multiLineString:
            let lines = try readMembers(.lineString, "line string", of: "MultiLineString", header.order, minimumBytesEach: 9) { reader, member, _ in
                try reader.readLineString(member)
            }
            return .multiLineString(MultiLineString(lineStrings: lines))
        case .multiPolygon:
            let polygons = try readMembers(.polygon, "polygon", of: "MultiPolygon", header.order, minimumBytesEach: 9) { reader, member, _ in
                try reader.readPolygon(member)
            }
            return .multiPolygon(MultiPolygon(polygons: polygons))
        case .geometryCollection:
            let count = try readCount(header.order, minimumBytesEach: 5, of: "geometry")
            var members = [Geometry]()
            members.reserveCapacity(count)
            for _ in 0..<count {
                members.append(try readGeometry(depth: depth + 1))
            }
            return .geometryCollection(GeometryCollection(geometries: members))
        }
    }

    /// The members of a Multi* geometry, each a geometry of `type` with its own header.
    private mutating func readMembers<Member>(
        _ type: WKBGeometryType, _ noun: String, of collection: String, _ order: WKBByteOrder, minimumBytesEach: Int,
        _ readMember: (inout WKBCursor, WKBHeader, Int) throws -> Member
    ) throws -> [Member] {
        let count = try readCount(order, minimumBytesEach: minimumBytesEach, of: noun)
        var members = [Member]()
        members.reserveCapacity(count)
        for _ in 0..<count {
            let memberStart = offset
            let member = try readHeader()
            guard member.type == type else {
                throw WKBError(reason: "a \(collection) may hold only \(noun)s", offset: memberStart)
            }
            members.append(try readMember(&self, member, memberStart))
        }
        return members
    }

    mutating func readPointCoordinates(_ header: WKBHeader) throws -> Point {
        guard remaining >= header.ordinatesPerPoint * 8 else { throw failure("unexpected end of data") }
        let x = try readDouble(header.order)
        let y = try readDouble(header.order)
        offset += (header.ordinatesPerPoint - 2) * 8
        return Point(x: x, y: y)
    }

    mutating func readPoints(_ header: WKBHeader) throws -> [Point] {
        let bytesPerPoint = header.ordinatesPerPoint * 8
        let count = try readCount(header.order, minimumBytesEach: bytesPerPoint, of: "point")
        let start = offset
        let points = [Point](wkbCoordinates: bytes.extracting(start..<(start + count * bytesPerPoint)),
                             count: count, stride: bytesPerPoint, order: header.order)
        offset = start + count * bytesPerPoint
        for point in points where !point.isFinite {
            throw WKBError(reason: "non-finite coordinate", offset: start)
        }
        return points
    }

    mutating func readLineString(_ header: WKBHeader) throws -> LineString {
        let start = offset
        let points = try readPoints(header)
        guard points.isEmpty || points.count >= 2 else {
            throw WKBError(reason: GeometryError.lineStringTooShort(pointCount: points.count).description, offset: start)
        }
        return LineString(uncheckedPoints: points)
    }

    mutating func readPolygon(_ header: WKBHeader) throws -> Polygon {
        let ringCount = try readCount(header.order, minimumBytesEach: 4, of: "ring")
        var rings = [LinearRing]()
        rings.reserveCapacity(ringCount)
        for _ in 0..<ringCount {
            let start = offset
            let points = try readPoints(header)
            do {
                try LinearRing.validate(points)
            } catch let error as GeometryError {
                throw WKBError(reason: error.description, offset: start)
            }
            rings.append(LinearRing(uncheckedPoints: points))
        }
        guard let exterior = rings.first else { return .empty }
        let holes = Array(rings.dropFirst())
        if exterior.isEmpty && !holes.isEmpty { throw failure(GeometryError.holesInEmptyPolygon.description) }
        if holes.contains(where: \.isEmpty) { throw failure(GeometryError.emptyHole.description) }
        return Polygon(uncheckedExterior: exterior, holes: holes)
    }
}
