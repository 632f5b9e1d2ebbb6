/// How to read an input: as one text document per file, or as JSON Lines records.
public enum InputFormat: String, Sendable, CaseIterable {
    case auto
    case text
    case jsonl

    /// The format of a path under `auto`: `.jsonl`/`.ndjson` files are JSON Lines.
    public func resolved(for path: String) -> InputFormat {
        guard self == .auto else { return self }
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .text
    }
}
