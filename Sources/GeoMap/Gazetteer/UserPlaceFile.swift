import Foundation

/// One feature of an analyst's own gazetteer file, checked and completed: what becomes one row of
/// the merged `places.tsv` (`UserGazetteer`).
struct UserPlace {
    /// The analyst's id: the feature's `id`, else `properties.id`, else `FILE:N` (the file's
    /// name and the feature's 1-based position).
    var userID: String
    var name: String
    /// Other names, without the primary one and without duplicates.
    var aliases: [String]
    var kind: PlaceKind
    var country: CountryCode
    /// The gazetteer's admin-1 code (`14` for Luhansk), empty when unknown.
    var admin1: String
    var population: Int
    var lat: Double
    var lon: Double
    /// The polygon or multipolygon, when the feature has one.
    var shape: Geometry?
    /// Where it came from, for messages.
    var path: String
    var position: Int
}

/// Reads a GeoJSON FeatureCollection of the analyst's places (as QGIS writes it). Every problem is
/// one `GeoMapError.badData` naming the file and the feature (`feature 3 ("Zorivka"): ...`).
///
/// Properties (keys matched without regard to case): `name` (required), `aliases` (an array of
/// strings, or one string separated by `;` or `|`), `kind` (the gazetteer's kinds; `place` when
/// missing), `country` (ISO 3166-1 alpha-2 of a country the gazetteer knows; found from the
/// bundled country polygons when missing), `admin1` (the gazetteer's code or the name of an
/// admin-1 unit of that country; found from the bundled polygons when missing), `population`,
/// and `id`. The geometry is a Point, Polygon or MultiPolygon; a polygon's point is its visual
/// centre (an interior point).
enum UserPlaceFile {
    static func read(_ path: String, bundled: Gazetteer) throws -> [UserPlace] {
        let file = try MappedFile(path: path)
        let data = Data(file.view)
        let collection: Collection
        do {
            collection = try JSONDecoder().decode(Collection.self, from: data)
        } catch let error as DecodingError {
            throw GeoMapError.badData(path: path, line: nil, reason: "not a GeoJSON FeatureCollection (\(Self.reason(error)))")
        }
        guard collection.type == "FeatureCollection", let features = collection.features else {
            let what = collection.type.map { "its type is \"\($0)\"" } ?? "it has no \"type\""
            throw GeoMapError.badData(path: path, line: nil, reason: "not a GeoJSON FeatureCollection (\(what))")
        }
        // QGIS names the layer's CRS; anything but longitude/latitude on WGS84 would be misread.
        if let crs = collection.crs, !(crs.hasSuffix("CRS84") || crs.hasSuffix(":4326") || crs.hasSuffix("::4326")) {
            throw GeoMapError.badData(path: path, line: nil,
                                      reason: "its coordinates are in \(crs), not longitude/latitude (save the layer as EPSG:4326)")
        }
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        let admin1Codes = Admin1Codes(bundled)
        let containment = ContainmentIndex(gazetteer: bundled)
        var places: [UserPlace] = []
        for (k, feature) in features.enumerated() {
            let position = k + 1
            func fail(_ reason: String) -> GeoMapError {
                let label = feature.name.map { " (\"\($0)\")" } ?? ""
                return GeoMapError.badData(path: path, line: nil, reason: "feature \(position)\(label): \(reason)")
            }
            if let problem = feature.problem { throw fail(problem) }
            guard let name = feature.name else { throw fail("no name (set the \"name\" property)") }
            guard let geometry = feature.geometry else { throw fail("no geometry (a Point, Polygon or MultiPolygon)") }
            var place = UserPlace(userID: feature.id ?? "\(fileName):\(position)", name: name, aliases: [],
                                  kind: .place, country: .none, admin1: "", population: 0, lat: 0, lon: 0,
                                  shape: nil, path: path, position: position)
            var seen: Set<String> = [name]
            for alias in feature.aliases where seen.insert(alias).inserted { place.aliases.append(alias) }
            if let kind = feature.kind {
                guard let known = PlaceKind(name: kind) else {
                    throw fail("unknown kind \"\(kind)\" (use " + PlaceKind.allCases.map(\.description).joined(separator: ", ") + ")")
                }
                place.kind = known
            }
            place.population = feature.population ?? 0

            switch geometry {
            case .point(let point):
                guard point.lat.isFinite, point.lon.isFinite, abs(point.lat) <= 90, abs(point.lon) <= 180 else {
                    throw fail("bad geometry (the point [\(point.lon), \(point.lat)] is not a longitude and latitude)")
                }
                place.lat = point.lat
                place.lon = point.lon
            case .polygon, .multiPolygon:
                guard let box = geometry.boundingBox, box.minX >= -180, box.maxX <= 180, box.minY >= -90, box.maxY <= 90 else {
                    throw fail("bad geometry (coordinates outside longitude -180...180, latitude -90...90)")
                }
                do {
                    guard try geometry.isValid() else { throw fail("bad geometry (\(try geometry.validityReason()))") }
                    let centre = try geometry.visualCentre()
                    place.lat = centre.lat
                    place.lon = centre.lon
                } catch let error as GeoMapError {
                    throw error
                } catch {
                    throw fail("bad geometry (\(error))")
                }
                place.shape = geometry
            default:
                throw fail("bad geometry (a \(geometry.typeName); use a Point, Polygon or MultiPolygon)")
            }

            let inferable = place.kind != .country && place.kind != .admin1 && place.kind != .region
            let point = Point(lon: place.lon, lat: place.lat)
            if let written = feature.country {
                guard let code = CountryCode(written), bundled.countryEntry(code) != nil else {
                    throw fail("bad country code \"\(written)\" (an ISO 3166-1 alpha-2 code such as UA)")
                }
                place.country = code
            } else if inferable, let entry = try? containment.country(containing: point) {
                place.country = bundled.country(entry)
            }
            // An admin-1 unit of the analyst's own gets no code: the code links places to their unit.
            if place.kind != .admin1 && place.kind != .country && !place.country.isNone {
                if let written = feature.admin1 {
                    guard let code = admin1Codes.code(for: written, in: place.country) else {
                        throw fail("unknown admin1 \"\(written)\" in \(place.country) (the gazetteer's code or an admin-1 name)")
                    }
                    place.admin1 = code
                } else if inferable, let entry = try? containment.admin1(containing: point, in: place.country) {
                    place.admin1 = admin1Codes.code(of: entry)
                }
            }
            places.append(place)
        }
        return places
    }

    /// The decoder's complaint in a few words.
    static func reason(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            if let underlying = context.underlyingError as NSError?, let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
                return detail
            }
            return context.debugDescription
        case .keyNotFound(let key, _):
            return "no \"\(key.stringValue)\""
        @unknown default:
            return "\(error)"
        }
    }

    // MARK: Decoding

    struct Collection: Decodable {
        var type: String?
        var features: [Feature]?
        /// The name of the old-style `crs` member, when there is one.
        var crs: String?

        enum CodingKeys: String, CodingKey { case type, features, crs }
        struct CRS: Decodable {
            struct Properties: Decodable { var name: String? }
            var properties: Properties?
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try? container.decode(String.self, forKey: .type)
            crs = (try? container.decodeIfPresent(CRS.self, forKey: .crs))?.properties?.name
            features = type == "FeatureCollection" ? try container.decodeIfPresent([Feature].self, forKey: .features) : nil
        }
    }

    /// A feature as written; what is wrong with it is kept (`problem`), not thrown, so the message
    /// can name the feature.
    struct Feature: Decodable {
        var id: String?
        var name: String?
        var aliases: [String] = []
        var kind: String?
        var country: String?
        var admin1: String?
        var population: Int?
        var geometry: Geometry?
        var problem: String?

        enum CodingKeys: String, CodingKey { case type, id, properties, geometry }

        init(from decoder: any Decoder) throws {
            guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
                problem = "not a GeoJSON Feature (not an object)"
                return
            }
            var properties: [String: Loose] = [:]
            if let decoded = try? container.decodeIfPresent([String: Loose].self, forKey: .properties) {
                for (key, value) in decoded { properties[key.lowercased()] = value }
            }
            // The name first, so a message about anything else can give it.
            switch properties["name"] ?? .null {
            case .string(let text):
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty { name = trimmed }
            case .null: break
            default: problem = "the name is not a string"; return
            }
            if let type = try? container.decode(String.self, forKey: .type), type != "Feature" {
                problem = "not a GeoJSON Feature (its type is \"\(type)\")"
                return
            }
            if let name, name.contains(where: { $0 == "\t" || $0 == "|" || $0.isNewline }) {
                problem = "the name holds a tab, a line break or |"
                return
            }
            do {
                geometry = try container.decodeIfPresent(Geometry.self, forKey: .geometry)
            } catch let error as DecodingError {
                problem = "bad geometry (\(UserPlaceFile.reason(error)))"
                return
            }
            let featureID: Loose? = try? container.decodeIfPresent(Loose.self, forKey: .id)
            id = [featureID?.text, properties["id"]?.text].compactMap { $0 }.first { !$0.isEmpty }
            switch properties["aliases"] ?? .null {
            case .null: break
            case .string(let text):
                aliases = text.split(whereSeparator: { $0 == ";" || $0 == "|" }).map { $0.trimmingCharacters(in: .whitespaces) }
            case .array(let values):
                for value in values {
                    guard case .string(let text) = value else { problem = "aliases must be strings"; return }
                    aliases.append(text.trimmingCharacters(in: .whitespaces))
                }
            default: problem = "aliases must be an array of strings or one string separated by ; or |"; return
            }
            aliases.removeAll { $0.isEmpty }
            if aliases.contains(where: { $0.contains(where: { $0 == "\t" || $0 == "|" || $0.isNewline }) }) {
                problem = "an alias holds a tab, a line break or |"
                return
            }
            kind = properties["kind"]?.text.flatMap { $0.isEmpty ? nil : $0.lowercased() }
            country = properties["country"]?.text.flatMap { $0.isEmpty ? nil : $0 }
            admin1 = properties["admin1"]?.text.flatMap { $0.isEmpty ? nil : $0 }
            switch (properties["population"] ?? .null).normalised {
            case .null: break
            case .number(let value) where value >= 0 && value < 1e10 && value.isFinite: population = Int(value)
            case .string(let text) where text.isEmpty: break
            case .string(let text) where Int(text).map({ $0 >= 0 }) == true: population = Int(text)
            default: problem = "population must be a number of 0 or more"; return
            }
        }
    }

    /// Any JSON value, decoded only as far as the properties need.
    enum Loose: Decodable {
        case null, bool(Bool), number(Double), integer(Int64), string(String), array([Loose]), object

        init(from decoder: any Decoder) throws {
            if let values = try? decoder.unkeyedContainer() {
                var values = values
                var items: [Loose] = []
                while !values.isAtEnd { items.append(try values.decode(Loose.self)) }
                self = .array(items)
                return
            }
            if (try? decoder.container(keyedBy: AnyKey.self)) != nil { self = .object; return }
            let value = try decoder.singleValueContainer()
            if value.decodeNil() { self = .null } else if let bool = try? value.decode(Bool.self) { self = .bool(bool) }
            else if let integer = try? value.decode(Int64.self) { self = .integer(integer) }
            else if let number = try? value.decode(Double.self) { self = .number(number) }
            else { self = .string(try value.decode(String.self)) }
        }

        /// A string or number as text (an id, a code); nil for anything else.
        var text: String? {
            switch self {
            case .string(let text): return text.trimmingCharacters(in: .whitespaces)
            case .integer(let value): return String(value)
            case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
            default: return nil
            }
        }
    }

    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

extension UserPlaceFile.Loose {
    /// Numbers as `.number`, so callers test one case.
    var normalised: Self {
        if case .integer(let value) = self { return .number(Double(value)) }
        return self
    }
}

/// The admin-1 codes of the bundled gazetteer, by country: to read a user's `admin1` (a code or a
/// name) and to name the unit a point falls in.
struct Admin1Codes {
    private let gazetteer: Gazetteer
    /// Country and code → the admin-1 entry.
    private var byCode: [String: Int32] = [:]
    /// Country and name key → the admin-1 entry.
    private var byName: [String: Int32] = [:]

    init(_ gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        for entry in gazetteer.allEntries where gazetteer.kind(entry) == .admin1 {
            let country = gazetteer.country(entry).description
            let row = gazetteer.row(entry)
            guard row.count > 10 else { continue }
            byCode[country + "." + row[4]] = entry
            for name in row[10].split(separator: "|") {
                for key in Self.keys(String(name)) { byName[country + "." + key] = byName[country + "." + key] ?? entry }
            }
        }
    }

    /// The name's key, and the key without an admin suffix (`Luhansk Oblast` → `luhansk`).
    static func keys(_ name: String) -> [String] {
        guard let key = NameKey.of(name) else { return [] }
        let text = String(decoding: key.bytes, as: UTF8.self)
        var keys = [text]
        for suffix in [" oblast", " region", " province", " governorate", " state", " county", " district"] where text.hasSuffix(suffix) {
            keys.append(String(text.dropLast(suffix.count)))
        }
        return keys
    }

    func code(of entry: Int32) -> String {
        let row = gazetteer.row(entry)
        return row.count > 4 ? row[4] : ""
    }

    /// The code for what a user wrote: a code of the country's admin-1 units, or one's name.
    func code(for written: String, in country: CountryCode) -> String? {
        let prefix = country.description + "."
        if byCode[prefix + written] != nil { return written }
        for key in Self.keys(written) {
            if let entry = byName[prefix + key] { return code(of: entry) }
        }
        return nil
    }
}
