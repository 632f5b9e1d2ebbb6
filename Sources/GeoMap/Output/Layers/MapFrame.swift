/// Where a map of articles opens: around the places they are about, not the countries and
/// continents they also name. An article on the Suwałki Gap that names Russia and the United
/// States opens on Lithuania and Poland, not on the whole world.
enum MapFrame {
    /// A place whose polygon spans more than this (degrees of latitude or longitude) does not
    /// stretch the frame: continents, the EU, the Middle East, Siberian regions. Ukraine's oblasts
    /// and regions such as Donbas (6° by 4°) do.
    static let widestFramingSpan = 15.0
    /// Added on each side, as a share of the span, so that no place sits on the edge.
    static let margin = 0.1
    /// The smallest span shown (about 55 km): one village is shown with its surroundings.
    static let smallestSpan = 0.5

    /// Whether a place of `kind` with a polygon bounded by `outline` (nil: a point) frames the map.
    static func frames(kind: PlaceKind, outline: BoundingBox?) -> Bool {
        if kind == .country { return false }
        guard let outline else { return true }
        return outline.maxX - outline.minX <= widestFramingSpan && outline.maxY - outline.minY <= widestFramingSpan
    }

    /// The frame around `framing` (the points of the places that frame the map); around `all`
    /// when there are none (an article that names only countries); nil when both are empty.
    /// The frame never crosses the antimeridian: a project's longitude/latitude map does not wrap,
    /// so places on both sides of it (Fiji and Samoa) are framed from west to east across the globe.
    static func extent(framing: [Point], all: [Point]) -> GeoJSONBoundingBox? {
        let points = framing.isEmpty ? all : framing
        guard let first = points.first else { return nil }
        var box = GeoJSONBoundingBox(west: first.lon, south: first.lat, east: first.lon, north: first.lat)
        for point in points.dropFirst() {
            box.west = min(box.west, point.lon)
            box.east = max(box.east, point.lon)
            box.south = min(box.south, point.lat)
            box.north = max(box.north, point.lat)
        }
        let width = box.east - box.west, height = box.north - box.south
        let padX = max(width * margin, (smallestSpan - width) / 2)
        let padY = max(height * margin, (smallestSpan - height) / 2)
        box.west = max(box.west - padX, -180)
        box.east = min(box.east + padX, 180)
        box.south = max(box.south - padY, -90)
        box.north = min(box.north + padY, 90)
        return box
    }
}
