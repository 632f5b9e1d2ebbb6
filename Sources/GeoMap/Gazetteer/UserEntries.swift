/// Which entries of a merged gazetteer are the analyst's own (`UserGazetteer`), with the ids they
/// gave them: read from the merge's `user-places.tsv`; empty for the bundled gazetteer.
struct UserEntryTable: Sendable {
    private var userIDs: [Int64: String] = [:]

    static let none = UserEntryTable()
    private init() {}

    init(directory: String) throws {
        let path = directory + "/" + UserGazetteer.userPlacesFile
        guard GazetteerFiles.exists(path) else { return }
        let file = try MappedFile(path: path)
        var lines = TSVLines(file.view)
        _ = lines.next()
        var fields: [ByteView] = []
        while let (_, line) = lines.next() {
            if line.isEmpty { continue }
            splitFields(line, separator: 0x09, into: &fields)
            guard fields.count >= 2, let id = fields[0].int64 else {
                throw GeoMapError.badData(path: path, line: lines.lineNumber, reason: "malformed row")
            }
            userIDs[id] = fields[1].string
        }
    }

    var isEmpty: Bool { userIDs.isEmpty }
    subscript(id: Int64) -> String? { userIDs[id] }
}

extension Gazetteer {
    /// Whether any entry is the analyst's own (`--places`).
    public var hasUserPlaces: Bool { !userEntries.isEmpty }

    /// Whether the entry comes from the analyst's own places rather than the bundled gazetteer.
    @inline(__always)
    public func isUserEntry(_ entry: Int32) -> Bool {
        !userEntries.isEmpty && id(entry) >= UserGazetteer.idBase && userEntries[id(entry)] != nil
    }

    /// The id the analyst gave the entry (the feature's `id`, `properties.id`, or `FILE:N`);
    /// nil for a bundled entry.
    public func userID(_ entry: Int32) -> String? {
        userEntries.isEmpty ? nil : userEntries[id(entry)]
    }

    /// Whether a name key is on the analyst's ignore list (`--ignore`): never a mention.
    @inline(__always)
    public func ignoresName(keyHash: UInt64) -> Bool { !ignoredNames.isEmpty && ignoredNames.contains(keyHash) }
}
