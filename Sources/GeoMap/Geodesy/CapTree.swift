/// A hierarchy of spherical caps over a shape's linework. Leaves hold runs of up to
/// `edgesPerLeaf` consecutive edges of one path (or one isolated point); each parent caps up to
/// `childrenPerNode` consecutive nodes. Consecutive vertices lie close together, so runs make
/// tight caps without any sorting.
struct CapTree: Sendable {
    static let edgesPerLeaf = 16
    static let childrenPerNode = 8

    struct Node: Sendable {
        /// Unit vector at the cap's centre.
        var centre: UnitSphere.Vector
        /// Angular radius (radians) that covers every vertex and every edge of the node.
        var radius: Double
        /// Leaves: the first and last vertex. Parents: the range of child node indices.
        var first: Int
        var last: Int
        var isLeaf: Bool
    }

    private(set) var nodes: [Node] = []
    var rootIndex: Int { nodes.count - 1 }

    init(vectors: [UnitSphere.Vector], paths: [Range<Int>], edgeSlack: [Double]) {
        for path in paths {
            if path.count == 1 {
                nodes.append(Node(centre: vectors[path.lowerBound], radius: 0, first: path.lowerBound, last: path.lowerBound, isLeaf: true))
                continue
            }
            var start = path.lowerBound
            while start < path.upperBound - 1 {
                let last = min(start + Self.edgesPerLeaf, path.upperBound - 1)
                nodes.append(Self.leaf(vectors: vectors, first: start, last: last, edgeSlack: edgeSlack))
                start = last
            }
        }
        var levelStart = 0
        var levelEnd = nodes.count
        while levelEnd - levelStart > 1 {
            var child = levelStart
            while child < levelEnd {
                let lastChild = min(child + Self.childrenPerNode, levelEnd) - 1
                nodes.append(parent(of: child...lastChild))
                child = lastChild + 1
            }
            levelStart = levelEnd
            levelEnd = nodes.count
        }
    }

    private static func leaf(vectors: [UnitSphere.Vector], first: Int, last: Int, edgeSlack: [Double]) -> Node {
        var slack = 0.0
        for index in first..<last { slack = max(slack, edgeSlack[index]) }
        let cap = boundingCap(of: vectors[first...last], slack: slack)
        return Node(centre: cap.centre, radius: cap.radius, first: first, last: last, isLeaf: true)
    }

    /// A cap around the points, widened by `slack`. A cap smaller than a hemisphere also holds
    /// every great-circle arc between its points; a larger one gets radius π.
    static func boundingCap(of points: ArraySlice<UnitSphere.Vector>, slack: Double) -> (centre: UnitSphere.Vector, radius: Double) {
        guard let first = points.first else { return (UnitSphere.Vector(0, 0, 1), .pi) }
        var sum = UnitSphere.Vector.zero
        for point in points { sum += point }
        let size = UnitSphere.length(sum)
        guard size > 1e-9 else { return (first, .pi) }
        let centre = sum / size
        var chordSquared = 0.0
        for point in points {
            let offset = point - centre
            chordSquared = max(chordSquared, UnitSphere.dot(offset, offset))
        }
        // A chord of √2 spans a right angle.
        guard chordSquared < 1.9 else { return (centre, .pi) }
        return (centre, UnitSphere.angleBound(chord: chordSquared.squareRoot()) + slack)
    }

    private func parent(of children: ClosedRange<Int>) -> Node {
        var sum = UnitSphere.Vector.zero
        for child in children { sum += nodes[child].centre }
        let size = UnitSphere.length(sum)
        let centre = size > 1e-9 ? sum / size : nodes[children.lowerBound].centre
        var radius = 0.0
        for child in children {
            radius = max(radius, UnitSphere.angle(centre, nodes[child].centre) + nodes[child].radius)
        }
        return Node(centre: centre, radius: min(radius, .pi), first: children.lowerBound, last: children.upperBound, isLeaf: false)
    }

    /// No point of one node's linework is closer than this angle to the other's.
    static func lowerBound(_ a: Node, _ b: Node) -> Double {
        max(0, UnitSphere.angle(a.centre, b.centre) - a.radius - b.radius)
    }
}
