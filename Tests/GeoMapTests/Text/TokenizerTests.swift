import Testing
@testable import GeoMap

@Suite struct TokenizerTests {
    func tokenize(_ text: String) -> (Tokenizer, [Token]) {
        var tokenizer = Tokenizer()
        var copy = text
        copy.withUTF8 { tokenizer.tokenize($0) }
        return (tokenizer, Array(tokenizer.tokens))
    }

    func folded(_ text: String) -> [String] {
        let (tokenizer, tokens) = tokenize(text)
        return tokens.map { tokenizer.foldedString($0) }
    }

    @Test func foldsCaseDiacriticsAndApostrophes() {
        #expect(folded("Łódź Kraków Luhans'k Luhans’k Sievierodonetsk") ==
                ["lodz", "krakow", "luhansk", "luhansk", "sievierodonetsk"])
        #expect(folded("Straße ÆRØ") == ["strasse", "aero"])
        #expect(folded("Москва") == ["москва"])
    }

    @Test func possessiveEndsTheToken() {
        let (tokenizer, tokens) = tokenize("Moscow's forces and Kyiv’s")
        #expect(tokens.map { tokenizer.foldedString($0) } == ["moscow", "forces", "and", "kyiv"])
        #expect(tokens[0].shape.contains(.possessive))
        #expect(tokens[0].charEnd == 6)
        #expect(tokens[3].shape.contains(.possessive))
    }

    @Test func initialismsKeepTheirPeriods() {
        let (tokenizer, tokens) = tokenize("the U.S. and W.Va. officials")
        #expect(tokens.map { tokenizer.foldedString($0) } == ["the", "us", "and", "wva", "officials"])
        #expect(tokens[1].charStart == 4 && tokens[1].charEnd == 8)
        #expect(tokens[1].shape.contains(.allCaps))
    }

    @Test func saintAbbreviationsRewrite() {
        #expect(folded("St. Petersburg") == ["saint", "petersburg"])
        #expect(folded("Mt Everest, Ft. Worth") == ["mount", "everest", "fort", "worth"])
    }

    @Test func hyphensSeparateAndAreRecorded() {
        let (_, tokens) = tokenize("Kremlin-backed Saint-Petersburg")
        #expect(tokens.count == 4)
        #expect(tokens[1].gap.contains(.hyphen))
    }

    @Test func offsetsCountCodePoints() {
        let text = "Ça va. Borivske, “Voronove” 🙂 Syrotyne"
        let (_, tokens) = tokenize(text)
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            let surface = String(String.UnicodeScalarView(scalars[Int(token.charStart)..<Int(token.charEnd)]))
            let bytes = Array(text.utf8)[Int(token.byteStart)..<Int(token.byteEnd)]
            #expect(surface == String(decoding: bytes, as: UTF8.self))
        }
        #expect(tokens.last.map { Int($0.charStart) } == 30)
    }

    @Test func sentenceStarts() {
        let (_, tokens) = tokenize("He left. Then Mr. Smith came.\nPolice said")
        let starts = tokens.filter { $0.gap.contains(.sentenceStart) }.map { $0.charStart }
        #expect(starts == [0, 9, 30])
    }

    @Test func nameKeysDropLeadingThe() {
        #expect(NameKey.of("The Hague")?.string == "hague")
        #expect(NameKey.of("Saint-Petersburg")?.string == "saint petersburg")
        #expect(NameKey.of("St. Petersburg")?.hash == NameKey.of("saint petersburg")?.hash)
        #expect(NameKey.of("Lugansk People's Republic")?.string == "lugansk people republic")
        #expect(NameKey.of("  ") == nil)
    }
}
