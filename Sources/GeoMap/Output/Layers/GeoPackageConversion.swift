import Foundation

/// `geojson --format gpkg`: the layers of one set, as written in GeoJSON, copied into one
/// GeoPackage by GDAL's `ogr2ogr`, one layer each. GDAL is the reference GeoPackage writer
/// (QGIS writes through it) and the project installs it already (gdal-bin); running the program
/// rather than linking libgdal keeps every other command free of GDAL's start-up and its
/// hundred-odd shared libraries.
enum GeoPackageConversion {
    static let fileName = "layers.gpkg"

    /// The data source of `layer` in the GeoPackage, as QGIS's OGR provider names it.
    static func source(_ layer: MapLayer, relativeTo prefix: String = "./") -> String {
        prefix + fileName + "|layername=" + layer.rawValue
    }

    /// `ogr2ogr` on the PATH; nil when GDAL is not installed.
    static func program() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = String(directory) + "/ogr2ogr"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Copies each `(layer, GeoJSON file)` into the GeoPackage at `path` (which must not exist),
    /// in order. Errors name `target`, the file the user asked for.
    static func write(_ layers: [(layer: MapLayer, file: String)], to path: String, reportingAs target: String) throws {
        guard let program = program() else {
            throw GeoMapError.io(path: target, reason: "--format gpkg needs GDAL's ogr2ogr on the PATH (Debian: apt-get install gdal-bin)")
        }
        for (k, entry) in layers.enumerated() {
            var arguments = ["-f", "GPKG"]
            if k > 0 { arguments.append("-update") }
            arguments += [path, entry.file, "-nln", entry.layer.rawValue]
            try run(program, arguments, target: target)
        }
    }

    private static func run(_ program: String, _ arguments: [String], target: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw GeoMapError.io(path: target, reason: "cannot run \(program): \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let firstError = message.split(separator: "\n").first { $0.hasPrefix("ERROR") } ?? message.split(separator: "\n").first ?? ""
            throw GeoMapError.io(path: target, reason: "ogr2ogr failed (status \(process.terminationStatus)): \(firstError)")
        }
    }
}
