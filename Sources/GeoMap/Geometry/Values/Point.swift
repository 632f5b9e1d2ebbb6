/// A position: longitude and latitude in degrees (WGS84), or x and y in a planar frame.
public struct Point: Hashable, Sendable {
    public var lon: Double
    public var lat: Double

    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }

    public init(x: Double, y: Double) {
        self.init(lon: x, lat: y)
    }

    public var x: Double {
        get { lon }
        set { lon = newValue }
    }

    public var y: Double {
        get { lat }
        set { lat = newValue }
    }

    var isFinite: Bool { lon.isFinite && lat.isFinite }
}
