import Foundation

extension Geodesic {
    /// The point of the geodesic segment from `start` to `end` nearest to `point`, and its distance in metres.
    ///
    /// Along a geodesic the distance to a fixed point changes at the rate cos(α − β), where α is the
    /// segment's azimuth and β the azimuth, at the same place, of the geodesic coming from the point.
    /// The minimum is where that rate changes sign; it is found by a safeguarded regula falsi
    /// (Illinois) on the along-segment distance, each step exact through `geod_position` and `geod_inverse`.
    func nearestPoint(onSegmentFrom start: Point, to end: Point, toward point: Point) -> (point: Point, distance: Double) {
        let line = GeodesicLine(from: start, to: end, on: self)
        let length = line.length
        let fromStart = uncheckedInverse(from: point, to: start)
        guard length > 0, fromStart.distance > 0 else { return (start, fromStart.distance) }
        let fromEnd = uncheckedInverse(from: point, to: end)
        var best = fromStart.distance <= fromEnd.distance ? (start, fromStart.distance) : (end, fromEnd.distance)
        guard fromEnd.distance > 0 else { return (end, 0) }

        func rate(_ segmentAzimuth: Double, _ arrivalAzimuth: Double) -> Double {
            cos((segmentAzimuth - arrivalAzimuth) * .pi / 180)
        }
        var low = 0.0
        var high = length
        var rateLow = rate(line.position(at: 0).azimuth, fromStart.finalAzimuth)
        var rateHigh = rate(line.position(at: length).azimuth, fromEnd.finalAzimuth)
        // Rising at the start or falling at the end: the minimum is an end point.
        guard rateLow < 0, rateHigh > 0 else { return best }

        var lastMovedSide = 0
        for _ in 0..<64 {
            var along = (low * rateHigh - high * rateLow) / (rateHigh - rateLow)
            if !(along > low && along < high) { along = (low + high) / 2 }
            let (candidate, segmentAzimuth) = line.position(at: along)
            let inverse = uncheckedInverse(from: point, to: candidate)
            if inverse.distance < best.1 { best = (candidate, inverse.distance) }
            guard inverse.distance > 0 else { break }
            let slope = rate(segmentAzimuth, inverse.finalAzimuth)
            if abs(slope) < 1e-13 || high - low < 1e-4 { break }
            if slope < 0 {
                low = along
                rateLow = slope
                if lastMovedSide == -1 { rateHigh /= 2 }
                lastMovedSide = -1
            } else {
                high = along
                rateHigh = slope
                if lastMovedSide == 1 { rateLow /= 2 }
                lastMovedSide = 1
            }
        }
        return best
    }
}
