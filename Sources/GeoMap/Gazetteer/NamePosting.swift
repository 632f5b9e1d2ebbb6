/// How a name belongs to an entry.
public enum NameType: UInt8, Sendable, BitwiseCopyable {
    case primary = 0
    case alternate = 1
    /// An abbreviation or code, matched only in its exact letter case (`U.S.`, `Calif.`).
    case abbreviation = 2
    /// A demonym or adjective (`Ukrainian`, `Ukrainians`).
    case demonym = 3
}

/// Facts about the written name behind a posting.
public struct NameFlags: OptionSet, Sendable, Hashable, BitwiseCopyable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// Written entirely in lower case (GeoNames keeps many machine transliterations so).
    public static let lowercase = NameFlags(rawValue: 1 << 0)
    /// Has letters outside the Latin script.
    public static let nonLatin = NameFlags(rawValue: 1 << 1)
    /// Has a digit.
    public static let digit = NameFlags(rawValue: 1 << 2)
}

/// One entry reachable under a name key.
public struct NamePosting: Sendable, Hashable {
    public var entry: Int32
    public var type: NameType
    public var flags: NameFlags
    /// For abbreviations: a 16-bit hash of the exact letters (see `CaseSignature`).
    public var caseSignature: UInt16
}

/// A 16-bit hash of the ASCII letters of a written form, case kept and everything else skipped,
/// so that `U.S.` and `US` agree but `Us` does not.
public enum CaseSignature {
    @inlinable
    public static func of(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var hash: UInt32 = 2166136261
        for byte in bytes where (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
            hash = (hash ^ UInt32(byte)) &* 16777619
        }
        return UInt16(truncatingIfNeeded: hash ^ (hash >> 16))
    }

    public static func of(_ string: String) -> UInt16 {
        of(string.utf8)
    }
}

/// Word lists the recognition filters consult, keyed like names.
public struct LexiconFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// A lower-case English dictionary word.
    public static let commonWord = LexiconFlags(rawValue: 1 << 0)
    public static let firstName = LexiconFlags(rawValue: 1 << 1)
    /// The whole key names an organisation, agency, medium or company.
    public static let organisation = LexiconFlags(rawValue: 1 << 2)
}
