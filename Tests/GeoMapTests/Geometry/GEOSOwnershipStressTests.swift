import Testing
@testable import GeoMap

/// Thousands of GEOS round trips, including failing ones, so that AddressSanitizer can catch a
/// leak, double free or use after free in the owners:
/// `swift test --sanitize=address --filter GEOSOwnershipStressTests`.
@Suite struct GEOSOwnershipStressTests {
    static func shapes(seed: UInt64) throws -> [Geometry] {
        var generator = SplitMix64(seed: seed)
        var shapes = [Geometry]()
        for _ in 0..<40 {
            let x = Double.random(in: -20...20, using: &generator)
            let y = Double.random(in: -20...20, using: &generator)
            let size = Double.random(in: 0.5...5, using: &generator)
            let square = try GeometryFixtures.square(minX: x, minY: y, size: size)
            let hole = try GeometryFixtures.ring([
                (x + size * 0.4, y + size * 0.4), (x + size * 0.6, y + size * 0.4),
                (x + size * 0.6, y + size * 0.6), (x + size * 0.4, y + size * 0.6), (x + size * 0.4, y + size * 0.4),
            ])
            let bowtie = try Polygon(exterior: GeometryFixtures.ring([(x, y), (x + size, y + size), (x + size, y), (x, y + size), (x, y)]))
            shapes.append(.polygon(square))
            shapes.append(.polygon(try Polygon(exterior: square.exterior, holes: [hole])))
            shapes.append(.polygon(bowtie))
            shapes.append(.multiPolygon(MultiPolygon(polygons: [square, bowtie])))
            shapes.append(.lineString(try LineString(points: [Point(x: x, y: y), Point(x: x + size, y: y - size), Point(x: x, y: y + 2 * size)])))
            shapes.append(.multiPoint(MultiPoint(points: [Point(x: x, y: y), Point(x: x + 1, y: y + 1)])))
            shapes.append(.geometryCollection(GeometryCollection(geometries: [.point(Point(x: x, y: y)), .polygon(square)])))
        }
        return shapes
    }

    @Test func manyOperationsFreeEverythingOnce() throws {
        let shapes = try Self.shapes(seed: 5)
        // Rejected by GEOS inside an operation (three-point ring), to exercise the error paths.
        let broken = Geometry.polygon(Polygon(uncheckedExterior: LinearRing(uncheckedPoints: [
            Point(x: 0, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 0),
        ]), holes: []))
        let unitSquare = Geometry.polygon(try GeometryFixtures.square(minX: 0, minY: 0, size: 1))
        var operations = 0
        for round in 0..<3 {
            for (index, shape) in shapes.enumerated() {
                let other = shapes[(index * 7 + round) % shapes.count]
                let prepared = try PreparedGeometry(shape)
                _ = try prepared.intersects(other)
                _ = try prepared.contains(Point(x: 0, y: 0))
                _ = try prepared.covers(other)
                _ = try shape.isValid()
                _ = try shape.validityReason()
                let valid = try shape.makeValid()
                _ = try? valid.union(with: other.makeValid())
                _ = try? valid.intersection(with: other.makeValid())
                _ = try valid.unaryUnion()
                _ = try shape.envelope()
                _ = try shape.planarArea()
                _ = try? shape.visualCentre()
                _ = try shape.topologyPreservingSimplified(tolerance: 0.1)
                _ = try? shape.planarNearestPoints(with: other)
                #expect(try Geometry(wkb: valid.wkb(byteOrder: round == 1 ? .bigEndian : .littleEndian)) == valid)
                _ = try? broken.union(with: shape)
                #expect(throws: GEOSError.self) { try broken.union(with: unitSquare) }
                operations += 16
            }
        }
        #expect(try Geometry.unaryUnion(of: shapes.map { try $0.makeValid() }).planarArea() > 0)
        #expect(operations > 10_000)
    }

    @Test func preparedGeometriesAndGeodesicTargetsAcrossThreads() async throws {
        let shapes = try Self.shapes(seed: 9)
        let prepared = try shapes.prefix(20).map { try PreparedGeometry($0) }
        let targets = try shapes.prefix(20).map { try GeodesicTarget($0) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var generator = SplitMix64(seed: UInt64(task))
                    for _ in 0..<500 {
                        let point = Point(x: Double.random(in: -20...20, using: &generator), y: Double.random(in: -20...20, using: &generator))
                        let index = Int(generator.next() % UInt64(prepared.count))
                        _ = try prepared[index].covers(point)
                        _ = try targets[index].shortestDistance(to: GeodesicTarget(point))
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
