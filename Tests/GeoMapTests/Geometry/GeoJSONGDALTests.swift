import Foundation
import Testing
@testable import GeoMap

/// GDAL (the reader behind QGIS) must open what we write. Kept apart from the other coding tests
/// because Foundation's `Process` leaks 32 bytes per launch, which would drown AddressSanitizer runs.
@Suite struct GeoJSONGDALTests {
    @Test(.enabled(if: OGRInfo.isAvailable, "needs gdal-bin"))
    func gdalReadsTheGeometries() throws {
        struct Feature: Encodable {
            let type = "Feature"
            let properties: [String: Int]
            let geometry: Geometry
        }
        struct Collection: Encodable {
            let type = "FeatureCollection"
            let features: [Feature]
        }
        let geometries = try GeometryFixtures.allKinds().filter { !$0.isEmpty }
        let features = geometries.enumerated().map { Feature(properties: ["index": $0.offset], geometry: $0.element) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("geomap-geojson-\(UUID().uuidString).geojson")
        defer { try? FileManager.default.removeItem(at: url) }
        try JSONEncoder().encode(Collection(features: features)).write(to: url)
        let text = try OGRInfo.run(["-ro", "-al", "-so", url.path])
        #expect(text.contains("Feature Count: \(geometries.count)"), "\(text)")
    }
}
