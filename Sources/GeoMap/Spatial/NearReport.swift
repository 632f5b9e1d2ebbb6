/// How `geomap near` shows its answer.
public enum NearReport {
    /// `width`: the width to cut the table's rows to (a terminal's), or nil for whole rows.
    public static func table(origin: Int32, _ answer: NearSearch.Answer, gazetteer: Gazetteer, width: Int? = nil) -> String {
        let neighbours = answer.neighbours
        let fields = EntryFields(origin, in: gazetteer)
        var text = "within reach of \(fields.name) (\(fields.kind); \(fields.country); id \(fields.idCell)), nearest first:\n"
        if let radius = fields.radiusKm {
            text += "(\(fields.name)'s point is its hromada's centre: every distance is uncertain by up to \(EntryFields.radiusText(radius)) km)\n"
        }
        var rows: [[String]] = [["km", "bearing", "name", "kind", "country", "admin-1", "population", "id"]]
        for neighbour in neighbours {
            let entry = EntryFields(neighbour.entry, in: gazetteer)
            rows.append([DistanceReport.kilometres(neighbour.kilometres), compass(neighbour.azimuth), entry.name,
                         entry.kind.description, entry.country, entry.admin1, String(entry.population), entry.idCell])
        }
        let leftOut = answer.approximateLeftOut == 0 ? "" :
            "(\(answer.approximateLeftOut) place\(answer.approximateLeftOut == 1 ? "" : "s") known only by \(answer.approximateLeftOut == 1 ? "its" : "their") hromada, placed at its centre, left out)\n"
        if neighbours.isEmpty { return text + "(nothing)\n" + leftOut }
        // Distances right-aligned, words left-aligned.
        return text + TextTable.render(rows, rightAligned: [0], maxWidth: width, cutFirst: [2, 5]) + leftOut
    }

    /// `approximate_left_out` only when the search left some out.
    public static func json(origin: Int32, _ answer: NearSearch.Answer, gazetteer: Gazetteer) -> String {
        let neighbours = answer.neighbours
        var json = JSONBytes(capacity: 4096)
        json.raw("{\"origin\":")
        EntryFields(origin, in: gazetteer).appendJSON(to: &json)
        if answer.approximateLeftOut > 0 {
            json.raw(",\n \"approximate_left_out\":")
            json.integer(answer.approximateLeftOut)
        }
        json.raw(",\n \"near\":[")
        for (k, neighbour) in neighbours.enumerated() {
            json.raw(k == 0 ? "\n  " : ",\n  ")
            json.raw("{\"km\":")
            json.decimal(neighbour.kilometres, places: 3)
            json.raw(",\"azimuth\":")
            json.decimal((neighbour.azimuth + 360).truncatingRemainder(dividingBy: 360), places: 1)
            json.raw(",\"place\":")
            EntryFields(neighbour.entry, in: gazetteer).appendJSON(to: &json)
            json.raw("}")
        }
        json.raw("]}\n")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// The origin and its neighbours as points, for QGIS.
    public static func geoJSON(origin: Int32, _ answer: NearSearch.Answer, gazetteer: Gazetteer) throws -> GeoJSONFeatureCollection {
        let neighbours = answer.neighbours
        var features: [GeoJSONFeature] = []
        for (entry, neighbour) in [(origin, nil)] + neighbours.map({ ($0.entry, Optional($0)) }) {
            let fields = EntryFields(entry, in: gazetteer)
            var properties = GeoJSONProperties()
            properties["place_id"] = .integer(fields.id)
            properties["name"] = .string(fields.name)
            properties["kind"] = .string(fields.kind.description)
            properties["country"] = .text(fields.country)
            properties["admin1"] = .text(fields.admin1)
            properties["population"] = .integer(Int64(fields.population))
            if let radius = fields.radiusKm { properties["radius_km"] = .number(radius, places: 1) }
            fields.addSource(to: &properties)
            properties["km"] = .number(neighbour?.kilometres ?? 0, places: 3)
            properties["origin"] = .bool(neighbour == nil)
            features.append(GeoJSONFeature(geometry: try MapGeometry.prepare(.point(gazetteer.location(entry))), properties: properties))
        }
        return GeoJSONFeatureCollection(name: "near", features: features)
    }

    /// One of 16 compass points.
    static func compass(_ azimuth: Double) -> String {
        let names = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]
        let normalised = (azimuth + 360).truncatingRemainder(dividingBy: 360)
        return names[Int((normalised / 22.5).rounded()) % 16]
    }
}
