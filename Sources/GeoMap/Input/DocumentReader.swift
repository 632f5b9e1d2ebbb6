#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the documents of a list of inputs in order: text files, directories of them (walked in
/// name order), standard input (`-`), and JSON Lines. A bad record or an unreadable or binary
/// file is skipped with a one-line warning naming the file (and line), and counted.
public final class DocumentReader {
    public let inputs: [String]
    public let format: InputFormat
    public private(set) var skipped = 0
    private let warn: (String) -> Void

    private var pending: [String]
    private var lines: LineReader?
    private var record = JSONLineRecord()
    private var seenIDs = Set<[UInt8]>()

    /// Text files larger than this are read whole all the same, but a warning says so.
    public static let largeFile = 256 << 20

    public init(inputs: [String], format: InputFormat, warn: @escaping (String) -> Void) throws {
        self.inputs = inputs
        self.format = format
        self.warn = warn
        var expanded: [String] = []
        for input in inputs {
            if input == "-" { expanded.append(input); continue }
            var status = stat()
            guard stat(input, &status) == 0 else {
                throw GeoMapError.io(path: input, reason: systemErrorDescription())
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                expanded.append(contentsOf: try DocumentReader.walk(input))
            } else {
                expanded.append(input)
            }
        }
        pending = expanded.reversed()
    }

    /// The next document, or nil at the end of all inputs.
    public func next() throws -> Document? {
        while true {
            if let lines {
                if let document = try nextRecord(lines) { return document }
                self.lines = nil
                continue
            }
            guard let path = pending.popLast() else { return nil }
            let resolved = format.resolved(for: path)
            if resolved == .jsonl {
                do { lines = try LineReader(path: path) } catch {
                    warn("\(error)")
                    skipped += 1
                }
                continue
            }
            if let document = readTextFile(path) { return document }
        }
    }

    private func nextRecord(_ reader: LineReader) throws -> Document? {
        while true {
            var outcome: Result<Document, JSONLineRecord.Problem>?
            let more: Bool?
            do {
                more = try reader.nextLine { line -> Bool in
                    var trimmed = line
                    while let last = trimmed.last, last == 0x0D || last == 0x20 || last == 0x09 { trimmed = UnsafeBufferPointer(rebasing: trimmed.dropLast()) }
                    guard !trimmed.isEmpty else { return true }
                    do throws(JSONLineRecord.Problem) {
                        try record.parse(trimmed)
                        let id = record.hasID ? record.id : Array(String(reader.lineNumber).utf8)
                        outcome = .success(Document(id: id, text: record.text, source: reader.path, line: reader.lineNumber))
                    } catch {
                        outcome = .failure(error)
                    }
                    return true
                }
            } catch {
                warn("\(error)")
                skipped += 1
                return nil
            }
            guard more != nil else { return nil }
            switch outcome {
            case .none: continue
            case .failure(let problem):
                warn("\(reader.path):\(reader.lineNumber): skipped: \(problem)")
                skipped += 1
            case .success(let document):
                if !seenIDs.insert(document.id).inserted {
                    warn("\(reader.path):\(reader.lineNumber): duplicate id \"\(document.idString)\" (kept; ids should be unique)")
                }
                return document
            }
        }
    }

    private func readTextFile(_ path: String) -> Document? {
        do {
            let bytes = try readWholeFile(path)
            if looksBinary(bytes) {
                warn("\(path): skipped: binary file")
                skipped += 1
                return nil
            }
            var text = bytes
            if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
            return Document(id: Array(path.utf8), text: text, source: path)
        } catch {
            warn("\(error)")
            skipped += 1
            return nil
        }
    }

    /// A file is binary when its first 8 KiB hold a NUL byte outside a UTF-16 text, or mostly
    /// control bytes.
    private func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(8192)
        guard !head.isEmpty else { return false }
        var control = 0
        for byte in head where byte < 0x09 || (byte > 0x0D && byte < 0x20) { control += 1 }
        return control * 10 > head.count || (head.contains(0) && control * 100 > head.count)
    }

    static func walk(_ directory: String) throws -> [String] {
        guard let handle = opendir(directory) else { throw GeoMapError.io(path: directory, reason: systemErrorDescription()) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                let end = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: bytes[..<end], as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            names.append(name)
        }
        var files: [String] = []
        for name in names.sorted() {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR { files.append(contentsOf: try walk(path)) }
            else if (status.st_mode & S_IFMT) == S_IFREG { files.append(path) }
        }
        return files
    }
}

/// Reads a whole file (or standard input for `-`).
func readWholeFile(_ path: String) throws -> [UInt8] {
    let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw GeoMapError.io(path: path, reason: systemErrorDescription()) }
    defer { if path != "-" { close(descriptor) } }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw GeoMapError.io(path: path, reason: systemErrorDescription())
        }
        if count == 0 { break }
        result.append(contentsOf: chunk[0..<count])
    }
    return result
}
