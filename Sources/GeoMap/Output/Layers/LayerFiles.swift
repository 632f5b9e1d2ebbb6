#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How `geojson` writes a set of layers.
public enum LayerFormat: String, CaseIterable, Sendable {
    /// `<layer>.geojson` with its QGIS style `<layer>.qml`.
    case geojson
    /// One GeoPackage, `layers.gpkg`, with every layer (`GeoPackageConversion`).
    case gpkg
}

/// One set of layers being written: `<layer>.geojson` and its QGIS style `<layer>.qml` for every
/// layer that has features (or, as GeoPackage, `layers.gpkg`), and the QGIS project `map.qgs`
/// that opens them, staged in a `StagingDirectory` and then put in place together — as a new
/// directory (`install(as:)`, one article's layers) or moved into an existing one (`moveInto`, a
/// merged batch). Mention features are spooled into the staging directory as the builder
/// produces them.
final class LayerFiles {
    /// What the QGIS project of a set of layers shows besides them.
    struct Project {
        var title: String
        var format: LayerFormat = .geojson
        /// The country outlines' path relative to the layers' directory; nil for none.
        var background: String?
    }

    /// Where the staging directory goes (the output directory).
    let parent: String
    /// The directory the layers end up in, for messages.
    let destination: String
    let project: Project
    private var staging: StagingDirectory?
    private var spool: StagedFile?
    /// The number of layers written (in their own files or in the GeoPackage).
    private(set) var layerCount = 0

    init(parent: String, destination: String, project: Project) {
        self.parent = parent
        self.destination = destination
        self.project = project
    }

    /// Makes the staging directory now (to fail early when the output cannot be written).
    func prepare() throws { _ = try stage() }

    private func stage() throws -> StagingDirectory {
        if let staging { return staging }
        let made = try StagingDirectory(in: parent)
        staging = made
        return made
    }

    private func path(_ name: String) -> String { destination.hasSuffix("/") ? destination + name : destination + "/" + name }

    /// Appends encoded mention features to the spool.
    func spill(_ bytes: [UInt8]) throws {
        if spool == nil { spool = try stage().create(StagingDirectory.spoolName, reportingAs: path(MapLayer.mentions.fileName)) }
        try spool!.write(bytes)
    }

    /// Writes the builder's layers and their project into the staging directory; returns the
    /// names written (none when no layer has features).
    private func writeLayers(of builder: LayerBuilder) throws -> [String] {
        let layers = try builder.layers()
        var written: [String] = []
        var staged: [(layer: MapLayer, file: String)] = []
        for layer in MapLayer.allCases {
            let encoded: (inout StagedFile) throws -> Void
            if layer == .mentions {
                guard builder.includeMentions, builder.mentionCount > 0 else { continue }
                let bbox = layers[.places]?.bbox
                let rest = builder.takeMentionBytes()
                let spoolPath = try closeSpool()
                encoded = { file in
                    try file.write(GeoJSONFeatureCollection.header(name: MapLayer.mentions.rawValue, bbox: bbox))
                    if let spoolPath { try file.append(contentsOf: spoolPath) }
                    try file.write(rest)
                    try file.write(GeoJSONFeatureCollection.footer)
                }
            } else {
                guard let collection = layers[layer], !collection.features.isEmpty else { continue }
                encoded = { file in try file.write(collection.encoded()) }
            }
            let staging = try stage()
            var file = try staging.create(layer.fileName, reportingAs: path(layer.fileName))
            try encoded(&file)
            try file.close()
            staged.append((layer, staging.path + "/" + layer.fileName))
            written.append(layer.fileName)
            if project.format == .geojson {
                try writeFile(layer.styleFileName, QGISStyle.qml(for: layer))
                written.append(layer.styleFileName)
            }
        }
        if spool != nil { _ = try closeSpool() }
        if written.contains(MapLayer.mentions.fileName) { staging?.remove(StagingDirectory.spoolName) }
        guard let staging, !staged.isEmpty else { return [] }
        layerCount = staged.count
        if project.format == .gpkg {
            let target = path(GeoPackageConversion.fileName)
            try GeoPackageConversion.write(staged, to: staging.reserve(GeoPackageConversion.fileName), reportingAs: target)
            for entry in staged { staging.remove(entry.layer.fileName) }
            written = [GeoPackageConversion.fileName]
        }
        // Drawn top first: mentions over places over lines over areas.
        let drawingOrder: [MapLayer] = [.mentions, .places, .distances, .areas]
        let shown = drawingOrder.filter { layer in staged.contains { $0.layer == layer } }.map { layer in
            QGISProject.Layer(layer: layer, source: project.format == .gpkg ? GeoPackageConversion.source(layer) : "./" + layer.fileName)
        }
        let extent = try builder.frame() ?? GeoJSONBoundingBox(west: -180, south: -90, east: 180, north: 90)
        let qgis = QGISProject(title: project.title, layers: shown, background: project.background, extent: extent)
        try writeFile(QGISProject.fileName, qgis.xml())
        written.append(QGISProject.fileName)
        return written
    }

    private func writeFile(_ name: String, _ text: String) throws {
        var file = try stage().create(name, reportingAs: path(name))
        try file.write(Array(text.utf8))
        try file.close()
    }

    /// Closes the spool; its path, or nil when nothing was spilled.
    private func closeSpool() throws -> String? {
        guard let file = spool.take() else { return nil }
        let spoolPath = file.path
        try file.close(sync: false)
        return spoolPath
    }

    /// Writes the layers and renames them into place as the directory `target` (see
    /// `StagingDirectory.install`); nothing is made when no layer has features.
    func install(_ builder: LayerBuilder, as target: String) throws -> [String] {
        let written = try writeLayers(of: builder)
        guard !written.isEmpty, let staging else {
            finish()
            return []
        }
        try staging.install(as: target)
        self.staging = nil
        return written.map(path)
    }

    /// Writes the layers and moves each into `parent` (the merged layers of a batch).
    func moveInto(_ builder: LayerBuilder, overwrite: Bool) throws -> [String] {
        let written = try writeLayers(of: builder)
        guard !written.isEmpty, let staging else {
            finish()
            return []
        }
        let paths = try staging.moveFiles(overwrite: overwrite)
        self.staging = nil
        return paths.isEmpty ? [] : written.map(path)
    }

    /// Removes whatever was staged.
    func finish() {
        _ = spool.take()
        staging?.discard()
        staging = nil
    }

    deinit { finish() }

    /// The files a run may write into one directory.
    static func names(includeMentions: Bool, format: LayerFormat) -> [String] {
        guard format == .geojson else { return [GeoPackageConversion.fileName, QGISProject.fileName] }
        return MapLayer.allCases.filter { $0 == .places || $0 == .areas || ($0 == .mentions && includeMentions) }
            .flatMap { [$0.fileName, $0.styleFileName] } + [QGISProject.fileName]
    }

    /// Throws if `directory` holds any of `names` (or is not a directory): without `--force`
    /// nothing is written over.
    static func refuseExisting(_ names: [String], in directory: String) throws {
        var status = stat()
        guard lstat(directory, &status) == 0 else { return }
        let type = status.st_mode & S_IFMT
        if type == S_IFLNK { throw GeoMapError.io(path: directory, reason: "is a symbolic link, not a directory geomap made; not replaced") }
        if type != S_IFDIR { throw GeoMapError.io(path: directory, reason: "exists and is not a directory") }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names where lstat(prefix + name, &status) == 0 {
            throw GeoMapError.io(path: prefix + name, reason: "already exists (use --force to overwrite)")
        }
    }

    /// Creates the directory and its parents as needed; the error names the directory that
    /// could not be made and why (the `mkdir` error, not that of a later check).
    static func makeDirectory(_ path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw GeoMapError.io(path: path, reason: "exists and is not a directory") }
            return
        }
        let parent = GazetteerFiles.parent(of: path)
        if parent != path && parent != "." && parent != "/" { try makeDirectory(parent) }
        if mkdir(path, 0o755) != 0 {
            let code = errno
            if code == EEXIST, stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { return }
            throw GeoMapError.io(path: path, reason: "cannot create the directory: " + String(cString: strerror(code)))
        }
    }
}
