import CGeos

extension GeometryConvertible {
    /// A point inside the geometry near its visual centre, for labels and representative points.
    ///
    /// For polygons this is the centre of the largest inscribed circle (found to `tolerance`
    /// coordinate units; by default a thousandth of the envelope's larger side), which lies deep
    /// inside even for crescent or C-shaped outlines where the centroid falls outside. If GEOS
    /// cannot find it, or it does not lie on the geometry, `GEOSPointOnSurface_r` is used instead.
    /// Lines and points get `GEOSPointOnSurface_r` directly.
    public func visualCentre(tolerance: Double? = nil) throws -> Point {
        let geometry = self.geometry
        guard !geometry.isEmpty, let box = geometry.boundingBox else {
            throw GeometryError.emptyGeometry(operation: "visual centre")
        }
        return try withGEOSHandle { context, handle in
            if geometry.hasArea {
                let size = max(box.width, box.height)
                let step = tolerance ?? (size > 0 ? size / 1000 : 1e-9)
                if let circle = GEOSMaximumInscribedCircle_r(context.handle, handle.pointer, step) {
                    let radius = try context.takeGeometry(circle, "GEOSMaximumInscribedCircle_r")
                    if case .lineString(let line) = radius, let centre = line.points.first,
                        let centreHandle = try? context.makeHandle(.point(centre)),
                        GEOSCovers_r(context.handle, handle.pointer, centreHandle.pointer) == 1
                    {
                        return centre
                    }
                }
                context.resetMessages()
            }
            let surfacePoint = try context.takeGeometry(GEOSPointOnSurface_r(context.handle, handle.pointer), "GEOSPointOnSurface_r")
            guard case .point(let point) = surfacePoint else {
                throw GEOSError(operation: "GEOSPointOnSurface_r", message: "returned \(surfacePoint.typeName)")
            }
            return point
        }
    }
}

extension Geometry {
    /// Whether any part is a non-empty polygon.
    var hasArea: Bool {
        switch self {
        case .polygon(let polygon): return !polygon.isEmpty
        case .multiPolygon(let multi): return !multi.isEmpty
        case .geometryCollection(let collection): return collection.geometries.contains(where: \.hasArea)
        default: return false
        }
    }
}
