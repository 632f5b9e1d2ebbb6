#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of a gazetteer directory that the index is built from.
public struct GazetteerFiles: Sendable {
    public let directory: String

    public var places: String { directory + "/places.tsv" }
    public var demonyms: String { directory + "/demonyms.tsv" }
    public var shapes: String { directory + "/shapes.wkb" }
    public var firstNames: String { directory + "/lexicon/first-names.txt" }
    public var commonWords: String { directory + "/lexicon/common-words.txt" }
    public var organisations: String { directory + "/curated/organisations.tsv" }
    public var sources: String { directory + "/SOURCES.md" }

    /// Every file the index depends on, required or not.
    public var indexInputs: [String] { [places, demonyms, shapes, firstNames, commonWords, organisations] }

    public init(directory: String) { self.directory = directory }

    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Finds the gazetteer: an explicit directory, `$GEOMAP_GAZETTEER`, an installed copy
    /// (`PREFIX/share/geomap/Gazetteer` for `PREFIX/bin/geomap`, as `Scripts/install` lays it out),
    /// a `Gazetteer/` beside or above the executable (a build inside the repository), above the
    /// current directory, or the source tree this library was compiled from.
    public static func locate(explicit: String? = nil, executablePath: String? = nil) throws -> GazetteerFiles {
        var searched: [String] = []
        func check(_ directory: String) -> GazetteerFiles? {
            searched.append(directory)
            return exists(directory + "/places.tsv") ? GazetteerFiles(directory: directory) : nil
        }
        if let explicit {
            if let found = check(explicit) { return found }
            throw GeoMapError.gazetteerMissing(searched: searched)
        }
        if let fromEnvironment = getenv("GEOMAP_GAZETTEER").map({ String(cString: $0) }), !fromEnvironment.isEmpty {
            if let found = check(fromEnvironment) { return found }
            throw GeoMapError.gazetteerMissing(searched: searched)
        }
        var starts: [String] = []
        if let executablePath {
            if let found = check(parent(of: parent(of: executablePath)) + "/share/geomap/Gazetteer") { return found }
            starts.append(parent(of: executablePath))
        }
        if let cwd = currentDirectory() { starts.append(cwd) }
        starts.append(parent(of: parent(of: parent(of: parent(of: #filePath)))))
        for start in starts {
            var directory = start
            for _ in 0..<6 {
                if let found = check(directory + "/Gazetteer") { return found }
                let up = parent(of: directory)
                if up == directory { break }
                directory = up
            }
        }
        throw GeoMapError.gazetteerMissing(searched: searched)
    }

    /// The path up to its last `/` byte: `.` when there is none, `/` for a file at the root.
    /// Found in the UTF-8 bytes, never by `Character`: a grapheme can hold a `/` (U+0D4E and the
    /// other Prepend letters join the scalar after them), and `lastIndex(of: "/")` then misses it.
    static func parent(of path: String) -> String {
        let bytes = path.utf8
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == bytes.startIndex { return "/" }
        return String(decoding: bytes[..<slash], as: UTF8.self)
    }

    static func currentDirectory() -> String? {
        workingDirectory()
    }
}

extension GazetteerFiles {
    /// The contents of a small text file of the gazetteer (such as SOURCES.md).
    public static func readText(_ path: String) throws -> String {
        let file = try MappedFile(path: path)
        return String(decoding: file.view, as: UTF8.self)
    }
}
