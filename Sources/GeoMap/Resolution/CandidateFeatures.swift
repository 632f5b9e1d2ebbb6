/// The features of one candidate entry for a mention. The resolver's score is the dot product
/// with `ResolutionModel` weights: prior features (population, kind, rank, how the name matched)
/// and context features (the article's countries and provinces, qualifiers, nearness).
public enum CandidateFeature: Int, CaseIterable, Sendable {
    case logPopulation
    case country
    case admin1
    case admin2
    case region
    case water
    case landform
    case landmark
    case capital
    case adminSeat1
    case adminSeat2
    case adminSeatLower
    case section
    case alternateName
    case abbreviationName
    case lowercaseName
    case nonLatinName
    case largestPopulation
    case countryContext
    case admin1Context
    case containsContext
    case proximity
    case qualifierInside
    case qualifierContains
    case noPopulation
    /// Other mentions of the article have a candidate within 25 km.
    case colocatedNear
    /// Other mentions of the article have a candidate within 150 km.
    case colocatedRegion
    /// The candidate is the capital or seat of an admin-1 unit of the same name among the candidates (Moscow).
    case seatOfSameNamedUnit
    /// The candidate is an admin-1 unit whose capital or seat of the same name is among the candidates.
    case unitOfSameNamedSeat
}

/// Weights over `CandidateFeature`s.
public struct ResolutionModel: Sendable {
    public var weights: [Double]
    /// A mention whose best candidate scores below this has no good candidate: it is listed
    /// without a place rather than with a wrong one.
    public var noGoodCandidateBelow: Double

    public init(weights: [Double], noGoodCandidateBelow: Double = -.infinity) {
        precondition(weights.count == CandidateFeature.allCases.count, "one weight per feature")
        self.weights = weights
        self.noGoodCandidateBelow = noGoodCandidateBelow
    }

    public subscript(_ feature: CandidateFeature) -> Double { weights[feature.rawValue] }

    /// The trained weights when they were fitted for the current features, else the hand-set ones.
    public static let standard: ResolutionModel = trained(weights: TrainedWeightsResolution.weights,
                                                          features: TrainedWeightsResolution.features,
                                                          noGoodCandidateBelow: TrainedWeightsResolution.noGoodCandidateBelow) ?? handSet

    /// A trained model, or nil when `features` (the names `Scripts/train-models` wrote beside the
    /// weights) are not `CandidateFeature`'s cases in order, or there is not one weight per name.
    static func trained(weights: [Double], features: [String], noGoodCandidateBelow: Double) -> ResolutionModel? {
        guard weights.count == features.count, FeatureNames.match(features, CandidateFeature.self) else { return nil }
        return ResolutionModel(weights: weights, noGoodCandidateBelow: noGoodCandidateBelow)
    }

    /// Weights set by hand from what the corpora show; `Scripts/train-models` fits better ones.
    public static let handSet: ResolutionModel = {
        var w = [Double](repeating: 0, count: CandidateFeature.allCases.count)
        func set(_ feature: CandidateFeature, _ value: Double) { w[feature.rawValue] = value }
        set(.logPopulation, 0.55); set(.country, 4.5); set(.admin1, 2.2); set(.admin2, 0.3); set(.region, 2.6)
        set(.water, 2.6); set(.landform, 2.0); set(.landmark, 1.2); set(.capital, 2.0); set(.adminSeat1, 1.0)
        set(.adminSeat2, 0.4); set(.adminSeatLower, 0.1); set(.section, -1.0); set(.alternateName, -0.6)
        set(.abbreviationName, 0.5); set(.lowercaseName, -2.5); set(.nonLatinName, -1.5)
        set(.largestPopulation, 0.5); set(.countryContext, 1.4); set(.admin1Context, 2.2); set(.containsContext, 1.0)
        set(.proximity, -0.45); set(.qualifierInside, 5.0); set(.qualifierContains, 2.5); set(.noPopulation, 0)
        set(.colocatedNear, 1.0); set(.colocatedRegion, 0.5)
        set(.seatOfSameNamedUnit, 1.0); set(.unitOfSameNamedSeat, -1.0)
        return ResolutionModel(weights: w)
    }()
}
