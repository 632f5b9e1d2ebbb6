/// The features the recognition model scores a candidate span by. Each is a fact about the span
/// and its neighbourhood that holds in any news text; the model's weights say how much each
/// counts. `Scripts/train-models` fits the weights on the development corpora.
public enum MentionFeature: Int, CaseIterable, Sendable {
    case bias
    case allCaps
    case sentenceStart
    case commonWord
    case commonWordAtSentenceStart
    case firstName
    case firstNameBeforeCapitalized
    case afterFirstName
    case afterTitle
    case afterCapitalized
    case beforeCapitalized
    case afterLocativePreposition
    case beforeCommaPlace
    case afterCommaPlace
    case insideOrganisation
    case beforeOrganisationHead
    case beforeInstitutionHead
    case demonym
    case abbreviation
    case alternateNameOnly
    case lowercaseNameOnly
    case nonLatinNameOnly
    case logPopulation
    case countryOrAdmin1
    case multiToken
    case candidateCount
    case beforeSpeechVerb
    case personSurnameInDocument
    case sameNameElsewhere
    case hashtag
    case adminSuffix
    case geographicHead
    case possessive
    case shortToken
    case calendarWord
    case beforeHyphenWord
    case allCapsSentence
    case functionWord
    case regionOrPhysical
    case afterThe
    case placesInSentence
    case afterPlaceIntroducer
    case describedAsPlace
    case sameNameRecognisedElsewhere
    /// In a list with other places (`Borivske, Voronove and Syrotyne`): the likeliest neighbour's probability.
    case listedWithPlaces
    /// The name was matched one letter away from what is written (`Severodonetk`).
    case fuzzyMatch
}

/// A feature vector, indexed by `MentionFeature`.
public struct FeatureVector: Sendable {
    public var values = [Float](repeating: 0, count: MentionFeature.allCases.count)

    public init() {}

    public init(values: [Float]) {
        precondition(values.count == MentionFeature.allCases.count, "one value per feature")
        self.values = values
    }

    @inline(__always)
    public subscript(_ feature: MentionFeature) -> Float {
        get { values[feature.rawValue] }
        set { values[feature.rawValue] = newValue }
    }
}
