/// What kind of thing a gazetteer entry is.
public enum PlaceKind: UInt8, CaseIterable, Sendable, Codable, CustomStringConvertible, BitwiseCopyable {
    case country = 0
    case admin1
    case admin2
    /// A populated place (city, town, village).
    case place
    /// A continent, macro-region or informal region (Middle East, Donbas, the Midwest).
    case region
    case water
    case landform
    case landmark

    public var description: String {
        switch self {
        case .country: return "country"
        case .admin1: return "admin1"
        case .admin2: return "admin2"
        case .place: return "place"
        case .region: return "region"
        case .water: return "water"
        case .landform: return "landform"
        case .landmark: return "landmark"
        }
    }

    public init?(name: some StringProtocol) {
        guard let kind = PlaceKind.allCases.first(where: { $0.description == name }) else { return nil }
        self = kind
    }

    /// Whether the kind is an administrative area (with polygons in the gazetteer).
    public var isAdministrative: Bool { self == .country || self == .admin1 || self == .admin2 }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let kind = PlaceKind(name: name) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown kind \(name)"))
        }
        self = kind
    }
}

/// The GeoNames feature codes the ranking cares about; others are `.other`.
public enum FeatureCode: UInt8, Sendable, CaseIterable, BitwiseCopyable {
    case none = 0, other, capital, adminSeat1, adminSeat2, adminSeat3, adminSeat4, populatedPlace,
         section, independentPolitical, adm1, adm2, continent, region

    static let codes: [(String, FeatureCode)] = [
        ("PPLC", .capital), ("PPLA", .adminSeat1), ("PPLA2", .adminSeat2), ("PPLA3", .adminSeat3),
        ("PPLA4", .adminSeat4), ("PPL", .populatedPlace), ("PPLX", .section), ("PCLI", .independentPolitical),
        ("ADM1", .adm1), ("ADM2", .adm2), ("CONT", .continent), ("RGN", .region),
    ]

    init(code: some StringProtocol) {
        if code.isEmpty { self = .none; return }
        self = FeatureCode.codes.first(where: { $0.0 == code })?.1 ?? .other
    }
}
