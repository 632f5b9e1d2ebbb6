/// The case names of a feature enum, in order, as `Scripts/train-models` writes them beside the
/// weights it fits: weights fitted for another list (a feature added, removed, renamed or moved)
/// must not be applied to this one, where each would weigh a different feature.
enum FeatureNames {
    static func of<Feature: CaseIterable>(_: Feature.Type) -> [String] {
        Feature.allCases.map { String(describing: $0) }
    }

    /// Whether `names` are exactly `Feature`'s cases in order.
    static func match<Feature: CaseIterable>(_ names: [String], _ type: Feature.Type) -> Bool {
        names == of(type)
    }
}
