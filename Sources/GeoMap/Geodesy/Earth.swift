/// The Earth's figure, in one place: every geodesic, spherical bound and distance feature reads
/// its constants here.
enum Earth {
    /// WGS84 semi-major axis, metres.
    static let equatorialRadius = 6_378_137.0
    /// WGS84 flattening.
    static let flattening = 1 / 298.257223563
    /// IUGG mean radius, km: the sphere of the resolver's nearness features, where a few tenths of
    /// a percent do not matter.
    static let meanRadiusKm = 6371.0088
}
