import CGeographicLib

/// MGRS and UTM through GeographicLib (the reference implementation, via the C shim in
/// `Sources/CGeographicLib`).
public enum GeographicLibGrid {
    /// The centre of the MGRS square `reference` names (written without spaces, upper case) and
    /// its precision in digits per axis, or nil when GeographicLib rejects it.
    public static func mgrsReverse(_ reference: String) -> (point: Point, precision: Int)? {
        var lat = 0.0, lon = 0.0
        var precision: Int32 = 0
        guard geomap_mgrs_reverse(reference, &lat, &lon, &precision) == 1 else { return nil }
        return (Point(lon: lon, lat: lat), Int(precision))
    }

    /// The point of a UTM position, or nil when it is out of the zone's range.
    public static func utmReverse(zone: Int, north: Bool, easting: Double, northing: Double) -> Point? {
        var lat = 0.0, lon = 0.0
        guard geomap_utm_reverse(Int32(zone), north ? 1 : 0, easting, northing, &lat, &lon) == 1 else { return nil }
        return Point(lon: lon, lat: lat)
    }

    /// The MGRS reference of a point with `precision` digits per axis.
    public static func mgrsForward(_ point: Point, precision: Int) -> String? {
        var buffer = [CChar](repeating: 0, count: 32)
        guard geomap_mgrs_forward(point.lat, point.lon, Int32(precision), &buffer, Int32(buffer.count)) == 1 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
