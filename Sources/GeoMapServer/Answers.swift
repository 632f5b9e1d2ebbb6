import GeoMap

/// What each route answers, computed on a worker thread with its workspace: the bytes the CLI
/// writes for the same question (`extract --format json`, `lookup --format json`, `distance
/// --format json`, `near --format json`, the layers of `geojson --merge`).
enum Answers {
    /// One record for one document, or for a batch what `extract --format json` writes: an array.
    static func extract(_ request: ExtractRequest.Parsed, in workspace: Workspace) throws(APIError) -> [UInt8] {
        let renderer = workspace.renderer
        var out = JSONBytes(capacity: 1 << 14)
        if request.isBatch { out.bytes += renderer.prefix }
        for (k, document) in request.documents.enumerated() {
            if request.isBatch && k > 0 { out.bytes += renderer.separator }
            let start = out.bytes.count
            if document.text.count <= LargeDocument.wholeLimit {
                let mentions = workspace.mentions(of: document.text, roles: document.roles)
                do {
                    try renderer.render(Document(id: document.id, text: document.text, source: "request"), mentions: mentions, into: &out)
                } catch {
                    throw APIError(.internalServerError, "cannot render the record: \(error)")
                }
            } else {
                renderer.begin(id: document.id, into: &out)
                var summary = ArticleSummary(gazetteer: workspace.gazetteer)
                var written = 0
                do {
                    try workspace.forEachPiece(of: document) { piece, mentions in
                        summary.add(mentions)
                        try renderer.renderPiece(id: document.id, text: piece.text, mentions: mentions, written: written, into: &out)
                        written += mentions.count
                    }
                } catch {
                    throw APIError(.internalServerError, "cannot geoparse the document in pieces: \(error)")
                }
                do {
                    try renderer.end(summary: summary, into: &out)
                } catch {
                    throw APIError(.internalServerError, "cannot render the record: \(error)")
                }
            }
            if !document.passThrough.isEmpty { try addPassThrough(document.passThrough, toRecordAt: start, in: &out) }
        }
        if request.isBatch { out.bytes += renderer.suffix } else { out.raw("\n") }
        return out.bytes
    }

    /// Copies a document's other members into its record (the record's own members win).
    private static func addPassThrough(_ members: [(key: String, value: JSONValue)], toRecordAt start: Int, in out: inout JSONBytes) throws(APIError) {
        let record = Array(out.bytes[start...])
        guard case .object(let own)? = try? JSONParser.parse(record), let close = out.bytes.lastIndex(of: UInt8(ascii: "}")), close >= start else {
            throw APIError(.internalServerError, "the record rendered for a document is not a JSON object")
        }
        let ownKeys = Set(own.map(\.key))
        var extra = JSONBytes(capacity: 256)
        var sawMember = !own.isEmpty
        for (key, value) in members where !ownKeys.contains(key) {
            if sawMember { extra.raw(",") }
            sawMember = true
            extra.string(key)
            extra.raw(":")
            value.write(to: &extra)
        }
        out.bytes.insert(contentsOf: extra.bytes, at: close)
    }

    /// One layer of the places the documents mention, as `geojson --merge` writes it (a layer
    /// without features is a collection with none, where the CLI writes no file).
    static func geoJSON(_ request: ExtractRequest.Parsed, layer: MapLayer, in workspace: Workspace) throws(APIError) -> [UInt8] {
        let builder = workspace.layerBuilder(includeMentions: layer == .mentions)
        defer { builder.reset() }
        do {
            for document in request.documents {
                let id = String(decoding: document.id, as: UTF8.self)
                if document.text.count <= LargeDocument.wholeLimit {
                    try builder.add(article: id, text: document.text, mentions: workspace.mentions(of: document.text, roles: document.roles))
                } else {
                    try workspace.forEachPiece(of: document) { piece, mentions in
                        try builder.add(article: id, text: piece.text, mentions: mentions)
                    }
                }
            }
            if layer == .mentions { return try builder.encodedMentionsLayer() }
            return try builder.layers()[layer]?.encoded() ?? GeoJSONFeatureCollection(name: layer.rawValue, features: []).encoded()
        } catch let error as GeoMapError {
            throw APIError(error)
        } catch {
            throw APIError(.internalServerError, "cannot build the \(layer.rawValue) layer: \(error)")
        }
    }

    static func lookup(_ query: QueryParameters, in workspace: Workspace) throws(APIError) -> [UInt8] {
        let name = try query.name("name")
        let limit = try query.integer("limit", default: 10, atLeast: 1, atMost: 1000)
        let filter = PlaceLookup.Filter(country: try query.country("country"), kinds: try query.kind("kind").map { [$0] })
        let candidates = workspace.lookup.candidates(for: name, filter: filter)
        guard !candidates.isEmpty else {
            throw APIError(GeoMapError.noPlace(name: name, suggestions: workspace.lookup.suggestions(for: name)))
        }
        return Array((LookupRendering.json(Array(candidates.prefix(limit)), gazetteer: workspace.gazetteer) + "\n").utf8)
    }

    static func distance(_ query: QueryParameters, in workspace: Workspace) throws(APIError) -> [UInt8] {
        let first = try query.name("a"), second = try query.name("b")
        let firstKind = try query.kind("a_kind"), secondKind = try query.kind("b_kind")
        do {
            let answer = try DistanceAnswer(first, kind: firstKind, second, kind: secondKind, lookup: workspace.lookup)
            return Array(DistanceReport.json(answer, gazetteer: workspace.gazetteer).utf8)
        } catch let error as GeoMapError {
            throw APIError(error)
        } catch {
            throw APIError(.internalServerError, "cannot measure the distance: \(error)")
        }
    }

    static func near(_ query: QueryParameters, in workspace: Workspace) throws(APIError) -> [UInt8] {
        let name = try query.name("name")
        let km = try query.number("km", above: 0, atMost: 20_100, meaning: "kilometres")
        let limit = try query.integer("limit", default: 20, atLeast: 1, atMost: 10_000)
        let kind = try query.kind("kind")
        do {
            let origin = try NearSearch.origin(for: name, lookup: workspace.lookup)
            let answer = try workspace.nearSearch.search(around: origin, within: km * 1000, limit: limit, kinds: kind.map { [$0] })
            return Array(NearReport.json(origin: origin, answer, gazetteer: workspace.gazetteer).utf8)
        } catch let error as GeoMapError {
            throw APIError(error)
        } catch {
            throw APIError(.internalServerError, "cannot search near \"\(name)\": \(error)")
        }
    }
}
