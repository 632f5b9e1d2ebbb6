/// The layer features of locations written as numbers: in the places layer a point per
/// coordinate mention (kind `coordinate`) and per point a relative phrase names (kind `offset`);
/// in the distances layer (lines) a line from each anchor to the point its phrase names; and
/// in the mentions layer a coordinate mention's point and an anchor's offset fields.
struct LocationFeatures {
    private(set) var points: [GeoJSONFeature] = []
    private(set) var lines: [GeoJSONFeature] = []

    var isEmpty: Bool { points.isEmpty && lines.isEmpty }

    mutating func reset() {
        points.removeAll()
        lines.removeAll()
    }

    /// Adds the features of one mention; returns the mentions-layer feature of a coordinate
    /// mention (nil for any other).
    mutating func add(_ mention: ExtractedMention, article: String, text: [UInt8], gazetteer: Gazetteer) throws -> GeoJSONFeature? {
        guard mention.coordinate != nil || mention.offset?.point != nil else { return nil }
        let sentence = LayerBuilder.slice(text, mention.sentenceByteStart..<mention.sentenceByteEnd)
        if let coordinate = mention.coordinate {
            let found = ContainmentFields(try LocationFields(gazetteer: gazetteer).containment(of: coordinate.point), in: gazetteer)
            var properties = GeoJSONProperties()
            properties["kind"] = .string("coordinate")
            properties["name"] = .string(LayerBuilder.slice(text, mention.byteStart..<mention.byteEnd))
            properties["form"] = .string(coordinate.form.name)
            properties["uncertainty_m"] = .number(coordinate.uncertaintyMetres, places: 1)
            properties["country_by_polygon"] = .text(found.country)
            properties["admin1_by_polygon"] = .text(found.admin1)
            properties["article"] = .string(article)
            properties["sentence"] = .string(sentence)
            let geometry = try MapGeometry.prepare(.point(coordinate.point))
            points.append(GeoJSONFeature(geometry: geometry, properties: properties))
            var mentionProperties = GeoJSONProperties()
            mentionProperties["article"] = .string(article)
            mentionProperties["text"] = properties["name"]
            mentionProperties["start"] = .integer(Int64(mention.start))
            mentionProperties["end"] = .integer(Int64(mention.end))
            mentionProperties["role"] = .string(mention.role.name)
            for key in ["kind", "form", "uncertainty_m", "country_by_polygon", "admin1_by_polygon"] { mentionProperties[key] = properties[key] }
            mentionProperties["confidence"] = .number(mention.confidence, places: 3)
            mentionProperties["sentence"] = .string(sentence)
            return GeoJSONFeature(geometry: geometry, properties: mentionProperties)
        }
        guard let offset = mention.offset, let point = offset.point, let entry = mention.entry else { return nil }
        var properties = GeoJSONProperties()
        properties["kind"] = .string("offset")
        properties["name"] = .string(LayerBuilder.slice(text, offset.phrase.byteStart..<mention.byteEnd))
        properties["anchor"] = .string(gazetteer.name(entry))
        properties["anchor_id"] = .integer(gazetteer.id(entry))
        Self.describe(offset, into: &properties)
        properties["article"] = .string(article)
        properties["sentence"] = .string(sentence)
        points.append(GeoJSONFeature(geometry: try MapGeometry.prepare(.point(point)), properties: properties))
        var line = properties
        line["kind"] = .string("distance")
        line["label"] = properties["name"]
        let segment = try LineString(points: [gazetteer.location(entry), point])
        lines.append(GeoJSONFeature(geometry: try MapGeometry.prepare(.lineString(segment)), properties: line))
        return nil
    }

    /// The offset's distance, bearing and radius as properties (also on the anchor's mention feature).
    static func describe(_ offset: RelativeOffset, into properties: inout GeoJSONProperties) {
        properties["distance_m"] = .number(offset.phrase.distanceMetres, places: 1)
        properties["bearing"] = offset.phrase.bearing.map { .string($0.abbreviation) } ?? .null
        properties["offset_uncertainty_m"] = .number(offset.phrase.uncertaintyMetres, places: 1)
        if let point = offset.point {
            properties["offset_lat"] = .number(point.lat, places: 6)
            properties["offset_lon"] = .number(point.lon, places: 6)
        }
    }
}
