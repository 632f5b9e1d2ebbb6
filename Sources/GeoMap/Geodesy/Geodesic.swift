import CProj

/// Geodesics on the WGS84 ellipsoid, solved with PROJ's implementation of Karney's algorithms
/// (`geod_*`, accurate to nanometres, no PROJ database needed). Use `Geodesic.wgs84`; the spherical
/// bounds of the distance search are derived for this ellipsoid, so there is no other.
public final class Geodesic: @unchecked Sendable {
    // Unchecked-Sendable: the model is written once by `geod_init` and only read afterwards.
    public static let wgs84 = Geodesic(equatorialRadius: Earth.equatorialRadius, flattening: Earth.flattening)

    public let equatorialRadius: Double
    public let flattening: Double
    /// One model, in an array so that the `geod_*` calls read it in place (never written after init).
    let model: [geod_geodesic]

    private init(equatorialRadius: Double, flattening: Double) {
        self.equatorialRadius = equatorialRadius
        self.flattening = flattening
        var model = geod_geodesic()
        geod_init(&model, equatorialRadius, flattening)
        self.model = [model]
    }

    /// Distance in metres and the azimuths (degrees clockwise from north) at both ends of the
    /// shortest geodesic from `start` to `end`.
    public func inverse(from start: Point, to end: Point) throws -> GeodesicInverse {
        try GeodesyError.check(start)
        try GeodesyError.check(end)
        return uncheckedInverse(from: start, to: end)
    }

    /// Shortest distance in metres between two points.
    public func distance(from start: Point, to end: Point) throws -> Double {
        try inverse(from: start, to: end).distance
    }

    /// The point reached after `distance` metres from `start` along `azimuth` degrees, and the
    /// azimuth of travel there.
    public func direct(from start: Point, azimuth: Double, distance: Double) throws -> (point: Point, azimuth: Double) {
        try GeodesyError.check(start)
        guard azimuth.isFinite, distance.isFinite else { throw GeodesyError.nonFiniteArgument }
        var lat = 0.0
        var lon = 0.0
        var finalAzimuth = 0.0
        geod_direct(model, start.lat, start.lon, azimuth, distance, &lat, &lon, &finalAzimuth)
        return (Point(lon: lon, lat: lat), finalAzimuth)
    }

    func uncheckedInverse(from start: Point, to end: Point) -> GeodesicInverse {
        var distance = 0.0
        var initialAzimuth = 0.0
        var finalAzimuth = 0.0
        geod_inverse(model, start.lat, start.lon, end.lat, end.lon, &distance, &initialAzimuth, &finalAzimuth)
        return GeodesicInverse(distance: distance, initialAzimuth: initialAzimuth, finalAzimuth: finalAzimuth)
    }

    func uncheckedDistance(from start: Point, to end: Point) -> Double {
        var distance = 0.0
        geod_inverse(model, start.lat, start.lon, end.lat, end.lon, &distance, nil, nil)
        return distance
    }
}

/// The solution of the inverse geodesic problem.
public struct GeodesicInverse: Hashable, Sendable {
    /// Metres.
    public let distance: Double
    /// Degrees clockwise from north at the start.
    public let initialAzimuth: Double
    /// Degrees clockwise from north at the end, in the direction of travel.
    public let finalAzimuth: Double
}

public enum GeodesyError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidCoordinate(Point)
    case nonFiniteArgument

    public var description: String {
        switch self {
        case .invalidCoordinate(let point):
            return "invalid coordinate (lon \(point.lon), lat \(point.lat)): longitude must be finite and latitude within ±90°"
        case .nonFiniteArgument:
            return "azimuth and distance must be finite numbers"
        }
    }

    static func check(_ point: Point) throws {
        guard point.lon.isFinite, point.lat.isFinite, abs(point.lat) <= 90 else { throw invalidCoordinate(point) }
    }
}
