import Testing
@testable import GeoMap

/// MGRS and UTM references in sentences, converted by GeographicLib. The expected points come
/// from elsewhere: MGRS from the Python `mgrs` package (GeoTrans, another implementation: the
/// south-west corner of the square), UTM from GDAL's `gdaltransform` (EPSG:326xx/327xx); each
/// reference written as the real place's point was converted to it.
@Suite struct GridReferenceParserTests {
    /// Reference, expected latitude and longitude, and the place the reference was made from.
    static let mgrs: [(String, Double, Double)] = [
        ("37UCP9383798502", 48.73049699754475, 37.55630631162535),   // Kramatorsk
        ("37UCP93839850", 48.73051905460291, 37.556271681833415),
        ("37UCP938985", 48.73092630291131, 37.55646401099422),
        ("36TVS7067764720", 46.63540451525114, 32.61690546496178),   // Kherson
        ("56HLH3436850948", -33.86879858520177, 151.20929858481276), // Sydney
        ("17MQV8186180007", -0.18070060451255157, -78.4677996179575), // Quito
        ("06VUN4424790536", 61.21809678749004, -149.9002942358165),  // Anchorage (leading zero)
        ("6VUN44249053", 61.218082342986754, -149.90033948001815),   // … without it
        ("28PBB3428528446", 14.716700546012554, -17.467702074026494), // Dakar
        ("34WDC2065328081", 69.64920246227683, 18.95529733791455),   // Tromsø
        ("18LTM7761767487", -12.046403590641496, -77.04279959718255), // Lima
        ("36UUA2418291607", 50.450099122012475, 30.523404139367603), // Kyiv
        ("04QFJ1841756542", 21.306900357890793, -157.85829604642655), // Honolulu
    ]

    /// The same reference written the ways reports write it.
    static func spellings(_ reference: String) -> [String] {
        let chars = Array(reference)
        let zoneLength = chars[1].isNumber ? 3 : 2
        let zone = String(chars[0..<zoneLength]), square = String(chars[zoneLength..<(zoneLength + 2)])
        let digits = Array(chars[(zoneLength + 2)...])
        let half = digits.count / 2
        let easting = String(digits[0..<half]), northing = String(digits[half...])
        return [reference, "\(zone) \(square) \(easting) \(northing)", "\(zone)\(square) \(easting) \(northing)",
                "\(zone) \(square) \(easting)\(northing)"]
    }

    @Test func mgrsReferencesWithin1Kilometre() throws {
        for (reference, lat, lon) in Self.mgrs {
            for written in Self.spellings(reference) {
                try Self.expectOne(.mgrs, written, in: "Artillery positions at \(written), according to the General Staff.", within1KmOf: lat, lon)
            }
        }
    }

    @Test func issueExampleAndTwoDigitSquares() throws {
        // 37U DQ 12345 67890 (the issue's example): GeoTrans gives 49.35742, 37.79292.
        let example = try #require(CoordinateScanner.scan("MGRS 37U DQ 12345 67890 was given.").first)
        #expect(try Geodesic.wgs84.distance(from: example.point, to: Point(lon: 37.792919019126494, lat: 49.3574212256818)) < 5)
        // A 1 km square (two digits per axis): the centre is within 707 m of any point in it.
        let square = try #require(CoordinateScanner.scan("near 37UCP9398 on Monday").first)
        #expect(try Geodesic.wgs84.distance(from: square.point, to: Point(lon: 37.5563, lat: 48.7305)) < 1000)
        #expect(abs(square.uncertaintyMetres - 707.1) < 1)
    }

    /// UTM positions: zone and band, easting, northing; expected points are the places the
    /// positions were computed from (gdaltransform, EPSG:326xx/327xx).
    static let utm: [(String, Double, Double)] = [
        ("37U 393837 5398502", 48.7305, 37.5563),        // Kramatorsk
        ("37U 393837mE 5398502mN", 48.7305, 37.5563),
        ("36T 470677 5164720", 46.6354, 32.6169),        // Kherson
        ("56H 334369 6250948", -33.8688, 151.2093),      // Sydney
        ("17M 781861 9980008", -0.1807, -78.4678),       // Quito
        ("36U 324182 5591608", 50.4501, 30.5234),        // Kyiv
        ("37N 393837 5398502", 48.7305, 37.5563),        // N read as the hemisphere (band N is 0–8°N)
        ("56S 334369 6250948", -33.8688, 151.2093),      // S read as the hemisphere
    ]

    @Test func utmPositionsWithin1Kilometre() throws {
        for (written, lat, lon) in Self.utm {
            try Self.expectOne(.utm, written, in: "The unit reported UTM \(written) at noon.", within1KmOf: lat, lon)
        }
    }

    /// `sentence` holds exactly one coordinate, of `form`, spelled `written`, within 1 km of the point.
    static func expectOne(_ form: CoordinateForm, _ written: String, in sentence: String, within1KmOf lat: Double, _ lon: Double) throws {
        let found = CoordinateScanner.scan(sentence)
        #expect(found.count == 1, "\(sentence)")
        guard let coordinate = found.first else { return }
        #expect(coordinate.form == form)
        #expect(String(decoding: Array(sentence.utf8)[coordinate.byteStart..<coordinate.byteEnd], as: UTF8.self) == written)
        let metres = try Geodesic.wgs84.distance(from: coordinate.point, to: Point(lon: lon, lat: lat))
        #expect(metres < 1000, "\(written): \(Int(metres)) m off")
    }

    static let notGridReferences: [String] = [
        "The 4G LT 56 model sold out.",                  // one digit per axis
        "Flight 37U DQ 123 4567 was late.",               // unequal digit runs
        "Code 61Z AB 1234 5678 is no zone.",              // zone over 60
        "Band 37I DQ 1234 5678 has no I.",                // I is no band letter
        "Square 37U IQ 1234 5678 has no I column.",       // I is no column letter
        "The 37U 393837 5398502x tag.",                   // glued to a word
        "Zone 37U 393837 9398502 lies outside band U.",  // northing far outside the band, U no hemisphere
        "Easting 37U 093837 5398502 is too small.",       // easting below 100 000
        "We sold 25M 123456 units.",                      // no northing
        "Room 12B CD 1234567 is odd.",                    // odd digit count
    ]

    @Test func leavesLookAlikesAlone() {
        for sentence in Self.notGridReferences {
            let found = CoordinateScanner.scan(sentence).filter { $0.form == .mgrs || $0.form == .utm }
            #expect(found.isEmpty, "\(sentence): read as \(found.map(\.point))")
        }
    }

    @Test func forwardAndReverseAgree() throws {
        // GeographicLib's own round trip through the shim, at 1 m.
        let reference = try #require(GeographicLibGrid.mgrsForward(Point(lon: 37.5563, lat: 48.7305), precision: 5))
        #expect(reference == "37UCP9383798502")
        let back = try #require(GeographicLibGrid.mgrsReverse(reference))
        #expect(back.precision == 5)
        #expect(try Geodesic.wgs84.distance(from: back.point, to: Point(lon: 37.5563, lat: 48.7305)) < 1.5)
        #expect(GeographicLibGrid.mgrsReverse("37UXX") == nil)
        #expect(GeographicLibGrid.utmReverse(zone: 61, north: true, easting: 400_000, northing: 5_000_000) == nil)
    }
}
