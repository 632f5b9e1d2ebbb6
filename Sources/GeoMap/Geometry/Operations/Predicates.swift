import CGeos

/// Spatial predicates, planar on the coordinates as given. For many tests against one polygon
/// use `PreparedGeometry`.
extension GeometryConvertible {
    /// No point of `other` lies outside this geometry, and their interiors share a point.
    public func contains(_ other: some GeometryConvertible) throws -> Bool {
        try test(other, GEOSContains_r, "GEOSContains_r")
    }

    /// This geometry lies in `other` (`other.contains(self)`).
    public func within(_ other: some GeometryConvertible) throws -> Bool {
        try test(other, GEOSWithin_r, "GEOSWithin_r")
    }

    /// The two share at least one point.
    public func intersects(_ other: some GeometryConvertible) throws -> Bool {
        try test(other, GEOSIntersects_r, "GEOSIntersects_r")
    }

    /// No point of `other` lies outside this geometry; unlike `contains`, a point on the boundary counts.
    public func covers(_ other: some GeometryConvertible) throws -> Bool {
        try test(other, GEOSCovers_r, "GEOSCovers_r")
    }

    private func test(_ other: some GeometryConvertible,
                      _ predicate: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar,
                      _ name: String) throws -> Bool {
        try withGEOSHandles(other) { context, first, second in
            try context.predicateResult(predicate(context.handle, first.pointer, second.pointer), name)
        }
    }
}
