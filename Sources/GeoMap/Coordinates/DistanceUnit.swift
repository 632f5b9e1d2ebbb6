/// The units a distance is written in.
public enum DistanceUnit: String, Sendable, CaseIterable {
    case kilometres = "km"
    case miles = "mi"
    case metres = "m"
    case nauticalMiles = "nmi"

    public var metres: Double {
        switch self {
        case .kilometres: return 1000
        case .miles: return 1609.344
        case .metres: return 1
        case .nauticalMiles: return 1852
        }
    }

    /// The unit a word names (`km`, `kms`, `kilometres`, `kilometers`, `mile`, `miles`, `mi`,
    /// `m`, `metres`, `meters`, `nmi`, `NM`); `nautical` needs the next word to be `mile(s)`,
    /// which the caller checks.
    public init?(word: String) {
        switch word {
        case "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "klicks": self = .kilometres
        case "mile", "miles", "mi": self = .miles
        case "m", "metre", "metres", "meter", "meters": self = .metres
        case "nmi", "NM": self = .nauticalMiles
        default: return nil
        }
    }
}
