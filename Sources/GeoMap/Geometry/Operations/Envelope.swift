import CGeos

extension GeometryConvertible {
    /// The envelope as a geometry (GEOS): a Polygon, or a Point for a single point.
    /// For the numbers alone, `boundingBox` is cheaper.
    public func envelope() throws -> Geometry {
        try withGEOSHandle { context, handle in
            try context.takeGeometry(GEOSEnvelope_r(context.handle, handle.pointer), "GEOSEnvelope_r")
        }
    }
}
