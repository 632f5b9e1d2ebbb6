import Foundation
import Testing
@testable import GeoMap

/// The Swift name key against the one rules file both sides read (Scripts/gazetteer/name-key-rules.tsv)
/// and against the Python key (Scripts/gazetteer/namekey.py) of every name in Gazetteer/places.tsv.
@Suite struct NameKeySpecTests {
    static let rulesPath = TestSupport.repositoryRoot + "/Scripts/gazetteer/name-key-rules.tsv"
    static let placesPath = TestSupport.repositoryRoot + "/Gazetteer/places.tsv"
    static let fixturePath = TestSupport.fixtures + "/NameKeys/places-name-keys.tsv"

    /// The rows of the rules file: rule, value, folds-to.
    static let rules: [(rule: String, value: String, to: String)] = {
        guard let text = try? String(contentsOfFile: rulesPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            if line.hasPrefix("#") { return nil }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return (columns[0], columns.count > 1 ? columns[1] : "", columns.count > 2 ? columns[2] : "")
        }
    }()

    static func scalar(_ text: String) -> UInt32 { UInt32(text.dropFirst(2), radix: 16)! }

    static func key(_ name: String, _ tokenizer: inout Tokenizer) -> String {
        NameKey.of(name, using: &tokenizer)?.string ?? ""
    }

    static let python: String? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// Python keys of `names` (one a line through namekey.py's filter).
    static func pythonKeys(_ names: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = [TestSupport.repositoryRoot + "/Scripts/gazetteer/namekey.py"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let data = Data((names.joined(separator: "\n") + "\n").utf8)
        let writer = Thread { input.fileHandleForWriting.write(data); try? input.fileHandleForWriting.close() }
        writer.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: result, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    @Test func rulesFileIsRead() {
        #expect(Self.rules.count > 50, "\(Self.rulesPath) missing or nearly empty")
    }

    @Test func foldTableCoversTheRangesOfTheRules() {
        let ranges = Self.rules.filter { $0.rule == "range" }.map { (Self.scalar($0.value), Self.scalar($0.to)) }
        #expect(ranges.map { $0.0 } == FoldTable.ranges.map { $0.lower })
        #expect(ranges.map { $0.1 } == FoldTable.ranges.map { $0.upper })
    }

    @Test func asciiRolesAreTheRules() {
        let listed: [UInt32: ScalarRole] = Dictionary(uniqueKeysWithValues: Self.rules.compactMap { row in
            let roles: [String: ScalarRole] = ["ascii-apostrophe": .apostrophe, "ascii-hyphen": .hyphen,
                                              "ascii-period": .period, "ascii-newline": .newline]
            return roles[row.rule].map { (Self.scalar(row.value), $0) }
        })
        #expect(listed.count == 6)
        for byte in UInt8(0)..<0x80 {
            let expected: ScalarRole
            if let role = listed[UInt32(byte)] { expected = role }
            else if (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) { expected = .letters }
            else if (0x30...0x39).contains(byte) { expected = .digit }
            else if byte <= 0x20 || byte == 0x7F { expected = .space }
            else { expected = .punctuation }
            #expect(ScalarFolding.asciiRole(byte) == expected, "ASCII \(byte)")
        }
    }

    /// Every token of two or three letters keys to itself unless a `word` rule rewrites it: the
    /// tokenizer's rewrites are exactly the rules'.
    @Test func wordRewritesAreTheRules() {
        let words = Dictionary(uniqueKeysWithValues: Self.rules.filter { $0.rule == "word" }.map { ($0.value, $0.to) })
        #expect(words["st"] == "saint")
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        var tokenizer = Tokenizer()
        var checked = 0
        for a in letters {
            for b in letters {
                for token in [a + b] + letters.map({ a + b + $0 }) {
                    #expect(Self.key(token, &tokenizer) == words[token] ?? token, "\(token)")
                    checked += 1
                }
            }
        }
        #expect(checked == 26 * 26 * 27)
    }

    @Test func leadingWordsAreDroppedBeforeMoreWords() {
        let leading = Self.rules.filter { $0.rule == "leading" }.map(\.value)
        #expect(leading == ["the"])
        var tokenizer = Tokenizer()
        for word in leading {
            #expect(Self.key("\(word.capitalized) Hague", &tokenizer) == "hague")
            #expect(Self.key(word, &tokenizer) == word)
        }
    }

    /// The committed fixture holds, for every 1,000 names of places.tsv, hashes of the names and of their
    /// Python keys: equal key hashes mean equal keys for every name.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: placesPath), "needs Gazetteer/places.tsv"))
    func everyPlacesNameHasThePythonKey() throws {
        let fixture = try String(contentsOfFile: Self.fixturePath, encoding: .utf8)
        var chunks: [(start: Int, names: UInt64, keys: UInt64)] = []
        var total = 0, size = 0
        for line in fixture.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t").map(String.init)
            if columns[0] == "names" { total = Int(columns[1])!; size = Int(columns[2])! }
            if columns[0] == "chunk" { chunks.append((Int(columns[1])!, UInt64(columns[2], radix: 16)!, UInt64(columns[3], radix: 16)!)) }
        }
        // The names as byte ranges of places.tsv: column 11, split at '|'.
        let places = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Self.placesPath)))
        var names: [Range<Int>] = []
        places.withUnsafeBufferPointer { bytes in
            var column = 0, start = 0, header = true
            for index in 0..<bytes.count {
                switch bytes[index] {
                case 0x0A:
                    if column == 10 && !header { names.append(start..<index) }
                    column = 0
                    header = false
                case 0x09:
                    if column == 10 && !header { names.append(start..<index) }
                    column += 1
                    start = index + 1
                case 0x7C where column == 10 && !header:
                    names.append(start..<index)
                    start = index + 1
                default: break
                }
            }
        }
        try #require(names.count == total && chunks.count == (total + size - 1) / size,
                     "\(Self.fixturePath) was written for another places.tsv: run python3 Scripts/gazetteer/key_fixture.py")
        var tokenizer = Tokenizer()
        var differing: [Int] = [], stale: [Int] = []
        places.withUnsafeBufferPointer { bytes in
            for chunk in chunks {
                var nameHash = NameHash.seed, keyHash = NameHash.seed
                for range in names[chunk.start..<min(chunk.start + size, names.count)] {
                    let name = UnsafeBufferPointer(rebasing: bytes[range])
                    nameHash = NameHash.add(0x0A, to: NameHash.add(name, to: nameHash))
                    if let key = NameKey.of(utf8: name, using: &tokenizer) {
                        keyHash = key.bytes.withUnsafeBufferPointer { NameHash.add($0, to: keyHash) }
                    }
                    keyHash = NameHash.add(0x0A, to: keyHash)
                }
                if nameHash != chunk.names { stale.append(chunk.start) }
                if keyHash != chunk.keys { differing.append(chunk.start) }
            }
        }
        try #require(stale.isEmpty, "names \(stale[0])... differ from the fixture's: run python3 Scripts/gazetteer/key_fixture.py")
        var detail = ""
        if !differing.isEmpty, Self.python != nil {
            let part = differing.prefix(5).flatMap { names[$0..<min($0 + size, names.count)] }
                .map { String(decoding: places[$0], as: UTF8.self) }
            let python = try Self.pythonKeys(Array(part))
            detail = zip(part, python).filter { Self.key($0.0, &tokenizer) != $0.1 }.prefix(20)
                .map { "\($0.0): swift \(Self.key($0.0, &tokenizer)), python \($0.1)" }.joined(separator: "; ")
        }
        #expect(differing.isEmpty, "Swift and Python keys differ in \(differing.count) of \(chunks.count) chunks of \(size) names (first at name \(differing.first ?? 0)) \(detail)")
    }

    /// Names where the rules bite, through the Python filter itself (the fixture covers the rest).
    @Test(.enabled(if: python != nil, "needs python3"))
    func pythonKeysEqualSwiftKeysOnHardCases() throws {
        let names = ["St. Petersburg", "Ste-Foy", "Mt. Pleasant", "Ft.Worth", "The Hague", "the", "U.S.", "W.Va.",
                     "Abcd.Efg", "Luhans'k", "Luhans’k", "Moscow's", "Kyiv’s", "O'Brien's Town", "'s-Hertogenbosch",
                     "Korea, Republic of", "Myanmar (Burma)", "Côte d’Ivoire", "Łódź", "Straße", "Διόνυσος",
                     "ΣΟΦΙΑ", "Москва", "दिल्ली", "इरकुत्स्क", "สุโขทัย", "バーキング", "برونئی", "서울", "Ⓐ1",
                     "x\u{301}y", "\u{301}", "Nuuk\u{00AD}Town", "a\u{2028}b", "٣٤ Street", "Ⅻ Legion", "e.g.x"]
        let python = try Self.pythonKeys(names)
        var tokenizer = Tokenizer()
        #expect(python.count == names.count)
        for (name, key) in zip(names, python) {
            #expect(Self.key(name, &tokenizer) == key, "\(name)")
        }
    }
}
