/// Whether a mention names a place, uses a demonym/adjective (`Ukrainian`) linked to one, or
/// writes a position as numbers (`47.5N 35.2E`, `37U DQ 12345 67890`).
public enum MentionRole: UInt8, Sendable, Codable, BitwiseCopyable, CaseIterable {
    case place
    case demonym
    case coordinate

    public var name: String {
        switch self {
        case .place: return "place"
        case .demonym: return "demonym"
        case .coordinate: return "coordinate"
        }
    }
}

/// The kind of unit a phrase asks for: `Luhansk region` (admin-1), `Laurel County` (admin-2).
public enum AdminPreference: UInt8, Sendable, BitwiseCopyable {
    case none
    case admin1
    case admin2
    /// `the city of X`, `the town of X`.
    case locality
}

/// A span of the text the recognizer found in the gazetteer, with its candidate entries.
public struct Mention: Sendable {
    /// Tokens `firstToken..<endToken` of the document.
    public var firstToken: Int32
    public var endToken: Int32
    /// The tokens whose key was found (a suffix such as "region" or a head noun such as "River"
    /// may extend the mention beyond them).
    public var nameEndToken: Int32
    public var keyHash: UInt64
    public var candidates: PostingList
    public var role: MentionRole
    public var adminPreference: AdminPreference
    /// The name goes on with a geographic head noun the gazetteer does not know as one name
    /// (`Neches River`): the whole span is the mention, located by the inner name.
    public var unknownHead: Bool
    /// Probability that the span is a toponym, from the recognition model.
    public var probability: Float
    /// Index of a mention that qualifies this one (`Paris, Texas` → Texas), or -1.
    public var qualifier: Int32
    /// For abbreviation postings: the case signature of the written span.
    public var caseSignature: UInt16
    /// What separates the mention from the token before it.
    public var gapBefore: TokenGap
    /// The name was matched one letter away from what is written (`FuzzyKeys`).
    public var fuzzy: Bool
}

extension Mention {
    /// Only a comma or an opening bracket separates this mention from the one before
    /// (`Paris, Texas`, `Springfield (Illinois)`): it may qualify it.
    public var followsAsQualifier: Bool {
        (gapBefore.contains(.comma) || gapBefore.contains(.openBracket))
            && gapBefore.isSubset(of: [.comma, .space, .openBracket])
    }
}

