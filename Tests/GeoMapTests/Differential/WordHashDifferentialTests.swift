import Testing
@testable import GeoMap

/// The recognizer's literal word hashes are the hashes `NameHash.of` gives those words.
struct WordHashTests {
    @Test func literalsMatchNameHash() {
        #expect(WordHash.all.count == 18)
        for (word, hash) in WordHash.all {
            #expect(NameHash.of(word) == hash, "\(word)")
        }
    }
}
