import Foundation
import Testing
@testable import GeoMap

/// Shared pieces of the spatial and layer tests.
enum SpatialTestSupport {
    /// The bundled gazetteer; the spatial tests need its polygons.
    static func bundled() throws -> Gazetteer {
        try #require(TestSupport.bundledGazetteer, "the bundled gazetteer (Gazetteer/) is missing")
    }

    static func entry(_ id: Int64, in gazetteer: Gazetteer) throws -> Int32 {
        try #require(gazetteer.entry(withID: id), "no entry \(id)")
    }

    static func square(_ west: Double, _ south: Double, _ east: Double, _ north: Double) -> Polygon {
        try! Polygon(exterior: LinearRing(points: [
            Point(lon: west, lat: south), Point(lon: east, lat: south), Point(lon: east, lat: north),
            Point(lon: west, lat: north), Point(lon: west, lat: south),
        ]))
    }

    /// A gazetteer of two square countries with provinces, and places whose codes agree or
    /// disagree with the polygons they lie in. Built in a temporary directory.
    static let squareWorld: Gazetteer = {
        let directory = TestSupport.temporaryDirectory()
        let manager = FileManager.default
        let mini = TestSupport.fixtures + "/MiniGazetteer"
        for path in ["demonyms.tsv", "lexicon", "curated"] {
            try! manager.copyItem(atPath: mini + "/" + path, toPath: directory + "/" + path)
        }
        let header = "id\tkind\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tfeature\tshape\tnames\tabbrevs"
        let rows: [(Int64, String, String, String, String, Double, Double, Polygon?)] = [
            (1, "country", "Aland", "AA", "", 5, 5, square(0, 0, 10, 10)),
            (2, "country", "Beland", "BB", "", 5, 15, square(10, 0, 20, 10)),
            (11, "admin1", "North Aland", "AA", "01", 7.5, 5, square(0, 5, 10, 10)),
            (12, "admin1", "South Aland", "AA", "02", 2.5, 5, square(0, 0, 10, 5)),
            (21, "admin1", "Beland Province", "BB", "01", 5, 15, square(10, 0, 20, 10)),
            (101, "place", "Agreeton", "AA", "01", 7, 2, nil),
            (102, "place", "Wrongville", "AA", "01", 3, 12, nil),
            (103, "place", "Misfiled", "AA", "02", 8, 3, nil),
            (104, "place", "Seaside", "AA", "01", 30, 30, nil),
        ]
        var places = header + "\n"
        var shapes: [UInt8] = Array("GMSHAPE1".utf8)
        var shapeCount: UInt32 = 0
        var records: [UInt8] = []
        for (id, kind, name, country, admin1, lat, lon, polygon) in rows {
            places += "\(id)\t\(kind)\t\(name)\t\(country)\t\(admin1)\t\(lat)\t\(lon)\t0\t\t\(polygon == nil ? "" : "polygon")\t\(name)\t\n"
            if let polygon {
                let wkb = WKBWriter.write(.polygon(polygon))
                withUnsafeBytes(of: id.littleEndian) { records += $0 }
                withUnsafeBytes(of: UInt32(wkb.count).littleEndian) { records += $0 }
                records += wkb
                shapeCount += 1
            }
        }
        withUnsafeBytes(of: shapeCount.littleEndian) { shapes += $0 }
        shapes += records
        try! places.write(toFile: directory + "/places.tsv", atomically: true, encoding: .utf8)
        try! Data(shapes).write(to: URL(fileURLWithPath: directory + "/shapes.wkb"))
        return try! Gazetteer.open(GazetteerFiles(directory: directory), cacheDirectory: directory + "/cache")
    }()
}
