import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GeoMap

/// The styles parse as XML and say what QGIS needs. Leave this suite out of AddressSanitizer
/// runs, with the GDAL ones: FoundationXML's `XMLDocument` leaks its libxml2 nodes.
@Suite struct QGISStyleTests {
    @Test(arguments: MapLayer.allCases)
    func styleIsCategorisedByKindAndLabelled(layer: MapLayer) throws {
        let document = try XMLDocument(data: Data(QGISStyle.qml(for: layer).utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "qgis")
        let renderer = try #require(root.elements(forName: "renderer-v2").first)
        #expect(renderer.attribute(forName: "type")?.stringValue == "categorizedSymbol")
        #expect(renderer.attribute(forName: "attr")?.stringValue == "kind")
        let categories = try #require(renderer.elements(forName: "categories").first).elements(forName: "category")
        let values = categories.compactMap { $0.attribute(forName: "value")?.stringValue }
        if layer == .distances {
            #expect(values == ["distance", ""])
        } else {
            // Every gazetteer kind, then the locations written as numbers (`LocationFeatures`).
            #expect(values == PlaceKind.allCases.map(\.description) + ["coordinate", "offset", ""])
        }
        let symbols = try #require(renderer.elements(forName: "symbols").first).elements(forName: "symbol")
        #expect(Set(symbols.compactMap { $0.attribute(forName: "name")?.stringValue })
                == Set(categories.compactMap { $0.attribute(forName: "symbol")?.stringValue }))
        let expectedType = ["places": "marker", "mentions": "marker", "areas": "fill", "distances": "line"][layer.rawValue]
        #expect(symbols.allSatisfy { $0.attribute(forName: "type")?.stringValue == expectedType })
        let textStyle = try #require(try root.nodes(forXPath: "labeling/settings/text-style").first as? XMLElement)
        #expect(textStyle.attribute(forName: "fieldName")?.stringValue == layer.labelField)
        #expect(root.attribute(forName: "labelsEnabled")?.stringValue == "1")
    }
}
