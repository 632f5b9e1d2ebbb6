import Synchronization

/// Point-in-polygon on the gazetteer's country and admin-1 polygons.
///
/// Nothing is built up front: the table of country envelopes is read from the WKB on first use,
/// each country's admin-1 envelopes when a point first falls in that country, and each polygon is
/// prepared (GEOS) the first time a point is tested against it, once per process. Answers are
/// cached per entry. Safe to share between threads; use `ContainmentIndex.shared(for:)`.
public final class ContainmentIndex: Sendable {
    public let gazetteer: Gazetteer
    private let countryAreas: Mutex<AreaTable?> = Mutex(nil)
    private let admin1Entries: Mutex<[CountryCode: [Int32]]?> = Mutex(nil)
    private let admin1Areas: Mutex<[CountryCode: AreaTable]> = Mutex([:])
    private let prepared: Mutex<[Int32: PreparedCell]> = Mutex([:])
    private let answers: Mutex<[Int32: PlaceContainment]> = Mutex([:])

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    /// The process-wide index of a gazetteer, so every output and command shares its prepared polygons.
    public static func shared(for gazetteer: Gazetteer) -> ContainmentIndex {
        sharedIndexes.withLock { indexes in
            let key = ObjectIdentifier(gazetteer)
            if let index = indexes[key] { return index }
            let index = ContainmentIndex(gazetteer: gazetteer)
            indexes[key] = index
            return index
        }
    }

    /// The country and admin-1 polygons holding the entry's representative point, and whether
    /// they disagree with the entry's codes. Countries get no admin-1; multinational regions
    /// (no country code) get nothing, as their centre says nothing about them.
    public func containment(of entry: Int32) throws -> PlaceContainment {
        if let cached = answers.withLock({ $0[entry] }) { return cached }
        let kind = gazetteer.kind(entry)
        let code = gazetteer.country(entry)
        var answer = PlaceContainment(country: nil, admin1: nil, countryDisagrees: false, admin1Disagrees: false)
        if !(kind == .region && code.isNone) {
            let point = gazetteer.location(entry)
            if let country = try country(containing: point, hint: code) {
                answer.country = country
                answer.countryDisagrees = !code.isNone && gazetteer.country(country) != code
                if kind != .country && kind != .region {
                    let expected = kind == .admin1 ? entry : gazetteer.admin1Entry(entry)
                    if let admin1 = try admin1(containing: point, in: gazetteer.country(country), hint: expected) {
                        answer.admin1 = admin1
                        answer.admin1Disagrees = expected != nil && expected != admin1
                    }
                }
            }
        }
        answers.withLock { $0[entry] = answer }
        return answer
    }

    /// The country entry whose polygon covers `point`; the country `hint` is tried first.
    public func country(containing point: Point, hint: CountryCode = .none) throws -> Int32? {
        let table = countryTable()
        let hinted = hint.isNone ? nil : gazetteer.countryEntry(hint)
        if let hinted, let box = table.boxes[hinted], box.contains(point), try covers(hinted, point) { return hinted }
        for area in table.areas where area.entry != hinted && area.box.contains(point) {
            if try covers(area.entry, point) { return area.entry }
        }
        return nil
    }

    /// The admin-1 entry of `country` whose polygon covers `point`; `hint` is tried first.
    public func admin1(containing point: Point, in country: CountryCode, hint: Int32? = nil) throws -> Int32? {
        let table = admin1Table(country)
        if let hint, let box = table.boxes[hint], box.contains(point), try covers(hint, point) { return hint }
        for area in table.areas where area.entry != hint && area.box.contains(point) {
            if try covers(area.entry, point) { return area.entry }
        }
        return nil
    }

    // MARK: Tables

    private struct AreaTable: Sendable {
        var areas: [(entry: Int32, box: BoundingBox)] = []
        var boxes: [Int32: BoundingBox] = [:]

        init(_ entries: some Sequence<Int32>, _ gazetteer: Gazetteer) {
            for entry in entries {
                guard let wkb = gazetteer.shapeWKB(entry), let box = try? WKBEnvelope.of(wkb) else { continue }
                areas.append((entry, box))
                boxes[entry] = box
            }
            // Smallest first: an enclave is tested before the country around it.
            areas.sort { $0.box.width * $0.box.height < $1.box.width * $1.box.height }
        }
    }

    private func countryTable() -> AreaTable {
        countryAreas.withLock { table in
            if let table { return table }
            let built = AreaTable(gazetteer.allEntries.lazy.filter { [gazetteer] in
                gazetteer.kind($0) == .country && gazetteer.hasShape($0)
            }, gazetteer)
            table = built
            return built
        }
    }

    private func admin1Table(_ country: CountryCode) -> AreaTable {
        if let table = admin1Areas.withLock({ $0[country] }) { return table }
        let entries = admin1Entries.withLock { grouped in
            if let grouped { return grouped[country] ?? [] }
            var built: [CountryCode: [Int32]] = [:]
            for entry in gazetteer.allEntries where gazetteer.kind(entry) == .admin1 && gazetteer.hasShape(entry) {
                built[gazetteer.country(entry), default: []].append(entry)
            }
            grouped = built
            return built[country] ?? []
        }
        let table = AreaTable(entries, gazetteer)
        return admin1Areas.withLock { tables in
            if let existing = tables[country] { return existing }
            tables[country] = table
            return table
        }
    }

    // MARK: Prepared polygons

    /// One polygon's prepared geometry, built by the first thread that needs it while others wait.
    private final class PreparedCell: Sendable {
        let geometry: Mutex<PreparedGeometry?> = Mutex(nil)
    }

    private func covers(_ entry: Int32, _ point: Point) throws -> Bool {
        let cell = prepared.withLock { cells in
            if let cell = cells[entry] { return cell }
            let cell = PreparedCell()
            cells[entry] = cell
            return cell
        }
        let polygon = try cell.geometry.withLock { geometry throws -> PreparedGeometry in
            if let geometry { return geometry }
            guard let shape = try gazetteer.shape(entry) else {
                throw GeoMapError.badData(path: gazetteer.files.shapes, line: nil, reason: "entry \(gazetteer.id(entry)) has no shape")
            }
            let built = try PreparedGeometry(shape)
            geometry = built
            return built
        }
        return try polygon.covers(point)
    }
}

private let sharedIndexes = Mutex<[ObjectIdentifier: ContainmentIndex]>([:])
