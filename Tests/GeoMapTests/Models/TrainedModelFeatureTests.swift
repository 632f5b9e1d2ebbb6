import Testing
@testable import GeoMap

/// The trained weights carry the names of their features, and are used only when those are the
/// feature enums' cases in order: a reordered, renamed, added or removed feature falls back to the
/// hand-set weights instead of weighing each feature by another's weight.
struct TrainedModelFeatureTests {
    @Test func theShippedWeightsAreForTheCurrentFeatures() {
        #expect(TrainedWeightsRecognition.features == FeatureNames.of(MentionFeature.self))
        #expect(TrainedWeightsResolution.features == FeatureNames.of(CandidateFeature.self))
        #expect(RecognitionModel.standard.weights == TrainedWeightsRecognition.weights)
        #expect(RecognitionModel.standard.threshold == TrainedWeightsRecognition.threshold)
        #expect(ResolutionModel.standard.weights == TrainedWeightsResolution.weights)
        #expect(ResolutionModel.standard.noGoodCandidateBelow == TrainedWeightsResolution.noGoodCandidateBelow)
        #expect(RecognitionModel.standard.weights != RecognitionModel.handSet.weights)
        #expect(ResolutionModel.standard.weights != ResolutionModel.handSet.weights)
    }

    @Test func namesAreTheSwiftCaseNames() {
        #expect(FeatureNames.of(MentionFeature.self).first == "bias")
        #expect(FeatureNames.of(MentionFeature.self).last == "fuzzyMatch")
        #expect(FeatureNames.of(CandidateFeature.self)[CandidateFeature.admin1Context.rawValue] == "admin1Context")
        #expect(FeatureNames.of(CandidateFeature.self).count == CandidateFeature.allCases.count)
    }

    /// Every way a name list can differ from the cases: each is refused, the exact list is not.
    static func variants(of names: [String]) -> [(what: String, names: [String], weights: Int)] {
        var swapped = names
        swapped.swapAt(3, 4)
        var renamed = names
        renamed[names.count / 2] += "Renamed"
        var moved = names
        moved.append(moved.remove(at: 1))
        return [
            ("two neighbours swapped", swapped, names.count),
            ("one renamed", renamed, names.count),
            ("one moved to the end", moved, names.count),
            ("the last removed", Array(names.dropLast()), names.count - 1),
            ("one added", names + ["newFeature"], names.count + 1),
            ("one weight fewer than names", names, names.count - 1),
        ]
    }

    @Test func recognitionRefusesAnotherFeatureList() {
        let names = TrainedWeightsRecognition.features
        let weights = TrainedWeightsRecognition.weights
        #expect(RecognitionModel.trained(weights: weights, features: names, threshold: 0.5)?.weights == weights)
        for variant in Self.variants(of: names) {
            let model = RecognitionModel.trained(weights: Array(repeating: 0.25, count: variant.weights),
                                                 features: variant.names, threshold: 0.5)
            #expect(model == nil, "\(variant.what)")
        }
    }

    @Test func resolutionRefusesAnotherFeatureList() {
        let names = TrainedWeightsResolution.features
        let weights = TrainedWeightsResolution.weights
        #expect(ResolutionModel.trained(weights: weights, features: names, noGoodCandidateBelow: 1)?.weights == weights)
        for variant in Self.variants(of: names) {
            let model = ResolutionModel.trained(weights: Array(repeating: 0.25, count: variant.weights),
                                                features: variant.names, noGoodCandidateBelow: 1)
            #expect(model == nil, "\(variant.what)")
        }
    }
}
