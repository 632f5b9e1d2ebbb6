/// The per-article subdirectory names of `geojson` without `--merge`: the id's last path
/// component (after its last `/` byte) without its extension (`news/2024-06-01.txt` →
/// `2024-06-01`), every Unicode scalar but letters, marks, digits, `-`, `_` and `.` replaced by
/// `_`, no leading dot, at most 80 bytes, never ending in `.geojson` or `.qml` (that dot becomes
/// `_`), `article` when nothing is left, `stdin` for standard input, and `-2`, `-3`, … appended when two articles of the run
/// would share a name.
///
/// The id is read as bytes and the name built scalar by scalar: a `Character` can hold a `/`
/// (a Unicode Prepend letter such as U+0D4E joins the next scalar into its grapheme), so an
/// id must never be cut or filtered by `Character`. A name is always one component: no `/`, no
/// NUL or other control character, not `.` or `..`, valid UTF-8, at most `maxBytes` bytes.
public struct ArticleDirectoryNames {
    /// The longest base name, in bytes (before a `-N` suffix).
    public static let maxBaseBytes = 80
    /// The longest name, suffix included.
    public static let maxBytes = maxBaseBytes + 21

    private var taken: Set<String> = []
    /// For each base name given out more than once, the next suffix to try: every `base-k` below
    /// it is taken, so each name costs a constant number of probes.
    private var nextSuffix: [String: Int] = [:]

    /// How many names have been looked up in `taken` (the tests check that it grows linearly).
    private(set) var probes = 0

    public init() {}

    public mutating func name(for id: String) -> String { name(forID: Array(id.utf8)) }

    public mutating func name(forID id: [UInt8]) -> String {
        let safe = ArticleDirectoryNames.base(of: id)
        probes += 1
        guard taken.contains(safe) else {
            taken.insert(safe)
            return safe
        }
        var counter = nextSuffix[safe, default: 2]
        var name = safe + "-" + String(counter)
        while isTaken(name) {
            counter += 1
            name = safe + "-" + String(counter)
        }
        nextSuffix[safe] = counter + 1
        taken.insert(name)
        return name
    }

    private mutating func isTaken(_ name: String) -> Bool {
        probes += 1
        return taken.contains(name)
    }

    /// The name before any `-N` suffix. Standard input's document (id `-`) is `stdin`, and its
    /// id-less records (`-:LINE`) `stdin-LINE`: never a directory named `-`, which shell tools read
    /// as an option or as standard input.
    static func base(of id: [UInt8]) -> String {
        if id == [UInt8(ascii: "-")] { return "stdin" }
        if id.count > 2 && id.count <= 22 && id[0] == UInt8(ascii: "-") && id[1] == UInt8(ascii: ":")
            && id[2...].allSatisfy({ (0x30...0x39).contains($0) }) {
            return "stdin-" + String(decoding: id[2...], as: UTF8.self)
        }
        let start = id.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        var scalars = Array(String(decoding: id[start...], as: UTF8.self).unicodeScalars)
        if let dot = scalars.lastIndex(of: "."), dot != 0 {
            let ext = scalars[(dot + 1)...]
            if !ext.isEmpty && ext.count <= 5 && ext.allSatisfy(isLetterOrNumber) { scalars.removeSubrange(dot...) }
        }
        var safe = String.UnicodeScalarView()
        var bytes = 0
        for scalar in scalars {
            let keep = isLetterOrNumber(scalar) || isMark(scalar) || scalar == "-" || scalar == "_" || scalar == "."
            let next: Unicode.Scalar = keep ? scalar : "_"
            if bytes + UTF8.width(next) > maxBaseBytes { break }
            if next == "." && safe.isEmpty { continue }  // no leading dot (no hidden names, never . or ..)
            safe.append(next)
            bytes += UTF8.width(next)
        }
        for layerExtension in ["geojson", "qml"] {
            // Not a name that looks like a layer file (`ls *.geojson`, QGIS' file dialogs).
            let tail = Array(layerExtension.unicodeScalars)
            let count = safe.count
            guard count > tail.count + 1 else { continue }
            let dot = safe.index(safe.startIndex, offsetBy: count - tail.count - 1)
            let ending = safe[safe.index(after: dot)...]
            if safe[dot] == "." && zip(ending, tail).allSatisfy({ asciiLowercase($0) == $1 }) {
                safe.replaceSubrange(dot...dot, with: CollectionOfOne("_"))
            }
        }
        let name = String(safe)
        return name.isEmpty ? "article" : name
    }

    private static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func asciiLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
