/// How `lookup` shows its candidates.
public enum LookupRendering {
    /// `width`: the width to cut the rows to (a terminal's), or nil for whole rows.
    public static func table(_ candidates: [PlaceLookup.Candidate], gazetteer: Gazetteer, width: Int? = nil) -> String {
        var rows: [[String]] = [["id", "kind", "name", "country", "admin-1", "lat", "lon", "population", "polygon", "match", "other names"]]
        for candidate in candidates {
            let fields = EntryFields(candidate.entry, in: gazetteer)
            let names = gazetteer.allNames(candidate.entry)
            let others = (names.names.dropFirst() + names.abbreviations).prefix(6).joined(separator: ", ")
            rows.append([fields.idCell, fields.kind.description, fields.name, fields.country, fields.admin1,
                         decimal(fields.lat), fields.lonCell(decimal(fields.lon)), String(fields.population),
                         fields.hasShape ? "yes" : "no", candidate.match.rawValue, others])
        }
        return TextTable.render(rows, maxWidth: width, cutFirst: [2, 4, 10])
    }

    public static func json(_ candidates: [PlaceLookup.Candidate], gazetteer: Gazetteer) -> String {
        var json = JSONBytes()
        json.raw("[")
        for (k, candidate) in candidates.enumerated() {
            json.raw(k == 0 ? "\n  " : ",\n  ")
            let fields = EntryFields(candidate.entry, in: gazetteer)
            var entry = JSONBytes(capacity: 256)
            fields.appendJSON(to: &entry)
            json.bytes.append(contentsOf: entry.bytes.dropLast())
            let names = gazetteer.allNames(candidate.entry)
            json.raw(",\"names\":[")
            for (n, name) in names.names.enumerated() {
                if n > 0 { json.raw(",") }
                json.string(name)
            }
            json.raw("],\"abbreviations\":[")
            for (n, name) in names.abbreviations.enumerated() {
                if n > 0 { json.raw(",") }
                json.string(name)
            }
            json.raw("],\"match\":")
            json.string(candidate.match.rawValue)
            json.raw(",\"score\":")
            json.decimal(candidate.score, places: 3)
            json.raw("}")
        }
        json.raw("\n]")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static func decimal(_ value: Double) -> String {
        var json = JSONBytes(capacity: 16)
        json.decimal(value, places: 5)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}
