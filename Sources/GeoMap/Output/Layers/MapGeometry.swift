/// Makes a gazetteer geometry ready for a GeoJSON layer: simplified to what a map needs, cut at
/// the antimeridian, snapped to six decimals without losing validity, polygons promoted to one
/// MultiPolygon (one geometry type per layer) and wound by the right-hand rule.
public enum MapGeometry {
    /// Metres per degree along a meridian, to turn a tolerance in metres into degrees.
    static let metresPerDegree = 111_320.0

    /// The default simplification: 500 m, well under a pixel on a country-scale map.
    public static let defaultToleranceMetres = 500.0

    public static func prepare(_ geometry: Geometry, toleranceMetres: Double = defaultToleranceMetres) throws -> Geometry {
        guard !geometry.polygons.isEmpty else {
            return try AntimeridianSplit.split(geometry).roundedCoordinates()
        }
        var shape = Geometry.multiPolygon(MultiPolygon(polygons: geometry.polygons))
        if toleranceMetres > 0 {
            shape = try shape.topologyPreservingSimplified(tolerance: toleranceMetres / metresPerDegree)
        }
        shape = try AntimeridianSplit.split(shape)
        if try !shape.isValid() { shape = try shape.makeValid() }
        shape = try shape.reducedPrecision(gridSize: CoordinateRounding.gridSize)
        return Geometry.multiPolygon(MultiPolygon(polygons: shape.polygons)).roundedCoordinates().wound()
    }
}
