/// The output fields of locations written as numbers, for every format: a coordinate mention's
/// point, form and uncertainty with the country and admin-1 polygons holding it, and an anchor's
/// `offset` (the phrase, distance, bearing, derived point and uncertainty radius).
struct LocationFields {
    let gazetteer: Gazetteer

    /// The country and admin-1 polygons of the gazetteer that hold `point` (nil where none does).
    func containment(of point: Point) throws -> PlaceContainment {
        let index = ContainmentIndex.shared(for: gazetteer)
        let country = try index.country(containing: point)
        let admin1 = try country.flatMap { try index.admin1(containing: point, in: gazetteer.country($0)) }
        return PlaceContainment(country: country, admin1: admin1, countryDisagrees: false, admin1Disagrees: false)
    }

    /// `--format json`: `,"coordinate":{…}` for a coordinate mention (its containment is the
    /// record's, written before), `,"offset":{…}` for an anchor; nothing otherwise.
    func appendJSON(_ mention: ExtractedMention, text: [UInt8], to json: inout JSONBytes) {
        if let coordinate = mention.coordinate {
            json.raw(",\"coordinate\":")
            appendCoordinate(coordinate, to: &json)
        }
        if let offset = mention.offset { appendOffset(offset, mention, text: text, to: &json) }
    }

    /// `{"lat":…,"lon":…,"form":…,"uncertainty_m":…}`.
    func appendCoordinate(_ coordinate: TextCoordinate, to json: inout JSONBytes) {
        json.raw("{\"lat\":")
        json.decimal(coordinate.point.lat, places: 6)
        json.raw(",\"lon\":")
        json.decimal(coordinate.point.lon, places: 6)
        json.raw(",\"form\":")
        json.string(coordinate.form.name)
        json.raw(",\"uncertainty_m\":")
        json.decimal(coordinate.uncertaintyMetres, places: 1)
        json.raw("}")
    }

    /// `,"offset":{"start","end","text","distance","unit","distance_m","bearing","azimuth",
    /// "hedged","lat","lon","uncertainty_m"}`: code-point offsets of the whole phrase, the
    /// distance as written and in metres, the compass point and its azimuth (null without one),
    /// the derived point (null when there is none) and the radius around it.
    func appendOffset(_ offset: RelativeOffset, _ mention: ExtractedMention, text: [UInt8], to json: inout JSONBytes) {
        let phrase = offset.phrase
        json.raw(",\"offset\":{\"start\":")
        json.integer(mention.start - offset.charsBefore)
        json.raw(",\"end\":")
        json.integer(mention.end)
        json.raw(",\"text\":")
        json.string(text, phrase.byteStart..<mention.byteEnd)
        json.raw(",\"distance\":")
        json.decimal(phrase.distance, places: 3)
        json.raw(",\"unit\":")
        json.string(phrase.unit.rawValue)
        json.raw(",\"distance_m\":")
        json.decimal(phrase.distanceMetres, places: 1)
        json.raw(",\"bearing\":")
        if let bearing = phrase.bearing {
            json.string(bearing.abbreviation)
            json.raw(",\"azimuth\":")
            json.decimal(bearing.azimuth, places: 2)
        } else {
            json.raw("null,\"azimuth\":null")
        }
        json.raw(",\"hedged\":")
        json.raw(phrase.hedged ? "true" : "false")
        if let point = offset.point {
            json.raw(",\"lat\":")
            json.decimal(point.lat, places: 6)
            json.raw(",\"lon\":")
            json.decimal(point.lon, places: 6)
        } else {
            json.raw(",\"lat\":null,\"lon\":null")
        }
        json.raw(",\"uncertainty_m\":")
        json.decimal(phrase.uncertaintyMetres, places: 1)
        json.raw("}")
    }

    /// `--format jsonl`: a coordinate mention as a prediction line member, with the keys of a
    /// place mention where they apply (`lat`, `lon`, `kind`, `country`, `confidence`) and
    /// `coordinate` and `admin1` beside them.
    func appendPredictionMember(_ mention: ExtractedMention, _ coordinate: TextCoordinate, containment: PlaceContainment?,
                                text: [UInt8], to json: inout JSONBytes) {
        let found = ContainmentFields(containment ?? PlaceContainment(country: nil, admin1: nil, countryDisagrees: false,
                                                                      admin1Disagrees: false), in: gazetteer)
        json.raw("{\"start\":")
        json.integer(mention.start)
        json.raw(",\"end\":")
        json.integer(mention.end)
        json.raw(",\"name\":")
        json.string(text, mention.byteStart..<mention.byteEnd)
        json.raw(",\"lat\":")
        json.decimal(coordinate.point.lat, places: 6)
        json.raw(",\"lon\":")
        json.decimal(coordinate.point.lon, places: 6)
        json.raw(",\"geonameid\":null,\"kind\":\"coordinate\",\"coordinate\":")
        appendCoordinate(coordinate, to: &json)
        json.raw(",\"country\":")
        if found.country.isEmpty { json.raw("null") } else { json.string(found.country) }
        json.raw(",\"admin1\":")
        if found.admin1.isEmpty { json.raw("null") } else { json.string(found.admin1) }
        json.raw(",\"confidence\":")
        json.decimal(mention.confidence, places: 3)
        json.raw("}")
    }

    /// The CSV columns after `admin_disagrees`.
    static let csvHeader = "coordinate_form,uncertainty_m,offset_start,offset_end,offset_text,offset_distance,offset_unit,offset_bearing,offset_lat,offset_lon,offset_uncertainty_m"
}

extension CSVFormat {
    /// The location columns of one row (each after a comma): the coordinate's form and
    /// uncertainty, then the offset's fields, empty where they do not apply.
    func appendLocationColumns(_ mention: ExtractedMention, text: [UInt8], to out: inout JSONBytes) {
        if let coordinate = mention.coordinate {
            out.raw(",")
            field(coordinate.form.name, &out)
            out.raw(",")
            out.decimal(coordinate.uncertaintyMetres, places: 1)
        } else {
            out.raw(",,")
        }
        guard let offset = mention.offset else { out.raw(",,,,,,,,,"); return }
        let phrase = offset.phrase
        out.raw(","); out.integer(mention.start - offset.charsBefore)
        out.raw(","); out.integer(mention.end)
        out.raw(","); field(text, phrase.byteStart..<mention.byteEnd, &out)
        out.raw(","); out.decimal(phrase.distance, places: 3)
        out.raw(","); field(phrase.unit.rawValue, &out)
        out.raw(","); if let bearing = phrase.bearing { field(bearing.abbreviation, &out) }
        out.raw(","); if let point = offset.point { out.decimal(point.lat, places: 6) }
        out.raw(","); if let point = offset.point { out.decimal(point.lon, places: 6) }
        out.raw(","); out.decimal(phrase.uncertaintyMetres, places: 1)
    }
}
