/// `geomap geojson`: geoparses documents as `extract` does (`DocumentReader` + `Geoparser`) and
/// writes their layers, either one directory per article (named by `ArticleDirectoryNames`) or,
/// merged, one set for the whole batch.
public final class LayerExport {
    public struct Options: Sendable {
        public var merge = false
        public var includeMentions = false
        public var toleranceMetres = MapGeometry.defaultToleranceMetres
        public var overwrite = false
        public var roles: Set<MentionRole> = [.place, .demonym]

        public init() {}
    }

    public struct Summary: Sendable {
        public var articles = 0
        public var files: [String] = []
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

    /// Geoparses every document of `reader` and writes the layers under `directory`.
    public func run(reader: DocumentReader, into directory: String) throws -> Summary {
        var summary = Summary()
        var names = ArticleDirectoryNames()
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let document = try reader.next() {
            let text = document.text.withUnsafeBufferPointer { isValidUTF8($0) } ? document.text : repairedUTF8(document.text)
            var mentions = text.withUnsafeBufferPointer { parser.parse(utf8: $0) }
            mentions.removeAll { !options.roles.contains($0.role) }
            if !options.merge { builder.reset() }
            try builder.add(article: document.idString, text: text, mentions: mentions)
            summary.articles += 1
            progress?(summary.articles)
            if !options.merge {
                let name = names.name(for: document.idString)
                summary.files += try LayerFiles.write(try builder.layers(), to: prefix + name, overwrite: options.overwrite)
            }
        }
        if options.merge {
            summary.files += try LayerFiles.write(try builder.layers(), to: directory, overwrite: options.overwrite)
        }
        return summary
    }
}
