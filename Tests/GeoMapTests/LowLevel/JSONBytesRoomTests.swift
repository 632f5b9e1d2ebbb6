import Testing
@testable import GeoMap

/// The room a `JSONCursor` writes into: what fits is kept, exactly; a token that outgrows the room
/// stops the process before it writes past it.
@Suite struct JSONBytesRoomTests {
    @Test func tokensThatFitAreKeptAndTheRestOfTheRoomIsDropped() {
        var json = JSONBytes(capacity: 0)
        json.raw("[")
        json.write(atMost: 64) { cursor in
            cursor.integer(-1234567)
            cursor.raw(0x2C)
            cursor.decimal(-0.000049, places: 5)
            cursor.raw(0x2C)
            cursor.decimal(-0.000001, places: 5)
            cursor.raw(0x2C)
            cursor.decimal(48.5, places: 5)
            cursor.raw(",\"ab\"")
        }
        json.raw("]")
        #expect(String(decoding: json.bytes, as: UTF8.self) == "[-1234567,-0.00005,0,48.5,\"ab\"]")
    }

    @Test func aTokenLongerThanItsRoomStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            var json = JSONBytes(capacity: 0)
            json.write(atMost: 4) { $0.raw("{\"toolong\":") }
        }
        await #expect(processExitsWith: .failure) {
            var json = JSONBytes(capacity: 0)
            json.write(atMost: 3) { $0.integer(123456) }
        }
    }
}
