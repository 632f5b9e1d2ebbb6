/// A geometry flattened for geodesic distance search: its vertices as unit vectors, its linework
/// as paths of geodesic edges, its polygons for containment tests, and a hierarchy of bounding
/// caps over the linework.
///
/// Edges are geodesics between consecutive vertices, so a line from 179.5° to −179.5° crosses the
/// antimeridian the short way, and parts split at ±180° meet where they should.
final class GeodesicShape: Sendable {
    /// Every vertex, as given.
    let points: [Point]
    let vectors: [UnitSphere.Vector]
    /// Vertex ranges; a range of one vertex is an isolated point.
    let paths: [Range<Int>]
    /// For each vertex that starts an edge: the edge's great-circle normal (nil if the edge has no length).
    let edgeNormals: [UnitSphere.Vector?]
    /// For each vertex that starts an edge: how far (radians) the geodesic may stray from the great-circle arc.
    let edgeSlack: [Double]
    /// Whether each vertex starts an edge (is not the last vertex of its path).
    let startsEdge: [Bool]
    /// The connected parts: each point, line and polygon, with one of its vertices.
    let components: [Component]
    let caps: CapTree

    struct Component: Sendable {
        let geometry: Geometry
        /// Its vertices, a contiguous run; the first stands for the whole component.
        let vertices: Range<Int>
        let isPolygon: Bool

        var representativeVertex: Int { vertices.lowerBound }
    }

    /// A spherical cap around each component's vertices (and so, for a polygon smaller than a
    /// hemisphere, around its whole area); radius π when there is no useful bound.
    let componentCaps: [(centre: UnitSphere.Vector, radius: Double)]

    init(_ geometry: Geometry) throws {
        var builder = Builder()
        try builder.add(geometry)
        guard !builder.points.isEmpty else { throw GeometryError.emptyGeometry(operation: "geodesic distance") }
        points = builder.points
        paths = builder.paths
        components = builder.components
        vectors = points.map(UnitSphere.vector)
        var normals = [UnitSphere.Vector?](repeating: nil, count: points.count)
        var slack = [Double](repeating: 0, count: points.count)
        var starts = [Bool](repeating: false, count: points.count)
        for path in paths where path.count > 1 {
            for index in path.lowerBound..<(path.upperBound - 1) {
                let a = vectors[index]
                let b = vectors[index + 1]
                normals[index] = UnitSphere.arcNormal(a, b)
                starts[index] = true
                slack[index] = Self.slack(forChord: UnitSphere.length(b - a))
            }
        }
        edgeNormals = normals
        edgeSlack = slack
        startsEdge = starts
        caps = CapTree(vectors: vectors, paths: paths, edgeSlack: slack)
        componentCaps = components.map { [vectors] component in
            CapTree.boundingCap(of: vectors[component.vertices], slack: 0)
        }
    }

    /// How far (radians) a geodesic edge may stray from the great-circle arc between its ends,
    /// given the chord between them. Measured: about f·θ²/8, growing faster past 5,000 km;
    /// near-antipodal edges are unstable, so beyond 2.5 rad (16,000 km) nothing is assumed.
    static func slack(forChord chord: Double) -> Double {
        guard chord < 1.89 else { return .pi }
        let angle = UnitSphere.angleBound(chord: chord)
        return UnitSphere.flattening * angle * angle * (0.25 + 0.25 * angle) + 1e-12
    }

    private struct Builder {
        var points = [Point]()
        var paths = [Range<Int>]()
        var components = [Component]()

        mutating func addPath(_ pathPoints: [Point]) throws {
            guard !pathPoints.isEmpty else { return }
            for point in pathPoints { try GeodesyError.check(point) }
            let start = points.count
            points.append(contentsOf: pathPoints)
            paths.append(start..<points.count)
        }

        mutating func add(_ geometry: Geometry) throws {
            switch geometry {
            case .point(let point):
                try addComponent(geometry, isPolygon: false) { try $0.addPath([point]) }
            case .lineString(let line):
                guard !line.isEmpty else { return }
                try addComponent(geometry, isPolygon: false) { try $0.addPath(line.points) }
            case .polygon(let polygon):
                guard !polygon.isEmpty else { return }
                try addComponent(geometry, isPolygon: true) { builder in
                    for ring in polygon.rings { try builder.addPath(ring.points) }
                }
            case .multiPoint(let multi):
                for point in multi.points { try add(.point(point)) }
            case .multiLineString(let multi):
                for line in multi.lineStrings { try add(.lineString(line)) }
            case .multiPolygon(let multi):
                for polygon in multi.polygons { try add(.polygon(polygon)) }
            case .geometryCollection(let collection):
                for member in collection.geometries { try add(member) }
            }
        }

        private mutating func addComponent(_ geometry: Geometry, isPolygon: Bool, _ addPaths: (inout Builder) throws -> Void) throws {
            let firstVertex = points.count
            try addPaths(&self)
            if points.count > firstVertex {
                components.append(Component(geometry: geometry, vertices: firstVertex..<points.count, isPolygon: isPolygon))
            }
        }
    }
}
