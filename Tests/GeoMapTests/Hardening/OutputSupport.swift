import Foundation
import Testing
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Shared pieces of the output-hardening tests (issue 17): small news-like texts the mini
/// gazetteer resolves, JSON Lines files of them, `LayerExport` runs, and directory listings.
enum OutputHardening {
    static let gazetteer = TestSupport.miniGazetteer

    static func text(_ k: Int) -> String {
        let places = ["Moscow", "Kaliningrad", "Ukraine", "Luhansk", "Russia", "Saint Petersburg"]
        return "Officials in \(places[k % 6]) said on Monday that talks with \(places[(k + 1) % 6]) would resume. "
            + "Aid convoys left \(places[(k + 2) % 6]) for \(places[k % 6]) overnight."
    }

    /// A JSON Lines file of `records` (ids and texts), one line each.
    @discardableResult
    static func jsonl(_ records: [(id: String, text: String)], at path: String) throws -> String {
        var lines = ""
        for record in records {
            let data = try JSONSerialization.data(withJSONObject: ["id": record.id, "text": record.text])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs `geojson` in-process over `inputs` into `directory`; `progress` counts the articles done.
    static func export(_ inputs: [String], into directory: String, merge: Bool = false, mentions: Bool = true,
                       force: Bool = false, progress: ((Int) -> Void)? = nil) throws -> LayerExport.Summary {
        var options = LayerExport.Options()
        options.merge = merge
        options.includeMentions = mentions
        options.overwrite = force
        let reader = try DocumentReader(inputs: inputs, format: .auto) { _ in }
        let export = LayerExport(gazetteer: gazetteer, options: options)
        export.progress = progress
        return try export.run(reader: reader, into: directory)
    }

    /// Every path below `directory`, relative to it, hidden ones included, sorted; directories
    /// end in `/`. Symbolic links are listed, not followed.
    static func tree(_ directory: String) -> [String] {
        var paths: [String] = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? directory : directory + "/" + relative
            for name in BadInput.contents(of: full) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var status = stat()
                guard lstat(directory + "/" + path, &status) == 0 else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    paths.append(path + "/")
                    walk(path)
                } else {
                    paths.append(path)
                }
            }
        }
        walk("")
        return paths.sorted()
    }

    /// The bytes of every file below `directory`, by relative path.
    static func files(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in tree(directory) where !path.hasSuffix("/") {
            files[path] = FileManager.default.contents(atPath: directory + "/" + path)
        }
        return files
    }

    /// Whether `name` is one safe path component (the invariants of `ArticleDirectoryNames`).
    static func isSafeComponent(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        return !bytes.isEmpty && name != "." && name != ".." && !name.hasPrefix(".")
            && !bytes.contains(UInt8(ascii: "/")) && !bytes.contains { $0 < 0x20 || $0 == 0x7F }
            && !name.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }
            && bytes.count <= ArticleDirectoryNames.maxBytes
            && !name.lowercased().hasSuffix(".geojson") && !name.lowercased().hasSuffix(".qml")
    }

    /// A pid that is not running: that of a process that has been started and has exited.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }
}
