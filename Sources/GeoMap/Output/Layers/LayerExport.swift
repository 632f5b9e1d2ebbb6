import Foundation

/// `geomap geojson`: geoparses documents as `extract` does (`DocumentReader` + `Geoparser`) and
/// writes their layers, either one directory per article (named by `ArticleDirectoryNames`) or,
/// merged, one set for the whole batch.
public final class LayerExport {
    public struct Options: Sendable {
        public var merge = false
        public var includeMentions = false
        public var toleranceMetres = MapGeometry.defaultToleranceMetres
        public var overwrite = false
        public var roles: Set<MentionRole> = Set(MentionRole.allCases)
        public var format = LayerFormat.geojson

        public init() {}
    }

    public struct Summary: Sendable {
        public var articles = 0
        public var files: [String] = []
        /// Layers written, in their own files or in GeoPackages.
        public var layers = 0
    }

    public let gazetteer: Gazetteer
    public let options: Options
    /// Called after each article with the number done so far.
    public var progress: ((Int) -> Void)?
    private var parser: Geoparser
    private let builder: LayerBuilder

    public init(gazetteer: Gazetteer, options: Options) {
        self.gazetteer = gazetteer
        self.options = options
        parser = Geoparser(gazetteer: gazetteer)
        builder = LayerBuilder(gazetteer: gazetteer, toleranceMetres: options.toleranceMetres, includeMentions: options.includeMentions)
    }

    /// Geoparses every document of `reader` and writes the layers under `directory`, which is
    /// created first and checked for being writable before any document is read. Each set of
    /// layers appears whole or not at all (see `LayerFiles`); leftovers of runs that died are
    /// removed from `directory` first.
    public func run(reader: DocumentReader, into directory: String) throws -> Summary {
        var summary = Summary()
        var names = ArticleDirectoryNames()
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        try LayerFiles.makeDirectory(directory)
        TemporaryFiles.removeStale(in: directory)
        let fileNames = LayerFiles.names(includeMentions: options.includeMentions, format: options.format)
        let mergedProject = LayerFiles.Project(title: Self.title(of: directory), format: options.format,
                                               background: "./" + CountryOutlines.fileName)
        var files = LayerFiles(parent: directory, destination: directory, project: mergedProject)
        if options.merge && !options.overwrite { try LayerFiles.refuseExisting(fileNames, in: directory) }
        try files.prepare()
        if !options.merge { files.finish() }
        builder.spill = { [unowned self] bytes in try self.current?.spill(bytes) }
        defer { builder.spill = nil; current = nil }
        current = files
        while let item = try reader.nextItem() {
            if !options.merge {
                builder.reset()
                let id: [UInt8]
                switch item {
                case .whole(let document): id = document.id
                case .pieces(let large): id = large.id
                }
                let name = names.name(forID: id)
                let target = prefix + name
                if !options.overwrite { try LayerFiles.refuseExisting(fileNames, in: target) }
                let project = LayerFiles.Project(title: String(decoding: id, as: UTF8.self), format: options.format,
                                                 background: "../" + CountryOutlines.fileName)
                files = LayerFiles(parent: directory, destination: target, project: project)
                current = files
                try add(item)
                if !builder.isEmpty { try writeBackground(into: prefix) }
                summary.files += try files.install(builder, as: target)
                summary.layers += files.layerCount
            } else {
                try add(item)
            }
            summary.articles += 1
            progress?(summary.articles)
        }
        if options.merge {
            if !builder.isEmpty { try writeBackground(into: prefix) }
            summary.files += try files.moveInto(builder, overwrite: options.overwrite)
            summary.layers += files.layerCount
        }
        return summary
    }

    /// Writes the country outlines every project draws under its layers, once per output
    /// directory, before the first project that needs them: an existing file (from an earlier
    /// run) is kept unless `overwrite`.
    private func writeBackground(into prefix: String) throws {
        guard !backgroundWritten else { return }
        backgroundWritten = true
        let path = prefix + CountryOutlines.fileName, stylePath = prefix + CountryOutlines.styleFileName
        if !options.overwrite && FileManager.default.fileExists(atPath: path) && FileManager.default.fileExists(atPath: stylePath) { return }
        try writeAtomically(CountryOutlines.collection(of: gazetteer).encoded(), to: path)
        try writeAtomically(Array(CountryOutlines.style.utf8), to: stylePath)
    }

    /// A merged project's title: the output directory's name.
    static func title(of directory: String) -> String {
        let trimmed = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        return trimmed.split(separator: "/").last.map(String.init) ?? trimmed
    }

    private var backgroundWritten = false

    /// The layer files being written, which take the mention features the builder spills.
    private var current: LayerFiles?

    /// Geoparses one document into the builder: whole, or one piece at a time when it is larger
    /// than `TextPieces.wholeLimit` (as `extract` does: each piece with its own context, offsets
    /// those of the whole document), so that memory does not grow with the document.
    private func add(_ item: DocumentItem) throws {
        switch item {
        case .whole(let document):
            guard document.text.count <= TextPieces.wholeLimit else {
                try addPieces(LargeDocument(id: document.id, source: document.source,
                                            stream: TextPieces(path: document.source, bytes: document.text)))
                return
            }
            let text = IDText.isValid(document.text) ? document.text : repairedUTF8(document.text)
            var mentions = parser.parse(String(decoding: text, as: UTF8.self))
            mentions.removeAll { !options.roles.contains($0.role) }
            try builder.add(article: document.idString, text: text, mentions: mentions)
        case .pieces(let large):
            try addPieces(large)
        }
    }

    private func addPieces(_ document: LargeDocument) throws {
        let id = String(decoding: document.id, as: UTF8.self)
        while let piece = try document.nextPiece() {
            var mentions = parser.parse(String(decoding: piece.text, as: UTF8.self))
            mentions.removeAll { !options.roles.contains($0.role) }
            for k in mentions.indices {
                mentions[k].start += piece.charOffset
                mentions[k].end += piece.charOffset
            }
            try builder.add(article: id, text: piece.text, mentions: mentions)
        }
    }
}
