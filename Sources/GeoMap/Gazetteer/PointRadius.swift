/// How far an entry's point may lie from the place: `places.tsv`'s last column, `radius` (km),
/// written for settlements known only by their hromada (placed at its centre). Exact points have
/// none. The index has no room for it, so it is read from the row, backwards from the row's end.
extension Gazetteer {
    /// The column's index in `places.tsv`; a gazetteer whose header does not name it has none.
    static let radiusColumn = 12
    static let radiusColumnName = "radius"

    /// True when the header line of `places` names the radius column.
    static func hasRadiusColumn(_ places: ByteView) -> Bool {
        let end = places.firstIndex(of: 0x0A, from: 0) ?? places.count
        var header = places.extracting(0..<end)
        if header.count > 0 && header[header.count - 1] == 0x0D { header = header.extracting(0..<(header.count - 1)) }
        let fields = splitFields(header, separator: 0x09)
        return fields.count == radiusColumn + 1 && fields[radiusColumn].elementsEqual(radiusColumnName.utf8)
    }

    /// The radius in km within which the place lies around its point, or nil for an exact point.
    /// Rows are in entry order (the index is built from the file in order), so the row ends where
    /// the next entry's row begins; with the column, every row has exactly 13 fields
    /// (`PlaceChunk` checks it), so the last field is the radius.
    public func radiusKm(of entry: Int32) -> Double? {
        guard hasRadius else { return nil }
        let bytes = places.view
        let start = rowOffset(entry)
        var end = Int(entry) + 1 < entryCount ? rowOffset(entry + 1) : bytes.count
        guard start < end, end <= bytes.count else { return nil }
        while end > start && (bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D) { end -= 1 }
        var fieldStart = end
        while fieldStart > start && bytes[fieldStart - 1] != 0x09 { fieldStart -= 1 }
        guard fieldStart < end else { return nil }
        return Self.radius(bytes.extracting(fieldStart..<end))
    }

    /// Whether an entry's point is approximate (it has a radius).
    public func isApproximate(_ entry: Int32) -> Bool { radiusKm(of: entry) != nil }

    /// A radius field's value: nil for an empty field; a positive finite number of km, else not a radius.
    static func radius(_ field: ByteView) -> Double? {
        guard let value = field.decimal, value.isFinite, value > 0 else { return nil }
        return value
    }
}
