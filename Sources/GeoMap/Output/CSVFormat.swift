/// `--format csv`: one row per mention (RFC 4180 quoting).
struct CSVFormat {
    let gazetteer: Gazetteer
    /// With the analyst's own places loaded, two more columns: `source` (`gazetteer` or `user`)
    /// and `user_id`; without, the columns stay as they were.
    static func header(for gazetteer: Gazetteer) -> String { gazetteer.hasUserPlaces ? header + ",source,user_id" : header }

    static let header = "id,start,end,text,kind,confidence,place_id,geonameid,place,place_kind,country,admin1,lat,lon,population,runner_up,runner_up_probability,sentence,country_by_polygon,admin1_by_polygon,admin_disagrees," + LocationFields.csvHeader + ",radius_km"

    func append(_ record: DocumentRecord, to out: inout JSONBytes) {
        let text = record.text
        for (k, mention) in record.mentions.enumerated() {
            field(record.id, record.id.indices, &out); out.raw(",")
            out.integer(mention.start); out.raw(",")
            out.integer(mention.end); out.raw(",")
            field(text, mention.byteStart..<mention.byteEnd, &out); out.raw(",")
            field(mention.role.name, &out); out.raw(",")
            out.decimal(mention.confidence, places: 3); out.raw(",")
            if let entry = mention.entry {
                let fields = EntryFields(entry, in: gazetteer)
                out.integer(fields.id); out.raw(",")
                if let geonameID = fields.geonameID { out.integer(geonameID) }
                out.raw(",")
                field(fields.name, &out); out.raw(",")
                field(fields.kind.description, &out); out.raw(",")
                field(fields.country, &out); out.raw(",")
                field(fields.admin1, &out); out.raw(",")
                out.decimal(fields.lat, places: 5); out.raw(",")
                out.decimal(fields.lon, places: 5); out.raw(",")
                out.integer(fields.population); out.raw(",")
            } else if let coordinate = mention.coordinate {
                out.raw(",,,,,,"); out.decimal(coordinate.point.lat, places: 6)
                out.raw(","); out.decimal(coordinate.point.lon, places: 6); out.raw(",,")
            } else {
                out.raw(",,,,,,,,,")
            }
            if let runnerUp = mention.runnerUp {
                field(gazetteer.name(runnerUp), &out); out.raw(",")
                out.decimal(mention.runnerUpProbability, places: 3)
            } else {
                out.raw(",")
            }
            out.raw(",")
            field(text, mention.sentenceByteStart..<mention.sentenceByteEnd, &out)
            out.raw(",")
            if let found = record.containment[k] {
                let fields = ContainmentFields(found, in: gazetteer)
                field(fields.country, &out); out.raw(",")
                field(fields.admin1, &out); out.raw(",")
                out.raw(fields.disagrees ? "true" : "false")
            } else {
                out.raw(",,")
            }
            appendLocationColumns(mention, text: text, to: &out)
            // The place's radius, empty for an exact point (a column of its own, last, so the others keep their places).
            out.raw(",")
            if let entry = mention.entry, let radius = gazetteer.radiusKm(of: entry) { out.decimal(radius, places: 1) }
            if gazetteer.hasUserPlaces {
                out.raw(",")
                if let entry = mention.entry {
                    if let userID = gazetteer.userID(entry) {
                        out.raw("user,")
                        field(userID, &out)
                    } else {
                        out.raw("gazetteer,")
                    }
                } else {
                    out.raw(",")
                }
            }
            out.raw("\n")
        }
    }

    func field(_ value: String, _ out: inout JSONBytes) {
        let bytes = Array(value.utf8)
        field(bytes, bytes.indices, &out)
    }

    func field(_ value: [UInt8], _ range: Range<Int>, _ out: inout JSONBytes) {
        let slice = value[range]
        let needsQuotes = slice.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { out.bytes.append(contentsOf: slice); return }
        out.raw("\"")
        for byte in slice {
            if byte == 0x22 { out.raw("\"\"") } else { out.bytes.append(byte) }
        }
        out.raw("\"")
    }
}
