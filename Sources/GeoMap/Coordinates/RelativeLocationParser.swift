/// Reads the phrase that ends just before a place name and moves the location away from it:
///
///     [hedge] NUMBER UNIT [to the | due] BEARING (of | from) [the [CLASS of]] PLACE
///     [hedge] NUMBER UNIT [away] from [the [CLASS of]] PLACE
///
/// NUMBER is digits (`30`, `1.5`, `1,200`, glued to the unit: `30km`, `30-km`), a range
/// (`20-30`), or words (`ten`, `twenty-five`, `a`); UNIT km, kilometres/kilometers, miles, mi, m,
/// metres/meters, nautical miles, nmi; BEARING one of the 16 compass points as words (`north`,
/// `north-east`, `northeast`, `north east`, `north-northeast`) or capitals (`NE`, `NNE`);
/// CLASS city, town, village, settlement, capital, port, district, region, province, oblast,
/// county, municipality. `of` needs a bearing (`30 km of roads in X` is no location); `from`
/// does not. The words must follow one another on one line, with nothing but spaces between.
public enum RelativeLocationParser {
    /// The phrase that ends at `anchorStart` (the first byte of the place name), or nil.
    public static func parse(_ text: UnsafeBufferPointer<UInt8>, anchorStart: Int) -> RelativePhrase? {
        let bytes = CoordinateBytes(text)
        let words = wordsBefore(bytes, anchorStart)
        var k = words.count - 1
        guard k >= 2 else { return nil }
        func word(_ i: Int) -> String { i >= 0 ? words[i].lower : "" }
        // [the [CLASS of]]
        if word(k) == "of", classWords.contains(word(k - 1)) {
            k -= word(k - 2) == "the" ? 3 : 2
        } else if word(k) == "the" {
            k -= 1
        }
        let connector = word(k)
        guard connector == "of" || connector == "from" else { return nil }
        k -= 1
        if connector == "from", word(k) == "away" { k -= 1 }
        var bearing: CompassBearing? = nil
        for length in [3, 2, 1] where bearing == nil && k - length + 1 >= 0 {
            let range = (k - length + 1)...k
            if length == 1, let b = CompassBearing(abbreviation: words[k].text) {
                bearing = b
            } else if let b = CompassBearing(joinedWords: range.map { words[$0].lower }.joined().replacingOccurrences(of: "-", with: "")) {
                bearing = b
            }
            if bearing != nil { k -= length }
        }
        if bearing != nil {
            if word(k) == "due" { k -= 1 } else if word(k) == "the", word(k - 1) == "to" { k -= 2 }
        } else if connector == "of" {
            return nil
        }
        guard k >= 0 else { return nil }
        // UNIT, or NUMBER and UNIT glued together.
        var unit: DistanceUnit? = nil
        var number: (value: Double, halfRange: Double)? = nil
        if word(k) == "miles" || word(k) == "mile", word(k - 1) == "nautical" {
            unit = .nauticalMiles
            k -= 2
        } else if let u = DistanceUnit(word: words[k].text == "NM" ? "NM" : word(k)) {
            unit = u
            k -= 1
        } else if let glued = gluedNumberAndUnit(words[k].text) {
            (number, unit) = (glued.number, glued.unit)
        } else {
            return nil
        }
        if number == nil {
            guard k >= 0, let n = parseNumber(words[k].lower) else { return nil }
            number = n
        }
        guard let unit, let number, number.value > 0, number.value * unit.metres <= 5_000_000 else { return nil }
        var start = words[k].start
        var hedged = words[k].text.hasPrefix("~")
        if k >= 1, hedges.contains(word(k - 1)) {
            hedged = true
            start = words[k - 1].start
        } else if k >= 2, twoWordHedges.contains(word(k - 2) + " " + word(k - 1)) {
            hedged = true
            start = words[k - 2].start
        }
        return RelativePhrase(byteStart: start, distance: number.value, unit: unit, bearing: bearing,
                              hedged: hedged, rangeHalfWidth: number.halfRange)
    }

    struct Word {
        var start: Int
        var text: String
        var lower: String
    }

    /// Up to ten words before `end`, nearest last, each separated from the next by spaces only,
    /// stopping at a line end or at a word that ends in punctuation.
    static func wordsBefore(_ bytes: CoordinateBytes, _ end: Int) -> [Word] {
        var words: [Word] = []
        var p = end
        while words.count < 10 {
            let gap = skippingSpacesBack(bytes, p)
            guard gap < p, gap > 0 else { break }
            var start = gap
            while start > 0, bytes[start - 1] > 0x20, end - start < 160 { start -= 1 }
            let last = bytes[gap - 1]
            // A word that ends in punctuation closes the phrase (`Kharkiv, 30 km`), except the
            // period of `approx.`.
            if last == 0x2C || last == 0x3B || last == 0x3A || last == 0x29 || last == 0x22 || (last == 0x2E && !words.isEmpty) { break }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes.text[start..<gap]), as: UTF8.self)
            words.append(Word(start: start, text: text, lower: text.lowercased()))
            p = start
        }
        return words.reversed()
    }

    static let classWords: Set<String> = ["city", "town", "village", "settlement", "capital", "port", "district", "region",
                                          "province", "oblast", "county", "municipality"]
    static let hedges: Set<String> = ["about", "around", "some", "roughly", "approximately", "approx.", "approx", "nearly",
                                      "almost", "just", "circa", "c.", "over", "under", "within", "~"]
    static let twoWordHedges: Set<String> = ["up to", "less than", "more than", "as far as", "no more than"]

    private static let numberWords: [String: Double] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    ]

    /// `30`, `1.5`, `1,200`, `~30`, `20-30`, `20–30`, `ten`, `twenty-five`.
    static func parseNumber(_ word: String) -> (value: Double, halfRange: Double)? {
        var word = Substring(word)
        if word.hasPrefix("~") { word = word.dropFirst() }
        if let value = numberWords[String(word)] { return (value, 0) }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 2, let tens = numberWords[String(parts[0])], let ones = numberWords[String(parts[1])],
           tens >= 20, tens < 100, Int(tens) % 10 == 0, ones < 10, ones >= 1, parts[1] != "a", parts[1] != "an" {
            return (tens + ones, 0)
        }
        for dash in ["-", "\u{2013}"] {
            let range = word.components(separatedBy: dash)
            if range.count == 2, let low = plainNumber(range[0]), let high = plainNumber(range[1]), low < high {
                return ((low + high) / 2, (high - low) / 2)
            }
        }
        return plainNumber(String(word)).map { ($0, 0) }
    }

    /// Digits with an optional fraction, thousands grouped by commas (`1,200`, not `1,20`).
    static func plainNumber(_ text: String) -> Double? {
        guard let first = text.utf8.first, first >= 0x30, first <= 0x39 else { return nil }
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 || ($0.count > 3 && $0 == groups.last! && $0.dropFirst(3).first == ".") }) else { return nil }
        }
        let joined = groups.joined()
        guard joined.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), joined.filter({ $0 == "." }).count <= 1,
              joined.last != "." else { return nil }
        return Double(joined)
    }

    /// `30km`, `30-km`, `1.5km`, `20-30km`.
    static func gluedNumberAndUnit(_ word: String) -> (number: (value: Double, halfRange: Double), unit: DistanceUnit)? {
        guard let split = word.firstIndex(where: { $0.isLetter }), split > word.startIndex else { return nil }
        var numberPart = word[..<split]
        if numberPart.hasSuffix("-") { numberPart = numberPart.dropLast() }
        let unitWord = String(word[split...])
        guard let unit = DistanceUnit(word: unitWord == "NM" ? unitWord : unitWord.lowercased()),
              let number = parseNumber(String(numberPart)), numberPart.first?.isNumber == true else { return nil }
        return (number, unit)
    }
}

extension RelativeLocationParser {
    /// A test of a few bytes that rules out almost every place before `parse` builds any word:
    /// the word before the place is `of`, `from` or `the`, and a unit word (`km`, `kms`,
    /// `kilomet…`, `klicks`, `mi…`, `m`, `metre…`, `meter…`, `nautical`, `nmi`, `NM`; alone or
    /// glued to its number, `30km`) starts within 48 bytes before it.
    public static func mayEnd(_ text: UnsafeBufferPointer<UInt8>, before anchorStart: Int) -> Bool {
        let bytes = CoordinateBytes(text)
        var p = anchorStart
        while p > 0, bytes[p - 1] == 0x20 { p -= 1 }
        guard p < anchorStart, p >= 3 else { return false }
        guard endsInConnector(bytes, p)
            || (bytes.matches("the", at: p - 3, ignoringCase: true) && !bytes.isASCIILetter(p - 4) && endsInConnector(bytes, skippingSpacesBack(bytes, p - 3)))
        else { return false }
        let low = max(1, p - 48)
        var q = p - 3
        while q >= low {
            let b = bytes[q] | 0x20
            if b == 0x6B || b == 0x6D || b == 0x6E, !bytes.isASCIILetter(q - 1), isUnitStart(bytes, q), followsNumber(bytes, q) { return true }
            q -= 1
        }
        return false
    }

    /// Whether `of` or `from` ends at `end` as a word of its own: the connector (`of the X` and
    /// `from the X` put `the` between it and the place).
    private static func endsInConnector(_ bytes: CoordinateBytes, _ end: Int) -> Bool {
        (bytes.matches("of", at: end - 2, ignoringCase: true) && !bytes.isASCIILetter(end - 3))
            || (bytes.matches("from", at: end - 4, ignoringCase: true) && !bytes.isASCIILetter(end - 5))
    }

    /// Where the spaces and tabs that end at `end` begin.
    private static func skippingSpacesBack(_ bytes: CoordinateBytes, _ end: Int) -> Int {
        var p = end
        while p > 0, bytes[p - 1] == 0x20 || bytes[p - 1] == 0x09 { p -= 1 }
        return p
    }

    /// Whether a number ends just before the unit word at `q`, as `parse` reads one: digits glued
    /// to it (`30km`, `30-km`) or ending the word before (`30 km`, `1,200 km`, `20-30 km`), or a
    /// number word (`ten km`, `twenty-five miles`, `a hundred km`, `a mile`).
    private static func followsNumber(_ bytes: CoordinateBytes, _ q: Int) -> Bool {
        if bytes.isDigit(q - 1) || (bytes[q - 1] == 0x2D && bytes.isDigit(q - 2)) { return true }
        let end = skippingSpacesBack(bytes, q)
        guard end < q else { return false }
        if bytes.isDigit(end - 1) { return true }
        var start = end
        while start > 0, bytes.isASCIILetter(start - 1) { start -= 1 }
        guard start < end, end - start <= 9 else { return false }
        var word = ""
        for k in start..<end { word.append(Character(Unicode.Scalar(bytes[k] | 0x20))) }
        return numberWords[word] != nil
    }

    /// Whether a unit word starts at `q` (the caller has seen a `k`, `m` or `n` at a word start).
    private static func isUnitStart(_ bytes: CoordinateBytes, _ q: Int) -> Bool {
        let next = bytes[q + 1] | 0x20
        switch bytes[q] | 0x20 {
        case 0x6B: // k
            return next == 0x6D || bytes.matches("ilomet", at: q + 1, ignoringCase: true) || bytes.matches("licks", at: q + 1, ignoringCase: true)
        case 0x6D: // m
            return bytes.matches("ile", at: q + 1, ignoringCase: true) || (next == 0x69 && !bytes.isASCIILetter(q + 2))
                || !bytes.isASCIILetter(q + 1) || bytes.matches("etre", at: q + 1, ignoringCase: true)
                || bytes.matches("eter", at: q + 1, ignoringCase: true)
        default: // n
            return bytes.matches("autical", at: q + 1, ignoringCase: true) || bytes.matches("mi", at: q + 1, ignoringCase: true)
                || (bytes[q] == 0x4E && bytes[q + 1] == 0x4D)
        }
    }
}
