import Testing
@testable import GeoMap

/// Decimal and degrees-minutes-seconds coordinates in sentences: each found where it is written
/// and within 1 km of the exact value (worked out by hand from the digits), and the sentences
/// that only look like coordinates left alone.
@Suite struct LatLonParserTests {
    /// Sentence, the written coordinate, and its exact latitude and longitude.
    static let written: [(String, String, Double, Double)] = [
        ("Shelling was reported at 47.5N 35.2E overnight.", "47.5N 35.2E", 47.5, 35.2),
        ("The convoy stopped at 47.5N, 35.2E near the river.", "47.5N, 35.2E", 47.5, 35.2),
        ("Position 48.5837°N 37.9803°E, according to the map.", "48.5837°N 37.9803°E", 48.5837, 37.9803),
        ("Grid: N48.58 E37.98 (approximate).", "N48.58 E37.98", 48.58, 37.98),
        ("The drone was seen at N 48.58 E 37.98 on Tuesday.", "N 48.58 E 37.98", 48.58, 37.98),
        ("Located at 48°30′N 37°54′E, the village was empty.", "48°30′N 37°54′E", 48.5, 37.9),
        ("Located at 48°30'N 37°54'E, the village was empty.", "48°30'N 37°54'E", 48.5, 37.9),
        ("The strike hit 48°30′15″N 37°54′45″E at dawn.", "48°30′15″N 37°54′45″E", 48 + 30.0 / 60 + 15.0 / 3600, 37 + 54.0 / 60 + 45.0 / 3600),
        ("The strike hit 48°30'15\"N 37°54'45\"E at dawn.", "48°30'15\"N 37°54'45\"E", 48 + 30.0 / 60 + 15.0 / 3600, 37 + 54.0 / 60 + 45.0 / 3600),
        ("Coordinates 48 deg 30' N, 37 deg 54' E were given.", "48 deg 30' N, 37 deg 54' E", 48.5, 37.9),
        ("At 48º30’N 37º54’E the column turned.", "48º30’N 37º54’E", 48.5, 37.9),
        ("Reported at 33°51′S 151°13′E by the navy.", "33°51′S 151°13′E", -(33 + 51.0 / 60), 151 + 13.0 / 60),
        ("A buoy at 12.0464S 77.0428W drifted.", "12.0464S 77.0428W", -12.0464, -77.0428),
        ("The ship was at 35.2E 47.5N, off course.", "35.2E 47.5N", 47.5, 35.2),
        ("Target 483015N0375410E was struck.", "483015N0375410E", 48 + 30.0 / 60 + 15.0 / 3600, 37 + 54.0 / 60 + 10.0 / 3600),
        ("Target 4830N 03754E was struck.", "4830N 03754E", 48.5, 37.9),
        ("The camp at 47°N 35°E was cleared.", "47°N 35°E", 47, 35),
        ("The shelter is at (48.58, 37.98), by the school.", "48.58, 37.98", 48.58, 37.98),
        ("The shelter is at [-33.8688, 151.2093].", "-33.8688, 151.2093", -33.8688, 151.2093),
        ("GPS coordinates: 48.5837, 37.9803 were shared.", "48.5837, 37.9803", 48.5837, 37.9803),
        ("Its location: −0.1807, −78.4678 in the city.", "−0.1807, −78.4678", -0.1807, -78.4678),
        ("The signed pair -33.87°, 151.21° was logged.", "-33.87°, 151.21°", -33.87, 151.21),
        ("A plane at 61°13′05″N 149°54′01″W, near Anchorage.", "61°13′05″N 149°54′01″W", 61 + 13.0 / 60 + 5.0 / 3600, -(149 + 54.0 / 60 + 1.0 / 3600)),
        ("At 0.5S 78.5W the road ends.", "0.5S 78.5W", -0.5, -78.5),
        ("Seen at 89.9N 179.9W, the pole camp.", "89.9N 179.9W", 89.9, -179.9),
    ]

    @Test func findsEveryWrittenCoordinateWithin1Kilometre() throws {
        for (sentence, surface, lat, lon) in Self.written where !surface.isEmpty {
            let found = CoordinateScanner.scan(sentence)
            #expect(found.count == 1, "\(sentence): \(found.count) coordinates")
            guard let coordinate = found.first else { continue }
            let text = Array(sentence.utf8)
            #expect(String(decoding: text[coordinate.byteStart..<coordinate.byteEnd], as: UTF8.self) == surface, "\(sentence)")
            let metres = try Geodesic.wgs84.distance(from: coordinate.point, to: Point(lon: lon, lat: lat))
            #expect(metres < 1000, "\(sentence): \(coordinate.point) is \(Int(metres)) m from \(lat), \(lon)")
        }
    }

    @Test func formsAndPrecision() {
        #expect(CoordinateScanner.scan("at 47.5N 35.2E").first?.form == .decimal)
        #expect(CoordinateScanner.scan("at 48°30′N 37°54′E").first?.form == .dms)
        // A tenth of a degree: 0.05° either way, about 5.6 km; a second: about 15 m.
        let tenth = CoordinateScanner.scan("at 47.5N 35.2E").first?.uncertaintyMetres ?? 0
        #expect(abs(tenth - 5566) < 10)
        let second = CoordinateScanner.scan("at 48°30′15″N 37°54′45″E").first?.uncertaintyMetres ?? 0
        #expect(abs(second - 15.5) < 1)
    }

    /// Sentences with numbers, degrees and letters that are not positions.
    static let notCoordinates: [String] = [
        "The score was 48.58, 37.98 after two rounds.",          // bare pair, no brackets or coordinate word
        "Odds ratios were (1.25, 3.50) in the trial.",            // bracketed small decimals
        "A slope of 30°, 45° in places.",                          // angles without minutes or decimals
        "Temperatures of 41.5°, 38.2° were recorded.",            // one decimal each
        "Latitude 95.5N 35.2E is impossible.",                     // latitude over 90
        "At 47.5N 185.2E the map ends.",                           // longitude over 180
        "At 48°75′N 37°54′E the minutes are wrong.",               // 75 minutes
        "At 48°30′75″N 37°54′10″E the seconds are wrong.",         // 75 seconds
        "At 47.5N 35.2N both are latitudes.",                      // two latitudes
        "At 47.5E 35.2W both are longitudes.",                     // two longitudes
        "Version 1.47.5N 35.2E of the firmware.",                  // inside a longer number
        "Rates rose 47.5% and 35.2% this year.",                   // percentages
        "The 4G LT 56 model sold out.",                             // not a grid reference
        "Route E40 and the N2 highway meet at km 45.",              // road numbers
        "The 2014 elections, 2015 and 2016 budgets.",               // years
        "Call 48.58, 37.98 and 12.5 for prices.",                  // a list of numbers
        "At -47.5N 35.2E the sign contradicts the letter.",         // sign and hemisphere letter
        "Mixed 47.5N, 35.2 without a second letter.",              // one letter only
        "In (48.5, 37.9) the decimals are too few.",                // one decimal each
        "Watch S01E04 and S01E10 tonight.",                         // episode codes
        "The N2 E40 junction is closed.",                           // road numbers
    ]

    @Test func leavesLookAlikesAlone() {
        for sentence in Self.notCoordinates {
            let found = CoordinateScanner.scan(sentence)
            #expect(found.isEmpty, "\(sentence): read as \(found.map(\.point))")
        }
    }

    @Test func textWithoutDigitsYieldsNothing() {
        #expect(CoordinateScanner.scan("North of the river, east of the hills, S and N and E.").isEmpty)
    }
}
