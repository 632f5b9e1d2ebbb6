// libFuzzer target for the input readers: arbitrary bytes as a JSON Lines file and as a text file
// through DocumentReader (every non-blank line must come out as a document or be counted as
// skipped, only a binary signature skips the whole file, ids are unique, UTF-16 converts in pieces
// as it does whole, a file given twice is read once), each line through JSONLineRecord, and the
// bytes as a GeoJSON geometry and as WKB (whatever decodes must survive an encode/decode round
// trip unchanged).
// Built only by Scripts/fuzz (which passes -DGEOMAP_FUZZ and -sanitize=fuzzer,address); a plain
// `swift build` compiles the stub at the bottom instead.
#if GEOMAP_FUZZ
import FuzzSupport
import Foundation
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var scratchDirectory = ""

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    fuzzCheck(condition, "FuzzReaders", message())
}

private func writeScratch(_ input: UnsafeBufferPointer<UInt8>, name: String) -> String {
    let path = scratchDirectory + "/" + name
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    check(descriptor >= 0, "cannot create \(path)")
    var written = 0
    while written < input.count {
        let result = write(descriptor, input.baseAddress! + written, input.count - written)
        check(result > 0, "cannot write \(path)")
        written += result
    }
    close(descriptor)
    return path
}

/// What a UTF-16 input (with its byte-order mark) reads as, by the standard library.
private func utf16Reference(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard input.count >= 2, (input[0] == 0xFF && input[1] == 0xFE) || (input[0] == 0xFE && input[1] == 0xFF) else { return nil }
    let little = input[0] == 0xFF
    var units: [UInt16] = []
    var k = 2
    while k + 1 < input.count {
        units.append(little ? UInt16(input[k]) | UInt16(input[k + 1]) << 8 : UInt16(input[k]) << 8 | UInt16(input[k + 1]))
        k += 2
    }
    var text = Array(String(decoding: units, as: UTF16.self).utf8)
    if k < input.count { text += [0xEF, 0xBF, 0xBD] }
    return text
}

private func fuzzJSONLines(_ input: UnsafeBufferPointer<UInt8>) {
    // The reader converts UTF-16 as it reads.
    if let converted = utf16Reference(input) {
        converted.withUnsafeBufferPointer { fuzzJSONLines(input, readingAs: $0) }
    } else {
        fuzzJSONLines(input, readingAs: input)
    }
}

/// `input` as a JSON Lines file, whose bytes read as `whole` (UTF-8).
private func fuzzJSONLines(_ input: UnsafeBufferPointer<UInt8>, readingAs whole: UnsafeBufferPointer<UInt8>) {
    var blank = 0, lines = 0
    var record = JSONLineRecord()
    // The reader drops a byte-order mark at the start of the file.
    let body = whole.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: whole[3...]) : whole
    for line in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
        lines += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { blank += 1 }
        UnsafeBufferPointer(rebasing: line).withMemoryRebound(to: UInt8.self) { bytes in
            do {
                try record.parse(bytes)
                check(isValidUTF8(record.text.withUnsafeBufferPointer { $0 }) || !isValidUTF8(bytes), "text lost validity")
            } catch {}
        }
    }
    if body.isEmpty || body.last == 0x0A { lines -= 1; blank -= 1 }  // the empty string after a final newline
    let path = writeScratch(input, name: "input.jsonl")
    var warnings = 0
    do {
        let reader = try DocumentReader(inputs: [path], format: .jsonl) { _ in warnings += 1 }
        var documents = 0
        var ids = Set<[UInt8]>()
        while let document = try reader.next() {
            documents += 1
            check(document.text.withUnsafeBufferPointer { isValidUTF8($0) }, "document text is not valid UTF-8")
            check(document.line != nil, "a JSON Lines document has no line number")
            check(ids.insert(document.id).inserted, "two documents with the id \(document.idString)")
        }
        if DocumentReader.binarySignature(Array(body.prefix(64))[...]) != nil {
            check(documents == 0 && reader.skipped == 1, "a binary JSON Lines file gave \(documents) documents, \(reader.skipped) skipped")
        } else {
            check(documents + reader.skipped == lines - blank,
                  "\(documents) documents + \(reader.skipped) skipped != \(lines - blank) non-blank lines")
        }
    } catch {
        check(false, "DocumentReader threw \(error)")
    }
}

private func fuzzTextFile(_ input: UnsafeBufferPointer<UInt8>) {
    let path = writeScratch(input, name: "input.txt")
    do {
        let reader = try DocumentReader(inputs: [path], format: .text) { _ in }
        var documents = 0
        while let document = try reader.next() {
            documents += 1
            check(document.text.withUnsafeBufferPointer { isValidUTF8($0) }, "document text is not valid UTF-8")
        }
        check(documents + reader.skipped == 1, "a text file gave \(documents) documents, \(reader.skipped) skipped")
    } catch {
        check(false, "DocumentReader threw \(error)")
    }
    // UTF-16, read in pieces (TextPieces.size is far below the input limit, so pieces only when
    // the input is large), must read as the whole converted at once; the same file twice is read once.
    do {
        let reader = try DocumentReader(inputs: [path, path], format: .text) { _ in }
        var documents: [Document] = []
        while let document = try reader.next() { documents.append(document) }
        check(documents.count <= 1 && documents.count + reader.skipped == 2, "a text file given twice gave \(documents.count) documents, \(reader.skipped) skipped")
        if let reference = utf16Reference(input), let document = documents.first {
            check(document.text == reference, "UTF-16 read differs from the standard library's conversion")
        }
    } catch {
        check(false, "DocumentReader threw \(error)")
    }
    if let reference = utf16Reference(input) {
        // The converter alone, in small chunks of every size the readers may ask for.
        for size in [16, 17, 23, 64] {
            let source = ByteSource(path: "fuzz", utf16: Array(input[2...]), littleEndian: input[0] == 0xFF, descriptor: -1, ownsDescriptor: false)
            var out: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: size)
            while true {
                let count = (try? source.read(into: &chunk, 0..<chunk.count)) ?? 0
                if count == 0 { break }
                out += chunk[0..<count]
            }
            check(out == reference, "UTF-16 converted in chunks of \(size) differs from the whole")
        }
    }
}

private func fuzzGeometry(_ input: UnsafeBufferPointer<UInt8>) {
    let data = Data(buffer: input)
    if let geometry = try? JSONDecoder().decode(Geometry.self, from: data) {
        do {
            let again = try JSONDecoder().decode(Geometry.self, from: JSONEncoder().encode(geometry))
            check(again == geometry, "GeoJSON round trip changed the geometry")
        } catch {
            check(false, "encoded GeoJSON does not decode: \(error)")
        }
        let wkb = WKBWriter.write(geometry)
        check((try? WKBReader.read(wkb)) == geometry, "WKB round trip changed a GeoJSON geometry")
    }
    if let geometry = try? WKBReader.read(input) {
        let wkb = WKBWriter.write(geometry)
        let again = try? WKBReader.read(wkb)
        check(again.map { WKBWriter.write($0) } == wkb, "WKB round trip changed the geometry")
    }
    if let text = String(validatingUTF8: Array(input.prefix(4096)).map { CChar(bitPattern: $0) } + [0]),
       let geometry = try? WKTReader.read(text) {
        _ = WKBWriter.write(geometry)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReadersOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    fuzzJSONLines(bytes)
    fuzzTextFile(bytes)
    fuzzGeometry(bytes)
    return 0
}

@_cdecl("FuzzReaders_main")
public func fuzzReadersMain(_ argc: Int32, _ argv: FuzzArguments) -> Int32 {
    var template = Array("/dev/shm/geomap-fuzz-XXXXXX".utf8CString)
    if template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) == nil {
        template = Array("/tmp/geomap-fuzz-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { return 2 }
    }
    scratchDirectory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    return runLibFuzzer(argc, argv, fuzzReadersOneInput)
}
#else
@main
enum FuzzReadersStub {
    static func main() {
        print("FuzzReaders is a libFuzzer target: build and run it with Scripts/fuzz readers")
    }
}
#endif
