import CGeos
import Synchronization

/// A geometry prepared once for many predicate tests (GEOS prepared geometry: indexed edges and a
/// point-in-area locator, built on first use). Build it once per polygon and keep it; a point test
/// then costs microseconds.
///
/// Safe to share between threads. GEOS prepared geometries build their indexes lazily and so must
/// not be used by two threads at once; each test therefore checks a handle out of a small pool,
/// uses it alone on the calling thread's GEOS context, and puts it back. The pool grows to the
/// number of threads that test at the same moment.
public final class PreparedGeometry: Sendable {
    public let geometry: Geometry
    private let idleHandles: Mutex<[PreparedGEOSHandle]>

    public init(_ geometry: some GeometryConvertible) throws {
        self.geometry = geometry.geometry
        let first = try PreparedGEOSHandle(geometry: geometry.geometry, context: try GEOSContext.current())
        idleHandles = Mutex([first])
    }

    /// `other` lies inside (GEOS `contains`: a point on the boundary is not contained).
    public func contains(_ other: some GeometryConvertible) throws -> Bool {
        try test(other, GEOSPreparedContains_r, "GEOSPreparedContains_r")
    }

    /// `other` lies inside or on the boundary.
    public func covers(_ other: some GeometryConvertible) throws -> Bool {
        try test(other, GEOSPreparedCovers_r, "GEOSPreparedCovers_r")
    }

    public func intersects(_ other: some GeometryConvertible) throws -> Bool {
        try test(other, GEOSPreparedIntersects_r, "GEOSPreparedIntersects_r")
    }

    /// This geometry lies inside `other` (`other` contains it).
    public func within(_ other: some GeometryConvertible) throws -> Bool {
        try test(other, GEOSPreparedWithin_r, "GEOSPreparedWithin_r")
    }

    private typealias PreparedPredicate = (GEOSContextHandle_t?, OpaquePointer?, OpaquePointer?) -> CChar

    private func test(_ other: some GeometryConvertible, _ predicate: PreparedPredicate, _ name: String) throws -> Bool {
        let context = try GEOSContext.current()
        context.resetMessages()
        let otherHandle = try context.makeHandle(other.geometry)
        let prepared = try checkOut(context)
        defer { checkIn(prepared) }
        return try context.predicateResult(predicate(context.handle, prepared.pointer, otherHandle.pointer), name)
    }

    private func checkOut(_ context: GEOSContext) throws -> PreparedGEOSHandle {
        if let idle = idleHandles.withLock({ $0.popLast() }) { return idle }
        return try PreparedGEOSHandle(geometry: geometry, context: context)
    }

    private func checkIn(_ handle: PreparedGEOSHandle) {
        idleHandles.withLock { $0.append(handle) }
    }
}

/// Owns one `GEOSPreparedGeometry*` and the geometry it was prepared from, which must outlive it.
///
/// Unchecked-Sendable because it moves between threads through `PreparedGeometry`'s pool, which
/// lends it to one thread at a time.
final class PreparedGEOSHandle: @unchecked Sendable {
    private let base: GEOSGeometryHandle
    let pointer: OpaquePointer

    init(geometry: Geometry, context: GEOSContext) throws {
        context.resetMessages()
        let base = try context.makeHandle(geometry)
        guard let prepared = GEOSPrepare_r(context.handle, base.pointer) else { throw context.failure("GEOSPrepare_r") }
        self.base = base
        self.pointer = prepared
    }

    deinit {
        GEOSPreparedGeom_destroy_r(base.context.handle, pointer)
    }
}
