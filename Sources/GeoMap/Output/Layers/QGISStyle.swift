/// The QGIS style (`.qml`) written beside each layer: symbols categorised by the `kind`
/// property, one colour per kind, and labels from the layer's label field. QGIS loads a `.qml`
/// of the same name as its default style when the layer is opened.
public enum QGISStyle {
    /// One colour per gazetteer kind (ColorBrewer "Paired"), and the marker size for points.
    static let categories: [(value: String, red: Int, green: Int, blue: Int, size: Double)] = [
        ("country", 31, 120, 180, 3.6),
        ("admin1", 51, 160, 44, 3.0),
        ("admin2", 106, 190, 80, 2.6),
        ("place", 227, 26, 28, 2.4),
        ("region", 255, 127, 0, 3.0),
        ("water", 90, 160, 210, 2.4),
        ("landform", 177, 89, 40, 2.4),
        ("landmark", 106, 61, 154, 2.4),
        // Locations written as numbers: coordinates, and the points relative phrases name.
        ("coordinate", 0, 0, 0, 2.0),
        ("offset", 200, 0, 120, 2.4),
    ]

    static let distanceCategory = (value: "distance", red: 200, green: 0, blue: 120, size: 0.7)

    /// The style for `layer`, as the text of a `.qml` file.
    public static func qml(for layer: MapLayer) -> String {
        let kinds = layer == .distances ? [distanceCategory] : categories
        var text = """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
        <qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="1">
          <renderer-v2 type="categorizedSymbol" attr="kind" symbollevels="0" enableorderby="0" forceraster="0" referencescale="-1">
            <categories>

        """
        for (index, category) in kinds.enumerated() {
            text += "      <category render=\"true\" symbol=\"\(index)\" value=\"\(category.value)\" label=\"\(category.value)\" type=\"string\"/>\n"
        }
        // An empty value is QGIS's "all other values".
        text += "      <category render=\"true\" symbol=\"\(kinds.count)\" value=\"\" label=\"other\" type=\"string\"/>\n"
        text += "    </categories>\n    <symbols>\n"
        for (index, category) in kinds.enumerated() {
            text += symbol(layer.geometryType, name: String(index), rgb: (category.red, category.green, category.blue), size: category.size)
        }
        text += symbol(layer.geometryType, name: String(kinds.count), rgb: (128, 128, 128), size: 2.2)
        text += "    </symbols>\n    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n"
        text += labeling(field: layer.labelField, geometryType: layer.geometryType)
        text += "  <layerGeometryType>\(layer.geometryType.rawValue)</layerGeometryType>\n</qgis>\n"
        return text
    }

    private static func symbol(_ type: MapLayer.GeometryType, name: String, rgb: (Int, Int, Int), size: Double) -> String {
        let colour = "\(rgb.0),\(rgb.1),\(rgb.2)"
        let properties: [(String, String)]
        let symbolType: String
        let layerClass: String
        switch type {
        case .point:
            symbolType = "marker"
            layerClass = "SimpleMarker"
            properties = [("name", "circle"), ("color", colour + ",255"), ("outline_color", "35,35,35,255"),
                          ("outline_style", "solid"), ("outline_width", "0.2"), ("outline_width_unit", "MM"),
                          ("size", String(size)), ("size_unit", "MM")]
        case .polygon:
            symbolType = "fill"
            layerClass = "SimpleFill"
            properties = [("style", "solid"), ("color", colour + ",50"), ("outline_color", colour + ",255"),
                          ("outline_style", "solid"), ("outline_width", "0.4"), ("outline_width_unit", "MM"),
                          ("joinstyle", "round")]
        case .line:
            symbolType = "line"
            layerClass = "SimpleLine"
            properties = [("line_color", colour + ",255"), ("line_style", "dash"), ("line_width", String(size)),
                          ("line_width_unit", "MM"), ("capstyle", "round"), ("joinstyle", "round")]
        }
        var text = "      <symbol type=\"\(symbolType)\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
        text += "        <layer class=\"\(layerClass)\" enabled=\"1\" pass=\"0\" locked=\"0\">\n"
        for (key, value) in properties { text += "          <prop k=\"\(key)\" v=\"\(value)\"/>\n" }
        text += "        </layer>\n      </symbol>\n"
        return text
    }

    private static func labeling(field: String, geometryType: MapLayer.GeometryType) -> String {
        // QgsPalLayerSettings placements: 6 ordered positions around a point, 1 over the
        // polygon's centroid, 2 along the line.
        let placement: Int
        switch geometryType {
        case .point: placement = 6
        case .polygon: placement = 1
        case .line: placement = 2
        }
        return """
          <labeling type="simple">
            <settings calloutType="simple">
              <text-style fieldName="\(field)" isExpression="0" fontFamily="Sans Serif" namedStyle="Regular" fontSize="9" fontSizeUnit="Point" fontWeight="50" fontItalic="0" fontUnderline="0" fontStrikeout="0" fontCapitals="0" fontLetterSpacing="0" fontWordSpacing="0" textColor="30,30,30,255" textOpacity="1" multilineHeight="1" blendMode="0" previewBkgrdColor="255,255,255,255" useSubstitutions="0">
                <text-buffer bufferDraw="1" bufferSize="0.8" bufferSizeUnits="MM" bufferColor="255,255,255,255" bufferOpacity="0.85" bufferNoFill="1" bufferJoinStyle="128" bufferBlendMode="0"/>
              </text-style>
              <text-format wrapChar="" multilineAlign="3" formatNumbers="0" decimals="3" plussign="0" addDirectionSymbol="0" leftDirectionSymbol="&lt;" rightDirectionSymbol="&gt;" reverseDirectionSymbol="0" placeDirectionSymbol="0"/>
              <placement placement="\(placement)" placementFlags="10" dist="1" distUnits="MM" centroidInside="1" centroidWhole="0" fitInPolygonOnly="0" priority="5" offsetType="0" quadOffset="4" xOffset="0" yOffset="0" rotationAngle="0" preserveRotation="1" maxCurvedCharAngleIn="25" maxCurvedCharAngleOut="-25" repeatDistance="0" repeatDistanceUnits="MM" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR"/>
              <rendering drawLabels="1" obstacle="1" obstacleFactor="1" obstacleType="0" displayAll="0" upsidedownLabels="0" labelPerPart="0" mergeLines="0" limitNumLabels="0" maxNumLabels="2000" minFeatureSize="0" scaleVisibility="0" scaleMin="0" scaleMax="0" fontLimitPixelSize="0" fontMinPixelSize="3" fontMaxPixelSize="10000" zIndex="0"/>
            </settings>
          </labeling>

        """
    }
}
