/// The QGIS project (`map.qgs`) written beside each set of layers: every layer with its style
/// (`QGISStyle`), grouped, over the country outlines (`CountryOutlines`), the map opening at
/// the article's places (`MapFrame`). Sources are relative to the project, so the directory can
/// be moved or sent as it is. Written for QGIS 3.22 (Debian 12's), which later versions read.
struct QGISProject {
    static let fileName = "map.qgs"

    struct Layer {
        var layer: MapLayer
        /// The data source as QGIS's OGR provider takes it, relative to the project.
        var source: String
    }

    var title: String
    /// Top first: the order QGIS draws and lists them in.
    var layers: [Layer]
    /// The country outlines' source relative to the project; nil draws no background.
    var background: String?
    /// West to east, never over the antimeridian (`MapFrame`).
    var extent: GeoJSONBoundingBox

    /// The projection everything is in: WGS 84 longitude/latitude, as GeoJSON is (RFC 7946).
    /// QGIS reads a CRS from these fields without its WKT.
    private static let wgs84 = """
        <spatialrefsys><proj4>+proj=longlat +datum=WGS84 +no_defs</proj4><srsid>3452</srsid><srid>4326</srid>\
        <authid>EPSG:4326</authid><description>WGS 84</description><projectionacronym>longlat</projectionacronym>\
        <ellipsoidacronym>EPSG:7030</ellipsoidacronym><geographicflag>true</geographicflag></spatialrefsys>
        """

    func xml() -> String {
        var members: [(id: String, name: String, source: String, geometry: String, wkbType: String, style: String, labels: String?)] = []
        for entry in layers {
            let layer = entry.layer
            members.append(("geomap_" + layer.rawValue, layer.rawValue, entry.source, Self.geometryName(layer.geometryType),
                            Self.wkbName(layer), QGISStyle.renderer(for: layer), QGISStyle.labeling(for: layer)))
        }
        var backgroundMember: (id: String, name: String, source: String, geometry: String, wkbType: String, style: String, labels: String?)?
        if let background {
            backgroundMember = ("geomap_countries", CountryOutlines.layerName, background, "Polygon", "MultiPolygon", QGISStyle.backgroundRenderer, nil)
        }
        let box = Self.extentElements(extent)
        var text = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        text += "<qgis projectname=\"\(Self.escaped(title))\" version=\"3.22.16-Białowieża\">\n"
        text += "  <title>\(Self.escaped(title))</title>\n"
        text += "  <projectCrs>\(Self.wgs84)</projectCrs>\n"
        text += "  <layer-tree-group>\n"
        text += "    <layer-tree-group name=\"GeoMap\" checked=\"Qt::Checked\" expanded=\"1\">\n"
        for member in members { text += Self.treeLayer(member.id, member.name, member.source) }
        text += "    </layer-tree-group>\n"
        if let backgroundMember {
            text += "    <layer-tree-group name=\"Background\" checked=\"Qt::Checked\" expanded=\"0\">\n"
            text += Self.treeLayer(backgroundMember.id, backgroundMember.name, backgroundMember.source)
            text += "    </layer-tree-group>\n"
        }
        text += "  </layer-tree-group>\n"
        text += "  <mapcanvas name=\"theMapCanvas\" annotationsVisible=\"1\">\n"
        text += "    <units>degrees</units>\n    <extent>\(box)</extent>\n    <rotation>0</rotation>\n"
        text += "    <destinationsrs>\(Self.wgs84)</destinationsrs>\n  </mapcanvas>\n"
        text += "  <projectlayers>\n"
        for member in members + (backgroundMember.map { [$0] } ?? []) {
            text += "    <maplayer type=\"vector\" geometry=\"\(member.geometry)\" wkbType=\"\(member.wkbType)\" labelsEnabled=\"\(member.labels == nil ? 0 : 1)\">\n"
            text += "      <id>\(member.id)</id>\n"
            text += "      <datasource>\(Self.escaped(member.source))</datasource>\n"
            text += "      <layername>\(member.name)</layername>\n"
            text += "      <srs>\(Self.wgs84)</srs>\n"
            text += "      <provider encoding=\"UTF-8\">ogr</provider>\n"
            text += member.style.replacingIndentation()
            text += (member.labels ?? "").replacingIndentation()
            text += "    </maplayer>\n"
        }
        text += "  </projectlayers>\n"
        text += "  <ProjectViewSettings UseProjectScales=\"0\" rotation=\"0\">\n    <Scales/>\n"
        text += "    <DefaultViewExtent xmin=\"\(Self.number(extent.west))\" ymin=\"\(Self.number(extent.south))\" "
        text += "xmax=\"\(Self.number(extent.east))\" ymax=\"\(Self.number(extent.north))\">\(Self.wgs84)</DefaultViewExtent>\n"
        text += "  </ProjectViewSettings>\n"
        text += "  <properties>\n"
        text += "    <Paths><Absolute type=\"bool\">false</Absolute></Paths>\n"
        text += "    <SpatialRefSys><ProjectionsEnabled type=\"int\">1</ProjectionsEnabled></SpatialRefSys>\n"
        text += "  </properties>\n"
        text += "</qgis>\n"
        return text
    }

    private static func treeLayer(_ id: String, _ name: String, _ source: String) -> String {
        "      <layer-tree-layer id=\"\(id)\" name=\"\(name)\" source=\"\(escaped(source))\" providerKey=\"ogr\" checked=\"Qt::Checked\" expanded=\"0\"/>\n"
    }

    private static func geometryName(_ type: MapLayer.GeometryType) -> String {
        switch type {
        case .point: return "Point"
        case .line: return "Line"
        case .polygon: return "Polygon"
        }
    }

    private static func wkbName(_ layer: MapLayer) -> String {
        switch layer {
        case .places, .mentions: return "Point"
        case .areas: return "MultiPolygon"
        case .distances: return "LineString"
        }
    }

    private static func extentElements(_ box: GeoJSONBoundingBox) -> String {
        "<xmin>\(number(box.west))</xmin><ymin>\(number(box.south))</ymin><xmax>\(number(box.east))</xmax><ymax>\(number(box.north))</ymax>"
    }

    private static func number(_ value: Double) -> String {
        var json = JSONBytes(capacity: 24)
        json.decimal(value, places: 6)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            // XML 1.0 has no way to write the other C0 controls, which article ids may hold.
            case _ where character.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }:
                result += "\u{FFFD}"
            default: result.append(character)
            }
        }
        return result
    }
}

private extension String {
    /// A style element from `QGISStyle` (indented for a `.qml`'s root) indented for a `maplayer`.
    func replacingIndentation() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 + "\n" }.joined()
    }
}
