/// The background of every QGIS project GeoMap writes: the outline of each country with a polygon
/// in the gazetteer, coarsely simplified (a background needs no detail, and one file serves every
/// article of a run), as `countries.geojson` at the top of the output with its style.
enum CountryOutlines {
    static let layerName = "countries"
    static let fileName = layerName + ".geojson"
    static let styleFileName = layerName + ".qml"
    /// Simplification: 5 km, under a pixel at the scale of a whole country.
    static let toleranceMetres = 5_000.0

    static func collection(of gazetteer: Gazetteer) throws -> GeoJSONFeatureCollection {
        var features: [GeoJSONFeature] = []
        for entry in gazetteer.allEntries where gazetteer.kind(entry) == .country && gazetteer.hasShape(entry) {
            guard let shape = try gazetteer.shape(entry), !shape.polygons.isEmpty else { continue }
            var properties = GeoJSONProperties()
            properties["name"] = .string(gazetteer.name(entry))
            properties["country"] = .text(gazetteer.country(entry).description)
            features.append(GeoJSONFeature(geometry: try MapGeometry.prepare(shape, toleranceMetres: toleranceMetres), properties: properties))
        }
        return GeoJSONFeatureCollection(name: layerName, features: features)
    }

    /// The background's `.qml`.
    static var style: String {
        """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
        <qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="0">

        """ + QGISStyle.backgroundRenderer + "  <layerGeometryType>2</layerGeometryType>\n</qgis>\n"
    }
}
