/// The byte-order flag that starts every WKB geometry.
public enum WKBByteOrder: UInt8, Sendable {
    case bigEndian = 0
    case littleEndian = 1

    static var host: WKBByteOrder {
        1.littleEndian == 1 ? .littleEndian : .bigEndian
    }
}

/// WKB geometry type numbers (the 2-D ISO codes).
enum WKBGeometryType: UInt32 {
    case point = 1
    case lineString = 2
    case polygon = 3
    case multiPoint = 4
    case multiLineString = 5
    case multiPolygon = 6
    case geometryCollection = 7
}
