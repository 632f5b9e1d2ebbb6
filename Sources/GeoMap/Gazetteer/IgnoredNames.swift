import Foundation

/// The analyst's names never to tag (`--ignore FILE`): one name a line, `#` starts a comment,
/// blank lines skipped. Each is kept as its name key's hash, the key the gazetteer matches names
/// by, so `Luhans'k` on the list also silences `Luhansk`.
public struct IgnoredNames: Sendable {
    private var hashes: Set<UInt64> = []

    public init() {}

    public init(files: [String]) throws {
        for path in files {
            let file = try MappedFile(path: path)
            let text = String(decoding: file.view, as: UTF8.self)
            var lineNumber = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                let name = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { continue }
                guard let key = NameKey.of(trimmed) else {
                    throw GeoMapError.badData(path: path, line: lineNumber, reason: "\"\(trimmed)\" has no letters or digits to match")
                }
                hashes.insert(key.hash)
            }
        }
    }

    public var isEmpty: Bool { hashes.isEmpty }
    public var count: Int { hashes.count }
    public func contains(_ keyHash: UInt64) -> Bool { hashes.contains(keyHash) }
}
