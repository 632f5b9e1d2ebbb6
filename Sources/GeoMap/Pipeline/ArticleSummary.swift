/// What an article is about, from its resolved mentions: each distinct place with its mention
/// count, and the focus — the countries and provinces it mostly speaks of.
public struct ArticleSummary: Sendable {
    public struct Place: Sendable {
        public var entry: Int32
        public var mentions: Int
        public var firstMention: Int
    }

    public struct Focus: Sendable {
        public var entry: Int32
        /// Share of the article's place mentions that fall in this unit.
        public var share: Double
    }

    public var places: [Place]
    public var focus: [Focus]

    public init(mentions: [ExtractedMention], gazetteer: Gazetteer) {
        var places: [Place] = []
        var countryWeight: [Int32: Double] = [:]
        var admin1Weight: [Int32: Double] = [:]
        var total = 0.0
        for (index, mention) in mentions.enumerated() {
            guard let entry = mention.entry else { continue }
            if let existing = places.firstIndex(where: { $0.entry == entry }) {
                places[existing].mentions += 1
            } else {
                places.append(Place(entry: entry, mentions: 1, firstMention: index))
            }
            let weight = mention.role == .place ? 1.0 : 0.5
            total += weight
            let kind = gazetteer.kind(entry)
            if kind == .country {
                countryWeight[entry, default: 0] += weight
            } else if let country = gazetteer.countryEntry(gazetteer.country(entry)) {
                countryWeight[country, default: 0] += weight
            }
            if kind == .admin1 {
                admin1Weight[entry, default: 0] += weight
            } else if let admin1 = gazetteer.admin1Entry(entry) {
                admin1Weight[admin1, default: 0] += weight
            }
        }
        self.places = places
        var focus: [Focus] = []
        if total > 0 {
            for (entry, weight) in countryWeight where weight / total >= 0.25 { focus.append(Focus(entry: entry, share: weight / total)) }
            for (entry, weight) in admin1Weight where weight / total >= 0.25 { focus.append(Focus(entry: entry, share: weight / total)) }
        }
        self.focus = focus.sorted { $0.share != $1.share ? $0.share > $1.share : $0.entry < $1.entry }
    }
}
