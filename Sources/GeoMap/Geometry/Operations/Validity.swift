import CGeos

extension GeometryConvertible {
    /// Whether the geometry is valid in the OGC sense (GEOS `isValid`).
    public func isValid() throws -> Bool {
        try withGEOSHandle { context, handle in
            try context.predicateResult(GEOSisValid_r(context.handle, handle.pointer), "GEOSisValid_r")
        }
    }

    /// Why the geometry is invalid, with a location, or "Valid Geometry".
    public func validityReason() throws -> String {
        try withGEOSHandle { context, handle in
            guard let reason = GEOSisValidReason_r(context.handle, handle.pointer) else {
                throw context.failure("GEOSisValidReason_r")
            }
            defer { GEOSFree_r(context.handle, reason) }
            return String(cString: reason)
        }
    }

    /// A valid geometry covering the same area. Uses the "structure" method, which keeps polygons
    /// polygonal, and drops parts that collapse to a lower dimension.
    public func makeValid() throws -> Geometry {
        try withGEOSHandle { context, handle in
            let parameters = try GEOSMakeValidParametersHandle(context: context)
            return try context.takeGeometry(
                GEOSMakeValidWithParams_r(context.handle, handle.pointer, parameters.pointer), "GEOSMakeValidWithParams_r")
        }
    }
}

/// Owns one `GEOSMakeValidParams*`.
final class GEOSMakeValidParametersHandle {
    let context: GEOSContext
    let pointer: OpaquePointer

    init(context: GEOSContext) throws {
        guard let pointer = GEOSMakeValidParams_create_r(context.handle) else {
            throw context.failure("GEOSMakeValidParams_create_r")
        }
        self.context = context
        self.pointer = pointer
        guard GEOSMakeValidParams_setMethod_r(context.handle, pointer, GEOS_MAKE_VALID_STRUCTURE) != 0,
            GEOSMakeValidParams_setKeepCollapsed_r(context.handle, pointer, 0) != 0
        else { throw context.failure("GEOSMakeValidParams_setMethod_r") }
    }

    deinit {
        GEOSMakeValidParams_destroy_r(context.handle, pointer)
    }
}
