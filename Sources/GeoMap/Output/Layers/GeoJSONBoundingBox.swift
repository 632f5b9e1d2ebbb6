/// A GeoJSON `bbox`: [west, south, east, north]. When the geometry spans the antimeridian the
/// box does too, and west is greater than east (RFC 7946 §5.2): Russia is [19.6, 41.2, −169.0, 81.9].
public struct GeoJSONBoundingBox: Hashable, Sendable {
    public var west: Double
    public var south: Double
    public var east: Double
    public var north: Double

    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    public var crossesAntimeridian: Bool { west > east }

    /// The smallest box around the geometries: the narrowest span of longitudes, going over the
    /// antimeridian when that is narrower. Nil when they are all empty.
    public init?(of geometries: [Geometry]) {
        var spans: [(west: Double, east: Double)] = []
        var south = Double.infinity, north = -Double.infinity
        for geometry in geometries {
            for part in geometry.parts {
                guard let box = part.boundingBox else { continue }
                spans.append((box.minX, box.maxX))
                south = min(south, box.minY)
                north = max(north, box.maxY)
            }
        }
        guard !spans.isEmpty else { return nil }
        spans.sort { $0.west < $1.west }
        var merged: [(west: Double, east: Double)] = [spans[0]]
        for span in spans.dropFirst() {
            if span.west <= merged[merged.count - 1].east {
                merged[merged.count - 1].east = max(merged[merged.count - 1].east, span.east)
            } else {
                merged.append(span)
            }
        }
        // The widest stretch of longitude that nothing covers is left out of the box.
        var west = merged[0].west, east = merged[merged.count - 1].east
        var widestGap = merged[0].west + 360 - merged[merged.count - 1].east
        for k in 1..<merged.count {
            let gap = merged[k].west - merged[k - 1].east
            if gap > widestGap {
                widestGap = gap
                west = merged[k].west
                east = merged[k - 1].east
            }
        }
        self.init(west: west, south: south, east: east, north: north)
    }
}

extension Geometry {
    /// The connected parts: each point, line and polygon of a multi-geometry or collection.
    var parts: [Geometry] {
        switch self {
        case .point, .lineString, .polygon: return [self]
        case .multiPoint(let multi): return multi.points.map(Geometry.point)
        case .multiLineString(let multi): return multi.lineStrings.map(Geometry.lineString)
        case .multiPolygon(let multi): return multi.polygons.map(Geometry.polygon)
        case .geometryCollection(let collection): return collection.geometries.flatMap(\.parts)
        }
    }
}
