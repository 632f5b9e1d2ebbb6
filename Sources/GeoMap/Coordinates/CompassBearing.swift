/// A direction on the 16-point compass rose, read from words (`north`, `north-east`, `northeast`,
/// `north east`, `north-northeast`) or abbreviations in capitals (`N`, `NE`, `NNE`).
public struct CompassBearing: Sendable, Equatable {
    /// 0 for north, counting clockwise in steps of 22.5°.
    public var point: Int

    /// Degrees clockwise from north.
    public var azimuth: Double { Double(point) * 22.5 }

    /// `N`, `NNE`, … `NNW`.
    public var abbreviation: String { CompassBearing.abbreviations[point] }

    /// Half the width of the sector the word names: a writer who says `north` or `north-east`
    /// means within 22.5° of it, `north-north-east` within 11.25°.
    public var halfSectorDegrees: Double { point % 2 == 0 ? 22.5 : 11.25 }

    static let abbreviations = ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]

    public init?(abbreviation: String) {
        guard let index = CompassBearing.abbreviations.firstIndex(of: abbreviation) else { return nil }
        point = index
    }

    /// The bearing of a run of direction words (lower-cased, hyphens and spaces removed:
    /// `northnortheast`), or nil.
    public init?(joinedWords: String) {
        var letters = ""
        var rest = Substring(joinedWords)
        while !rest.isEmpty {
            var matched = false
            for (word, letter) in [("north", "N"), ("south", "S"), ("east", "E"), ("west", "W")] where rest.hasPrefix(word) {
                letters += letter
                rest = rest.dropFirst(word.count)
                matched = true
                break
            }
            if !matched { return nil }
        }
        self.init(abbreviation: letters)
    }
}
