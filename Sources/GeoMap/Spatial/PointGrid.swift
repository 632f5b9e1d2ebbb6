import Foundation

/// Every gazetteer entry's representative point bucketed into 1° cells, for radius searches.
/// Built on demand (one pass over the entries' points, a few milliseconds) and immutable after.
public struct PointGrid: Sendable {
    static let columns = 360
    static let rows = 180

    /// Entries of cell `c` are `entries[cellStart[c]..<cellStart[c + 1]]`.
    private let cellStart: [Int32]
    private let entries: [Int32]

    public init(gazetteer: Gazetteer) {
        let cellCount = Self.columns * Self.rows
        var counts = [Int32](repeating: 0, count: cellCount + 1)
        var cells = [Int32](repeating: 0, count: Int(gazetteer.allEntries.upperBound))
        for entry in gazetteer.allEntries {
            let point = gazetteer.point(entry)
            let cell = Self.cell(lat: point.lat, lon: point.lon)
            cells[Int(entry)] = Int32(cell)
            counts[cell + 1] += 1
        }
        for k in 0..<cellCount { counts[k + 1] += counts[k] }
        var next = counts
        var entries = [Int32](repeating: 0, count: cells.count)
        for (entry, cell) in cells.enumerated() {
            entries[Int(next[Int(cell)])] = Int32(entry)
            next[Int(cell)] += 1
        }
        cellStart = counts
        self.entries = entries
    }

    static func row(_ lat: Double) -> Int { min(rows - 1, max(0, Int((lat + 90).rounded(.down)))) }
    static func column(_ lon: Double) -> Int {
        let wrapped = lon - 360 * ((lon + 180) / 360).rounded(.down)
        return min(columns - 1, max(0, Int((wrapped + 180).rounded(.down))))
    }
    static func cell(lat: Double, lon: Double) -> Int { row(lat) * columns + column(lon) }

    /// Every entry whose point may lie within `metres` of `centre` (a superset; measure them).
    public func candidates(near centre: Point, within metres: Double) -> [Int32] {
        // On the ellipsoid no path is shorter than on a sphere of the polar radius, so this
        // angle bounds how far (on the sphere of reduced latitudes) a point within reach can be.
        let angle = metres / 6_356_752.0 * 1.001 + 1e-9
        let degrees = angle * 180 / .pi
        let southRow = Self.row(centre.lat - degrees - 0.01)
        let northRow = Self.row(centre.lat + degrees + 0.01)
        var columnSpan = Self.columns
        let latitude = abs(centre.lat) * .pi / 180
        if angle < .pi / 2 - latitude - 1e-6 {
            // The widest longitude reach of a spherical cap of this radius.
            let reach = asin(min(1, sin(angle) / cos(latitude))) * 180 / .pi
            columnSpan = Int((2 * reach + 2).rounded(.up)) + 1
        }
        var result: [Int32] = []
        for row in southRow...northRow {
            let columnsToScan: [Int]
            if columnSpan >= Self.columns {
                columnsToScan = Array(0..<Self.columns)
            } else {
                let first = Self.column(centre.lon) - columnSpan / 2
                columnsToScan = (first..<(first + columnSpan)).map { ($0 % Self.columns + Self.columns) % Self.columns }
            }
            for column in columnsToScan {
                let cell = row * Self.columns + column
                result.append(contentsOf: entries[Int(cellStart[cell])..<Int(cellStart[cell + 1])])
            }
        }
        return result
    }
}
