import Foundation
import Testing

/// One line of Fixtures/Golden/cases.txt: a name, the arguments given to `geomap`, and the file
/// fed to its standard input, if any. Scripts/update-golden reads the same file with the same rules.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var stdin: String?
    var line: Int

    var testDescription: String { name }

    static let directory = TestSupport.fixtures + "/Golden"
    static let inputs = directory + "/inputs"
    static let expected = directory + "/expected"
    static let casesFile = directory + "/cases.txt"

    /// Every case, in file order; a line that does not parse is a test failure, not a crash.
    static let all: [GoldenCase] = (try? parse(contentsOf: casesFile)) ?? []

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(contentsOf path: String) throws -> [GoldenCase] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var cases: [GoldenCase] = []
        var names = Set<String>()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let place = "\(path):\(index + 1)"
            var arguments = try words(of: line, at: place)
            let name = arguments.removeFirst()
            var stdin: String?
            if arguments.count >= 2, arguments[arguments.count - 2] == "<" {
                stdin = arguments.removeLast()
                arguments.removeLast()
            }
            if arguments.contains("<") { throw ParseError(description: "\(place): `< FILE` must end the line") }
            guard names.insert(name).inserted else { throw ParseError(description: "\(place): case \(name) is named twice") }
            cases.append(GoldenCase(name: name, arguments: arguments, stdin: stdin, line: index + 1))
        }
        return cases
    }

    /// Runs of non-blanks; a "double-quoted" part is kept whole, blanks included (no escapes).
    static func words(of line: String, at place: String) throws -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var inWord = false, quoted = false
        for scalar in line.unicodeScalars {
            if quoted {
                if scalar == "\"" { quoted = false } else { word.append(scalar) }
            } else if scalar == "\"" {
                quoted = true
                inWord = true
            } else if scalar == " " || scalar == "\t" {
                if inWord { words.append(String(word)) }
                word = String.UnicodeScalarView()
                inWord = false
            } else {
                word.append(scalar)
                inWord = true
            }
        }
        if quoted { throw ParseError(description: "\(place): unclosed double quote") }
        if inWord { words.append(String(word)) }
        return words
    }
}
