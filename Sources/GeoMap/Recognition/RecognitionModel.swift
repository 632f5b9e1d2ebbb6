/// Logistic model over `MentionFeature`s: the probability that a candidate span is a toponym.
public struct RecognitionModel: Sendable {
    public var weights: [Float]
    public var threshold: Float

    public init(weights: [Float], threshold: Float) {
        precondition(weights.count == MentionFeature.allCases.count, "one weight per feature")
        self.weights = weights
        self.threshold = threshold
    }

    @inline(__always)
    public func probability(_ features: FeatureVector) -> Float {
        var sum: Float = 0
        for k in 0..<weights.count { sum += weights[k] * features.values[k] }
        return 1 / (1 + expf(-sum))
    }

    /// The probability of the feature values at `row` (one per feature). Four partial sums, so
    /// that the additions do not wait on each other (a single running sum is one long chain of
    /// dependent additions, twice per proposal).
    @inline(__always)
    func probability(_ row: UnsafePointer<Float>) -> Float {
        weights.withUnsafeBufferPointer { w in
            let count = w.count
            var s0: Float = 0, s1: Float = 0, s2: Float = 0, s3: Float = 0
            var k = 0
            while k + 4 <= count {
                s0 += w[k] * row[k]
                s1 += w[k + 1] * row[k + 1]
                s2 += w[k + 2] * row[k + 2]
                s3 += w[k + 3] * row[k + 3]
                k += 4
            }
            while k < count {
                s0 += w[k] * row[k]
                k += 1
            }
            return 1 / (1 + expf(-((s0 + s1) + (s2 + s3))))
        }
    }

    /// The trained weights when they were fitted for the current features, else the hand-set ones.
    public static let standard: RecognitionModel = trained(weights: TrainedWeightsRecognition.weights,
                                                           features: TrainedWeightsRecognition.features,
                                                           threshold: TrainedWeightsRecognition.threshold) ?? handSet

    /// A trained model, or nil when `features` (the names `Scripts/train-models` wrote beside the
    /// weights) are not `MentionFeature`'s cases in order, or there is not one weight per name.
    static func trained(weights: [Float], features: [String], threshold: Float) -> RecognitionModel? {
        guard weights.count == features.count, FeatureNames.match(features, MentionFeature.self) else { return nil }
        return RecognitionModel(weights: weights, threshold: threshold)
    }

    /// Weights set by hand from the rules they encode; the trained weights replace them.
    public static let handSet: RecognitionModel = {
        var w = [Float](repeating: 0, count: MentionFeature.allCases.count)
        func set(_ feature: MentionFeature, _ value: Float) { w[feature.rawValue] = value }
        set(.bias, 1.0); set(.allCaps, -0.5); set(.sentenceStart, -0.3); set(.commonWord, -2.0)
        set(.commonWordAtSentenceStart, -1.5); set(.firstName, -0.5); set(.firstNameBeforeCapitalized, -3.0)
        set(.afterFirstName, -3.0); set(.afterTitle, -3.0); set(.afterCapitalized, -1.0); set(.beforeCapitalized, -1.0)
        set(.afterLocativePreposition, 1.5); set(.beforeCommaPlace, 1.0); set(.afterCommaPlace, 1.0)
        set(.insideOrganisation, -2.5); set(.beforeOrganisationHead, -0.5); set(.beforeInstitutionHead, 0); set(.alternateNameOnly, -0.8)
        set(.lowercaseNameOnly, -2.5); set(.nonLatinNameOnly, -2.0); set(.logPopulation, 2.0)
        set(.countryOrAdmin1, 1.5); set(.multiToken, 0.5); set(.beforeSpeechVerb, -1.5)
        set(.personSurnameInDocument, -3.0); set(.sameNameElsewhere, 0.5); set(.hashtag, 0.5)
        set(.adminSuffix, 2.0); set(.geographicHead, 1.0); set(.possessive, 0.3); set(.shortToken, -1.0)
        set(.calendarWord, -2.5); set(.allCapsSentence, -0.5); set(.functionWord, -3.0)
        set(.regionOrPhysical, 0.5); set(.placesInSentence, 0.5)
        set(.afterPlaceIntroducer, 1.5); set(.describedAsPlace, 1.5); set(.sameNameRecognisedElsewhere, 1.0)
        set(.listedWithPlaces, 1.0); set(.fuzzyMatch, -0.5)
        return RecognitionModel(weights: w, threshold: 0.5)
    }()
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
