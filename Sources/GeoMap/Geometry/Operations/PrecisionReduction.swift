import CGeos

extension GeometryConvertible {
    /// Every coordinate snapped to a grid of `gridSize` coordinate units (GEOS precision
    /// reduction). Polygons stay valid: edges that come to cross are noded, and parts that
    /// collapse below the grid are dropped. Invalid input may fail; make it valid first.
    public func reducedPrecision(gridSize: Double) throws -> Geometry {
        try withGEOSHandle { context, handle in
            try context.takeGeometry(
                GEOSGeom_setPrecision_r(context.handle, handle.pointer, gridSize, Int32(GEOS_PREC_VALID_OUTPUT.rawValue)),
                "GEOSGeom_setPrecision_r")
        }
    }
}
