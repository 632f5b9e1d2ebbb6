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
/// UTF-8 byte-order mark is dropped, UTF-16 with a byte-order mark is converted as it is read
/// (text files and JSON Lines alike, in bounded memory), and each ill-formed byte sequence becomes
/// U+FFFD (as Python's `errors="replace"` reads it), so offsets agree with the repaired text. A bad
/// record, a record whose id was seen before, an unreadable or binary file, a file given twice, and
/// whatever in a directory is not a readable file or directory (a dangling link, a link loop, a
/// FIFO, a path too long) is skipped with a one-line warning naming the file (and line), and
/// counted in `skipped`.
///
/// Ids are unique in the output. A text file's id is its path; a JSON Lines record's is its `id`,
/// or, when it has none, `PATH:LINE` (the place the warnings name it by; a line number alone would
/// repeat in every file). A record whose id — given or made up — was seen before, or is the path of
/// a text file of this run, is skipped; the same file given twice (by any path) is read once.
public final class DocumentReader {
    public let inputs: [String]
    public let format: InputFormat
    public private(set) var skipped = 0
    /// The bytes of the inputs read so far, against their total size when it is known.
    public let tally: ReadTally
    /// Whether standard input (`-` under `auto`) turned out to be JSON Lines; see `StandardInputSniff`.
    public private(set) var standardInputIsJSONLines = false
    private let warn: (String) -> Void

    /// The inputs still to read, last first: files, and the warnings the directory walk raised
    /// at their place in the walk.
    private var pending: [PendingInput]
    private var lines: LineReader?
    /// Warnings raised while reading, not yet given out.
    private var notices: [ReadNotice] = []
    private var seenIDs = SeenIDs()
    /// `nextItem()`'s lines being decoded, and its decoder.
    private var current: LineBatch?
    private var currentIndex = 0
    private var decoder = JSONLineDecoder()

    /// A missing or unreadable input named on the command line is an error; inside a directory,
    /// what cannot be read is skipped with a warning.
    public convenience init(inputs: [String], format: InputFormat, warn: @escaping (String) -> Void) throws {
        try self.init(inputs: inputs, format: format, warn: warn, openDirectory: { opendir($0) })
    }

    /// `openDirectory` opens a directory for the walk (`opendir`; a test injects failures).
    init(inputs: [String], format: InputFormat, warn: @escaping (String) -> Void,
         openDirectory: @escaping (String) -> OpaquePointer?) throws {
        self.inputs = inputs
        self.format = format
        self.warn = warn
        var walk = DirectoryWalk(openDirectory: openDirectory)
        for input in inputs {
            if input == "-" { walk.add(file: input, status: nil); continue }
            var status = stat()
            guard stat(input, &status) == 0 else {
                throw GeoMapError.io(path: input, reason: systemErrorDescription())
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                guard walk.walk(input, status: status, topLevel: true) else {
                    throw GeoMapError.io(path: input, reason: systemErrorDescription())
                }
            } else {
                // Named on the command line, a FIFO or a device (`<(…)`, /dev/stdin) is read too.
                walk.add(file: input, status: status)
            }
        }
        pending = walk.found.reversed()
        tally = ReadTally(total: walk.totalBytes)
        // A text file's id is its path: taken before any record can take it (all under one path,
        // "", and line 0, as the seen-id table keeps a list of the paths it saw).
        for case .file(let path) in walk.found where format.resolved(for: path) != .jsonl {
            _ = Array(path.utf8).withByteView { seenIDs.firstSighting(of: $0, path: "", line: 0) }
        }
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
                let outcome = batch.withLine(k) { decoder.decode($0, lineNumber: line, path: batch.path) }
                if decoder.id.withByteView({ admit(outcome, id: $0, path: batch.path, line: line) }) {
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
            guard let input = pending.popLast() else {
                return notices.isEmpty ? nil : ReadUnit(notices: takeNotices(), content: .none)
            }
            guard case .file(let path) = input else {
                if case .notice(let notice) = input { notices.append(notice) }
                continue
            }
            var prefix: [UInt8] = []
            var readsLines = format.resolved(for: path) == .jsonl
            if path == "-" && format == .auto {
                do {
                    let sniff = try StandardInputSniff(reading: ByteSource(path: path, descriptor: 0, ownsDescriptor: false))
                    prefix = sniff.head
                    readsLines = sniff.isJSONLines
                    standardInputIsJSONLines = readsLines
                } catch {
                    note("\(error)", skips: true)
                    continue
                }
            }
            if readsLines {
                do {
                    let reader = try LineReader(path: path, prefix: prefix, tally: tally)
                    _ = try reader.readUTF16IfMarked()
                    var head = try reader.head(3 + DocumentReader.binarySignatures.map(\.0.count).max()!)
                    if head.starts(with: DocumentReader.utf8BOM) { head.removeFirst(3) }
                    // Only a signature: control bytes in the first lines are those lines' problem
                    // (each a skipped record), not a reason to drop the whole file.
                    if let kind = DocumentReader.binarySignature(head[...]) {
                        note("\(path): skipped: binary file (\(kind)), not JSON Lines", skips: true)
                    } else {
                        lines = reader
                    }
                } catch {
                    note("\(error)", skips: true)
                }
                continue
            }
            if let item = openTextFile(path, prefix: prefix) { return ReadUnit(notices: takeNotices(), content: .item(item)) }
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
    func admit(_ outcome: JSONLineDecoder.Outcome, id: ByteView, path: String, line: Int) -> Bool {
        switch outcome {
        case .blank:
            return false
        case .failed(let problem):
            publish([ReadNotice(message: "\(path):\(line): skipped: \(problem)", skips: true)])
            return false
        case .record(_, let repaired):
            if repaired {
                publish([ReadNotice(message: "\(path):\(line): not valid UTF-8; each ill-formed sequence is read as U+FFFD", skips: false)])
            }
            if let first = seenIDs.firstSighting(of: id, path: path, line: line) {
                let place = first.line == 0 ? "the id of the text file \(IDText.forMessage(id))"
                    : first.path == path ? "first on line \(first.line)" : "first on \(first.path):\(first.line)"
                publish([ReadNotice(message: "\(path):\(line): skipped: duplicate id \"\(IDText.forMessage(id))\" (\(place))",
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
    /// out in pieces. UTF-16 is converted as it is read, so it is cut into pieces like UTF-8.
    /// Unreadable and binary files are skipped with a warning.
    private func openText(_ path: String, prefix: [UInt8]) throws -> DocumentItem? {
        var source = try ByteSource.open(path, prefix: prefix, tally: tally)
        var head: [UInt8] = []
        var atEOF = try source.read(upTo: TextPieces.wholeLimit + 1, into: &head)
        if head.starts(with: DocumentReader.utf16LEBOM) || head.starts(with: DocumentReader.utf16BEBOM) {
            source = source.utf16(head: Array(head[2...]), littleEndian: head[0] == 0xFF, ended: atEOF)
            head.removeAll()
            atEOF = try source.read(upTo: TextPieces.wholeLimit + 1, into: &head)
        } else {
            if head.starts(with: DocumentReader.utf8BOM) { head.removeFirst(3) }
            if let kind = DocumentReader.binaryKind(head.prefix(8192)) {
                note("\(path): skipped: binary file (\(kind))", skips: true)
                return nil
            }
        }
        if atEOF {
            return .whole(Document(id: Array(path.utf8), text: validUTF8(head, path: path), source: path))
        }
        let stream = TextPieces(path: path, bytes: head, source: source)
        return .pieces(LargeDocument(id: Array(path.utf8), source: path, stream: stream))
    }

    private func openTextFile(_ path: String, prefix: [UInt8]) -> DocumentItem? {
        do {
            return try openText(path, prefix: prefix)
        } catch {
            note("\(error)", skips: true)
            return nil
        }
    }

    /// `bytes` if they are valid UTF-8, else repaired (with a warning naming `path`, if given).
    private func validUTF8(_ bytes: [UInt8], path: String? = nil) -> [UInt8] {
        if isValidUTF8(bytes) { return bytes }
        if let path { note("\(path): not valid UTF-8; each ill-formed sequence is read as U+FFFD", skips: false) }
        return repairedUTF8(bytes)
    }

    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let utf16LEBOM: [UInt8] = [0xFF, 0xFE]
    static let utf16BEBOM: [UInt8] = [0xFE, 0xFF]

    /// Converts UTF-16 with a byte-order mark to UTF-8 (unpaired surrogates become U+FFFD), as
    /// the readers do piece by piece.
    static func utf8(fromUTF16 bytes: [UInt8]) -> [UInt8] {
        var text: [UInt8] = []
        let source = ByteSource(path: "", utf16: Array(bytes.dropFirst(2)), littleEndian: bytes.starts(with: utf16LEBOM),
                                descriptor: -1, ownsDescriptor: false)
        _ = try? source.read(upTo: Int.max, into: &text)
        return text
    }

    /// Why a file's first bytes look binary, or nil for text: a known binary signature, or more
    /// than 5% control bytes (NUL included; tab, line breaks, form feed and escape are text).
    static func binaryKind(_ head: ArraySlice<UInt8>) -> String? {
        if let name = binarySignature(head) { return name }
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

    /// The kind of binary file whose signature `head` starts with, if any.
    static func binarySignature(_ head: ArraySlice<UInt8>) -> String? {
        for (signature, name) in binarySignatures where head.starts(with: signature) { return name }
        return nil
    }

    static let binarySignatures: [([UInt8], String)] = [
        (Array("%PDF-".utf8), "PDF"), ([0x50, 0x4B, 0x03, 0x04], "zip"), ([0x1F, 0x8B], "gzip"),
        (Array("BZh".utf8), "bzip2"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz"), ([0x28, 0xB5, 0x2F, 0xFD], "zstd"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z"), ([0x89, 0x50, 0x4E, 0x47], "PNG"), ([0xFF, 0xD8, 0xFF], "JPEG"),
        (Array("GIF8".utf8), "GIF"), ([0x7F, 0x45, 0x4C, 0x46], "ELF"), ([0xD0, 0xCF, 0x11, 0xE0], "OLE2 (old Office)"),
        (Array("SQLite format 3".utf8), "SQLite"),
    ]
}
