/// A country and admin-1 code (`UA` + `14`): what links an entry to its admin-1 unit.
struct Admin1Key: Hashable {
    var country: UInt16
    /// The code's bytes, when it has 8 or fewer.
    var packed: UInt64
    var length: Int
    /// The code, when it is longer.
    var long: String?

    init(country: UInt16, code: ByteView) {
        self.country = country
        length = code.count
        var packed: UInt64 = 0
        if code.count <= 8 {
            for (k, byte) in code.enumerated() { packed |= UInt64(byte) << UInt64(8 * k) }
            long = nil
        } else {
            long = code.string
        }
        self.packed = packed
    }

    var isEmpty: Bool { length == 0 }

    func hash(into hasher: inout Hasher) {
        hasher.combine(packed ^ UInt64(country) << 48 ^ UInt64(length) << 40)
        if let long { hasher.combine(long) }
    }
}

/// The rows of one line-aligned range of places.tsv: entry records (numbered from 0 in the chunk,
/// admin-1 parents still unset) and the postings of their names.
struct PlaceChunk {
    struct Row {
        var id: Int64
        var kind: PlaceKind
        var admin1: Admin1Key
    }

    var entries: [UInt8] = []
    var rows: [Row] = []
    var names: NameSink
    /// Lines read, blank ones included.
    var lineCount = 0
    /// The chunk-relative line number of the first malformed row; parsing stops there.
    var failure: Int?

    private static let blankEntry = [UInt8](repeating: 0, count: IndexLayout.entrySize)

    /// With `hasRadius` (the header names the radius column), every row has exactly 13 fields and
    /// the last is empty or a radius, so `Gazetteer.radiusKm(of:)` can read it from the row's end.
    init(parsing file: ByteView, range: Range<Int>, shapes: ShapeDirectory, source: UInt8, hasRadius: Bool = false) {
        names = NameSink(source: source)
        let estimatedRows = range.count / 90 + 16
        entries.reserveCapacity(estimatedRows * IndexLayout.entrySize)
        rows.reserveCapacity(estimatedRows)
        names.postings.reserveCapacity(estimatedRows * 3)
        names.keyBytes.reserveCapacity(range.count / 2)
        var fields: [ByteView] = []
        fields.reserveCapacity(16)
        var position = range.lowerBound
        while position < range.upperBound {
            // A line, as TSVLines reads it: up to `\n`, without a trailing `\r`.
            let start = position
            var end = file.firstIndex(of: 0x0A, from: start, to: range.upperBound) ?? range.upperBound
            position = end + 1
            lineCount += 1
            if end > start && file[end - 1] == 0x0D { end -= 1 }
            if end == start { continue }
            splitFields(file.extracting(start..<end), separator: 0x09, into: &fields)
            guard fields.count >= 12,
                  let id = fields[0].int64,
                  let kind = PlaceKind(bytes: fields[1]),
                  let lat = fields[5].decimal, let lon = fields[6].decimal,
                  lat.isFinite, lon.isFinite,
                  !hasRadius || (fields.count == Gazetteer.radiusColumn + 1
                                 && (fields[Gazetteer.radiusColumn].isEmpty || Gazetteer.radius(fields[Gazetteer.radiusColumn]) != nil))
            else {
                failure = lineCount
                return
            }
            let country = CountryCode(bytes: fields[3]) ?? .none
            let population = UInt32(clamping: fields[7].int64 ?? 0)
            let feature = FeatureCode(bytes: fields[8])
            let entry = Int32(rows.count)
            let shape = shapes.location(of: id)
            rows.append(Row(id: id, kind: kind, admin1: Admin1Key(country: country.packed, code: fields[4])))

            let base = entries.count
            entries.append(contentsOf: PlaceChunk.blankEntry)
            do {
                @inline(__always) func put<T: FixedWidthInteger & BitwiseCopyable>(_ value: T, _ field: Int) {
                    entries.storeLittleEndian(value, at: base + field)
                }
                put(id, IndexLayout.Entry.id)
                put(lat.bitPattern, IndexLayout.Entry.lat)
                put(lon.bitPattern, IndexLayout.Entry.lon)
                put(population, IndexLayout.Entry.population)
                put(UInt32(start), IndexLayout.Entry.rowOffset)
                put(UInt32(shape?.offset ?? 0), IndexLayout.Entry.shapeOffset)
                put(UInt32(shape?.length ?? 0), IndexLayout.Entry.shapeLength)
                put(Int32(-1), IndexLayout.Entry.admin1Entry)
                put(country.packed, IndexLayout.Entry.country)
                put(kind.rawValue, IndexLayout.Entry.kind)
                put(feature.rawValue, IndexLayout.Entry.feature)
            }

            var type = NameType.primary
            forEachField(fields[10], separator: UInt8(ascii: "|")) { name in
                names.add(name, entry: entry, type: type, stripUnitSuffix: kind == .admin1)
                type = .alternate
            }
            forEachField(fields[11], separator: UInt8(ascii: "|")) { abbreviation in
                names.add(abbreviation, entry: entry, type: .abbreviation)
            }
        }
    }
}

extension PlaceKind {
    private static let names: [([UInt8], PlaceKind)] = PlaceKind.allCases.map { (Array($0.description.utf8), $0) }

    /// The kind named by these bytes (as `init(name:)`).
    init?(bytes: ByteView) {
        guard let match = PlaceKind.names.first(where: { $0.0.elementsEqual(bytes) }) else { return nil }
        self = match.1
    }
}

extension FeatureCode {
    private static let byteCodes: [([UInt8], FeatureCode)] = FeatureCode.codes.map { (Array($0.0.utf8), $0.1) }

    /// The feature named by these bytes (as `init(code:)`).
    init(bytes: ByteView) {
        if bytes.isEmpty { self = .none; return }
        self = FeatureCode.byteCodes.first(where: { $0.0.elementsEqual(bytes) })?.1 ?? .other
    }
}

extension CountryCode {
    /// As `init(_:)`, from bytes.
    init?(bytes: ByteView) {
        guard bytes.count == 2 else { return nil }
        func upper(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
        let first = upper(bytes[0]), second = upper(bytes[1])
        guard (0x41...0x5A).contains(first), (0x41...0x5A).contains(second) else { return nil }
        self.init(packed: UInt16(first) << 8 | UInt16(second))
    }
}
