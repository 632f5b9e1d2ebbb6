/// RFC 7946 §3.1.9: a geometry that crosses the antimeridian is cut in two (or more) so that no
/// part's representation crosses it, and every longitude lies within ±180°.
///
/// A ring or line "crosses" where consecutive vertices are more than 180° of longitude apart
/// (the short way round goes over ±180°), or where longitudes run past ±180°. Such a geometry is
/// unwrapped into continuous longitudes, cut by the windows [−180°, 180°] + k·360°, and each
/// piece shifted back. A ring that encircles a pole (it only closes after 360° of longitude) is
/// closed along the pole's parallel first. Geometries that do not cross pass through untouched;
/// the bundled Natural Earth outlines are already cut this way (Russia, Fiji).
enum AntimeridianSplit {
    static func split(_ geometry: Geometry) throws -> Geometry {
        switch geometry {
        case .polygon(let polygon):
            let parts = try split(polygon)
            return parts.count == 1 ? .polygon(parts[0]) : .multiPolygon(MultiPolygon(polygons: parts))
        case .multiPolygon(let multi):
            guard multi.polygons.contains(where: crosses) else { return geometry }
            return .multiPolygon(MultiPolygon(polygons: try multi.polygons.flatMap(split)))
        case .lineString(let line):
            let parts = split(line.points)
            return parts.count == 1 ? .lineString(parts[0]) : .multiLineString(MultiLineString(lineStrings: parts))
        case .multiLineString(let multi):
            return .multiLineString(MultiLineString(lineStrings: multi.lineStrings.flatMap { split($0.points) }))
        case .point(let point):
            return .point(Point(lon: wrapped(point.lon), lat: point.lat))
        case .multiPoint(let multi):
            return .multiPoint(MultiPoint(points: multi.points.map { Point(lon: wrapped($0.lon), lat: $0.lat) }))
        case .geometryCollection(let collection):
            return .geometryCollection(GeometryCollection(geometries: try collection.geometries.map(split)))
        }
    }

    /// A longitude brought into [−180°, 180°].
    static func wrapped(_ lon: Double) -> Double {
        guard lon < -180 || lon > 180 else { return lon }
        let shifted = lon - 360 * ((lon + 180) / 360).rounded(.down)
        return shifted == -180 && lon > 0 ? 180 : shifted
    }

    static func crosses(_ points: [Point]) -> Bool {
        for (k, point) in points.enumerated() {
            if point.lon < -180 || point.lon > 180 { return true }
            if k > 0 && abs(point.lon - points[k - 1].lon) > 180 { return true }
        }
        return false
    }

    static func crosses(_ polygon: Polygon) -> Bool {
        polygon.rings.contains { crosses($0.points) }
    }

    // MARK: Polygons

    static func split(_ polygon: Polygon) throws -> [Polygon] {
        guard !polygon.isEmpty, crosses(polygon) else { return [polygon] }
        let (exteriorPoints, closes) = unwrap(polygon.exterior.points)
        var exterior = exteriorPoints
        if !closes, let first = exterior.first, let last = exterior.last {
            // Around a pole: close along it.
            let meanLat = exterior.reduce(0) { $0 + $1.lat } / Double(exterior.count)
            let pole: Double = meanLat >= 0 ? 90 : -90
            exterior += [Point(lon: last.lon, lat: pole), Point(lon: first.lon, lat: pole), first]
        }
        let reference = exterior[0].lon
        let holes = polygon.holes.map { hole -> LinearRing in
            var points = unwrap(hole.points).points
            let shift = 360 * ((reference - points[0].lon) / 360).rounded()
            if shift != 0 { points = points.map { Point(lon: $0.lon + shift, lat: $0.lat) } }
            return LinearRing(uncheckedPoints: points)
        }
        var unwrapped = Geometry.polygon(Polygon(uncheckedExterior: LinearRing(uncheckedPoints: exterior), holes: holes))
        if try !unwrapped.isValid() { unwrapped = try unwrapped.makeValid() }
        guard let box = unwrapped.boundingBox else { return [] }
        var parts: [Polygon] = []
        let lowest = Int(((box.minX + 180) / 360).rounded(.down))
        let highest = Int(((box.maxX + 180) / 360).rounded(.up)) - 1
        for window in lowest...max(lowest, highest) {
            let west = -180 + 360 * Double(window)
            let frame = Polygon(uncheckedExterior: LinearRing(uncheckedPoints: [
                Point(lon: west, lat: -90), Point(lon: west + 360, lat: -90), Point(lon: west + 360, lat: 90),
                Point(lon: west, lat: 90), Point(lon: west, lat: -90),
            ]), holes: [])
            let piece = try unwrapped.intersection(with: frame).shiftedEast(by: -360 * Double(window))
            parts += piece.polygons
        }
        return parts
    }

    /// The ring's longitudes made continuous (no step over 180°), and whether it comes back to
    /// its start (a ring around a pole ends 360° away).
    static func unwrap(_ points: [Point]) -> (points: [Point], closes: Bool) {
        guard var previous = points.first else { return (points, true) }
        var result = [previous]
        result.reserveCapacity(points.count)
        var offset = 0.0
        for point in points.dropFirst() {
            let step = point.lon + offset - previous.lon
            if step > 180 { offset -= 360 } else if step < -180 { offset += 360 }
            previous = Point(lon: point.lon + offset, lat: point.lat)
            result.append(previous)
        }
        return (result, offset == 0 || points.first != points.last)
    }

    // MARK: Lines

    /// The line cut where it crosses ±180°, each part within [−180°, 180°].
    static func split(_ points: [Point]) -> [LineString] {
        guard points.count >= 2, crosses(points) else { return points.isEmpty ? [] : [LineString(uncheckedPoints: points)] }
        let line = unwrap(points).points
        func window(_ lon: Double) -> Double { ((lon + 180) / 360).rounded(.down) }
        var current = window(line[0].lon)
        var parts: [[Point]] = [[Point(lon: line[0].lon - 360 * current, lat: line[0].lat)]]
        var start = line[0]
        for end in line.dropFirst() {
            while true {
                let west = -180 + 360 * current
                let east = west + 360
                guard end.lon > east || end.lon < west else { break }
                let boundary = end.lon > east ? east : west
                let t = (boundary - start.lon) / (end.lon - start.lon)
                let crossing = Point(lon: boundary, lat: start.lat + t * (end.lat - start.lat))
                parts[parts.count - 1].append(Point(lon: boundary - 360 * current, lat: crossing.lat))
                current += end.lon > east ? 1 : -1
                parts.append([Point(lon: boundary - 360 * current, lat: crossing.lat)])
                start = crossing
            }
            parts[parts.count - 1].append(Point(lon: end.lon - 360 * current, lat: end.lat))
            start = end
        }
        // A crossing exactly at a vertex leaves a part of one repeated point.
        return parts.filter { part in part.contains { $0 != part[0] } }.map { LineString(uncheckedPoints: $0) }
    }
}

extension Geometry {
    /// The polygons of a polygonal result, whatever its container.
    var polygons: [Polygon] {
        switch self {
        case .polygon(let polygon): return polygon.isEmpty ? [] : [polygon]
        case .multiPolygon(let multi): return multi.polygons.filter { !$0.isEmpty }
        case .geometryCollection(let collection): return collection.geometries.flatMap(\.polygons)
        default: return []
        }
    }
}
