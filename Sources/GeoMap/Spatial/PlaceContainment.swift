/// Where an entry's representative point lies by the gazetteer's own polygons, beside what its
/// codes say. A point in no polygon (offshore, or a country without an outline) has nil units and
/// never counts as a disagreement.
public struct PlaceContainment: Hashable, Sendable {
    /// The country entry whose polygon holds the point.
    public var country: Int32?
    /// The admin-1 entry whose polygon holds the point (not looked up for countries).
    public var admin1: Int32?
    /// A country polygon holds the point, and its code differs from the entry's country code.
    public var countryDisagrees: Bool
    /// An admin-1 polygon holds the point, and it is not the entry's admin-1 by the gazetteer's codes.
    public var admin1Disagrees: Bool

    public init(country: Int32?, admin1: Int32?, countryDisagrees: Bool, admin1Disagrees: Bool) {
        self.country = country
        self.admin1 = admin1
        self.countryDisagrees = countryDisagrees
        self.admin1Disagrees = admin1Disagrees
    }

    public var disagrees: Bool { countryDisagrees || admin1Disagrees }
}

/// The containment fields every output shows, read once per use.
public struct ContainmentFields: Sendable {
    /// ISO code of the country polygon holding the point, or "".
    public var country: String
    /// Name of the admin-1 polygon holding the point, or "".
    public var admin1: String
    public var admin1ID: Int64?
    public var disagrees: Bool

    public init(_ containment: PlaceContainment, in gazetteer: Gazetteer) {
        country = containment.country.map { gazetteer.country($0).description } ?? ""
        admin1 = containment.admin1.map(gazetteer.name) ?? ""
        admin1ID = containment.admin1.map(gazetteer.id)
        disagrees = containment.disagrees
    }

    /// `{"country":…,"admin1":…,"admin1_id":…,"disagrees":…}`, nulls for units not found.
    public func appendJSON(to json: inout JSONBytes) {
        json.raw("{\"country\":")
        if country.isEmpty { json.raw("null") } else { json.string(country) }
        json.raw(",\"admin1\":")
        if admin1.isEmpty { json.raw("null") } else { json.string(admin1) }
        json.raw(",\"admin1_id\":")
        if let admin1ID { json.integer(admin1ID) } else { json.raw("null") }
        json.raw(",\"disagrees\":")
        json.raw(disagrees ? "true" : "false")
        json.raw("}")
    }
}
