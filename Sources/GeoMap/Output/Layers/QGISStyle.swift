/// The QGIS styles of the layers, written beside each layer (`.qml`, which QGIS loads as the
/// default style of the file of the same name) and into the QGIS project (`QGISProject`):
/// symbols by the `kind` property, one colour per kind; on the point layers, mentions of low
/// confidence drawn apart (hollow, grey, dashed): they are the ones most often not places at all.
/// Each entity is labelled once, at its place's point: areas and mentions have no labels ("Mali Mali").
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

    /// Below this confidence a mention is styled apart. Measured on LGL (`extract --format json`
    /// against its gold spans): 55 % of the place mentions under 0.5 are annotated toponyms,
    /// 85 % of those above.
    public static let lowConfidence = 0.5

    /// The style for `layer`, as the text of a `.qml` file.
    public static func qml(for layer: MapLayer) -> String {
        let labels = labeling(for: layer)
        var text = """
        <!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
        <qgis version="3.22.0" styleCategories="Symbology|Labeling" labelsEnabled="\(labels == nil ? 0 : 1)">

        """
        text += renderer(for: layer)
        text += labels ?? ""
        text += "  <layerGeometryType>\(layer.geometryType.rawValue)</layerGeometryType>\n</qgis>\n"
        return text
    }

    /// The `renderer-v2` element of `layer`'s style.
    static func renderer(for layer: MapLayer) -> String {
        switch layer {
        case .places, .mentions: return confidenceRules(layer.geometryType)
        case .areas: return areaRules()
        case .distances: return categorised([distanceCategory], layer.geometryType)
        }
    }

    /// The `labeling` element of `layer`'s style; nil for a layer without labels: areas and
    /// mentions lie on their places' points, which carry the one label.
    static func labeling(for layer: MapLayer) -> String? {
        layer == .areas || layer == .mentions ? nil : labeling(field: layer.labelField, geometryType: layer.geometryType)
    }

    /// The style of the background layer of country outlines (`CountryOutlines`): a pale fill, no labels.
    static let backgroundRenderer: String = {
        var text = "  <renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\">\n    <symbols>\n"
        text += symbol(.polygon, name: "0", rgb: (236, 232, 226), size: 0, outline: (150, 150, 150), fillAlpha: 255)
        text += "    </symbols>\n    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n"
        return text
    }()

    private static func categorised(_ kinds: [(value: String, red: Int, green: Int, blue: Int, size: Double)],
                                    _ type: MapLayer.GeometryType) -> String {
        var text = """
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
            text += symbol(type, name: String(index), rgb: (category.red, category.green, category.blue), size: category.size)
        }
        text += symbol(type, name: String(kinds.count), rgb: (128, 128, 128), size: 2.2)
        text += "    </symbols>\n    <rotation/>\n    <sizescale/>\n  </renderer-v2>\n"
        return text
    }

    /// Areas by kind; countries and areas too wide to frame the map (`MapFrame`: continents, the
    /// EU) as outlines only, so that they do not cover the map; the rest filled, pale.
    private static func areaRules() -> String {
        let wide = "&quot;kind&quot; = 'country' OR bounds_width($geometry) &gt; \(MapFrame.widestFramingSpan) OR bounds_height($geometry) &gt; \(MapFrame.widestFramingSpan)"
        var text = "  <renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\">\n"
        text += "    <rules key=\"root\">\n"
        var symbols = ""
        for (index, category) in categories.enumerated() {
            let kind = "&quot;kind&quot; = '\(category.value)'"
            let rgb = (category.red, category.green, category.blue)
            text += "      <rule key=\"\(category.value)-outline\" symbol=\"\(2 * index)\" label=\"\(category.value) (outline)\" filter=\"\(kind) AND (\(wide))\"/>\n"
            text += "      <rule key=\"\(category.value)\" symbol=\"\(2 * index + 1)\" label=\"\(category.value)\" filter=\"\(kind) AND NOT (\(wide))\"/>\n"
            symbols += symbol(.polygon, name: String(2 * index), rgb: rgb, size: 0, fillAlpha: 0)
            symbols += symbol(.polygon, name: String(2 * index + 1), rgb: rgb, size: 0)
        }
        text += "      <rule key=\"other\" symbol=\"\(2 * categories.count)\" label=\"other\" filter=\"ELSE\"/>\n"
        symbols += symbol(.polygon, name: String(2 * categories.count), rgb: (128, 128, 128), size: 0, fillAlpha: 0)
        text += "    </rules>\n    <symbols>\n" + symbols + "    </symbols>\n  </renderer-v2>\n"
        return text
    }

    /// A rule-based renderer: a low-confidence rule first, then one rule per kind for the rest
    /// (the rules do not overlap, so each feature is drawn once), then QGIS's ELSE for any other kind.
    /// Features without a confidence (coordinates, offsets) count as confident.
    private static func confidenceRules(_ type: MapLayer.GeometryType) -> String {
        let confidence = "coalesce(&quot;confidence&quot;, 1)"
        let threshold = String(lowConfidence)
        var text = "  <renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\" referencescale=\"-1\">\n"
        text += "    <rules key=\"root\">\n"
        text += "      <rule key=\"low\" symbol=\"0\" label=\"confidence under \(threshold): check\" filter=\"\(confidence) &lt; \(threshold)\"/>\n"
        for (index, category) in categories.enumerated() {
            text += "      <rule key=\"\(category.value)\" symbol=\"\(index + 1)\" label=\"\(category.value)\" filter=\"&quot;kind&quot; = '\(category.value)' AND \(confidence) &gt;= \(threshold)\"/>\n"
        }
        text += "      <rule key=\"other\" symbol=\"\(categories.count + 1)\" label=\"other\" filter=\"ELSE\"/>\n"
        text += "    </rules>\n    <symbols>\n"
        text += symbol(type, name: "0", rgb: (150, 150, 150), size: 2.4, outline: (110, 110, 110), fillAlpha: 0, dashed: true)
        for (index, category) in categories.enumerated() {
            text += symbol(type, name: String(index + 1), rgb: (category.red, category.green, category.blue), size: category.size)
        }
        text += symbol(type, name: String(categories.count + 1), rgb: (128, 128, 128), size: 2.2)
        text += "    </symbols>\n  </renderer-v2>\n"
        return text
    }

    private static func symbol(_ type: MapLayer.GeometryType, name: String, rgb: (Int, Int, Int), size: Double,
                               outline: (Int, Int, Int)? = nil, fillAlpha: Int? = nil, dashed: Bool = false) -> String {
        let colour = "\(rgb.0),\(rgb.1),\(rgb.2)"
        let outlineColour = outline.map { "\($0.0),\($0.1),\($0.2)" }
        let outlineStyle = dashed ? "dash" : "solid"
        let properties: [(String, String)]
        let symbolType: String
        let layerClass: String
        switch type {
        case .point:
            symbolType = "marker"
            layerClass = "SimpleMarker"
            properties = [("name", "circle"), ("color", colour + ",\(fillAlpha ?? 255)"), ("outline_color", (outlineColour ?? "35,35,35") + ",255"),
                          ("outline_style", outlineStyle), ("outline_width", dashed ? "0.5" : "0.2"), ("outline_width_unit", "MM"),
                          ("size", String(size)), ("size_unit", "MM")]
        case .polygon:
            symbolType = "fill"
            layerClass = "SimpleFill"
            properties = [("style", "solid"), ("color", colour + ",\(fillAlpha ?? 50)"), ("outline_color", (outlineColour ?? colour) + ",255"),
                          ("outline_style", outlineStyle), ("outline_width", outline == nil ? "0.4" : "0.2"), ("outline_width_unit", "MM"),
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
