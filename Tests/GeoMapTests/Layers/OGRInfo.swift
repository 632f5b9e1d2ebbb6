import Foundation
import Testing
@testable import GeoMap

/// Runs GDAL's `ogrinfo` (the library QGIS reads GeoJSON with) on the files the tests write.
enum OGRInfo {
    static let path = "/usr/bin/ogrinfo"
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: path) }

    static func run(_ arguments: [String]) throws -> String {
        let result = try runGDAL(path, arguments)
        #expect(result.status == 0, "ogrinfo \(arguments.joined(separator: " ")): \(result.output)")
        return result.output
    }

    /// Runs one of GDAL's programs; its exit status and everything it printed.
    static func runGDAL(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// The values of one column of an SQL query (SQLite dialect, with SpatiaLite functions).
    static func query(_ file: String, _ sql: String, column: String) throws -> [String] {
        let text = try run(["-ro", "-q", "-dialect", "sqlite", "-sql", sql, file])
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(column + " (") else { return nil }
            return trimmed.components(separatedBy: " = ").last
        }
    }

    /// What GDAL says about one GeoJSON layer file, checked the way QGIS would need it: one
    /// layer of one geometry type, `features` features, every geometry valid, polygons wound
    /// counter-clockwise, longitude first and in range, at most six decimals.
    static func checkLayer(_ file: String, layer: String, geometry: String, features: Int) throws {
        let listing = try run(["-ro", "-so", file])
        let layers = listing.split(separator: "\n").filter { $0.range(of: #"^\d+: "#, options: .regularExpression) != nil }
        #expect(layers.count == 1, "\(file): \(listing)")
        let summary = try run(["-ro", "-al", "-so", file])
        #expect(summary.contains("Layer name: \(layer)\n"), "\(file): \(summary)")
        #expect(summary.contains("Geometry: \(geometry)\n"), "\(file): \(summary)")
        #expect(summary.contains("Feature Count: \(features)\n"), "\(file): \(summary)")
        let invalid = try query(file, "SELECT COUNT(*) AS n FROM \(layer) WHERE NOT ST_IsValid(geometry)", column: "n")
        #expect(invalid == ["0"], "\(file): invalid geometries")
        if geometry.contains("Polygon") {
            let wrongWay = try query(file, "SELECT COUNT(*) AS n FROM \(layer) WHERE NOT ST_IsPolygonCCW(geometry)", column: "n")
            #expect(wrongWay == ["0"], "\(file): rings wound the wrong way")
        }
        let extent = try query(file, "SELECT MIN(ST_MinX(geometry)) AS v FROM \(layer) UNION ALL SELECT MAX(ST_MaxX(geometry)) FROM \(layer) "
                               + "UNION ALL SELECT MIN(ST_MinY(geometry)) FROM \(layer) UNION ALL SELECT MAX(ST_MaxY(geometry)) FROM \(layer)",
                               column: "v").compactMap(Double.init)
        #expect(extent.count == 4)
        if extent.count == 4 {
            #expect(extent[0] >= -180 && extent[1] <= 180 && extent[2] >= -90 && extent[3] <= 90, "\(file): extent \(extent)")
        }
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.range(of: #"[-\[,]\d+\.\d{7,}"#, options: .regularExpression) == nil, "\(file): more than six decimals")
    }

    /// The longitude and latitude GDAL reads for the feature named `name`.
    static func position(_ file: String, layer: String, name: String) throws -> (x: Double, y: Double)? {
        let escaped = name.replacingOccurrences(of: "'", with: "''")
        let values = try query(file, "SELECT ST_X(geometry) AS v FROM \(layer) WHERE name = '\(escaped)' UNION ALL "
                               + "SELECT ST_Y(geometry) FROM \(layer) WHERE name = '\(escaped)'", column: "v").compactMap(Double.init)
        return values.count == 2 ? (values[0], values[1]) : nil
    }
}
