/// The key hashes (`NameHash`) of the few words the recognition rules compare tokens with, as
/// literals: a `static let` computed by `NameHash.of` costs a `swift_once` check on every read,
/// and these are read for every proposal. `WordHashTests` checks each against `NameHash.of`.
enum WordHash {
    static let the: UInt64 = 0x56F5C9194461D57C
    static let and: UInt64 = 0xE6F79719051FF286
    static let or: UInt64 = 0x08B05407B5565CA4
    static let `is`: UInt64 = 0x08B74507B55C61D5
    static let was: UInt64 = 0x5EADE819487CB532
    static let small: UInt64 = 0x7D6CE172E098998C
    static let large: UInt64 = 0xB0408FEC4209F8D4
    static let people: UInt64 = 0x5FEBFA3518D4930E
    static let republic: UInt64 = 0xE5A7B27FAF6F1F21
    static let of: UInt64 = 0x08B06007B5567108
    static let county: UInt64 = 0xC34204BE5AAE5C17
    static let parish: UInt64 = 0xFD3A33D7B5708E38
    static let district: UInt64 = 0x8BF1BDD37C9DEDCF
    static let city: UInt64 = 0xF9DAB5910F08A8A2
    static let town: UInt64 = 0x2FFFD2EF38BA9A85
    static let village: UInt64 = 0x83D8F4B7588477E3
    static let municipality: UInt64 = 0xBBA82FE43D96C91D
    static let mayor: UInt64 = 0x532BC6A4BE8A7DBB

    /// Every word above with its hash, for the test.
    static let all: [(word: String, hash: UInt64)] = [
        ("the", the),
        ("and", and),
        ("or", or),
        ("is", `is`),
        ("was", was),
        ("small", small),
        ("large", large),
        ("people", people),
        ("republic", republic),
        ("of", of),
        ("county", county),
        ("parish", parish),
        ("district", district),
        ("city", city),
        ("town", town),
        ("village", village),
        ("municipality", municipality),
        ("mayor", mayor),
    ]
}
