import Testing
@testable import GeoMap

@Suite struct WKBCodingTests {
    @Test func roundTripsEveryKindInBothByteOrders() throws {
        for geometry in try GeometryFixtures.allKinds() {
            for order in [WKBByteOrder.littleEndian, .bigEndian] {
                let bytes = geometry.wkb(byteOrder: order)
                #expect(bytes.first == order.rawValue)
                #expect(try Geometry(wkb: bytes) == geometry, "\(geometry.wkt) in \(order)")
            }
        }
    }

    @Test func readsBigEndianPointWrittenByHand() throws {
        // POINT (1 2), big-endian, as PostGIS ST_AsBinary(geom, 'XDR') writes it.
        let bytes: [UInt8] = [0x00, 0x00, 0x00, 0x00, 0x01,
                              0x3F, 0xF0, 0, 0, 0, 0, 0, 0,
                              0x40, 0x00, 0, 0, 0, 0, 0, 0]
        #expect(try Geometry(wkb: bytes) == .point(Point(x: 1, y: 2)))
    }

    @Test func readsFromAnUnalignedSliceOfABuffer() throws {
        let polygon = Geometry.polygon(try GeometryFixtures.squareWithHole())
        let record: [UInt8] = [0xAA, 0xBB, 0xCC] + polygon.wkb() + [0xDD]
        let decoded = try record.withByteView { buffer in
            try Geometry(wkb: buffer.extracting(3..<(buffer.count - 1)))
        }
        #expect(decoded == polygon)
    }

    @Test func dropsZAndMFromIsoAndExtendedWKB() throws {
        // ISO LineString Z (1002) with two points.
        let iso: [UInt8] = [0x01] + le32(1002) + le32(2) + [1.0, 2.0, 99.0, 3.0, 4.0, 99.0].flatMap(le64)
        #expect(try Geometry(wkb: iso) == .lineString(try LineString(points: [Point(x: 1, y: 2), Point(x: 3, y: 4)])))
        // Extended WKB point with Z, M and an SRID.
        let extended: [UInt8] = [0x01] + le32(0xE000_0001) + le32(4326) + [5.0, 6.0, 7.0, 8.0].flatMap(le64)
        #expect(try Geometry(wkb: extended) == .point(Point(x: 5, y: 6)))
    }

    @Test func readsPointEmptyAsAnEmptyMultiPoint() throws {
        let bytes: [UInt8] = [0x01] + le32(1) + [Double.nan, Double.nan].flatMap(le64)
        #expect(try Geometry(wkb: bytes) == .multiPoint(MultiPoint(points: [])))
    }

    @Test func rejectsEveryTruncation() throws {
        for geometry in try GeometryFixtures.allKinds() {
            let bytes = geometry.wkb()
            for length in 0..<bytes.count {
                #expect(throws: WKBError.self) { try Geometry(wkb: bytes[0..<length]) }
            }
        }
    }

    @Test func rejectsMaliciousInput() throws {
        let hugeCount: [UInt8] = [0x01] + le32(2) + le32(0xFFFF_FFFF) + [1.0, 2.0].flatMap(le64)
        #expect(throws: WKBError.self) { try Geometry(wkb: hugeCount) }
        let hugeRings: [UInt8] = [0x01] + le32(3) + le32(0x7FFF_FFFF)
        #expect(throws: WKBError.self) { try Geometry(wkb: hugeRings) }
        let badOrder: [UInt8] = [0x07] + le32(1) + [1.0, 2.0].flatMap(le64)
        #expect(throws: WKBError.self) { try Geometry(wkb: badOrder) }
        let badType: [UInt8] = [0x01] + le32(17) + [1.0, 2.0].flatMap(le64)
        #expect(throws: WKBError.self) { try Geometry(wkb: badType) }
        let trailing: [UInt8] = Geometry.point(Point(x: 1, y: 2)).wkb() + [0]
        #expect(throws: WKBError.self) { try Geometry(wkb: trailing) }
        let infinite: [UInt8] = [0x01] + le32(1) + [Double.infinity, 2.0].flatMap(le64)
        #expect(throws: WKBError.self) { try Geometry(wkb: infinite) }
        let openRing: [UInt8] = [0x01] + le32(3) + le32(1) + le32(4) + [0.0, 0, 1, 0, 1, 1, 0, 1].flatMap(le64)
        #expect(throws: WKBError.self) { try Geometry(wkb: openRing) }
        let onePointLine: [UInt8] = [0x01] + le32(2) + le32(1) + [0.0, 0].flatMap(le64)
        #expect(throws: WKBError.self) { try Geometry(wkb: onePointLine) }
        let lineInMultiPolygon: [UInt8] = [0x01] + le32(6) + le32(1) + [0x01] + le32(2) + le32(0)
        #expect(throws: WKBError.self) { try Geometry(wkb: lineInMultiPolygon) }
        // A collection nested far deeper than the reader allows, with a plausible count at each level.
        var deep = [UInt8]()
        for _ in 0..<10_000 { deep += [0x01] + le32(7) + le32(1) }
        deep += Geometry.point(Point(x: 0, y: 0)).wkb()
        #expect(throws: WKBError.self) { try Geometry(wkb: deep) }
    }

    @Test func survivesRandomMutations() throws {
        var generator = SplitMix64(seed: 7)
        let samples = try GeometryFixtures.allKinds().map { $0.wkb() }
        for round in 0..<5_000 {
            var bytes = samples[round % samples.count]
            for _ in 0..<(1 + Int(generator.next() % 4)) where !bytes.isEmpty {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            // Either outcome is fine; the reader must only never crash.
            _ = try? Geometry(wkb: bytes)
        }
    }
}

func le32(_ value: UInt32) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian, Array.init)
}

func le64(_ value: Double) -> [UInt8] {
    withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init)
}
