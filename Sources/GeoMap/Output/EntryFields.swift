/// The fields of a gazetteer entry that outputs show, read once per use.
struct EntryFields {
    var id: Int64
    var geonameID: Int64?
    var name: String
    var kind: PlaceKind
    var country: String
    var admin1: String
    var lat: Double
    var lon: Double
    var population: Int
    var hasShape: Bool
    /// How far the place may lie from its point (km); nil for an exact point.
    var radiusKm: Double?
    /// The analyst's id of one of their own places (`--places`); nil for a bundled entry.
    var userID: String?

    init(_ entry: Int32, in gazetteer: Gazetteer) {
        id = gazetteer.id(entry)
        geonameID = gazetteer.geonameID(entry)
        name = gazetteer.name(entry)
        kind = gazetteer.kind(entry)
        country = gazetteer.country(entry).description
        if kind == .admin1 {
            admin1 = name
        } else {
            admin1 = gazetteer.admin1Entry(entry).map(gazetteer.name) ?? ""
        }
        let point = gazetteer.point(entry)
        lat = point.lat
        lon = point.lon
        population = gazetteer.population(entry)
        hasShape = gazetteer.hasShape(entry)
        radiusKm = gazetteer.radiusKm(of: entry)
        userID = gazetteer.userID(entry)
    }

    /// The id for a table cell: the analyst's own for their places (`pol-7 (user)`).
    var idCell: String { userID.map { $0 + " (user)" } ?? String(id) }

    /// The name for a table cell, marked for the analyst's own places (`Zorivka (user)`).
    var nameCell: String { userID == nil ? name : name + " (user)" }

    /// `source` and `user_id` for the analyst's own places; nothing for bundled ones.
    func addSource(to properties: inout GeoJSONProperties) {
        guard let userID else { return }
        properties["source"] = .string("user")
        properties["user_id"] = .string(userID)
    }

    /// The longitude for a table cell, with the radius of an approximate point (`38.25 ±12 km`).
    func lonCell(_ lon: String) -> String {
        guard let radiusKm else { return lon }
        return lon + " ±" + EntryFields.radiusText(radiusKm) + " km"
    }

    static func radiusText(_ km: Double) -> String {
        var json = JSONBytes(capacity: 16)
        json.decimal(km, places: 1)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    func appendJSON(to json: inout JSONBytes) {
        json.raw("{\"id\":")
        json.integer(id)
        json.raw(",\"geonameid\":")
        if let geonameID { json.integer(geonameID) } else { json.raw("null") }
        json.raw(",\"name\":")
        json.string(name)
        json.raw(",\"kind\":")
        json.string(kind.description)
        json.raw(",\"country\":")
        if country.isEmpty { json.raw("null") } else { json.string(country) }
        json.raw(",\"admin1\":")
        if admin1.isEmpty { json.raw("null") } else { json.string(admin1) }
        json.raw(",\"lat\":")
        json.decimal(lat, places: 5)
        json.raw(",\"lon\":")
        json.decimal(lon, places: 5)
        if let radiusKm {
            json.raw(",\"radius_km\":")
            json.decimal(radiusKm, places: 1)
        }
        json.raw(",\"population\":")
        json.integer(population)
        json.raw(",\"polygon\":")
        json.raw(hasShape ? "true" : "false")
        if let userID {
            json.raw(",\"source\":\"user\",\"user_id\":")
            json.string(userID)
        }
        json.raw("}")
    }
}
