import CProj

/// One geodesic segment between two points, for positions along it.
struct GeodesicLine {
    private var line = geod_geodesicline()
    let start: Point
    let end: Point

    init(from start: Point, to end: Point, on geodesic: Geodesic) {
        self.start = start
        self.end = end
        geod_inverseline(&line, geodesic.model, start.lat, start.lon, end.lat, end.lon,
                         UInt32(GEOD_LATITUDE.rawValue | GEOD_LONGITUDE.rawValue | GEOD_AZIMUTH.rawValue | GEOD_DISTANCE_IN.rawValue))
    }

    /// Length in metres.
    var length: Double { line.s13 }

    /// The point `distance` metres from the start, and the azimuth of the line there (degrees).
    func position(at distance: Double) -> (point: Point, azimuth: Double) {
        var lat = 0.0
        var lon = 0.0
        var azimuth = 0.0
        var line = self.line
        geod_position(&line, distance, &lat, &lon, &azimuth)
        return (Point(lon: lon, lat: lat), azimuth)
    }
}
