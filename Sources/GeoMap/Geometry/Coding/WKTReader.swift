/// Reads WKT, including `EMPTY`, `Z`/`M`/`ZM` tags (extra ordinates are dropped), an optional
/// `SRID=n;` prefix, and both MultiPoint spellings: `MULTIPOINT (1 2, 3 4)` and `MULTIPOINT ((1 2), (3 4))`.
public enum WKTReader {
    public static let maximumNestingDepth = 64

    public static func read(_ text: String) throws -> Geometry {
        var scanner = WKTScanner(bytes: Array(text.utf8))
        scanner.skipSRIDPrefix()
        let geometry = try scanner.readGeometry(depth: 0)
        scanner.skipWhitespace()
        guard scanner.isAtEnd else { throw scanner.failure("unexpected text after the geometry") }
        return geometry
    }
}

extension Geometry {
    public init(wkt: String) throws {
        self = try WKTReader.read(wkt)
    }
}

private struct WKTScanner {
    let bytes: [UInt8]
    var offset = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    func failure(_ reason: String) -> WKTError {
        WKTError(reason: reason, offset: offset)
    }

    mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    mutating func skipSRIDPrefix() {
        skipWhitespace()
        let start = offset
        guard readWord() == "SRID" else { offset = start; return }
        while offset < bytes.count, bytes[offset] != UInt8(ascii: ";") { offset += 1 }
        if offset < bytes.count { offset += 1 } else { offset = start }
    }

    /// Reads a run of ASCII letters, upper-cased; empty if none.
    mutating func readWord() -> String {
        skipWhitespace()
        let start = offset
        while offset < bytes.count, isLetter(bytes[offset]) { offset += 1 }
        return String(decoding: bytes[start..<offset], as: UTF8.self).uppercased()
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    mutating func peek(_ character: Character) -> Bool {
        skipWhitespace()
        return offset < bytes.count && bytes[offset] == character.asciiValue
    }

    mutating func expect(_ character: Character) throws {
        guard peek(character) else { throw failure("expected '\(character)'") }
        offset += 1
    }

    /// After a type name: reads an optional dimension tag and `EMPTY`.
    /// Returns the ordinate count per position and whether the geometry is empty.
    mutating func readDimensionAndEmptiness() throws -> (ordinates: Int, isEmpty: Bool) {
        var ordinates = 2
        let start = offset
        var word = readWord()
        switch word {
        case "Z", "M": ordinates = 3; word = readWord()
        case "ZM": ordinates = 4; word = readWord()
        default: break
        }
        if word == "EMPTY" { return (ordinates, true) }
        if !word.isEmpty { offset = start; throw failure("unexpected word '\(word)'") }
        return (ordinates, false)
    }

    mutating func readNumber() throws -> Double {
        skipWhitespace()
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            let isNumberByte = (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            guard isNumberByte else { break }
            offset += 1
        }
        guard offset > start, let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else {
            offset = start
            throw failure("expected a number")
        }
        guard value.isFinite else {
            offset = start
            throw failure("coordinates must be finite")
        }
        return value
    }

    /// Reads one position of `ordinates` numbers and keeps x and y.
    mutating func readPosition(ordinates: Int) throws -> Point {
        let x = try readNumber()
        let y = try readNumber()
        if ordinates > 2 {
            for _ in 2..<ordinates { _ = try readNumber() }
        } else if peekNumber() {
            // An untagged 3-D or 4-D position, as some writers produce: keep x and y.
            _ = try readNumber()
            if peekNumber() { _ = try readNumber() }
        }
        return Point(x: x, y: y)
    }

    mutating func peekNumber() -> Bool {
        skipWhitespace()
        guard offset < bytes.count else { return false }
        let byte = bytes[offset]
        return (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".")
    }

    /// `(x y, x y, ...)`
    mutating func readPositionList(ordinates: Int) throws -> [Point] {
        try expect("(")
        var points = [Point]()
        repeat {
            points.append(try readPosition(ordinates: ordinates))
        } while try readSeparator()
        return points
    }

    /// Consumes `,` (returns true) or `)` (returns false).
    mutating func readSeparator() throws -> Bool {
        if peek(",") { offset += 1; return true }
        try expect(")")
        return false
    }

    /// `(member, member, ...)`
    mutating func readList<Member>(_ readMember: (inout WKTScanner) throws -> Member) throws -> [Member] {
        try expect("(")
        var members = [Member]()
        repeat {
            members.append(try readMember(&self))
        } while try readSeparator()
        return members
    }

    mutating func readLineString(ordinates: Int) throws -> LineString {
        let start = offset
        if readWord() == "EMPTY" { return LineString(uncheckedPoints: []) }
        offset = start
        let points = try readPositionList(ordinates: ordinates)
        guard points.count >= 2 else {
            offset = start
            throw failure(GeometryError.lineStringTooShort(pointCount: points.count).description)
        }
        return LineString(uncheckedPoints: points)
    }

    mutating func readRing(ordinates: Int) throws -> LinearRing {
        let start = offset
        let points = try readPositionList(ordinates: ordinates)
        do {
            try LinearRing.validate(points)
        } catch let error as GeometryError {
            offset = start
            throw failure(error.description)
        }
        return LinearRing(uncheckedPoints: points)
    }

    mutating func readPolygon(ordinates: Int) throws -> Polygon {
        let start = offset
        if readWord() == "EMPTY" { return .empty }
        offset = start
        let rings = try readList { try $0.readRing(ordinates: ordinates) }
        guard let exterior = rings.first else { return .empty }
        do {
            return try Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
        } catch let error as GeometryError {
            offset = start
            throw failure(error.description)
        }
    }

    mutating func readMultiPointMember(ordinates: Int) throws -> Point {
        if peek("(") {
            offset += 1
            let point = try readPosition(ordinates: ordinates)
            try expect(")")
            return point
        }
        let start = offset
        if readWord() == "EMPTY" {
            offset = start
            throw failure("empty points inside a MultiPoint are not supported")
        }
        offset = start
        return try readPosition(ordinates: ordinates)
    }

    mutating func readGeometry(depth: Int) throws -> Geometry {
        guard depth <= WKTReader.maximumNestingDepth else { throw failure("collections nested too deeply") }
        let typeStart = offset
        let typeName = readWord()
        var (ordinates, isEmpty) = try readDimensionAndEmptiness()
        // Names such as POINTZ arrive as one word.
        var baseName = typeName
        for (suffix, count) in [("ZM", 4), ("Z", 3), ("M", 3)] where baseName.hasSuffix(suffix) && !knownTypes.contains(baseName) {
            baseName.removeLast(suffix.count)
            ordinates = count
            break
        }
        switch baseName {
        case "POINT":
            if isEmpty { return .multiPoint(MultiPoint(points: [])) }
            try expect("(")
            let point = try readPosition(ordinates: ordinates)
            try expect(")")
            return .point(point)
        case "LINESTRING":
            if isEmpty { return .lineString(LineString(uncheckedPoints: [])) }
            return .lineString(try readLineString(ordinates: ordinates))
        case "POLYGON":
            if isEmpty { return .polygon(.empty) }
            return .polygon(try readPolygon(ordinates: ordinates))
        case "MULTIPOINT":
            if isEmpty { return .multiPoint(MultiPoint(points: [])) }
            return .multiPoint(MultiPoint(points: try readList { try $0.readMultiPointMember(ordinates: ordinates) }))
        case "MULTILINESTRING":
            if isEmpty { return .multiLineString(MultiLineString(lineStrings: [])) }
            return .multiLineString(MultiLineString(lineStrings: try readList { try $0.readLineString(ordinates: ordinates) }))
        case "MULTIPOLYGON":
            if isEmpty { return .multiPolygon(MultiPolygon(polygons: [])) }
            return .multiPolygon(MultiPolygon(polygons: try readList { try $0.readPolygon(ordinates: ordinates) }))
        case "GEOMETRYCOLLECTION":
            if isEmpty { return .geometryCollection(GeometryCollection(geometries: [])) }
            return .geometryCollection(GeometryCollection(geometries: try readList { try $0.readGeometry(depth: depth + 1) }))
        default:
            offset = typeStart
            throw failure(typeName.isEmpty ? "expected a geometry type" : "unknown geometry type '\(typeName)'")
        }
    }

    private var knownTypes: Set<String> {
        ["POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION"]
    }
}
