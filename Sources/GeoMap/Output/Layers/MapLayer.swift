/// The layers GeoMap writes, each one geometry type so QGIS opens each file as one layer.
public enum MapLayer: String, CaseIterable, Sendable {
    /// A point per distinct place.
    case places
    /// The polygons of the countries, provinces and regions mentioned.
    case areas
    /// A point per mention.
    case mentions
    /// Lines between the nearest points of measured distances.
    case distances

    public var fileName: String { rawValue + ".geojson" }
    public var styleFileName: String { rawValue + ".qml" }

    enum GeometryType: Int {
        case point = 0, line = 1, polygon = 2
    }

    var geometryType: GeometryType {
        switch self {
        case .places, .mentions: return .point
        case .areas: return .polygon
        case .distances: return .line
        }
    }

    /// The property the labels show.
    var labelField: String {
        switch self {
        case .places, .areas: return "name"
        case .mentions: return "text"
        case .distances: return "label"
        }
    }
}
