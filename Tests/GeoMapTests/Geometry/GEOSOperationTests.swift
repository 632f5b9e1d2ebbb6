import Foundation
import Testing
@testable import GeoMap

@Suite struct GEOSOperationTests {
    let unitSquare: Polygon

    init() throws {
        unitSquare = try GeometryFixtures.square(minX: 0, minY: 0, size: 1)
    }

    @Test func validityOfKnownShapes() throws {
        #expect(try unitSquare.isValid())
        #expect(try unitSquare.validityReason() == "Valid Geometry")
        let bowtie = try Polygon(exterior: GeometryFixtures.ring([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)]))
        #expect(try !bowtie.isValid())
        #expect(try bowtie.validityReason().hasPrefix("Self-intersection"))
        let repaired = try bowtie.makeValid()
        #expect(try repaired.isValid())
        #expect(abs(try repaired.planarArea() - 2) < 1e-12)
        guard case .multiPolygon(let parts) = repaired else { Issue.record("expected a MultiPolygon, got \(repaired.wkt)"); return }
        #expect(parts.polygons.count == 2)
    }

    @Test func overlayOfTwoSquares() throws {
        let shifted = try GeometryFixtures.square(minX: 0.5, minY: 0, size: 1)
        #expect(abs(try unitSquare.union(with: shifted).planarArea() - 1.5) < 1e-12)
        #expect(abs(try unitSquare.intersection(with: shifted).planarArea() - 0.5) < 1e-12)
        let far = try GeometryFixtures.square(minX: 5, minY: 5, size: 1)
        #expect(try unitSquare.intersection(with: far).isEmpty)
        let many = try (0..<10).map { Geometry.polygon(try GeometryFixtures.square(minX: Double($0) * 0.5, minY: 0, size: 1)) }
        let merged = try Geometry.unaryUnion(of: many)
        #expect(abs(try merged.planarArea() - 5.5) < 1e-12)
        guard case .polygon = merged else { Issue.record("expected one polygon, got \(merged.typeName)"); return }
    }

    @Test func predicatesOnKnownShapes() throws {
        let holed = try GeometryFixtures.squareWithHole()
        let inside = Point(x: 2, y: 2)
        let inHole = Point(x: 5, y: 5)
        let onEdge = Point(x: 0, y: 5)
        #expect(try holed.contains(inside))
        #expect(try !holed.contains(inHole))
        #expect(try !holed.contains(onEdge))
        #expect(try holed.covers(onEdge))
        #expect(try holed.intersects(onEdge))
        #expect(try inside.within(holed))
        #expect(try !inHole.intersects(holed))
        let line = try LineString(points: [Point(x: -1, y: 5), Point(x: 11, y: 5)])
        #expect(try line.intersects(holed))
        #expect(try !holed.contains(line))
    }

    @Test func preparedGeometryAgreesWithPlainPredicates() throws {
        let holed = try GeometryFixtures.squareWithHole()
        let prepared = try PreparedGeometry(holed)
        var generator = SplitMix64(seed: 11)
        for _ in 0..<2_000 {
            let point = Point(x: Double.random(in: -1...11, using: &generator), y: Double.random(in: -1...11, using: &generator))
            #expect(try prepared.contains(point) == holed.contains(point))
            #expect(try prepared.covers(point) == holed.covers(point))
        }
        #expect(try prepared.intersects(LineString(points: [Point(x: -1, y: 5), Point(x: 11, y: 5)])))
        #expect(try prepared.within(GeometryFixtures.square(minX: -1, minY: -1, size: 20)))
    }

    @Test func preparedGeometryIsSafeAcrossThreads() async throws {
        let holed = try GeometryFixtures.squareWithHole()
        let prepared = try PreparedGeometry(holed)
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var generator = SplitMix64(seed: UInt64(task))
                    var inside = 0
                    for _ in 0..<5_000 {
                        let point = Point(x: Double.random(in: 0...10, using: &generator), y: Double.random(in: 0...10, using: &generator))
                        if try prepared.contains(point) { inside += 1 }
                    }
                    return inside
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        // 96 of the 100 square units are inside: each thread should see about 96 %.
        for count in counts { #expect(abs(Double(count) / 5_000 - 0.96) < 0.02) }
    }

    @Test func planarNearestPointsBetweenSquares() throws {
        let far = try GeometryFixtures.square(minX: 3, minY: 0.25, size: 1)
        let pair = try unitSquare.planarNearestPoints(with: far)
        #expect(pair.onSelf.x == 1 && pair.onOther.x == 3)
        #expect(abs(pair.onSelf.y - pair.onOther.y) < 1e-12)
        #expect(throws: GeometryError.self) { try unitSquare.planarNearestPoints(with: MultiPoint(points: [])) }
    }

    @Test func envelopeAndBoundingBox() throws {
        let line = try LineString(points: [Point(x: 2, y: -1), Point(x: -3, y: 4)])
        #expect(line.boundingBox == BoundingBox(minX: -3, minY: -1, maxX: 2, maxY: 4))
        #expect(try line.envelope() == .polygon(try GeometryFixtures.square(minX: -3, minY: -1, size: 5)))
        #expect(MultiPolygon(polygons: []).boundingBox == nil)
    }

    @Test func visualCentreLiesInsideAConcaveShape() throws {
        // A "C": its centroid (about 1.1, 1.5) lies in the opening, outside the shape.
        let cShape = try Polygon(exterior: GeometryFixtures.ring([
            (0, 0), (3, 0), (3, 1), (1, 1), (1, 2), (3, 2), (3, 3), (0, 3), (0, 0),
        ]))
        let centre = try cShape.visualCentre()
        #expect(try cShape.contains(centre))
        let line = try LineString(points: [Point(x: 0, y: 0), Point(x: 2, y: 0)])
        #expect(try line.intersects(line.visualCentre()))
        #expect(throws: GeometryError.self) { try Polygon.empty.visualCentre() }
    }

    @Test func simplifyKeepsTopology() throws {
        var points = [Point]()
        for step in 0..<100 {
            let angle = Double(step) / 100 * 2 * .pi
            let radius = 10 + (step % 2 == 0 ? 0.01 : -0.01)
            points.append(Point(x: radius * cos(angle), y: radius * sin(angle)))
        }
        points.append(points[0])
        let wobbly = try Polygon(exterior: LinearRing(points: points), holes: [GeometryFixtures.ring([(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)])])
        let simplified = try wobbly.topologyPreservingSimplified(tolerance: 0.5)
        guard case .polygon(let result) = simplified else { Issue.record("expected a polygon"); return }
        #expect(result.exterior.points.count < points.count / 2)
        #expect(result.holes.count == 1)
        #expect(try simplified.isValid())
    }

    @Test func planarMeasurements() throws {
        #expect(try GeometryFixtures.squareWithHole().planarArea() == 96)
        #expect(try LineString(points: [Point(x: 0, y: 0), Point(x: 3, y: 4)]).planarLength() == 5)
    }

    @Test func geosErrorsAreThrownNotPrinted() throws {
        // Bypasses the ring check so that GEOS itself refuses the ring.
        let bad = Polygon(uncheckedExterior: LinearRing(uncheckedPoints: [
            Point(x: 0, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 0),
        ]), holes: [])
        do {
            _ = try bad.union(with: unitSquare)
            Issue.record("GEOS accepted a three-point ring")
        } catch let error as GEOSError {
            #expect(error.operation == "GEOSUnion_r" && error.message.contains("Too few points"), "\(error)")
        }
        // The thread's context is still usable afterwards.
        #expect(try unitSquare.isValid())
    }
}
