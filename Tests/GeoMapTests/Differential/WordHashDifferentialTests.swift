import Foundation
import Testing
@testable import GeoMap

/// The recognizer's literal word hashes (`WordHash`) against the hash of the word computed
/// plainly: FNV-1a of its bytes, and the key hash the tokenizer gives the word in a text.
struct WordHashDifferentialTests {
    @Test func literalsMatchTheWordsHashes() {
        #expect(WordHash.all.count == 18)
        for (word, hash) in WordHash.all {
            #expect(NameHashDifferentialTests.fnv1a(word.utf8) == hash, "\(word)")
            #expect(NameHash.of(word) == hash, "\(word)")
            #expect(NameKey.of(word)?.hash == hash, "\(word)")
            var tokenizer = Tokenizer()
            var text = "In the \(word.uppercased())'s"
            text.withUTF8 { tokenizer.tokenize($0) }
            #expect(tokenizer.tokens.last?.hash == hash, "\(word)")
        }
    }

    /// Every `static let name: UInt64 = 0x…` in WordHash.swift is the hash of its name, so a
    /// literal added without a line in `WordHash.all` is checked too.
    @Test func everyLiteralInTheSourceIsItsNamesHash() throws {
        let path = TestSupport.repositoryRoot + "/Sources/GeoMap/Recognition/WordHash.swift"
        let source = try String(contentsOfFile: path, encoding: .utf8)
        var literals = 0
        for line in source.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 6, parts[0] == "static", parts[1] == "let", parts[3] == "UInt64", parts[4] == "=" else { continue }
            let word = parts[2].dropLast().filter { $0 != "`" }
            let literal = try #require(UInt64(parts[5].dropFirst(2).filter { $0 != "_" }, radix: 16), "\(line)")
            #expect(NameHashDifferentialTests.fnv1a(word.utf8) == literal, "\(word)")
            literals += 1
        }
        #expect(literals == WordHash.all.count)
    }
}
