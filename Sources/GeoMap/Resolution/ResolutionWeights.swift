/// The weights of the resolver's log-linear candidate score. Kept in one place so that
/// `Scripts/train-resolution` can replace them with weights fitted on the development corpora.
public struct ResolutionWeights: Sendable {
    public var logPopulation = 0.55
    /// Indexed by `PlaceKind.rawValue`.
    public var kind: [Double] = [4.5, 2.2, 0.3, 0.0, 2.6, 2.6, 2.0, 1.2]
    public var capital = 2.0
    public var adminSeat1 = 1.0
    public var adminSeat2 = 0.4
    public var alternateName = -0.6
    public var lowercaseName = -2.5
    public var nonLatinName = -1.5
    public var abbreviation = 0.5
    public var adminPreferenceMatch = 4.0
    public var adminPreferenceMismatch = -1.5
    public var localityPreferencePlace = 1.5
    public var countryContext = 1.4
    public var admin1Context = 2.2
    public var qualifierMatch = 5.0
    public var proximity = -0.45
    /// A candidate that is itself a container of other places mentioned (a country or province
    /// whose places the article names).
    public var containsContext = 1.0

    public init() {}

    public static let standard = ResolutionWeights()
}
