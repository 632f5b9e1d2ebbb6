extension IndexBuilder {
    /// The key hashes of a word list, and the hashes of every token prefix of its keys (the keys
    /// included): one word per line with `#` comments, or a TSV with a header whose first column is
    /// the name.
    static func lexiconKeys(_ path: String, skipHeader: Bool) throws -> LexiconWords {
        guard GazetteerFiles.exists(path) else { return LexiconWords() }
        let file = try MappedFile(path: path)
        var lines = TSVLines(file.view)
        if skipHeader { _ = lines.next() }
        var tokenizer = Tokenizer()
        var words = LexiconWords()
        while let (_, line) = lines.next() {
            guard !line.isEmpty else { continue }
            if !skipHeader && line[0] == UInt8(ascii: "#") { continue }
            let word = firstField(line, separator: 0x09)
            guard let key = NameKey.of(utf8: word, using: &tokenizer) else { continue }
            words.keys.append(IndexLayout.stored(key.hash))
            key.bytes.withByteView { bytes in
                NameFilter.prefixHashes(of: bytes) { words.prefixes.append($0) }
            }
            words.prefixes.append(key.hash)
        }
        return words
    }

    struct LexiconWords {
        var keys: [UInt64] = []
        var prefixes: [UInt64] = []
    }
}
