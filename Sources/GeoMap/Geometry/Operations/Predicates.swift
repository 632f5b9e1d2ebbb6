import CGeos

/// Spatial predicates, planar on the coordinates as given. For many tests against one polygon
/// use `PreparedGeometry`.
extension GeometryConvertible {
    /// No point of `other` lies outside this geometry, and their interiors share a point.
    public func contains(_ other: some GeometryConvertible) throws -> Bool {
        try withGEOSHandles(other) { context, first, second in
            try context.predicateResult(GEOSContains_r(context.handle, first.pointer, second.pointer), "GEOSContains_r")
        }
    }

    /// This geometry lies in `other` (`other.contains(self)`).
    public func within(_ other: some GeometryConvertible) throws -> Bool {
        try withGEOSHandles(other) { context, first, second in
            try context.predicateResult(GEOSWithin_r(context.handle, first.pointer, second.pointer), "GEOSWithin_r")
        }
    }

    /// The two share at least one point.
    public func intersects(_ other: some GeometryConvertible) throws -> Bool {
        try withGEOSHandles(other) { context, first, second in
            try context.predicateResult(GEOSIntersects_r(context.handle, first.pointer, second.pointer), "GEOSIntersects_r")
        }
    }

    /// No point of `other` lies outside this geometry; unlike `contains`, a point on the boundary counts.
    public func covers(_ other: some GeometryConvertible) throws -> Bool {
        try withGEOSHandles(other) { context, first, second in
            try context.predicateResult(GEOSCovers_r(context.handle, first.pointer, second.pointer), "GEOSCovers_r")
        }
    }
}
