/// Writes 2-D WKT with the shortest decimal form that reads back to the same doubles.
public enum WKTWriter {
    public static func write(_ geometry: Geometry) -> String {
        var output = ""
        append(geometry, to: &output)
        return output
    }

    private static func append(_ geometry: Geometry, to output: inout String) {
        switch geometry {
        case .point(let point):
            output += "POINT ("
            appendPosition(point, to: &output)
            output += ")"
        case .lineString(let line):
            output += "LINESTRING"
            appendPositionList(line.points, to: &output)
        case .polygon(let polygon):
            output += "POLYGON "
            appendPolygonBody(polygon, to: &output)
        case .multiPoint(let multi):
            output += "MULTIPOINT"
            appendList(multi.points, to: &output) { point, output in
                output += "("
                appendPosition(point, to: &output)
                output += ")"
            }
        case .multiLineString(let multi):
            output += "MULTILINESTRING"
            appendList(multi.lineStrings, to: &output) { appendLineBody($0.points, to: &$1) }
        case .multiPolygon(let multi):
            output += "MULTIPOLYGON"
            appendList(multi.polygons, to: &output) { appendPolygonBody($0, to: &$1) }
        case .geometryCollection(let collection):
            output += "GEOMETRYCOLLECTION"
            appendList(collection.geometries, to: &output) { append($0, to: &$1) }
        }
    }

    private static func appendList<Member>(
        _ members: [Member], to output: inout String, _ appendMember: (Member, inout String) -> Void
    ) {
        if members.isEmpty {
            output += " EMPTY"
            return
        }
        output += " ("
        for (index, member) in members.enumerated() {
            if index > 0 { output += ", " }
            appendMember(member, &output)
        }
        output += ")"
    }

    private static func appendPositionList(_ points: [Point], to output: inout String) {
        if points.isEmpty {
            output += " EMPTY"
            return
        }
        output += " "
        appendLineBody(points, to: &output)
    }

    /// `(x y, x y)`, or `EMPTY` inside a multi-geometry.
    private static func appendLineBody(_ points: [Point], to output: inout String) {
        if points.isEmpty {
            output += "EMPTY"
            return
        }
        output += "("
        for (index, point) in points.enumerated() {
            if index > 0 { output += ", " }
            appendPosition(point, to: &output)
        }
        output += ")"
    }

    private static func appendPolygonBody(_ polygon: Polygon, to output: inout String) {
        if polygon.isEmpty {
            output += "EMPTY"
            return
        }
        output += "("
        for (index, ring) in polygon.rings.enumerated() {
            if index > 0 { output += ", " }
            appendLineBody(ring.points, to: &output)
        }
        output += ")"
    }

    private static func appendPosition(_ point: Point, to output: inout String) {
        output += formatNumber(point.x)
        output += " "
        output += formatNumber(point.y)
    }

    static func formatNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }
}

extension GeometryConvertible {
    public var wkt: String { WKTWriter.write(geometry) }
}
