#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bundled gazetteer with the analyst's own places (`--places`) merged in.
///
/// The merge is a gazetteer directory of its own, made once per content: `places.tsv` is the
/// bundled file with one row per user place appended, `shapes.wkb` the bundled shapes with the
/// user polygons appended, `user-places.tsv` the user ids of those rows, and the other inputs are
/// links to the bundled files. The index is then built from it like any gazetteer's, so user
/// entries are matched, scored and resolved exactly as bundled ones. The directory is named by a
/// hash of the bundled index's key and every user file's path and bytes, so editing a file makes
/// a new merge (and so a new index); the one it replaces for the same files is removed.
enum UserGazetteer {
    /// User entries' ids are `idBase + h`, h from a hash of the user id (so an entry keeps its id
    /// when other features are added); above every bundled id, so the merged rows stay sorted.
    static let idBase: Int64 = 3_000_000_000
    static let idSpan: Int64 = 1 << 31
    /// Bump when the merged files change form.
    static let mergeVersion = 1
    static let userPlacesFile = "user-places.tsv"

    static func open(bundled: Gazetteer, places paths: [String], cacheDirectory: String?,
                     warning: @escaping (String) -> Void) throws -> Gazetteer {
        var contents: [(path: String, bytes: [UInt8])] = []
        for path in paths {
            let file = try MappedFile(path: path)
            contents.append((path, Array(file.view)))
        }
        var hash = NameHash.seed
        func add(_ bytes: some Sequence<UInt8>) { for byte in bytes { hash = NameHash.add(byte, to: hash) } }
        add(IndexCache.hex(bundled.indexBytes.load(at: IndexLayout.Header.fingerprint, as: UInt64.self)).utf8)
        add("merge \(mergeVersion) \(bundled.files.directory)".utf8)
        var pathHash = NameHash.seed
        // By absolute path: the same relative name in two directories is two sets of places.
        for (path, bytes) in contents {
            let absolutePath = absolute(path)
            add(absolutePath.utf8); add([0]); add(String(bytes.count).utf8); add([0]); add(bytes)
            for byte in absolutePath.utf8 + [0] { pathHash = NameHash.add(byte, to: pathHash) }
        }
        let root = mergeRoot(cacheDirectory)
        let prefix = "user-" + IndexCache.hex(pathHash) + "-"
        let directory = root + "/" + prefix + IndexCache.hex(hash)
        if GazetteerFiles.exists(directory + "/" + userPlacesFile) {
            // Marks the merge as in use, so `prune` keeps it.
            _ = utimes(directory + "/" + userPlacesFile, nil)
        } else {
            let places = try paths.flatMap { try UserPlaceFile.read($0, bundled: bundled) }
            try build(places, from: bundled, into: directory)
            prune(root, prefix: prefix, keeping: directory, cacheDirectory: cacheDirectory)
        }
        return try Gazetteer.open(GazetteerFiles(directory: directory), cacheDirectory: cacheDirectory, warning: warning)
    }

    /// Where merges are made: the index cache when it can be written, else a directory of this
    /// account's under /tmp.
    static func mergeRoot(_ cacheDirectory: String?) -> String {
        if let cacheDirectory, IndexCache.prepare(cacheDirectory) == .writable { return cacheDirectory }
        let fallback = "/tmp/geomap-\(geteuid())"
        _ = IndexCache.makeDirectories(fallback)
        return fallback
    }

    /// Writes the merged directory under a temporary name and renames it into place (a process
    /// that made the same merge first wins; its directory is the same).
    static func build(_ places: [UserPlace], from bundled: Gazetteer, into directory: String) throws {
        let ids = try assignIDs(places)
        let order = places.indices.sorted { ids[$0] < ids[$1] }
        let temporary = directory + ".tmp-\(getpid())"
        removeTree(temporary)
        guard mkdir(temporary, 0o755) == 0 else { throw GeoMapError.io(path: temporary, reason: systemErrorDescription()) }
        do {
            let source = bundled.files
            // The table, bundled rows first.
            var table = try AtomicFileWriter(path: temporary + "/places.tsv", overwrite: true)
            let view = bundled.places.view
            var start = 0
            while start < view.count {
                let end = min(view.count, start + 1 << 20)
                try table.write(view.extracting(start..<end))
                start = end
            }
            if view.count > 0 && view[view.count - 1] != 0x0A { try table.write("\n") }
            let columns = bundled.hasRadius ? Gazetteer.radiusColumn + 1 : Gazetteer.radiusColumn
            for k in order { try table.write(row(places[k], id: ids[k], columns: columns)) }
            try table.commit()

            // The shapes, bundled records first (the count in the header grows).
            let polygons = order.compactMap { k in places[k].shape.map { (ids[k], $0.wkb()) } }
            var shapes = try AtomicFileWriter(path: temporary + "/shapes.wkb", overwrite: true)
            var count: UInt32 = 0
            var bundledRecords = ByteView.empty
            if let file = bundled.shapes, file.view.count >= 12 {
                count = file.view.load(at: 8, as: UInt32.self)
                bundledRecords = file.view.extracting(from: 12)
            }
            var header = ShapeDirectory.magic
            forEachByte(ofLittleEndian: count + UInt32(polygons.count)) { header.append($0) }
            try shapes.write(header)
            start = 0
            while start < bundledRecords.count {
                let end = min(bundledRecords.count, start + 1 << 20)
                try shapes.write(bundledRecords.extracting(start..<end))
                start = end
            }
            for (id, wkb) in polygons {
                var record: [UInt8] = []
                forEachByte(ofLittleEndian: id) { record.append($0) }
                forEachByte(ofLittleEndian: UInt32(wkb.count)) { record.append($0) }
                try shapes.write(record + wkb)
            }
            try shapes.commit()

            var users = "id\tuser_id\tfile\n"
            for k in order { users += "\(ids[k])\t\(places[k].userID.tabsAsSpaces)\t\(places[k].path.tabsAsSpaces)\n" }
            try writeAtomically(Array(users.utf8), to: temporary + "/" + userPlacesFile)

            for (name, target) in [("demonyms.tsv", source.demonyms), ("lexicon", source.directory + "/lexicon"),
                                   ("curated", source.directory + "/curated"), ("SOURCES.md", source.sources)]
                where GazetteerFiles.exists(target) {
                guard symlink(absolute(target), temporary + "/" + name) == 0 else {
                    throw GeoMapError.io(path: temporary + "/" + name, reason: systemErrorDescription())
                }
            }
        } catch {
            removeTree(temporary)
            throw error
        }
        if rename(temporary, directory) != 0 {
            let reason = systemErrorDescription()
            removeTree(temporary)
            // Another process made the same merge at the same time.
            guard GazetteerFiles.exists(directory + "/" + userPlacesFile) else { throw GeoMapError.io(path: directory, reason: reason) }
        }
    }

    /// One row of `places.tsv` (columns in ARCHITECTURE.md).
    static func row(_ place: UserPlace, id: Int64, columns: Int) -> String {
        func decimal(_ value: Double) -> String {
            var json = JSONBytes(capacity: 16)
            json.decimal(value, places: 5)
            return String(decoding: json.bytes, as: UTF8.self)
        }
        var fields = [String(id), place.kind.description, place.name, place.country.description, place.admin1,
                      decimal(place.lat), decimal(place.lon), String(place.population),
                      place.kind == .place ? "PPL" : "", place.shape == nil ? "" : "polygon",
                      ([place.name] + place.aliases.sorted()).joined(separator: "|"), ""]
        if columns > fields.count { fields.append("") }
        return fields.joined(separator: "\t") + "\n"
    }

    /// Each place's id: from its user id's hash, the next free one on a collision; a user id
    /// given twice is an error naming both features.
    static func assignIDs(_ places: [UserPlace]) throws -> [Int64] {
        var taken: Set<Int64> = []
        var firstOf: [String: Int] = [:]
        var ids: [Int64] = []
        for (k, place) in places.enumerated() {
            if let first = firstOf[place.userID] {
                let other = places[first]
                let where_ = other.path == place.path ? "" : " of \(other.path)"
                throw GeoMapError.badData(path: place.path, line: nil,
                                          reason: "feature \(place.position) (\"\(place.name)\"): id \"\(place.userID)\" is also feature \(other.position)\(where_)'s")
            }
            firstOf[place.userID] = k
            var hash = NameHash.seed
            for byte in place.userID.utf8 { hash = NameHash.add(byte, to: hash) }
            var id = idBase + Int64(hash % UInt64(idSpan))
            while taken.contains(id) { id = id + 1 < idBase + idSpan ? id + 1 : idBase }
            taken.insert(id)
            ids.append(id)
        }
        return ids
    }

    /// A merge of other files unused this long is removed when a new merge is made.
    static let unusedDays = 14

    /// Removes, with their cached indexes, the merges of the same files that this one replaces,
    /// and those of other files not used for `unusedDays` (each merge is about the size of the
    /// bundled gazetteer and its index).
    static func prune(_ root: String, prefix: String, keeping: String, cacheDirectory: String?) {
        let names = DirectoryEntries.names(in: root)
        let now = time(nil)
        func unused(_ path: String) -> Bool {
            var status = stat()
            guard stat(path + "/" + userPlacesFile, &status) == 0 else { return false }
            return now - status.st_mtim.tv_sec > unusedDays * 86_400
        }
        for name in names where name.hasPrefix("user-") && root + "/" + name != keeping && !name.contains(".tmp-") {
            let old = root + "/" + name
            guard name.hasPrefix(prefix) || unused(old) else { continue }
            if let cacheDirectory, GazetteerFiles.exists(old + "/places.tsv"),
               let key = try? IndexCache.cacheKey(GazetteerFiles(directory: old), directory: cacheDirectory, recordMemo: false) {
                let suffix = IndexCache.hex(key) + "-v\(IndexLayout.formatVersion)"
                unlink(cacheDirectory + "/index-" + suffix + ".bin")
                unlink(cacheDirectory + "/verified-" + suffix)
            }
            removeTree(old)
        }
    }

    /// Removes a merge directory: its files and links, then itself.
    static func removeTree(_ path: String) {
        guard GazetteerFiles.exists(path) else { return }
        for name in DirectoryEntries.names(in: path) { unlink(path + "/" + name) }
        rmdir(path)
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return (GazetteerFiles.currentDirectory() ?? ".") + "/" + path
    }
}

extension String {
    fileprivate var tabsAsSpaces: String { String(map { $0 == "\t" || $0.isNewline ? " " : $0 }) }
}
