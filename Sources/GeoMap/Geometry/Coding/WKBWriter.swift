/// Writes 2-D ISO WKB in either byte order.
public enum WKBWriter {
    public static func write(_ geometry: Geometry, byteOrder: WKBByteOrder = .littleEndian) -> [UInt8] {
        var sink = WKBSink(order: byteOrder)
        sink.buffer.reserveCapacity(byteCount(of: geometry))
        sink.write(geometry)
        return sink.buffer
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
    var buffer: [UInt8] = []
    let order: WKBByteOrder

    init(order: WKBByteOrder) { self.order = order }

    mutating func writeHeader(_ type: WKBGeometryType) {
        buffer.append(order.rawValue)
        writeUInt32(type.rawValue)
    }

    mutating func writeUInt32(_ value: UInt32) {
        forEachByte(ofLittleEndian: order == .littleEndian ? value : value.byteSwapped) { buffer.append($0) }
    }

    mutating func writeDouble(_ value: Double) {
        let bits = value.bitPattern
        forEachByte(ofLittleEndian: order == .littleEndian ? bits : bits.byteSwapped) { buffer.append($0) }
    }

    mutating func writePoints(_ points: [Point]) {
        writeUInt32(UInt32(points.count))
        buffer.appendWKBCoordinates(of: points, order: order)
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

    /// A Multi* geometry: its header and count, then each member with its own header.
    private mutating func writeMembers<Member>(_ type: WKBGeometryType, _ members: [Member], each memberType: WKBGeometryType,
                                               _ body: (inout WKBSink, Member) -> Void) {
        writeHeader(type)
        writeUInt32(UInt32(members.count))
        for member in members {
            writeHeader(memberType)
            body(&self, member)
        }
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
            writeMembers(.multiLineString, multi.lineStrings, each: .lineString) { $0.writePoints($1.points) }
        case .multiPolygon(let multi):
            writeMembers(.multiPolygon, multi.polygons, each: .polygon) { $0.writePolygonBody($1) }
        case .geometryCollection(let collection):
            writeHeader(.geometryCollection)
            writeUInt32(UInt32(collection.geometries.count))
            for member in collection.geometries { write(member) }
        }
    }
}
