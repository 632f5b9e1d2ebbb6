/// One toponym found in a document, resolved: where it is in the text, what it is, and the entry
/// chosen for it.
public struct ExtractedMention: Sendable {
    /// UTF-8 byte offsets into the document text.
    public var byteStart: Int
    public var byteEnd: Int
    /// Unicode code-point offsets (Python string indices).
    public var start: Int
    public var end: Int
    /// Byte range of the sentence holding the mention.
    public var sentenceByteStart: Int
    public var sentenceByteEnd: Int
    public var role: MentionRole
    /// The chosen gazetteer entry, or nil when no candidate was good enough.
    public var entry: Int32?
    /// Probability that the span is a toponym at all.
    public var recognitionProbability: Double
    /// Probability of the chosen entry among the candidates.
    public var resolutionProbability: Double
    public var runnerUp: Int32?
    public var runnerUpProbability: Double
    /// A mention of kind `coordinate`: the position written in the text.
    public var coordinate: TextCoordinate? = nil
    /// The anchor of `30 km south of X`: the phrase and the point it names.
    public var offset: RelativeOffset? = nil

    /// Overall confidence in the mention and its place, 0…1.
    public var confidence: Double { recognitionProbability * resolutionProbability }
}
