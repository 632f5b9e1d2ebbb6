#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document as the reader hands it out: whole, or — a text larger than `TextPieces.wholeLimit`
/// bytes — to be read and geoparsed in pieces.
public enum DocumentItem {
    case whole(Document)
    case pieces(LargeDocument)
}

/// Reads the documents of a list of inputs in order: text files, directories of them (walked in
/// name order), standard input (`-`), and JSON Lines. Every text comes out as valid UTF-8: a
/// UTF-8 byte-order mark is dropped, UTF-16 with a byte-order mark is converted, and each
/// ill-formed byte sequence becomes U+FFFD (as Python's `errors="replace"` reads it), so offsets
/// agree with the repaired text. A bad record, a record whose id was seen before, or an
/// unreadable or binary file is skipped with a one-line warning naming the file (and line), and
/// counted in `skipped`.
public final class DocumentReader {
    public let inputs: [String]
    public let format: InputFormat
    public private(set) var skipped = 0
    private let warn: (String) -> Void

    private var pending: [String]
    private var lines: LineReader?
    /// Warnings raised while reading, not yet given out.
    private var notices: [ReadNotice] = []
    private var seenIDs = SeenIDs()
    /// `nextItem()`'s lines being decoded, and its decoder.
    private var current: LineBatch?
    private var currentIndex = 0
    private var decoder = JSONLineDecoder()

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
                var visited = Set<[UInt64]>()
                expanded.append(contentsOf: try DocumentReader.walk(input, visited: &visited))
            } else {
                expanded.append(input)
            }
        }
        pending = expanded.reversed()
    }

    /// The next document, or nil at the end of all inputs. A large text is read whole here; use
    /// `nextItem()` to read it in pieces.
    public func next() throws -> Document? {
        switch try nextItem() {
        case nil: return nil
        case .whole(let document): return document
        case .pieces(let large):
            var text: [UInt8] = []
            while let piece = try large.nextPiece() { text.append(contentsOf: piece.text) }
            return Document(id: large.id, text: text, source: large.source)
        }
    }

    /// The next document, whole or in pieces, or nil at the end of all inputs.
    public func nextItem() throws -> DocumentItem? {
        while true {
            if let batch = current, currentIndex < batch.count {
                let k = currentIndex
                currentIndex += 1
                let line = batch.firstLine + k
                let outcome = batch.withLine(k) { decoder.decode($0, lineNumber: line) }
                if decoder.id.withUnsafeBufferPointer({ admit(outcome, id: $0, path: batch.path, line: line) }) {
                    return .whole(Document(id: decoder.id, text: decoder.text, source: batch.path, line: line))
                }
                continue
            }
            current = nil
            // One line at a time, so a document is handed on as soon as its line has come.
            guard let unit = try nextUnit(maxLines: 1, maxBytes: 0) else { return nil }
            publish(unit.notices)
            switch unit.content {
            case .lines(let batch):
                current = batch
                currentIndex = 0
            case .item(let item):
                return item
            case .none:
                continue
            }
        }
    }

    /// The next stretch of input: up to `maxLines` lines (or about `maxBytes` bytes) of a JSON
    /// Lines file, or a text file's document, with the warnings raised before it; nil at the end.
    /// The lines are then decoded (by `JSONLineDecoder`, on any thread) and taken in, in input
    /// order, by `admit`; the warnings are given out by `publish`.
    func nextUnit(maxLines: Int, maxBytes: Int) throws -> ReadUnit? {
        while true {
            if let lines {
                let before = takeNotices()
                var batch = LineBatch(path: lines.path, firstLine: lines.lineNumber + 1)
                do {
                    if try !lines.readLines(into: &batch, maxLines: maxLines, maxBytes: maxBytes) { self.lines = nil }
                } catch {
                    self.lines = nil
                    note("\(error)", skips: true)
                }
                if !batch.isEmpty { return ReadUnit(notices: before, content: .lines(batch)) }
                notices.insert(contentsOf: before, at: 0)
                continue
            }
            guard let path = pending.popLast() else {
                return notices.isEmpty ? nil : ReadUnit(notices: takeNotices(), content: .none)
            }
            if format.resolved(for: path) == .jsonl {
                do {
                    let reader = try LineReader(path: path)
                    var head = try reader.head(8192)
                    if head.starts(with: DocumentReader.utf8BOM) { head.removeFirst(3) }
                    if let kind = DocumentReader.binaryKind(head[...]) {
                        note("\(path): skipped: binary file (\(kind)), not JSON Lines", skips: true)
                    } else {
                        lines = reader
                    }
                } catch {
                    note("\(error)", skips: true)
                }
                continue
            }
            if let item = openTextFile(path) { return ReadUnit(notices: takeNotices(), content: .item(item)) }
        }
    }

    /// Gives out warnings: to the warning handler, counting those that skip an input.
    func publish(_ notices: [ReadNotice]) {
        for notice in notices {
            warn(notice.message)
            if notice.skips { skipped += 1 }
        }
    }

    /// Takes in, in input order, what a decoder made of line `line` of `path`: warns about a bad
    /// record or repaired text, and says whether it is a document to geoparse (false for a blank
    /// line, a bad record, or a record whose id was seen before).
    func admit(_ outcome: JSONLineDecoder.Outcome, id: UnsafeBufferPointer<UInt8>, path: String, line: Int) -> Bool {
        switch outcome {
        case .blank:
            return false
        case .failed(let problem):
            publish([ReadNotice(message: "\(path):\(line): skipped: \(problem)", skips: true)])
            return false
        case .record(let hasID, let repaired):
            if repaired {
                publish([ReadNotice(message: "\(path):\(line): not valid UTF-8; each ill-formed sequence is read as U+FFFD", skips: false)])
            }
            if hasID, let first = seenIDs.firstSighting(of: id, path: path, line: line) {
                let place = first.path == path ? "line \(first.line)" : "\(first.path):\(first.line)"
                publish([ReadNotice(message: "\(path):\(line): skipped: duplicate id \"\(IDText.forMessage(id))\" (first on \(place))",
                                    skips: true)])
                return false
            }
            return true
        }
    }

    private func note(_ message: String, skips: Bool) {
        notices.append(ReadNotice(message: message, skips: skips))
    }

    private func takeNotices() -> [ReadNotice] {
        defer { notices.removeAll() }
        return notices
    }

    /// Opens a text file (or standard input): small ones are read whole, larger ones are handed
    /// out in pieces. Unreadable and binary files are skipped with a warning.
    private func openText(_ path: String) throws -> DocumentItem? {
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw GeoMapError.io(path: path, reason: systemErrorDescription()) }
        var closeDescriptor = path != "-"
        defer { if closeDescriptor { close(descriptor) } }
        var head: [UInt8] = []
        let atEOF = try readUpTo(TextPieces.wholeLimit + 1, from: descriptor, path: path, into: &head)
        if head.starts(with: DocumentReader.utf16LEBOM) || head.starts(with: DocumentReader.utf16BEBOM) {
            if !atEOF { _ = try readUpTo(Int.max, from: descriptor, path: path, into: &head) }
            return .whole(Document(id: Array(path.utf8), text: DocumentReader.utf8(fromUTF16: head), source: path))
        }
        if head.starts(with: DocumentReader.utf8BOM) { head.removeFirst(3) }
        if let kind = DocumentReader.binaryKind(head.prefix(8192)) {
            note("\(path): skipped: binary file (\(kind))", skips: true)
            return nil
        }
        if atEOF {
            return .whole(Document(id: Array(path.utf8), text: validUTF8(head, path: path), source: path))
        }
        closeDescriptor = false
        let stream = TextPieces(path: path, bytes: head, descriptor: descriptor, ownsDescriptor: path != "-")
        return .pieces(LargeDocument(id: Array(path.utf8), source: path, stream: stream))
    }

    private func openTextFile(_ path: String) -> DocumentItem? {
        do {
            return try openText(path)
        } catch {
            note("\(error)", skips: true)
            return nil
        }
    }

    /// `bytes` if they are valid UTF-8, else repaired (with a warning naming `path`, if given).
    private func validUTF8(_ bytes: [UInt8], path: String? = nil) -> [UInt8] {
        if bytes.withUnsafeBufferPointer({ isValidUTF8($0) }) { return bytes }
        if let path { note("\(path): not valid UTF-8; each ill-formed sequence is read as U+FFFD", skips: false) }
        return repairedUTF8(bytes)
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let utf16LEBOM: [UInt8] = [0xFF, 0xFE]
    static let utf16BEBOM: [UInt8] = [0xFE, 0xFF]

    /// Converts UTF-16 with a byte-order mark to UTF-8 (unpaired surrogates become U+FFFD).
    static func utf8(fromUTF16 bytes: [UInt8]) -> [UInt8] {
        let littleEndian = bytes.starts(with: utf16LEBOM)
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var k = 2
        while k + 1 < bytes.count {
            units.append(littleEndian ? UInt16(bytes[k]) | UInt16(bytes[k + 1]) << 8 : UInt16(bytes[k]) << 8 | UInt16(bytes[k + 1]))
            k += 2
        }
        var text = Array(String(decoding: units, as: UTF16.self).utf8)
        if k < bytes.count { text.append(contentsOf: [0xEF, 0xBF, 0xBD]) }  // an odd last byte
        return text
    }

    /// Why a file's first bytes look binary, or nil for text: a known binary signature, or more
    /// than 5% control bytes (NUL included; tab, line breaks, form feed and escape are text).
    static func binaryKind(_ head: ArraySlice<UInt8>) -> String? {
        for (signature, name) in binarySignatures where head.starts(with: signature) { return name }
        guard !head.isEmpty else { return nil }
        var control = 0
        for byte in head where byte < 0x20 {
            switch byte {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B: continue
            default: control += 1
            }
        }
        return control * 20 > head.count ? "control bytes" : nil
    }

    static let binarySignatures: [([UInt8], String)] = [
        (Array("%PDF-".utf8), "PDF"), ([0x50, 0x4B, 0x03, 0x04], "zip"), ([0x1F, 0x8B], "gzip"),
        (Array("BZh".utf8), "bzip2"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz"), ([0x28, 0xB5, 0x2F, 0xFD], "zstd"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z"), ([0x89, 0x50, 0x4E, 0x47], "PNG"), ([0xFF, 0xD8, 0xFF], "JPEG"),
        (Array("GIF8".utf8), "GIF"), ([0x7F, 0x45, 0x4C, 0x46], "ELF"), ([0xD0, 0xCF, 0x11, 0xE0], "OLE2 (old Office)"),
        (Array("SQLite format 3".utf8), "SQLite"),
    ]

    /// Walks a directory in name order; follows links to directories, each directory once.
    static func walk(_ directory: String, visited: inout Set<[UInt64]>) throws -> [String] {
        var own = stat()
        if stat(directory, &own) == 0, !visited.insert([UInt64(own.st_dev), UInt64(own.st_ino)]).inserted { return [] }
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
            if (status.st_mode & S_IFMT) == S_IFDIR { files.append(contentsOf: try walk(path, visited: &visited)) }
            else if (status.st_mode & S_IFMT) == S_IFREG { files.append(path) }
        }
        return files
    }
}

/// Reads from `descriptor` until `out` holds `limit` bytes or the input ends; returns whether it
/// ended.
func readUpTo(_ limit: Int, from descriptor: Int32, path: String, into out: inout [UInt8]) throws -> Bool {
    var chunk = [UInt8](repeating: 0, count: min(1 << 16, max(1, limit - out.count)))
    while out.count < limit {
        let want = min(chunk.count, limit - out.count)
        let count = chunk.withUnsafeMutableBytes { raw in read(descriptor, raw.baseAddress!, want) }
        if count < 0 {
            if errno == EINTR { continue }
            throw GeoMapError.io(path: path, reason: systemErrorDescription())
        }
        if count == 0 { return true }
        chunk.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<count])) }
    }
    return false
}
