/// How to read an input: as one text document per file, or as JSON Lines records.
public enum InputFormat: String, Sendable, CaseIterable {
    case auto
    case text
    case jsonl

    /// The format of a path under `auto`: `.jsonl`/`.ndjson` files are JSON Lines, and so are
    /// `.jsonl.gz`/`.ndjson.gz` (a `.gz` file is read by the name under it). Standard input is
    /// sniffed when it is read (`StandardInputSniff`); here it is `text`.
    public func resolved(for path: String) -> InputFormat {
        guard self == .auto else { return self }
        var lower = path.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .text
    }
}
