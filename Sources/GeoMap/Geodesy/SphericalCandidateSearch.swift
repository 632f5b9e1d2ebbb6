/// The first, spherical pass of the geodesic distance: walks both cap trees together and keeps
/// every vertex–edge (or vertex–vertex) pairing that could hold the shortest WGS84 distance.
///
/// Sphere angles bound ellipsoidal distances from both sides (`UnitSphere.smallestScale` and
/// `largestScale`), and each geodesic edge stays within its slack of the great-circle arc, so a
/// pairing is dropped only when it provably cannot be the nearest. It also stops at the first
/// pair of crossing edges.
struct SphericalCandidateSearch {
    struct Candidate {
        /// Whether the vertex belongs to the first shape (the edge or other vertex to the second).
        var vertexInFirst: Bool
        var vertex: Int
        /// The other shape's edge start, or its isolated vertex when `otherIsEdge` is false.
        var other: Int
        var otherIsEdge: Bool
        /// Sphere angle minus the edge's slack: no closer than this on the sphere.
        var lowerAngle: Double
        /// The foot of the perpendicular on the sphere, for a first ellipsoidal estimate.
        var foot: UnitSphere.Vector
    }

    struct Crossing {
        var point: UnitSphere.Vector
    }

    let first: GeodesicShape
    let second: GeodesicShape
    private(set) var candidates: [Candidate] = []
    private(set) var crossing: Crossing?
    /// The smallest upper bound (radians) found so far for the shapes' distance on the sphere.
    private var bestUpperAngle = Double.infinity

    private static let scaleRatio = UnitSphere.largestScale / UnitSphere.smallestScale

    private var threshold: Double { bestUpperAngle * Self.scaleRatio + 1e-12 }

    init(first: GeodesicShape, second: GeodesicShape) {
        self.first = first
        self.second = second
        visit(first.caps.rootIndex, second.caps.rootIndex)
        let limit = threshold
        candidates.removeAll { $0.lowerAngle > limit }
    }

    private mutating func visit(_ firstNode: Int, _ secondNode: Int) {
        if crossing != nil { return }
        let a = first.caps.nodes[firstNode]
        let b = second.caps.nodes[secondNode]
        if CapTree.lowerBound(a, b) > threshold { return }
        if a.isLeaf && b.isLeaf {
            evaluateLeaves(a, b)
            return
        }
        let splitFirst = !a.isLeaf && (b.isLeaf || a.radius >= b.radius)
        var pairs: [(bound: Double, first: Int, second: Int)] = []
        if splitFirst {
            for child in a.first...a.last {
                pairs.append((CapTree.lowerBound(first.caps.nodes[child], b), child, secondNode))
            }
        } else {
            for child in b.first...b.last {
                pairs.append((CapTree.lowerBound(a, second.caps.nodes[child]), firstNode, child))
            }
        }
        pairs.sort { $0.bound < $1.bound }
        for pair in pairs where pair.bound <= threshold {
            visit(pair.first, pair.second)
        }
    }

    private mutating func evaluateLeaves(_ a: CapTree.Node, _ b: CapTree.Node) {
        let firstHasEdges = a.last > a.first
        let secondHasEdges = b.last > b.first
        if secondHasEdges { considerVertices(a.first...a.last, inFirst: true, againstEdges: b.first..<b.last) }
        if firstHasEdges { considerVertices(b.first...b.last, inFirst: false, againstEdges: a.first..<a.last) }
        if !firstHasEdges && !secondHasEdges {
            let angle = UnitSphere.angle(first.vectors[a.first], second.vectors[b.first])
            record(Candidate(vertexInFirst: true, vertex: a.first, other: b.first, otherIsEdge: false,
                             lowerAngle: angle, foot: second.vectors[b.first]), upperAngle: angle)
        }
        if firstHasEdges && secondHasEdges && CapTree.lowerBound(a, b) == 0 {
            for edgeA in a.first..<a.last {
                for edgeB in b.first..<b.last {
                    if let point = UnitSphere.crossing(first.vectors[edgeA], first.vectors[edgeA + 1],
                                                       second.vectors[edgeB], second.vectors[edgeB + 1]) {
                        crossing = Crossing(point: point)
                        bestUpperAngle = 0
                        return
                    }
                }
            }
        }
    }

    private mutating func considerVertices(_ vertices: ClosedRange<Int>, inFirst: Bool, againstEdges edges: Range<Int>) {
        let vertexShape = inFirst ? first : second
        let edgeShape = inFirst ? second : first
        for vertex in vertices {
            let p = vertexShape.vectors[vertex]
            for edge in edges {
                let (angle, foot) = UnitSphere.nearestOnArc(
                    p, edgeShape.vectors[edge], edgeShape.vectors[edge + 1], normal: edgeShape.edgeNormals[edge])
                let slack = edgeShape.edgeSlack[edge]
                record(Candidate(vertexInFirst: inFirst, vertex: vertex, other: edge, otherIsEdge: true,
                                 lowerAngle: angle - slack, foot: foot), upperAngle: angle + slack)
            }
        }
    }

    private mutating func record(_ candidate: Candidate, upperAngle: Double) {
        if upperAngle < bestUpperAngle { bestUpperAngle = upperAngle }
        if candidate.lowerAngle <= threshold { candidates.append(candidate) }
    }
}
