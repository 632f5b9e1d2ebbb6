/// `lookup --batch`: the best entry for every line of a file, one output line per input line
/// (`-` for a name longer than `PlaceLookup.maximumNameLength`, with a warning naming the line).
/// As `lines`, the name, a tab, and the entry's id, kind, name and match tab-separated (or `-`);
/// as `json`, JSON Lines: `{"name": …, "best": {the entry as `lookup --format json` writes it,
/// "match"} or null}`.
public struct LookupBatch {
    public enum Style: Sendable { case lines, json }

    public let lookup: PlaceLookup
    public let filter: PlaceLookup.Filter
    public let style: Style

    public init(lookup: PlaceLookup, filter: PlaceLookup.Filter, style: Style = .lines) {
        self.lookup = lookup
        self.filter = filter
        self.style = style
    }

    public func run(path: String) throws {
        let reader = try LineReader(path: path)
        let sink = OutputSink()
        var out = JSONBytes(capacity: 1 << 16)
        let gazetteer = lookup.gazetteer
        while let line = try reader.nextLine({ String(decoding: $0, as: UTF8.self) }) {
            let name = line.hasSuffix("\r") ? String(line.dropLast()) : line
            do {
                try PlaceLookup.checkLength(of: name)
            } catch {
                writeToStandardError("geomap: warning: \(path):\(reader.lineNumber): \(error)\n")
            }
            let best = lookup.candidates(for: name, filter: filter).first
            if style == .json {
                out.raw("{\"name\":")
                out.string(name)
                out.raw(",\"best\":")
                if let best {
                    var entry = JSONBytes(capacity: 256)
                    EntryFields(best.entry, in: gazetteer).appendJSON(to: &entry)
                    out.bytes.append(contentsOf: entry.bytes.dropLast())
                    out.raw(",\"match\":")
                    out.string(best.match.rawValue)
                    out.raw("}")
                } else {
                    out.raw("null")
                }
                out.raw("}\n")
            } else if let best {
                out.bytes.append(contentsOf: name.utf8.map { $0 == 0x09 ? 0x20 : $0 })
                let entry = best.entry
                out.bytes.append(contentsOf: Array("\t\(gazetteer.id(entry))\t\(gazetteer.kind(entry))\t\(gazetteer.name(entry))\t\(best.match.rawValue)\n".utf8))
            } else {
                out.bytes.append(contentsOf: name.utf8.map { $0 == 0x09 ? 0x20 : $0 })
                out.bytes.append(contentsOf: Array("\t-\n".utf8))
            }
            if out.bytes.count > 1 << 15 {
                try sink.write(out.bytes)
                out.bytes.removeAll(keepingCapacity: true)
            }
        }
        try sink.write(out.bytes)
    }
}
