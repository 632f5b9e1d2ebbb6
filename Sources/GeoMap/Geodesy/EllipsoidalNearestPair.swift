/// The second, exact pass of the geodesic distance: measures the spherical candidates on the
/// WGS84 ellipsoid and returns the nearest pair of points.
struct EllipsoidalNearestPair {
    var distance: Double
    var onFirst: Point
    var onSecond: Point

    /// Candidates are first estimated by the ellipsoidal length of the great circle to their
    /// spherical foot point (`UnitSphere.ellipsoidalLength`: within 2e-8 of the geodesic up to
    /// 1,000 km and 5e-6 up to 15,000 km, and the foot is within the edge's slack of the edge);
    /// only those whose estimate could still beat the best exact distance are measured exactly.
    init?(_ search: SphericalCandidateSearch, geodesic: Geodesic) {
        let first = search.first
        let second = search.second
        var estimates: [(estimate: Double, margin: Double, index: Int)] = []
        estimates.reserveCapacity(search.candidates.count)
        for (index, candidate) in search.candidates.enumerated() {
            let vertexShape = candidate.vertexInFirst ? first : second
            let otherShape = candidate.vertexInFirst ? second : first
            let estimate = UnitSphere.ellipsoidalLength(vertexShape.vectors[candidate.vertex], candidate.foot)
            let slack = candidate.otherIsEdge ? otherShape.edgeSlack[candidate.other] : 0
            let relative = estimate < 15_000_000 ? 3e-5 : 1e-3
            let margin = slack * UnitSphere.radius + relative * estimate + 1e-3
            estimates.append((estimate, margin, index))
        }
        estimates.sort { $0.estimate < $1.estimate }

        var best: (distance: Double, candidate: Int, onVertexSide: Point, onOtherSide: Point)?
        for entry in estimates {
            if let best, entry.estimate - entry.margin > best.distance { continue }
            let candidate = search.candidates[entry.index]
            let vertexShape = candidate.vertexInFirst ? first : second
            let otherShape = candidate.vertexInFirst ? second : first
            let vertex = vertexShape.points[candidate.vertex]
            let nearest: (point: Point, distance: Double)
            if candidate.otherIsEdge {
                nearest = geodesic.nearestPoint(
                    onSegmentFrom: otherShape.points[candidate.other], to: otherShape.points[candidate.other + 1], toward: vertex)
            } else {
                let other = otherShape.points[candidate.other]
                nearest = (other, geodesic.uncheckedDistance(from: vertex, to: other))
            }
            if nearest.distance < best?.distance ?? .infinity {
                best = (nearest.distance, entry.index, vertex, nearest.point)
            }
        }
        guard var best else { return nil }

        // Two edges can come closest inside both of them (on the sphere only when they cross, on
        // the ellipsoid also by a hair): slide along the vertex's own edges in turn.
        let candidate = search.candidates[best.candidate]
        if candidate.otherIsEdge && best.distance > 0 {
            let vertexShape = candidate.vertexInFirst ? first : second
            let otherShape = candidate.vertexInFirst ? second : first
            let otherStart = otherShape.points[candidate.other]
            let otherEnd = otherShape.points[candidate.other + 1]
            for ownEdge in vertexShape.edges(touching: candidate.vertex) {
                let ownStart = vertexShape.points[ownEdge]
                let ownEnd = vertexShape.points[ownEdge + 1]
                var onOwn = best.onVertexSide
                var onOther = best.onOtherSide
                var distance = best.distance
                for _ in 0..<8 {
                    let movedOwn = geodesic.nearestPoint(onSegmentFrom: ownStart, to: ownEnd, toward: onOther)
                    guard movedOwn.distance < distance - 1e-6 else { break }
                    onOwn = movedOwn.point
                    distance = movedOwn.distance
                    let movedOther = geodesic.nearestPoint(onSegmentFrom: otherStart, to: otherEnd, toward: onOwn)
                    guard movedOther.distance < distance - 1e-6 else { break }
                    onOther = movedOther.point
                    distance = movedOther.distance
                }
                if distance < best.distance { best = (distance, best.candidate, onOwn, onOther) }
            }
        }
        self.distance = best.distance
        onFirst = candidate.vertexInFirst ? best.onVertexSide : best.onOtherSide
        onSecond = candidate.vertexInFirst ? best.onOtherSide : best.onVertexSide
    }
}

extension GeodesicShape {
    /// The edges (by start vertex) that end or start at `vertex`.
    func edges(touching vertex: Int) -> [Int] {
        var edges = [Int]()
        if vertex > 0 && startsEdge[vertex - 1] { edges.append(vertex - 1) }
        if startsEdge[vertex] { edges.append(vertex) }
        return edges
    }
}
