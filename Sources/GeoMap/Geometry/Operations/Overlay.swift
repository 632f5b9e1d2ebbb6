import CGeos

extension GeometryConvertible {
    /// The point set union (planar, in the coordinates' own plane).
    public func union(with other: some GeometryConvertible) throws -> Geometry {
        try overlay(other, GEOSUnion_r, "GEOSUnion_r")
    }

    /// The point set intersection (planar).
    public func intersection(with other: some GeometryConvertible) throws -> Geometry {
        try overlay(other, GEOSIntersection_r, "GEOSIntersection_r")
    }

    /// This geometry's parts merged into one (planar), e.g. a MultiPolygon with overlapping parts dissolved.
    public func unaryUnion() throws -> Geometry {
        try withGEOSHandle { context, handle in
            try context.takeGeometry(GEOSUnaryUnion_r(context.handle, handle.pointer), "GEOSUnaryUnion_r")
        }
    }

    private func overlay(_ other: some GeometryConvertible,
                         _ operation: (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> OpaquePointer?,
                         _ name: String) throws -> Geometry {
        try withGEOSHandles(other) { context, first, second in
            try context.takeGeometry(operation(context.handle, first.pointer, second.pointer), name)
        }
    }
}

extension Geometry {
    /// The union of many geometries in one pass, much faster than folding `union(with:)`.
    public static func unaryUnion(of geometries: [Geometry]) throws -> Geometry {
        try Geometry.geometryCollection(GeometryCollection(geometries: geometries)).unaryUnion()
    }
}
