/// How `geomap distance` shows a `DistanceAnswer`: a table, JSON, or one GeoJSON
/// FeatureCollection holding the nearest-points lines and both places' geometries.
public enum DistanceReport {
    public static func table(_ answer: DistanceAnswer, gazetteer: Gazetteer) -> String {
        var text = ""
        for (name, readings) in [(answer.firstName, answer.firstReadings), (answer.secondName, answer.secondReadings)] where readings.count > 1 {
            let kinds = readings.map { gazetteer.kind($0).description }.joined(separator: " and as ")
            text += "\"\(name)\" is read as \(kinds); each reading is measured.\n"
        }
        if !text.isEmpty { text += "\n" }
        for (k, distance) in answer.distances.enumerated() {
            if k > 0 { text += "\n" }
            text += describe(distance.first, gazetteer) + " to " + describe(distance.second, gazetteer) + "\n"
            let measured = "\(distance.firstShape) to \(distance.secondShape)"
            if distance.first == distance.second {
                text += "  0 km: the same place\n"
                continue
            }
            switch distance.relation {
            case .apart:
                text += "  \(kilometres(distance.kilometres)) km (\(kilometres(distance.miles)) mi), \(measured)\n"
                text += "  nearest points (lat, lon): \(coordinates(distance.nearest.pointOnFirst)) on \(gazetteer.name(distance.first)), "
                text += "\(coordinates(distance.nearest.pointOnSecond)) on \(gazetteer.name(distance.second))\n"
            case .inside:
                text += "  0 km: \(label(distance.first, gazetteer)) lies inside \(label(distance.second, gazetteer)) (\(measured))\n"
            case .contains:
                text += "  0 km: \(label(distance.second, gazetteer)) lies inside \(label(distance.first, gazetteer)) (\(measured))\n"
            case .touching:
                text += "  0 km: they touch or overlap (\(measured)), at \(coordinates(distance.nearest.pointOnFirst)) (lat, lon)\n"
            }
            if let uncertainty = distance.uncertaintyKm {
                let approximate = [distance.first, distance.second].compactMap { entry in
                    gazetteer.radiusKm(of: entry).map { "\(gazetteer.name(entry)) is placed at its hromada's centre (±\(EntryFields.radiusText($0)) km)" }
                }
                text += "  uncertain by up to \(EntryFields.radiusText(uncertainty)) km: " + approximate.joined(separator: ", ") + "\n"
            }
        }
        return text
    }

    public static func json(_ answer: DistanceAnswer, gazetteer: Gazetteer) -> String {
        var json = JSONBytes(capacity: 2048)
        json.raw("{\"from\":{\"query\":")
        json.string(answer.firstName)
        json.raw(",\"readings\":")
        entries(answer.firstReadings, gazetteer, &json)
        json.raw("},\n \"to\":{\"query\":")
        json.string(answer.secondName)
        json.raw(",\"readings\":")
        entries(answer.secondReadings, gazetteer, &json)
        json.raw("},\n \"distances\":[")
        for (k, distance) in answer.distances.enumerated() {
            json.raw(k == 0 ? "\n  " : ",\n  ")
            json.raw("{\"from\":")
            EntryFields(distance.first, in: gazetteer).appendJSON(to: &json)
            json.raw(",\"to\":")
            EntryFields(distance.second, in: gazetteer).appendJSON(to: &json)
            json.raw(",\"from_shape\":")
            json.string(distance.firstShape)
            json.raw(",\"to_shape\":")
            json.string(distance.secondShape)
            json.raw(",\"km\":")
            json.decimal(distance.kilometres, places: 3)
            json.raw(",\"miles\":")
            json.decimal(distance.miles, places: 3)
            if let uncertainty = distance.uncertaintyKm {
                json.raw(",\"uncertainty_km\":")
                json.decimal(uncertainty, places: 1)
            }
            json.raw(",\"relation\":")
            json.string(distance.relation.rawValue)
            json.raw(",\"nearest_on_from\":")
            point(distance.nearest.pointOnFirst, &json)
            json.raw(",\"nearest_on_to\":")
            point(distance.nearest.pointOnSecond, &json)
            json.raw("}")
        }
        json.raw("]}\n")
        return String(decoding: json.bytes, as: UTF8.self)
    }

    /// The FeatureCollection: per distance, the geodesic between the nearest points (a point
    /// where they meet), then each place's geometry once, map-ready.
    public static func geoJSON(_ answer: DistanceAnswer, gazetteer: Gazetteer,
                               toleranceMetres: Double = MapGeometry.defaultToleranceMetres) throws -> GeoJSONFeatureCollection {
        var features: [GeoJSONFeature] = []
        for distance in answer.distances {
            var properties = GeoJSONProperties()
            properties["kind"] = .string("distance")
            properties["label"] = .string(kilometres(distance.kilometres) + " km")
            properties["from"] = .string(gazetteer.name(distance.first))
            properties["from_id"] = .integer(gazetteer.id(distance.first))
            properties["from_shape"] = .string(distance.firstShape)
            properties["to"] = .string(gazetteer.name(distance.second))
            properties["to_id"] = .integer(gazetteer.id(distance.second))
            properties["to_shape"] = .string(distance.secondShape)
            properties["km"] = .number(distance.kilometres, places: 3)
            properties["miles"] = .number(distance.miles, places: 3)
            properties["relation"] = .string(distance.relation.rawValue)
            if let uncertainty = distance.uncertaintyKm {
                properties["uncertainty_km"] = .number(uncertainty, places: 1)
                properties["label"] = .string(kilometres(distance.kilometres) + " ±" + EntryFields.radiusText(uncertainty) + " km")
            }
            let geometry: Geometry = distance.metres > 0
                ? .lineString(geodesicLine(distance.nearest.pointOnFirst, distance.nearest.pointOnSecond))
                : .point(distance.nearest.pointOnFirst)
            features.append(GeoJSONFeature(geometry: try MapGeometry.prepare(geometry), properties: properties))
        }
        var seen = Set<Int32>()
        for (role, readings) in [("from", answer.firstReadings), ("to", answer.secondReadings)] {
            for entry in readings where seen.insert(entry).inserted {
                guard let geometry = answer.geometries[entry] else { continue }
                let fields = EntryFields(entry, in: gazetteer)
                var properties = GeoJSONProperties()
                properties["kind"] = .string(fields.kind.description)
                properties["label"] = .string(fields.name)
                properties["role"] = .string(answer.firstReadings.contains(entry) && answer.secondReadings.contains(entry) ? "both" : role)
                properties["place_id"] = .integer(fields.id)
                properties["name"] = .string(fields.name)
                properties["country"] = .text(fields.country)
                properties["admin1"] = .text(fields.admin1)
                if let radius = fields.radiusKm { properties["radius_km"] = .number(radius, places: 1) }
                fields.addSource(to: &properties)
                features.append(GeoJSONFeature(geometry: try MapGeometry.prepare(geometry, toleranceMetres: toleranceMetres),
                                               properties: properties))
            }
        }
        return GeoJSONFeatureCollection(name: MapLayer.distances.rawValue, features: features)
    }

    /// The geodesic from `start` to `end`, with a vertex every 10 km or so, so it draws as it runs on the globe.
    static func geodesicLine(_ start: Point, _ end: Point) -> LineString {
        let line = GeodesicLine(from: start, to: end, on: .wgs84)
        let pieces = max(1, min(512, Int((line.length / 10_000).rounded(.up))))
        var points = [start]
        for piece in 1..<pieces { points.append(line.position(at: line.length * Double(piece) / Double(pieces)).point) }
        points.append(end)
        return LineString(uncheckedPoints: points)
    }

    // MARK: Pieces

    private static func describe(_ entry: Int32, _ gazetteer: Gazetteer) -> String {
        let fields = EntryFields(entry, in: gazetteer)
        let codes = [fields.country, fields.kind == .admin1 ? "" : fields.admin1].filter { !$0.isEmpty }.joined(separator: ", ")
        return "\(fields.name) (\(fields.kind)\(codes.isEmpty ? "" : "; " + codes); id \(fields.idCell))"
    }

    private static func label(_ entry: Int32, _ gazetteer: Gazetteer) -> String {
        "\(gazetteer.name(entry)) (\(gazetteer.kind(entry)))"
    }

    /// A distance with the precision that means something at its size.
    /// A distance for reading: one decimal from 10 up, two from 1, three below, kept even when
    /// zero ("66.0 km").
    static func kilometres(_ value: Double) -> String {
        let places = value >= 10 ? 1 : value >= 1 ? 2 : 3
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = Int((value * scale).rounded())
        let whole = String(units / Int(scale))
        let fraction = String(units % Int(scale))
        return whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    private static func coordinates(_ point: Point) -> String {
        var json = JSONBytes(capacity: 32)
        json.decimal(point.lat, places: 5)
        json.raw(", ")
        json.decimal(point.lon, places: 5)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    private static func point(_ point: Point, _ json: inout JSONBytes) {
        json.raw("{\"lat\":")
        json.decimal(point.lat, places: 6)
        json.raw(",\"lon\":")
        json.decimal(point.lon, places: 6)
        json.raw("}")
    }

    private static func entries(_ list: [Int32], _ gazetteer: Gazetteer, _ json: inout JSONBytes) {
        json.raw("[")
        for (k, entry) in list.enumerated() {
            if k > 0 { json.raw(",") }
            EntryFields(entry, in: gazetteer).appendJSON(to: &json)
        }
        json.raw("]")
    }
}
