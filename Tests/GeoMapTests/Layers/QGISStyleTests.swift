import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GeoMap

/// The styles parse as XML and say what QGIS needs. Leave this suite out of AddressSanitizer
/// runs, with the GDAL ones: FoundationXML's `XMLDocument` leaks its libxml2 nodes.
@Suite struct QGISStyleTests {
    /// The `k`/`v` properties of a symbol's first layer.
    static func properties(of symbol: XMLElement) throws -> [String: String] {
        Dictionary(uniqueKeysWithValues: try symbol.nodes(forXPath: "layer/prop").compactMap { node -> (String, String)? in
            guard let element = node as? XMLElement, let key = element.attribute(forName: "k")?.stringValue,
                  let value = element.attribute(forName: "v")?.stringValue else { return nil }
            return (key, value)
        })
    }

    @Test func distancesAreCategorisedAndLabelled() throws {
        let document = try XMLDocument(data: Data(QGISStyle.qml(for: .distances).utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "qgis")
        let renderer = try #require(root.elements(forName: "renderer-v2").first)
        #expect(renderer.attribute(forName: "type")?.stringValue == "categorizedSymbol")
        #expect(renderer.attribute(forName: "attr")?.stringValue == "kind")
        let categories = try #require(renderer.elements(forName: "categories").first).elements(forName: "category")
        #expect(categories.compactMap { $0.attribute(forName: "value")?.stringValue } == ["distance", ""])
        let symbols = try #require(renderer.elements(forName: "symbols").first).elements(forName: "symbol")
        #expect(Set(symbols.compactMap { $0.attribute(forName: "name")?.stringValue })
                == Set(categories.compactMap { $0.attribute(forName: "symbol")?.stringValue }))
        #expect(symbols.allSatisfy { $0.attribute(forName: "type")?.stringValue == "line" })
        let textStyle = try #require(try root.nodes(forXPath: "labeling/settings/text-style").first as? XMLElement)
        #expect(textStyle.attribute(forName: "fieldName")?.stringValue == "label")
    }

    @Test func wideAreasAreOutlinesAndNoAreaIsLabelled() throws {
        let document = try XMLDocument(data: Data(QGISStyle.qml(for: .areas).utf8))
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "labelsEnabled")?.stringValue == "0")
        #expect(try root.nodes(forXPath: "labeling").isEmpty)
        let rules = try root.nodes(forXPath: "renderer-v2/rules/rule").compactMap { $0 as? XMLElement }
        let symbols = try root.nodes(forXPath: "renderer-v2/symbols/symbol").compactMap { $0 as? XMLElement }
        #expect(symbols.allSatisfy { $0.attribute(forName: "type")?.stringValue == "fill" })
        let symbolByName = Dictionary(uniqueKeysWithValues: symbols.compactMap { s in s.attribute(forName: "name")?.stringValue.map { ($0, s) } })
        // Two rules per kind (outline when wide, filled otherwise), then ELSE.
        #expect(rules.count == 2 * QGISStyle.categories.count + 1)
        for rule in rules {
            let filter = try #require(rule.attribute(forName: "filter")?.stringValue)
            let symbolName = try #require(rule.attribute(forName: "symbol")?.stringValue)
            let symbol = try #require(symbolByName[symbolName])
            let fill = try Self.properties(of: symbol)["color"] ?? ""
            if filter == "ELSE" || filter.contains("AND (") {
                #expect(fill.hasSuffix(",0"), "\(filter): \(fill)")
                if filter != "ELSE" { #expect(filter.contains("bounds_width($geometry) > \(MapFrame.widestFramingSpan)")) }
            } else {
                #expect(filter.contains("AND NOT ("), "\(filter)")
                #expect(!fill.hasSuffix(",0"), "\(filter): \(fill)")
            }
        }
    }

    @Test(arguments: [MapLayer.places, .mentions])
    func pointsOfLowConfidenceAreDrawnApart(layer: MapLayer) throws {
        let document = try XMLDocument(data: Data(QGISStyle.qml(for: layer).utf8))
        let root = try #require(document.rootElement())
        let renderer = try #require(root.elements(forName: "renderer-v2").first)
        #expect(renderer.attribute(forName: "type")?.stringValue == "RuleRenderer")
        let rules = try root.nodes(forXPath: "renderer-v2/rules/rule").compactMap { $0 as? XMLElement }
        let filters = rules.compactMap { $0.attribute(forName: "filter")?.stringValue }
        #expect(filters.first == "coalesce(\"confidence\", 1) < \(QGISStyle.lowConfidence)")
        #expect(filters.last == "ELSE")
        // One rule per kind, each for the confident features only, so that no feature is drawn twice.
        let kinds = QGISStyle.categories.map(\.value)
        #expect(Array(filters.dropFirst().dropLast()) == kinds.map { "\"kind\" = '\($0)' AND coalesce(\"confidence\", 1) >= \(QGISStyle.lowConfidence)" })
        let symbols = try #require(renderer.elements(forName: "symbols").first).elements(forName: "symbol")
        #expect(Set(symbols.compactMap { $0.attribute(forName: "name")?.stringValue })
                == Set(rules.compactMap { $0.attribute(forName: "symbol")?.stringValue }))
        // The low-confidence marker is hollow and dashed.
        let low = try #require(symbols.first { $0.attribute(forName: "name")?.stringValue == "0" })
        let properties = try Self.properties(of: low)
        #expect(properties["color"]?.hasSuffix(",0") == true && properties["outline_style"] == "dash", "\(properties)")
        // Places are labelled; mentions, on the same points, are not.
        let textStyle = try root.nodes(forXPath: "labeling/settings/text-style").first as? XMLElement
        #expect(textStyle?.attribute(forName: "fieldName")?.stringValue == (layer == .places ? "name" : nil))
        #expect(root.attribute(forName: "labelsEnabled")?.stringValue == (layer == .places ? "1" : "0"))
    }

    @Test func theProjectIsWellFormedXMLWithEveryLayer() throws {
        let project = QGISProject(title: "Kyiv & <Lviv>\u{1B}", layers: [QGISProject.Layer(layer: .places, source: "./places.geojson"),
                                                                   QGISProject.Layer(layer: .areas, source: "./a&b.geojson")],
                                  background: "../countries.geojson", extent: GeoJSONBoundingBox(west: -175.5, south: -20, east: 178.25, north: -10))
        let document = try XMLDocument(data: Data(project.xml().utf8))
        let root = try #require(document.rootElement())
        // An id's control character, which XML cannot hold, becomes U+FFFD.
        #expect(root.attribute(forName: "projectname")?.stringValue == "Kyiv & <Lviv>\u{FFFD}")
        let sources = try root.nodes(forXPath: "projectlayers/maplayer/datasource").compactMap(\.stringValue)
        #expect(sources == ["./places.geojson", "./a&b.geojson", "../countries.geojson"])
        let extent = try ["xmin", "ymin", "xmax", "ymax"].map { try root.nodes(forXPath: "mapcanvas/extent/\($0)").first?.stringValue }
        #expect(extent == ["-175.5", "-20", "178.25", "-10"])
    }
}
