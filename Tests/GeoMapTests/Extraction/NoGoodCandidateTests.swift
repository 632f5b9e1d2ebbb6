import Testing
@testable import GeoMap

@Suite struct NoGoodCandidateTests {
    @Test func aMentionWithoutAGoodCandidateIsListedWithoutAPlace() {
        let gazetteer = TestSupport.miniGazetteer
        let strict = ResolutionModel(weights: ResolutionModel.standard.weights, noGoodCandidateBelow: .infinity)
        var parser = Geoparser(gazetteer: gazetteer, resolution: strict)
        let mentions = parser.parse("Talks were held in Moscow and in Kaliningrad.")
        #expect(mentions.count == 2)
        #expect(mentions.allSatisfy { $0.entry == nil })

        var usual = Geoparser(gazetteer: gazetteer)
        let resolved = usual.parse("Talks were held in Moscow and in Kaliningrad.")
        #expect(resolved.compactMap { $0.entry.map(gazetteer.id) } == [524901, 554234])
    }
}
