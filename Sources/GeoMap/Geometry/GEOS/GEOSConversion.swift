import CGeos

/// Conversion between GeoMap's value types and GEOS geometries, used only inside an operation.
extension GEOSContext {
    /// A new GEOS geometry equal to `geometry`.
    func makeHandle(_ geometry: Geometry) throws -> GEOSGeometryHandle {
        switch geometry {
        case .point(let point):
            return try own(GEOSGeom_createPointFromXY_r(handle, point.x, point.y), "GEOSGeom_createPointFromXY_r")
        case .lineString(let line):
            return try makeLineString(line.points)
        case .polygon(let polygon):
            return try makePolygon(polygon)
        case .multiPoint(let multi):
            let members = try multi.points.map { try makeHandle(.point($0)) }
            return try makeCollection(GEOS_MULTIPOINT, members)
        case .multiLineString(let multi):
            let members = try multi.lineStrings.map { try makeLineString($0.points) }
            return try makeCollection(GEOS_MULTILINESTRING, members)
        case .multiPolygon(let multi):
            let members = try multi.polygons.map { try makePolygon($0) }
            return try makeCollection(GEOS_MULTIPOLYGON, members)
        case .geometryCollection(let collection):
            let members = try collection.geometries.map { try makeHandle($0) }
            return try makeCollection(GEOS_GEOMETRYCOLLECTION, members)
        }
    }

    /// Wraps a GEOS result the caller owns, or throws the captured GEOS error if it is NULL.
    func own(_ raw: OpaquePointer?, _ operation: String) throws -> GEOSGeometryHandle {
        guard let raw else { throw failure(operation) }
        return GEOSGeometryHandle(taking: raw, context: self)
    }

    /// Converts a GEOS result the caller owns into a value and frees it.
    func takeGeometry(_ raw: OpaquePointer?, _ operation: String) throws -> Geometry {
        let owner = try own(raw, operation)
        return try makeGeometry(borrowing: owner.pointer)
    }

    private func makeCoordinateSequence(_ points: [Point]) throws -> OpaquePointer {
        let sequence = points.withInterleavedCoordinates { doubles, count in
            GEOSCoordSeq_copyFromBuffer_r(handle, doubles, UInt32(count), 0, 0)
        }
        guard let sequence else { throw failure("GEOSCoordSeq_copyFromBuffer_r") }
        return sequence
    }

    private func makeLineString(_ points: [Point]) throws -> GEOSGeometryHandle {
        if points.isEmpty { return try own(GEOSGeom_createEmptyLineString_r(handle), "GEOSGeom_createEmptyLineString_r") }
        // GEOSGeom_createLineString_r takes the sequence, even when it fails.
        return try own(GEOSGeom_createLineString_r(handle, try makeCoordinateSequence(points)), "GEOSGeom_createLineString_r")
    }

    private func makeLinearRing(_ ring: LinearRing) throws -> GEOSGeometryHandle {
        try own(GEOSGeom_createLinearRing_r(handle, try makeCoordinateSequence(ring.points)), "GEOSGeom_createLinearRing_r")
    }

    private func makePolygon(_ polygon: Polygon) throws -> GEOSGeometryHandle {
        if polygon.isEmpty { return try own(GEOSGeom_createEmptyPolygon_r(handle), "GEOSGeom_createEmptyPolygon_r") }
        let shell = try makeLinearRing(polygon.exterior)
        let holes = try polygon.holes.map(makeLinearRing)
        // GEOSGeom_createPolygon_r takes the shell and the holes (not the array), even when it fails.
        var holePointers: [OpaquePointer?] = holes.map { $0.relinquish() }
        let shellPointer = shell.relinquish()
        let created = GEOSGeom_createPolygon_r(handle, shellPointer, &holePointers, UInt32(holePointers.count))
        return try own(created, "GEOSGeom_createPolygon_r")
    }

    private func makeCollection(_ type: GEOSGeomTypes, _ members: [GEOSGeometryHandle]) throws -> GEOSGeometryHandle {
        if members.isEmpty {
            return try own(GEOSGeom_createEmptyCollection_r(handle, Int32(type.rawValue)), "GEOSGeom_createEmptyCollection_r")
        }
        // GEOSGeom_createCollection_r takes the members (not the array), even when it fails.
        var memberPointers: [OpaquePointer?] = members.map { $0.relinquish() }
        let created = GEOSGeom_createCollection_r(handle, Int32(type.rawValue), &memberPointers, UInt32(memberPointers.count))
        return try own(created, "GEOSGeom_createCollection_r")
    }

    /// A value copy of a GEOS geometry that stays owned by the caller.
    func makeGeometry(borrowing raw: OpaquePointer) throws -> Geometry {
        let typeID = GEOSGeomTypeId_r(handle, raw)
        guard typeID >= 0 else { throw failure("GEOSGeomTypeId_r") }
        switch UInt32(typeID) {
        case GEOS_POINT.rawValue:
            if try isEmpty(raw) { return .multiPoint(MultiPoint(points: [])) }
            return .point(try pointCoordinates(raw))
        case GEOS_LINESTRING.rawValue, GEOS_LINEARRING.rawValue:
            return .lineString(LineString(uncheckedPoints: try points(raw)))
        case GEOS_POLYGON.rawValue:
            return .polygon(try polygon(raw))
        case GEOS_MULTIPOINT.rawValue:
            var points = [Point]()
            for member in try members(raw) where !(try isEmpty(member)) {
                points.append(try pointCoordinates(member))
            }
            return .multiPoint(MultiPoint(points: points))
        case GEOS_MULTILINESTRING.rawValue:
            let lines = try members(raw).map { LineString(uncheckedPoints: try points($0)) }
            return .multiLineString(MultiLineString(lineStrings: lines))
        case GEOS_MULTIPOLYGON.rawValue:
            return .multiPolygon(MultiPolygon(polygons: try members(raw).map(polygon)))
        case GEOS_GEOMETRYCOLLECTION.rawValue:
            return .geometryCollection(GeometryCollection(geometries: try members(raw).map(makeGeometry)))
        default:
            throw GEOSError(operation: "GEOSGeomTypeId_r", message: "unsupported geometry type \(typeID)")
        }
    }

    private func isEmpty(_ raw: OpaquePointer) throws -> Bool {
        try predicateResult(GEOSisEmpty_r(handle, raw), "GEOSisEmpty_r")
    }

    private func pointCoordinates(_ raw: OpaquePointer) throws -> Point {
        var x = 0.0
        var y = 0.0
        guard GEOSGeomGetX_r(handle, raw, &x) != 0, GEOSGeomGetY_r(handle, raw, &y) != 0 else {
            throw failure("GEOSGeomGetX_r")
        }
        return Point(x: x, y: y)
    }

    private func points(_ raw: OpaquePointer) throws -> [Point] {
        guard let sequence = GEOSGeom_getCoordSeq_r(handle, raw) else { throw failure("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, sequence, &size) != 0 else { throw failure("GEOSCoordSeq_getSize_r") }
        var succeeded = true
        let points = [Point].fromInterleavedCoordinates(count: Int(size)) { buffer in
            succeeded = GEOSCoordSeq_copyToBuffer_r(handle, sequence, buffer, 0, 0) != 0
        }
        guard succeeded else { throw failure("GEOSCoordSeq_copyToBuffer_r") }
        return points
    }

    private func polygon(_ raw: OpaquePointer) throws -> Polygon {
        if try isEmpty(raw) { return .empty }
        guard let exterior = GEOSGetExteriorRing_r(handle, raw) else { throw failure("GEOSGetExteriorRing_r") }
        let holeCount = GEOSGetNumInteriorRings_r(handle, raw)
        guard holeCount >= 0 else { throw failure("GEOSGetNumInteriorRings_r") }
        var holes = [LinearRing]()
        holes.reserveCapacity(Int(holeCount))
        for index in 0..<holeCount {
            guard let hole = GEOSGetInteriorRingN_r(handle, raw, index) else { throw failure("GEOSGetInteriorRingN_r") }
            let ring = try points(hole)
            if !ring.isEmpty { holes.append(LinearRing(uncheckedPoints: ring)) }
        }
        return Polygon(uncheckedExterior: LinearRing(uncheckedPoints: try points(exterior)), holes: holes)
    }

    /// The members of a collection, borrowed from it.
    private func members(_ raw: OpaquePointer) throws -> [OpaquePointer] {
        let count = GEOSGetNumGeometries_r(handle, raw)
        guard count >= 0 else { throw failure("GEOSGetNumGeometries_r") }
        return try (0..<count).map { index in
            guard let member = GEOSGetGeometryN_r(handle, raw, index) else { throw failure("GEOSGetGeometryN_r") }
            return member
        }
    }
}

extension GeometryConvertible {
    /// Runs `body` with this geometry as a fresh GEOS handle on the calling thread's context.
    func withGEOSHandle<Result>(_ body: (GEOSContext, GEOSGeometryHandle) throws -> Result) throws -> Result {
        let context = try GEOSContext.current()
        context.resetMessages()
        let handle = try context.makeHandle(geometry)
        return try body(context, handle)
    }

    /// Runs `body` with this geometry and `other` as GEOS handles on the calling thread's context.
    func withGEOSHandles<Result>(
        _ other: some GeometryConvertible, _ body: (GEOSContext, GEOSGeometryHandle, GEOSGeometryHandle) throws -> Result
    ) throws -> Result {
        let context = try GEOSContext.current()
        context.resetMessages()
        let first = try context.makeHandle(geometry)
        let second = try context.makeHandle(other.geometry)
        return try body(context, first, second)
    }
}
