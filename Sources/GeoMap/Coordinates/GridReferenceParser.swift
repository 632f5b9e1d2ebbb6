/// Grid references: MGRS (`37U DQ 12345 67890`, `37UDQ1234567890`, `37U DQ 1234 6789`) and UTM
/// (`37U 412345 5467890`, `37U 412345mE 5467890mN`). The numbers are turned into latitude and
/// longitude by GeographicLib; this type only finds where a reference starts and ends.
///
/// MGRS needs at least two digits per axis (a square of 1 km or less): a bare grid zone and
/// square (`4G LT`) is too easily something else. A UTM position is a zone with its latitude
/// band letter, then a six- or seven-digit easting and a six- to eight-digit northing; the
/// point must fall in the band the letter names. Where it does not and the letter is N or S, the
/// letter is read as the hemisphere (`37N 412345 5467890`, the other common way of writing it).
public enum GridReferenceParser {
    /// The grid reference that starts exactly at `start`, or nil.
    public static func parse(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> TextCoordinate? {
        let bytes = CoordinateBytes(text)
        guard start == 0 || !bytes.isWordByte(start - 1), let zone = zoneAndBand(bytes, at: start) else { return nil }
        return mgrs(bytes, start: start, zone: zone) ?? utm(bytes, start: start, zone: zone)
    }

    private static let bands = Array("CDEFGHJKLMNPQRSTUVWX".utf8)

    /// `37U`: the zone number (1 to 60), the band letter, and the position after them.
    private static func zoneAndBand(_ bytes: CoordinateBytes, at start: Int) -> (zone: Int, band: UInt8, end: Int)? {
        var p = start, zone = 0
        while bytes.isDigit(p), p - start < 2 { zone = zone * 10 + Int(bytes[p] - 0x30); p += 1 }
        guard p > start, !bytes.isDigit(p), (1...60).contains(zone), bands.contains(bytes[p]) else { return nil }
        return (zone, bytes[p], p + 1)
    }

    private static func isSquareLetter(_ byte: UInt8, row: Bool) -> Bool {
        byte >= 0x41 && byte <= (row ? 0x56 : 0x5A) && byte != 0x49 && byte != 0x4F
    }

    private static func digitRun(_ bytes: CoordinateBytes, at p: Int) -> Int {
        var q = p
        while bytes.isDigit(q) { q += 1 }
        return q - p
    }

    private static func mgrs(_ bytes: CoordinateBytes, start: Int, zone: (zone: Int, band: UInt8, end: Int)) -> TextCoordinate? {
        var p = zone.end
        p += bytes.spaces(at: p, limit: 1)
        guard isSquareLetter(bytes[p], row: false), isSquareLetter(bytes[p + 1], row: true), !bytes.isASCIILetter(p + 2) else { return nil }
        var reference = String(zone.zone) + String(UnicodeScalar(zone.band)) + String(UnicodeScalar(bytes[p])) + String(UnicodeScalar(bytes[p + 1]))
        p += 2
        p += bytes.spaces(at: p, limit: 1)
        let first = digitRun(bytes, at: p)
        var digits = ""
        var end = p + first
        func slice(_ from: Int, _ count: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes.text[from..<(from + count)]), as: UTF8.self)
        }
        let gap = bytes.spaces(at: end, limit: 1)
        let second = gap > 0 ? digitRun(bytes, at: end + gap) : 0
        if first >= 2, first <= 5, second == first {
            digits = slice(p, first) + slice(end + gap, second)
            end += gap + second
        } else if first >= 4, first <= 10, first % 2 == 0 {
            digits = slice(p, first)
        } else {
            return nil
        }
        guard LatLonParser.endsWord(bytes, end) else { return nil }
        reference += digits
        guard let found = GeographicLibGrid.mgrsReverse(reference), found.precision >= 2 else { return nil }
        var side = 1.0
        for _ in found.precision..<5 { side *= 10 }
        return TextCoordinate(byteStart: start, byteEnd: end, point: found.point, form: .mgrs,
                              uncertaintyMetres: side / 2.squareRoot())
    }

    private static func utm(_ bytes: CoordinateBytes, start: Int, zone: (zone: Int, band: UInt8, end: Int)) -> TextCoordinate? {
        var p = zone.end
        guard bytes.spaces(at: p, limit: 1) == 1 else { return nil }
        p += 1
        func number(_ p: Int, digits: ClosedRange<Int>, suffix: StaticString) -> (value: Double, end: Int)? {
            let count = digitRun(bytes, at: p)
            guard digits.contains(count) else { return nil }
            var value = 0.0
            for k in 0..<count { value = value * 10 + Double(bytes[p + k] - 0x30) }
            var end = p + count
            if bytes.matches(suffix, at: end) { end += 2 } else if bytes[end] == 0x6D { end += 1 }
            return (value, end)
        }
        guard let easting = number(p, digits: 6...7, suffix: "mE"), (100_000...999_999).contains(easting.value) else { return nil }
        p = easting.end
        if bytes[p] == 0x2C { p += 1 }
        guard bytes.spaces(at: p, limit: 1) == 1, let northing = number(p + 1, digits: 6...8, suffix: "mN"),
              northing.value <= 10_000_000, LatLonParser.endsWord(bytes, northing.end) else { return nil }
        let bandIndex = bands.firstIndex(of: zone.band)!
        let bandSouth = -80.0 + 8 * Double(bandIndex), bandNorth = zone.band == 0x58 ? 84.0 : bandSouth + 8
        if let point = GeographicLibGrid.utmReverse(zone: zone.zone, north: zone.band >= 0x4E, easting: easting.value, northing: northing.value),
           point.lat >= bandSouth - 0.5, point.lat <= bandNorth + 0.5 {
            return TextCoordinate(byteStart: start, byteEnd: northing.end, point: point, form: .utm, uncertaintyMetres: 1)
        }
        guard zone.band == 0x4E || zone.band == 0x53,
              let point = GeographicLibGrid.utmReverse(zone: zone.zone, north: zone.band == 0x4E, easting: easting.value, northing: northing.value)
        else { return nil }
        return TextCoordinate(byteStart: start, byteEnd: northing.end, point: point, form: .utm, uncertaintyMetres: 1)
    }
}
