/// Gathers the features of the layers from geoparsed articles: a point per distinct place, the
/// outline of each mentioned place that has a polygon, and (optionally) a point per mention.
/// Area outlines are prepared once per entry and kept for later articles. Mention features are
/// encoded as they come and, past `spillBytes`, handed to `spill` (a spool file), so a document of
/// any size needs memory for its distinct places only.
public final class LayerBuilder {
    public let gazetteer: Gazetteer
    public let toleranceMetres: Double
    public let includeMentions: Bool
    private let containment: ContainmentIndex

    private var order: [Int32] = []
    private var places: [Int32: PlaceTally] = [:]
    private var mentionWriter = GeoJSONWriter(json: JSONBytes(capacity: 0))
    /// The number of mention features since the last `reset`.
    public private(set) var mentionCount = 0
    /// Receives encoded mention features (each after `\n` or `,\n`, as a collection's members)
    /// once more than `spillBytes` of them are waiting; nil keeps them all in memory.
    var spill: (([UInt8]) throws -> Void)?
    static let spillBytes = 1 << 20
    /// Between the ids in a place's `articles` property (a text field: not every format GDAL
    /// writes has lists).
    public static let articleSeparator = "; "
    private var outlines: [Int32: Geometry] = [:]
    private var locations = LocationFeatures()

    private struct PlaceTally {
        var mentions = 0
        var confidence = 0.0
        var sentence = ""
        var articles: [String] = []

        mutating func record(_ mention: ExtractedMention, article: String) {
            mentions += 1
            confidence = max(confidence, mention.confidence)
            // An article's mentions come together, so a repeat is always the last one.
            if articles.last != article { articles.append(article) }
        }
    }

    public init(gazetteer: Gazetteer, toleranceMetres: Double = MapGeometry.defaultToleranceMetres, includeMentions: Bool = false) {
        self.gazetteer = gazetteer
        self.toleranceMetres = toleranceMetres
        self.includeMentions = includeMentions
        containment = ContainmentIndex.shared(for: gazetteer)
    }

    /// Whether nothing has been added since the last `reset`.
    public var isEmpty: Bool { order.isEmpty && locations.isEmpty }

    /// Forgets the articles added so far (keeps the prepared outlines).
    public func reset() {
        order.removeAll()
        places.removeAll()
        mentionWriter.json.bytes.removeAll()
        mentionCount = 0
        locations.reset()
    }

    /// Adds one article's resolved mentions. `text` must be the text the offsets refer to.
    public func add(article id: String, text: [UInt8], mentions: [ExtractedMention]) throws {
        for mention in mentions {
            if let feature = try locations.add(mention, article: id, text: text, gazetteer: gazetteer), includeMentions { try writeMention(feature) }
            guard let entry = mention.entry else { continue }
            let sentence = { Self.slice(text, mention.sentenceByteStart..<mention.sentenceByteEnd) }
            if places[entry] == nil {
                order.append(entry)
                places[entry] = PlaceTally(sentence: sentence())
            }
            places[entry]!.record(mention, article: id)
            if includeMentions {
                var properties = GeoJSONProperties()
                properties["article"] = .string(id)
                properties["text"] = .string(Self.slice(text, mention.byteStart..<mention.byteEnd))
                properties["start"] = .integer(Int64(mention.start))
                properties["end"] = .integer(Int64(mention.end))
                properties["role"] = .string(mention.role.name)
                try describe(entry, into: &properties)
                if let offset = mention.offset { LocationFeatures.describe(offset, into: &properties) }
                properties["confidence"] = .number(mention.confidence, places: 3)
                properties["sentence"] = .string(sentence())
                let point = try MapGeometry.prepare(.point(gazetteer.location(entry)))
                try writeMention(GeoJSONFeature(geometry: point, properties: properties))
            }
        }
    }

    private func writeMention(_ feature: GeoJSONFeature) throws {
        mentionWriter.json.raw(mentionCount == 0 ? "\n" : ",\n")
        mentionCount += 1
        mentionWriter.write(feature, id: mentionCount)
        if let spill, mentionWriter.json.bytes.count > LayerBuilder.spillBytes {
            try spill(mentionWriter.json.bytes)
            mentionWriter.json.bytes.removeAll(keepingCapacity: true)
        }
    }

    /// The encoded mention features not handed to `spill`; empties the buffer.
    func takeMentionBytes() -> [UInt8] {
        defer { mentionWriter.json.bytes = [] }
        return mentionWriter.json.bytes
    }

    /// The places and areas layers of the articles added since the last `reset` (the mentions
    /// layer is written from the encoded features; its bounding box is the places layer's, as
    /// every mention's point is one of the places).
    public func layers() throws -> [MapLayer: GeoJSONFeatureCollection] {
        var points: [GeoJSONFeature] = []
        var areas: [(feature: GeoJSONFeature, size: Double)] = []
        for entry in order {
            let properties = try placeProperties(entry)
            points.append(GeoJSONFeature(geometry: try MapGeometry.prepare(.point(gazetteer.location(entry))), properties: properties))
            if let outline = try outline(entry) {
                let box = outline.boundingBox
                areas.append((GeoJSONFeature(geometry: outline, properties: properties), (box?.width ?? 0) * (box?.height ?? 0)))
            }
        }
        points += locations.points
        // Larger areas first, so QGIS draws provinces over their countries.
        let sortedAreas = areas.enumerated().sorted { a, b in
            a.element.size != b.element.size ? a.element.size > b.element.size : a.offset < b.offset
        }.map(\.element.feature)
        return [
            .places: GeoJSONFeatureCollection(name: MapLayer.places.rawValue, features: points),
            .areas: GeoJSONFeatureCollection(name: MapLayer.areas.rawValue, features: sortedAreas),
            .distances: GeoJSONFeatureCollection(name: MapLayer.distances.rawValue, features: locations.lines),
        ]
    }

    /// Where a map of the articles added since the last `reset` opens (see `MapFrame`); nil when
    /// they have no place.
    public func frame() throws -> GeoJSONBoundingBox? {
        var framing: [Point] = [], all: [Point] = []
        for entry in order {
            let point = gazetteer.location(entry)
            all.append(point)
            if MapFrame.frames(kind: gazetteer.kind(entry), outline: try outline(entry)?.boundingBox) { framing.append(point) }
        }
        let located = locations.points.compactMap { feature -> Point? in
            if case .point(let point) = feature.geometry { return point }
            return nil
        }
        return MapFrame.extent(framing: framing + located, all: all + located)
    }

    private func placeProperties(_ entry: Int32) throws -> GeoJSONProperties {
        let tally = places[entry]!
        var properties = GeoJSONProperties()
        try describe(entry, into: &properties)
        properties["mentions"] = .integer(Int64(tally.mentions))
        properties["confidence"] = .number(tally.confidence, places: 3)
        properties["sentence"] = .string(tally.sentence)
        properties["articles"] = .string(tally.articles.joined(separator: LayerBuilder.articleSeparator))
        properties["article_count"] = .integer(Int64(tally.articles.count))
        return properties
    }

    /// The entry's identity, its gazetteer codes and what the polygons say.
    private func describe(_ entry: Int32, into properties: inout GeoJSONProperties) throws {
        let fields = EntryFields(entry, in: gazetteer)
        properties["place_id"] = .integer(fields.id)
        properties["geonameid"] = fields.geonameID.map(GeoJSONValue.integer) ?? .null
        properties["name"] = .string(fields.name)
        properties["kind"] = .string(fields.kind.description)
        properties["country"] = .text(fields.country)
        properties["admin1"] = .text(fields.admin1)
        if let radius = fields.radiusKm { properties["radius_km"] = .number(radius, places: 1) }
        fields.addSource(to: &properties)
        let found = ContainmentFields(try containment.containment(of: entry), in: gazetteer)
        properties["country_by_polygon"] = .text(found.country)
        properties["admin1_by_polygon"] = .text(found.admin1)
        properties["admin_disagrees"] = .bool(found.disagrees)
    }

    /// The entry's polygon made map-ready, or nil when it has none (points and lines stay out of the areas layer).
    private func outline(_ entry: Int32) throws -> Geometry? {
        if let cached = outlines[entry] { return cached.isEmpty ? nil : cached }
        var prepared = Geometry.multiPolygon(MultiPolygon(polygons: []))
        if let shape = try gazetteer.shape(entry), !shape.polygons.isEmpty {
            prepared = try MapGeometry.prepare(shape, toleranceMetres: toleranceMetres)
        }
        outlines[entry] = prepared
        return prepared.isEmpty ? nil : prepared
    }

    static func slice(_ text: [UInt8], _ range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<text.count)
        return String(decoding: text[clamped], as: UTF8.self)
    }
}
