/// How a coordinate is written in the text.
public enum CoordinateForm: UInt8, Sendable, CaseIterable {
    /// Decimal degrees: `47.5N 35.2E`, `N 47.5° E 35.2°`, `(48.58, 37.98)`.
    case decimal
    /// Degrees and minutes, with or without seconds: `48°30′N 37°54′E`, `48 30' 15" N`, `483015N0375410E`.
    case dms
    /// A military grid reference: `37U DQ 12345 67890`.
    case mgrs
    /// A UTM position: `37U 412345 5467890`.
    case utm

    public var name: String {
        switch self {
        case .decimal: return "decimal"
        case .dms: return "dms"
        case .mgrs: return "mgrs"
        case .utm: return "utm"
        }
    }
}

/// A position written in the text: where (UTF-8 byte offsets), the WGS84 point it names, and how
/// far from it the writer's precision allows the true position to be.
public struct TextCoordinate: Sendable, Equatable {
    public var byteStart: Int
    public var byteEnd: Int
    public var point: Point
    public var form: CoordinateForm
    /// Metres: half the extent of the last written digit (a second of arc is about 31 m, so
    /// `15″` gives 15 m), or the half-diagonal of an MGRS square.
    public var uncertaintyMetres: Double

    public init(byteStart: Int, byteEnd: Int, point: Point, form: CoordinateForm, uncertaintyMetres: Double) {
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.point = point
        self.form = form
        self.uncertaintyMetres = uncertaintyMetres
    }
}

/// Metres per degree of latitude, near enough for an uncertainty.
let metresPerDegree = 111_320.0
