/// Writes a set of layers into a directory: `<layer>.geojson` and its QGIS style `<layer>.qml`
/// for every layer that has features. Every file is written atomically; unless `overwrite`,
/// nothing is written when any of the files already exists.
public enum LayerFiles {
    @discardableResult
    public static func write(_ layers: [MapLayer: GeoJSONFeatureCollection], to directory: String, overwrite: Bool) throws -> [String] {
        let written = MapLayer.allCases.compactMap { layer in layers[layer].map { (layer, $0) } }.filter { !$0.1.features.isEmpty }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        if !overwrite {
            for (layer, _) in written {
                for name in [layer.fileName, layer.styleFileName] where GazetteerFiles.exists(prefix + name) {
                    throw GeoMapError.io(path: prefix + name, reason: "already exists (use --force to overwrite)")
                }
            }
        }
        guard !written.isEmpty else { return [] }
        try makeDirectory(directory)
        var paths: [String] = []
        for (layer, collection) in written {
            try writeAtomically(collection.encoded(), to: prefix + layer.fileName, overwrite: overwrite)
            try writeAtomically(Array(QGISStyle.qml(for: layer).utf8), to: prefix + layer.styleFileName, overwrite: overwrite)
            paths += [prefix + layer.fileName, prefix + layer.styleFileName]
        }
        return paths
    }

    /// Creates the directory and its parents as needed.
    static func makeDirectory(_ path: String) throws {
        guard IndexCache.makeDirectories(path) else {
            throw GeoMapError.io(path: path, reason: "cannot create the directory: " + systemErrorDescription())
        }
    }
}

/// The per-article subdirectory names of `geojson` without `--merge`: the id's last path
/// component without its extension (`news/2024-06-01.txt` → `2024-06-01`), every character but
/// letters, digits, `-`, `_` and `.` replaced by `_`, no leading dot, at most 80 bytes, and
/// `-2`, `-3`, … appended when two articles of the run would share a name.
public struct ArticleDirectoryNames {
    private var taken: Set<String> = []

    public init() {}

    public mutating func name(for id: String) -> String {
        var base = id
        if let slash = base.lastIndex(of: "/") { base = String(base[base.index(after: slash)...]) }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex {
            let ext = base[base.index(after: dot)...]
            if !ext.isEmpty && ext.count <= 5 && ext.allSatisfy({ $0.isLetter || $0.isNumber }) { base = String(base[..<dot]) }
        }
        var safe = ""
        for character in base {
            let keep = character.isLetter || character.isNumber || character == "-" || character == "_" || character == "."
            let next = keep ? String(character) : "_"
            if safe.utf8.count + next.utf8.count > 80 { break }
            safe += next
        }
        while safe.hasPrefix(".") { safe.removeFirst() }
        if safe.isEmpty { safe = "article" }
        var name = safe
        var counter = 2
        while taken.contains(name) {
            name = safe + "-" + String(counter)
            counter += 1
        }
        taken.insert(name)
        return name
    }
}
