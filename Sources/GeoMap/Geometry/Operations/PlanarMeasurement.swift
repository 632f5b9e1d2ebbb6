import CGeos

extension GeometryConvertible {
    /// Area in squared coordinate units. On longitude/latitude this is square degrees, not an area on the Earth.
    public func planarArea() throws -> Double {
        try withGEOSHandle { context, handle in
            var area = 0.0
            guard GEOSArea_r(context.handle, handle.pointer, &area) != 0 else { throw context.failure("GEOSArea_r") }
            return area
        }
    }

    /// Length in coordinate units. On longitude/latitude this is degrees, not a length on the Earth.
    public func planarLength() throws -> Double {
        try withGEOSHandle { context, handle in
            var length = 0.0
            guard GEOSLength_r(context.handle, handle.pointer, &length) != 0 else { throw context.failure("GEOSLength_r") }
            return length
        }
    }
}
