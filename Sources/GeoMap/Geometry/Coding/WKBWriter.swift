/// Writes 2-D ISO WKB in either byte order.
public enum WKBWriter {
    public static func write(_ geometry: Geometry, byteOrder: WKBByteOrder = .littleEndian) -> [UInt8] {
        let size = byteCount(of: geometry)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var sink = WKBSink(buffer: UnsafeMutableRawBufferPointer(buffer), order: byteOrder)
            sink.write(geometry)
            initialized = sink.offset
        }
    }

    static func byteCount(of geometry: Geometry) -> Int {
        let header = 5
        switch geometry {
        case .point:
            return header + 16
        case .lineString(let line):
            return header + 4 + line.points.count * 16
        case .polygon(let polygon):
            return polygonByteCount(polygon)
        case .multiPoint(let multi):
            return header + 4 + multi.points.count * (header + 16)
        case .multiLineString(let multi):
            return multi.lineStrings.reduce(header + 4) { $0 + header + 4 + $1.points.count * 16 }
        case .multiPolygon(let multi):
            return multi.polygons.reduce(header + 4) { $0 + polygonByteCount($1) }
        case .geometryCollection(let collection):
            return collection.geometries.reduce(header + 4) { $0 + byteCount(of: $1) }
        }
    }

    private static func polygonByteCount(_ polygon: Polygon) -> Int {
        if polygon.isEmpty { return 5 + 4 }
        return polygon.holes.reduce(5 + 4 + 4 + polygon.exterior.points.count * 16) { $0 + 4 + $1.points.count * 16 }
    }
}

extension GeometryConvertible {
    /// The geometry as 2-D ISO WKB.
    public func wkb(byteOrder: WKBByteOrder = .littleEndian) -> [UInt8] {
        WKBWriter.write(geometry, byteOrder: byteOrder)
    }
}

private struct WKBSink {
    let buffer: UnsafeMutableRawBufferPointer
    let order: WKBByteOrder
    var offset = 0

    init(buffer: UnsafeMutableRawBufferPointer, order: WKBByteOrder) {
        self.buffer = buffer
        self.order = order
    }

    mutating func writeHeader(_ type: WKBGeometryType) {
        buffer[offset] = order.rawValue
        offset += 1
        writeUInt32(type.rawValue)
    }

    mutating func writeUInt32(_ value: UInt32) {
        let ordered = order == .littleEndian ? value.littleEndian : value.bigEndian
        buffer.storeBytes(of: ordered, toByteOffset: offset, as: UInt32.self)
        offset += 4
    }

    mutating func writeDouble(_ value: Double) {
        let bits = value.bitPattern
        let ordered = order == .littleEndian ? bits.littleEndian : bits.bigEndian
        buffer.storeBytes(of: ordered, toByteOffset: offset, as: UInt64.self)
        offset += 8
    }

    mutating func writePoints(_ points: [Point]) {
        writeUInt32(UInt32(points.count))
        if order == WKBByteOrder.host, let destination = buffer.baseAddress {
            points.withInterleavedCoordinates { doubles, count in
                (destination + offset).copyMemory(from: doubles, byteCount: count * 16)
            }
            offset += points.count * 16
            return
        }
        for point in points {
            writeDouble(point.x)
            writeDouble(point.y)
        }
    }

    mutating func writePolygonBody(_ polygon: Polygon) {
        if polygon.isEmpty {
            writeUInt32(0)
            return
        }
        writeUInt32(UInt32(1 + polygon.holes.count))
        writePoints(polygon.exterior.points)
        for hole in polygon.holes { writePoints(hole.points) }
    }

    mutating func write(_ geometry: Geometry) {
        switch geometry {
        case .point(let point):
            writeHeader(.point)
            writeDouble(point.x)
            writeDouble(point.y)
        case .lineString(let line):
            writeHeader(.lineString)
            writePoints(line.points)
        case .polygon(let polygon):
            writeHeader(.polygon)
            writePolygonBody(polygon)
        case .multiPoint(let multi):
            writeHeader(.multiPoint)
            writeUInt32(UInt32(multi.points.count))
            for point in multi.points {
                writeHeader(.point)
                writeDouble(point.x)
                writeDouble(point.y)
            }
        case .multiLineString(let multi):
            writeHeader(.multiLineString)
            writeUInt32(UInt32(multi.lineStrings.count))
            for line in multi.lineStrings {
                writeHeader(.lineString)
                writePoints(line.points)
            }
        case .multiPolygon(let multi):
            writeHeader(.multiPolygon)
            writeUInt32(UInt32(multi.polygons.count))
            for polygon in multi.polygons {
                writeHeader(.polygon)
                writePolygonBody(polygon)
            }
        case .geometryCollection(let collection):
            writeHeader(.geometryCollection)
            writeUInt32(UInt32(collection.geometries.count))
            for member in collection.geometries { write(member) }
        }
    }
}
