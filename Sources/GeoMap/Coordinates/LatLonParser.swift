/// Latitude/longitude pairs written in degrees: decimal (`47.5N 35.2E`, `N47.5 E35.2`,
/// `48.58°N, 37.98°E`), degrees-minutes-seconds with the usual symbols or their ASCII stand-ins
/// (`48°30′N 37°54′E`, `48°30'15"N 37°54'10"E`, `48 deg 30' N`), the compact military form
/// (`483015N0375410E`), and signed pairs (`-33.87°, 151.21°`).
///
/// A pair is read only when it cannot be anything else: both halves carry hemisphere letters (one
/// N/S, the other E/W) and a degree sign or a decimal point is written (`S01E04` is an episode), or both carry degree signs with minutes or two decimals (then latitude
/// first, signs for the hemispheres). A bare pair of plain numbers (`(48.58, 37.98)`) counts only when both have at
/// least two decimals, a comma separates them, and either a coordinate word comes just before
/// (`coordinates`, `GPS`, `lat/lon`, `location`, `position`) or the pair fills a bracket alone
/// and one of the numbers is 10 or more (brackets of small decimals are odds ratios and
/// intervals). Values out of range (latitude over 90, longitude over 180, minutes or seconds of
/// 60 or more) are not coordinates.
public enum LatLonParser {
    /// The pair that starts exactly at `start`, or nil.
    public static func parse(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> TextCoordinate? {
        let bytes = CoordinateBytes(text)
        guard !startsInsideWord(bytes, start) else { return nil }
        if let compact = compactPair(bytes, at: start) { return compact }
        guard let first = angle(bytes, at: start) else { return nil }
        var p = first.end
        p += bytes.spaces(at: p)
        var comma = false
        if bytes[p] == 0x2C || bytes[p] == 0x3B || bytes[p] == 0x2F {
            comma = bytes[p] == 0x2C
            p += 1
            p += bytes.spaces(at: p)
        } else if p == first.end && first.hemisphere == nil {
            return nil
        }
        guard let second = angle(bytes, at: p), endsWord(bytes, second.end) else { return nil }
        var lat: Angle, lon: Angle
        switch (first.hemisphere, second.hemisphere) {
        case let (h1?, h2?):
            // Whole numbers with letters and nothing else are codes (`S01E04`, `N2 E40`).
            guard !first.signed, !second.signed,
                  first.hasSymbol || second.hasSymbol || first.decimals > 0 || second.decimals > 0 else { return nil }
            if isNorthSouth(h1) && !isNorthSouth(h2) { (lat, lon) = (first, second) }
            else if !isNorthSouth(h1) && isNorthSouth(h2) { (lat, lon) = (second, first) }
            else { return nil }
        case (nil, nil):
            (lat, lon) = (first, second)
            // Degree signs alone make angles, not positions (`a slope of 30°, 45°`): minutes or
            // two decimals on both halves are needed too.
            let symbols = first.hasSymbol && second.hasSymbol
                && ((first.hasMinutes && second.hasMinutes) || (first.decimals >= 2 && second.decimals >= 2))
            if !symbols {
                guard !first.hasSymbol, !second.hasSymbol, comma, first.decimals >= 2, second.decimals >= 2,
                      isUnambiguousBarePair(bytes, start: start, end: second.end, values: (first.degrees, second.degrees))
                else { return nil }
            }
        default:
            return nil
        }
        guard lat.integerDigits <= 2, lat.degrees <= 90, lon.degrees <= 180 else { return nil }
        let latitude = lat.hemisphere == 0x53 || lat.negative ? -lat.degrees : lat.degrees
        let longitude = lon.hemisphere == 0x57 || lon.negative ? -lon.degrees : lon.degrees
        let form: CoordinateForm = lat.hasMinutes || lon.hasMinutes ? .dms : .decimal
        let uncertainty = max(lat.uncertaintyDegrees, lon.uncertaintyDegrees) * metresPerDegree
        return TextCoordinate(byteStart: start, byteEnd: second.end, point: Point(lon: longitude, lat: latitude),
                              form: form, uncertaintyMetres: uncertainty)
    }

    /// One half of a pair: degrees (decimal, or with minutes and seconds), a sign or a hemisphere
    /// letter before or after.
    struct Angle {
        var end: Int
        var degrees: Double
        var hemisphere: UInt8?
        var negative = false
        var signed = false
        /// A degree, minute or second sign was written.
        var hasSymbol = false
        var hasMinutes = false
        var integerDigits: Int
        var decimals: Int
        var uncertaintyDegrees: Double
    }

    static func angle(_ bytes: CoordinateBytes, at start: Int) -> Angle? {
        var p = start
        var prefix: UInt8? = nil
        if isHemisphere(bytes[p]), !bytes.isASCIILetter(p + 1) {
            prefix = bytes[p]
            p += 1
            p += bytes.spaces(at: p, limit: 1)
        }
        var negative = false, signed = false
        if prefix == nil, let sign = bytes.sign(at: p), bytes.isDigit(p + sign.length) {
            negative = sign.negative
            signed = true
            p += sign.length
        }
        guard let degrees = bytes.number(at: p) else { return nil }
        p += degrees.length
        var angle = Angle(end: p, degrees: degrees.value, hemisphere: prefix, negative: negative, signed: signed,
                          integerDigits: degrees.integerDigits, decimals: degrees.decimals,
                          uncertaintyDegrees: 0.5 * pow10(-degrees.decimals))
        let degreeSign = bytes.degreeSign(at: p + (bytes.isASCIILetter(p + 1) ? bytes.spaces(at: p, limit: 1) : 0))
        if degreeSign > 0 {
            p += (bytes[p] == 0x20 ? 1 : 0) + degreeSign
            angle.hasSymbol = true
            angle.end = p
            if degrees.decimals == 0, let minutes = subdivisionPart(bytes, at: p + bytes.spaces(at: p, limit: 1), sign: bytes.minuteSign(at:)) {
                guard minutes.value < 60 else { return nil }
                angle.degrees += minutes.value / 60
                angle.hasMinutes = true
                angle.uncertaintyDegrees = 0.5 * pow10(-minutes.decimals) / 60
                p = minutes.end
                angle.end = p
                if minutes.decimals == 0, let seconds = subdivisionPart(bytes, at: p + bytes.spaces(at: p, limit: 1), sign: bytes.secondSign(at:)) {
                    guard seconds.value < 60 else { return nil }
                    angle.degrees += seconds.value / 3600
                    angle.uncertaintyDegrees = 0.5 * pow10(-seconds.decimals) / 3600
                    p = seconds.end
                    angle.end = p
                }
            }
        }
        if prefix == nil {
            let q = p + bytes.spaces(at: p, limit: 1)
            if isHemisphere(bytes[q]), !bytes.isWordByte(q + 1) {
                guard !signed else { return nil }
                angle.hemisphere = bytes[q]
                angle.end = q + 1
            }
        }
        return angle
    }

    /// Minutes after a degree sign, or seconds after a minute sign: a number then `sign` (the
    /// length of the minute or second sign there, 0 for none), or a number right before a
    /// hemisphere letter (`48°30N`).
    private static func subdivisionPart(_ bytes: CoordinateBytes, at p: Int, sign: (Int) -> Int) -> (value: Double, decimals: Int, end: Int)? {
        guard let number = bytes.number(at: p, maxIntegerDigits: 2) else { return nil }
        let after = p + number.length
        let signLength = sign(after)
        if signLength > 0 { return (number.value, number.decimals, after + signLength) }
        let q = after + bytes.spaces(at: after, limit: 1)
        if isHemisphere(bytes[q]), !bytes.isWordByte(q + 1) { return (number.value, number.decimals, after) }
        return nil
    }

    /// `DDMM[SS][.s]N DDDMM[SS][.s]E`, glued together or with one space.
    private static func compactPair(_ bytes: CoordinateBytes, at start: Int) -> TextCoordinate? {
        func part(_ p: Int, degreeDigits: Int) -> (value: Double, uncertainty: Double, end: Int, hemisphere: UInt8)? {
            var q = p
            while bytes.isDigit(q) { q += 1 }
            let digits = q - p
            guard digits == degreeDigits + 2 || digits == degreeDigits + 4 else { return nil }
            func field(_ from: Int, _ count: Int) -> Double {
                var value = 0.0
                for k in 0..<count { value = value * 10 + Double(bytes[from + k] - 0x30) }
                return value
            }
            let degrees = field(p, degreeDigits), minutes = field(p + degreeDigits, 2)
            var seconds = 0.0, decimals = 0
            var uncertainty = 0.5 / 60
            if digits == degreeDigits + 4 {
                seconds = field(p + degreeDigits + 2, 2)
                if bytes[q] == 0x2E, bytes.isDigit(q + 1) {
                    q += 1
                    var scale = 0.1
                    while bytes.isDigit(q) { seconds += Double(bytes[q] - 0x30) * scale; scale /= 10; q += 1; decimals += 1 }
                }
                uncertainty = 0.5 * pow10(-decimals) / 3600
            }
            guard minutes < 60, seconds < 60, isHemisphere(bytes[q]) else { return nil }
            return (degrees + minutes / 60 + seconds / 3600, uncertainty, q + 1, bytes[q])
        }
        guard let lat = part(start, degreeDigits: 2), isNorthSouth(lat.hemisphere) else { return nil }
        let next = lat.end + bytes.spaces(at: lat.end, limit: 1)
        guard let lon = part(next, degreeDigits: 3), !isNorthSouth(lon.hemisphere), endsWord(bytes, lon.end),
              lat.value <= 90, lon.value <= 180 else { return nil }
        let point = Point(lon: lon.hemisphere == 0x57 ? -lon.value : lon.value, lat: lat.hemisphere == 0x53 ? -lat.value : lat.value)
        return TextCoordinate(byteStart: start, byteEnd: lon.end, point: point, form: .dms,
                              uncertaintyMetres: max(lat.uncertainty, lon.uncertainty) * metresPerDegree)
    }

    private static func isUnambiguousBarePair(_ bytes: CoordinateBytes, start: Int, end: Int, values: (Double, Double)) -> Bool {
        var before = start - 1
        if bytes[before] == 0x2D || bytes[before] == 0x2B { before -= 1 }
        if bytes[before] == 0x92, bytes[before - 1] == 0x88, bytes[before - 2] == 0xE2 { before -= 3 }
        let opening = bytes[before], closing = bytes[end]
        let bracketed = (opening == 0x28 && closing == 0x29) || (opening == 0x5B && closing == 0x5D)
        if bracketed && max(values.0, values.1) >= 10 { return true }
        return followsCoordinateWord(bytes, before: before + 1)
    }

    private static let cueWords: [String] = ["coordinates", "coordinate", "coords", "gps", "lat/lon", "lat/long",
                                             "lat/lng", "latlon", "latitude/longitude", "location", "position"]

    /// Whether a coordinate word ends just before `position`, past white space, a colon and one
    /// opening bracket.
    private static func followsCoordinateWord(_ bytes: CoordinateBytes, before position: Int) -> Bool {
        var end = position
        while end > 0, [0x20, 0x3A, 0x28, 0x5B, 0x09].contains(bytes[end - 1]), position - end < 4 { end -= 1 }
        var begin = end
        while begin > 0, bytes.isASCIILetter(begin - 1) || bytes[begin - 1] == 0x2F, end - begin < 20 { begin -= 1 }
        guard begin < end else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes.text[begin..<end]), as: UTF8.self).lowercased()
        return cueWords.contains(word)
    }

    /// A coordinate cannot begin inside a word or a number (`v1.48N`, `A48°`).
    private static func startsInsideWord(_ bytes: CoordinateBytes, _ start: Int) -> Bool {
        start > 0 && (bytes.isWordByte(start - 1) || (bytes[start - 1] == 0x2E && bytes.isDigit(start - 2)))
    }

    /// Nothing of a word, a number or a percentage goes on after `end`.
    static func endsWord(_ bytes: CoordinateBytes, _ end: Int) -> Bool {
        !bytes.isWordByte(end) && bytes[end] != 0x25 && !(bytes[end] == 0x2E && bytes.isDigit(end + 1))
            && bytes.degreeSign(at: end) == 0
    }

    static func isHemisphere(_ byte: UInt8) -> Bool { byte == 0x4E || byte == 0x53 || byte == 0x45 || byte == 0x57 }

    static func isNorthSouth(_ byte: UInt8) -> Bool { byte == 0x4E || byte == 0x53 }

    static func pow10(_ exponent: Int) -> Double {
        var value = 1.0
        for _ in 0..<abs(exponent) { value *= 10 }
        return exponent < 0 ? 1 / value : value
    }
}
