/// A geometry value that cannot be built as asked.
public enum GeometryError: Error, Equatable, Sendable, CustomStringConvertible {
    case lineStringTooShort(pointCount: Int)
    case ringTooShort(pointCount: Int)
    case ringNotClosed
    case holesInEmptyPolygon
    case emptyHole
    case nonFiniteCoordinate
    case emptyGeometry(operation: String)

    public var description: String {
        switch self {
        case .lineStringTooShort(let count):
            return "a line string needs at least 2 points, got \(count)"
        case .ringTooShort(let count):
            return "a polygon ring needs at least 4 points, got \(count)"
        case .ringNotClosed:
            return "a polygon ring must end at its first point"
        case .holesInEmptyPolygon:
            return "a polygon with an empty exterior ring cannot have holes"
        case .emptyHole:
            return "a polygon hole cannot be empty"
        case .nonFiniteCoordinate:
            return "coordinates must be finite numbers"
        case .emptyGeometry(let operation):
            return "\(operation) is undefined for an empty geometry"
        }
    }
}
