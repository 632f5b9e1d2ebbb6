/// Reads one JSON Lines record `{"id": …, "text": …}`: the id (a string or a number) and the text.
/// Other keys are skipped. Returns a reason on failure, for a one-line warning.
struct JSONLineRecord {
    var id: [UInt8] = []
    var text: [UInt8] = []
    /// False when the record had no `id`, or an empty one (`""`: an id no one can tell apart from
    /// another empty one); the caller names it by its line number.
    var hasID = false
    private var key: [UInt8] = []

    enum Problem: Error, CustomStringConvertible {
        case malformed(String)
        case missingText
        case textNotString
        case idNotStringOrNumber
        var description: String {
            switch self {
            case .malformed(let reason): return reason
            case .missingText: return "no \"text\" key"
            case .textNotString: return "\"text\" is not a string"
            case .idNotStringOrNumber: return "\"id\" is not a string or a number"
            }
        }
    }

    /// Parses `line` into `id` and `text`, reusing their storage.
    mutating func parse(_ line: ByteView) throws(Problem) {
        id.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
        var scanner = JSONScanner(line)
        var sawID = false, sawText = false
        do {
            try scanner.expect(UInt8(ascii: "{"), "an object")
            scanner.skipWhitespace()
            if scanner.peek() == UInt8(ascii: "}") {
                scanner.position += 1
            } else {
                while true {
                    scanner.skipWhitespace()
                    let keyStart = scanner.position
                    let which: Key
                    if let plain = try scanner.readPlainString() {
                        which = Key(line.extracting(plain))
                    } else {
                        scanner.position = keyStart
                        key.removeAll(keepingCapacity: true)
                        try scanner.readString(into: &key)
                        which = Key(key)
                    }
                    try scanner.expect(UInt8(ascii: ":"), "':'")
                    scanner.skipWhitespace()
                    if which == .text {
                        guard let next = scanner.peek() else {
                            throw Problem.malformed("malformed JSON: the line ends where a value should be (truncated?) at byte \(line.count + 1)")
                        }
                        guard next == UInt8(ascii: "\"") else { throw Problem.textNotString }
                        text.removeAll(keepingCapacity: true)
                        try scanner.readString(into: &text)
                        sawText = true
                    } else if which == .id {
                        id.removeAll(keepingCapacity: true)
                        if scanner.peek() == UInt8(ascii: "\"") {
                            try scanner.readString(into: &id)
                        } else if let number = try scanner.skipValue() {
                            id.append(contentsOf: line.extracting(number))
                        } else {
                            throw Problem.idNotStringOrNumber
                        }
                        sawID = true
                    } else {
                        try scanner.skipValue()
                    }
                    scanner.skipWhitespace()
                    if scanner.peek() == UInt8(ascii: ",") { scanner.position += 1; continue }
                    try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
                    break
                }
            }
            scanner.skipWhitespace()
            if scanner.position != line.count { throw Problem.malformed("trailing characters after the object") }
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem.malformed("\(error)")
        }
        guard sawText else { throw Problem.missingText }
        hasID = sawID && !id.isEmpty
    }

    /// The keys read; any other is skipped.
    private enum Key {
        case text, id, other

        @inline(__always)
        init<Bytes: RandomAccessCollection<UInt8>>(_ key: Bytes) where Bytes.Index == Int {
            if key.count == 4 && key[0] == 0x74 && key[1] == 0x65 && key[2] == 0x78 && key[3] == 0x74 {
                self = .text
            } else if key.count == 2 && key[0] == 0x69 && key[1] == 0x64 {
                self = .id
            } else {
                self = .other
            }
        }
    }
}
