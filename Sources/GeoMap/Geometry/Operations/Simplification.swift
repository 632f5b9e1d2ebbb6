import CGeos

extension GeometryConvertible {
    /// Douglas–Peucker simplification that keeps the topology (no new self-intersections, holes
    /// stay inside). `tolerance` is in coordinate units (degrees for longitude/latitude).
    public func topologyPreservingSimplified(tolerance: Double) throws -> Geometry {
        try withGEOSHandle { context, handle in
            try context.takeGeometry(
                GEOSTopologyPreserveSimplify_r(context.handle, handle.pointer, tolerance), "GEOSTopologyPreserveSimplify_r")
        }
    }
}
