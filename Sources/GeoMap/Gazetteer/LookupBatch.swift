/// `lookup --batch`: the best entry for every line of a file, one output line per input line
/// (`-` for a name longer than `PlaceLookup.maximumNameLength`, with a warning naming the line).
public struct LookupBatch {
    public let lookup: PlaceLookup
    public let filter: PlaceLookup.Filter

    public init(lookup: PlaceLookup, filter: PlaceLookup.Filter) {
        self.lookup = lookup
        self.filter = filter
    }

    public func run(path: String) throws {
        let reader = try LineReader(path: path)
        let sink = OutputSink()
        var out = JSONBytes(capacity: 1 << 16)
        let gazetteer = lookup.gazetteer
        while let line = try reader.nextLine({ String(decoding: $0, as: UTF8.self) }) {
            let name = line.hasSuffix("\r") ? String(line.dropLast()) : line
            out.bytes.append(contentsOf: name.utf8.map { $0 == 0x09 ? 0x20 : $0 })
            do {
                try PlaceLookup.checkLength(of: name)
            } catch {
                writeToStandardError("geomap: warning: \(path):\(reader.lineNumber): \(error)\n")
            }
            if let best = lookup.candidates(for: name, filter: filter).first {
                let entry = best.entry
                out.bytes.append(contentsOf: Array("\t\(gazetteer.id(entry))\t\(gazetteer.kind(entry))\t\(gazetteer.name(entry))\t\(best.match.rawValue)\n".utf8))
            } else {
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
