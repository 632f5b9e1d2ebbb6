import CGeos

/// Owns one `GEOSGeometry*` and destroys it exactly once, unless ownership was handed to a GEOS
/// function that takes it (such as `GEOSGeom_createPolygon_r`).
///
/// In GEOS 3.11 every context shares the default geometry factory, so a geometry is not tied to the
/// context that made it; the creating context is kept so the handle can be destroyed from any thread.
final class GEOSGeometryHandle {
    let context: GEOSContext
    private let raw: OpaquePointer
    private var isOwned = true

    init(taking raw: OpaquePointer, context: GEOSContext) {
        self.raw = raw
        self.context = context
    }

    /// The geometry, for GEOS calls that only borrow it.
    var pointer: OpaquePointer { raw }

    /// Hands the geometry to a GEOS function that takes ownership; this owner will not free it.
    func relinquish() -> OpaquePointer {
        isOwned = false
        return raw
    }

    deinit {
        if isOwned { GEOSGeom_destroy_r(context.handle, raw) }
    }
}

/// Owns one `GEOSCoordSequence*` returned to the caller by GEOS (for example by `GEOSNearestPoints_r`).
final class GEOSCoordinateSequenceHandle {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer, context: GEOSContext) {
        self.pointer = pointer
        self.context = context
    }

    deinit {
        GEOSCoordSeq_destroy_r(context.handle, pointer)
    }

    func points() throws -> [Point] {
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(context.handle, pointer, &size) != 0 else {
            throw context.failure("GEOSCoordSeq_getSize_r")
        }
        var succeeded = true
        let points = [Point].fromInterleavedCoordinates(count: Int(size)) { buffer in
            succeeded = GEOSCoordSeq_copyToBuffer_r(context.handle, pointer, buffer, 0, 0) != 0
        }
        guard succeeded else { throw context.failure("GEOSCoordSeq_copyToBuffer_r") }
        return points
    }
}
