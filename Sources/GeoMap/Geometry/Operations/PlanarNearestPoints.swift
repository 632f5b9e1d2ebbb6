import CGeos

extension GeometryConvertible {
    /// The nearest pair of points in the plane of the coordinates (degrees as if they were metres).
    /// Not a geographic distance: use `Geodesic.shortestDistance(between:and:)` for that.
    public func planarNearestPoints(with other: some GeometryConvertible) throws -> (onSelf: Point, onOther: Point) {
        guard !geometry.isEmpty, !other.geometry.isEmpty else { throw GeometryError.emptyGeometry(operation: "nearest points") }
        return try withGEOSHandles(other) { context, first, second in
            guard let raw = GEOSNearestPoints_r(context.handle, first.pointer, second.pointer) else {
                throw context.failure("GEOSNearestPoints_r")
            }
            let points = try GEOSCoordinateSequenceHandle(taking: raw, context: context).points()
            guard points.count == 2 else {
                throw GEOSError(operation: "GEOSNearestPoints_r", message: "expected 2 points, got \(points.count)")
            }
            return (points[0], points[1])
        }
    }
}
