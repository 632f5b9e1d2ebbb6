/// An entry's geometry as values: its outline from `shapes.wkb`, or its representative point.
extension Gazetteer {
    /// The representative point (longitude/latitude).
    public func location(_ entry: Int32) -> Point {
        let point = point(entry)
        return Point(lon: point.lon, lat: point.lat)
    }

    /// The entry's polygon (or line) from the shapes file, decoded; nil when it has none.
    public func shape(_ entry: Int32) throws -> Geometry? {
        guard let wkb = shapeWKB(entry) else { return nil }
        do {
            return try Geometry(wkb: wkb)
        } catch {
            throw GeoMapError.badData(path: files.shapes, line: nil, reason: "shape of entry \(id(entry)): \(error)")
        }
    }

    /// What a measurement uses for the entry: its outline where it has one, else its point.
    public func measuredGeometry(_ entry: Int32) throws -> Geometry {
        try shape(entry) ?? .point(location(entry))
    }
}
