/// What an article is about, from its resolved mentions: each distinct place with its mention
/// count, and the focus — the countries and provinces it mostly speaks of. Built from all the
/// mentions at once, or piece by piece for a document read in pieces.
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

    public let gazetteer: Gazetteer
    public private(set) var places: [Place] = []
    private var placeIndex: [Int32: Int] = [:]
    private var countryWeight: [Int32: Double] = [:]
    private var admin1Weight: [Int32: Double] = [:]
    private var total = 0.0
    private var mentionsSeen = 0

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    public init(mentions: [ExtractedMention], gazetteer: Gazetteer) {
        self.init(gazetteer: gazetteer)
        add(mentions)
    }

    /// Counts the next mentions of the article.
    public mutating func add(_ mentions: [ExtractedMention]) {
        for mention in mentions {
            defer { mentionsSeen += 1 }
            guard let entry = mention.entry else { continue }
            if let existing = placeIndex[entry] {
                places[existing].mentions += 1
            } else {
                placeIndex[entry] = places.count
                places.append(Place(entry: entry, mentions: 1, firstMention: mentionsSeen))
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
    }

    /// The countries and provinces holding at least a quarter of the weighted place mentions.
    public var focus: [Focus] {
        var focus: [Focus] = []
        if total > 0 {
            for (entry, weight) in countryWeight where weight / total >= 0.25 { focus.append(Focus(entry: entry, share: weight / total)) }
            for (entry, weight) in admin1Weight where weight / total >= 0.25 { focus.append(Focus(entry: entry, share: weight / total)) }
        }
        return focus.sorted { $0.share != $1.share ? $0.share > $1.share : $0.entry < $1.entry }
    }
}
