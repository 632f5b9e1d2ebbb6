import Foundation

/// `30 km south of`, `about 20 miles north-east of the city of`, `10 km from`: the words before
/// a place that move the location away from it.
public struct RelativePhrase: Sendable, Equatable {
    /// UTF-8 byte offset where the phrase starts (the hedge or the number); it ends with the anchor.
    public var byteStart: Int
    /// The distance as written (the middle of a range such as `20-30 km`).
    public var distance: Double
    public var unit: DistanceUnit
    /// Nil for `N km from X`, which gives no direction.
    public var bearing: CompassBearing?
    /// `about`, `some`, `nearly`, `up to`, … was written before the number.
    public var hedged: Bool
    /// Half the width of a written range, in the phrase's unit (0 for one number).
    public var rangeHalfWidth: Double

    public var distanceMetres: Double { distance * unit.metres }

    /// How far from the derived point the place can be, in metres: the spread across the
    /// compass sector the bearing names, combined with the slack of the distance (10 % when it
    /// is hedged, else 5 %, or half a written range). Without a bearing, the place lies anywhere
    /// on a circle of the distance around the anchor, so the radius is the distance plus that
    /// slack.
    public var uncertaintyMetres: Double {
        let metres = distanceMetres
        let along = max(metres * (hedged ? 0.10 : 0.05), rangeHalfWidth * unit.metres)
        guard let bearing else { return metres + along }
        let across = metres * sin(bearing.halfSectorDegrees * .pi / 180)
        return (along * along + across * across).squareRoot()
    }
}

/// A relative phrase resolved: the anchor's point moved by the distance along the bearing.
public struct RelativeOffset: Sendable, Equatable {
    public var phrase: RelativePhrase
    /// Code points from the start of the phrase to the start of the anchor: the phrase spans
    /// `mention.start - charsBefore ..< mention.end` (kept relative, so a mention shifted by
    /// its piece's offset keeps its phrase).
    public var charsBefore: Int
    /// The point the phrase names (the geodesic direct problem from the anchor's point), or nil
    /// when there is no bearing or the anchor is an area (country, admin unit, region, water),
    /// whose representative point is no place to measure from.
    public var point: Point?

    public init(phrase: RelativePhrase, charsBefore: Int, point: Point?) {
        self.phrase = phrase
        self.charsBefore = charsBefore
        self.point = point
    }
}
