/// The `--format jsonl` line of one document: exactly the prediction format of the evaluation
/// scorer (`{"id", "toponyms": [{"start", "end", "name", "lat", "lon", "geonameid", "kind", …}]}`),
/// plus the entry's own name, kind, country and the confidence.
struct PredictionLineFormat {
    let gazetteer: Gazetteer

    func append(_ record: DocumentRecord, to json: inout JSONBytes) {
        begin(id: record.id, to: &json)
        append(mentionsOf: record, to: &json)
        end(to: &json)
    }

    func begin(id: [UInt8], to json: inout JSONBytes) {
        json.write(atMost: 32 + JSONCursor.stringBound(id.count)) { json in
            json.raw("{\"id\":")
            json.string(id, id.indices)
            json.raw(",\"toponyms\":[")
        }
    }

    /// The record's mentions, after `record.written` mentions of the same document. Each mention
    /// is written through one cursor, in room reserved for its longest form.
    func append(mentionsOf record: DocumentRecord, to json: inout JSONBytes) {
        let text = record.text
        for (k, mention) in record.mentions.enumerated() {
            if let coordinate = mention.coordinate {
                if k + record.written > 0 { json.raw(",") }
                LocationFields(gazetteer: gazetteer)
                    .appendPredictionMember(mention, coordinate, containment: record.containment[k], text: text, to: &json)
                continue
            }
            let name = mention.byteStart..<mention.byteEnd
            let place = mention.entry.map { gazetteer.primaryNameBytes($0) }
            // The analyst's own places (`--places`) say so: `"source":"user","user_id":…` (room for it too).
            let userID = mention.entry.flatMap { gazetteer.userID($0) }.map { Array($0.utf8) }
            let bound = PredictionLineFormat.fixedBound + JSONCursor.stringBound(name.count) + JSONCursor.stringBound(place?.count ?? 0)
                + (userID.map { 32 + JSONCursor.stringBound($0.count) } ?? 0)
            json.write(atMost: bound) { json in
                if k + record.written > 0 { json.raw(0x2C) }
                json.raw("{\"start\":")
                json.integer(mention.start)
                json.raw(",\"end\":")
                json.integer(mention.end)
                json.raw(",\"name\":")
                json.string(text, name)
                if let entry = mention.entry, let place {
                    appendPlace(entry, named: place, role: mention.role, userID: userID, to: &json)
                } else {
                    json.raw(",\"lat\":null,\"lon\":null,\"geonameid\":null,\"kind\":")
                    json.raw(mention.role == .place ? "\"place\"" : "\"demonym\"")
                }
                json.raw(",\"confidence\":")
                json.decimal(mention.confidence, places: 3)
                if mention.offset == nil { json.raw("}") }
            }
            if let offset = mention.offset {
                LocationFields(gazetteer: gazetteer).appendOffset(offset, mention, text: text, to: &json)
                json.raw("}")
            }
        }
    }

    /// A resolved mention's place: its point, ids, name, kind and country. Kept out of the
    /// caller so that the optimiser still inlines every token writer there and here.
    private func appendPlace(_ entry: Int32, named place: UnsafeRawBufferPointer, role: MentionRole, userID: [UInt8]?,
                             to json: inout JSONCursor) {
        let point = gazetteer.point(entry)
        json.raw(",\"lat\":")
        json.decimal(point.lat, places: 5)
        json.raw(",\"lon\":")
        json.decimal(point.lon, places: 5)
        if let radius = gazetteer.radiusKm(of: entry) {
            json.raw(",\"radius_km\":")
            json.decimal(radius, places: 1)
        }
        json.raw(",\"geonameid\":")
        if let geonameID = gazetteer.geonameID(entry) { json.integer(geonameID) } else { json.raw("null") }
        json.raw(",\"kind\":")
        json.raw(role == .place ? "\"place\"" : "\"demonym\"")
        json.raw(",\"id_gazetteer\":")
        json.integer(gazetteer.id(entry))
        json.raw(",\"place\":")
        json.string(place)
        json.raw(",\"place_kind\":\"")
        json.raw(PredictionLineFormat.kindNames[Int(gazetteer.kind(entry).rawValue)])
        json.raw("\",\"country\":")
        let country = gazetteer.country(entry)
        if country.isNone { json.raw("null") } else {
            json.raw(0x22); json.raw(UInt8(country.packed >> 8)); json.raw(UInt8(country.packed & 0xFF)); json.raw(0x22)
        }
        if let userID {
            json.raw(",\"source\":\"user\",\"user_id\":")
            json.string(userID, userID.indices)
        }
    }

    func end(to json: inout JSONBytes) { json.raw("]}\n") }

    /// Room for a mention's keys, numbers and kind names (about 420 bytes at most), beside its
    /// two strings.
    static let fixedBound = 512

    static let kindNames: [StaticString] = ["country", "admin1", "admin2", "place", "region", "water", "landform", "landmark"]
}
