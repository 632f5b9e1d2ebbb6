// libFuzzer target for the input readers: arbitrary bytes as a JSON Lines file and as a text file
// through DocumentReader (every non-blank line must come out as a document or be counted as
// skipped), each line through JSONLineRecord, and the bytes as a GeoJSON geometry and as WKB
// (whatever decodes must survive an encode/decode round trip unchanged).
// Built only by Scripts/fuzz (which passes -DGEOMAP_FUZZ and -sanitize=fuzzer,address); a plain
// `swift build` compiles the stub at the bottom instead.
#if GEOMAP_FUZZ
import Foundation
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var scratchDirectory = ""

private func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        writeToStandardError("FuzzReaders: invariant broken: \(message())\n")
        abort()
    }
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

private func fuzzJSONLines(_ input: UnsafeBufferPointer<UInt8>) {
    var blank = 0, lines = 0
    var record = JSONLineRecord()
    // The reader drops a byte-order mark at the start of the file.
    let body = input.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeBufferPointer(rebasing: input[3...]) : input
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
        while let document = try reader.next() {
            documents += 1
            check(document.text.withUnsafeBufferPointer { isValidUTF8($0) }, "document text is not valid UTF-8")
            check(document.line != nil, "a JSON Lines document has no line number")
        }
        if DocumentReader.binaryKind(Array(body.prefix(8192))[...]) != nil {
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

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("FuzzReaders_main")
public func fuzzReadersMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var template = Array("/dev/shm/geomap-fuzz-XXXXXX".utf8CString)
    if template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) == nil {
        template = Array("/tmp/geomap-fuzz-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else { return 2 }
    }
    scratchDirectory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { fuzzReadersOneInput($0, $1) }
}
#else
@main
enum FuzzReadersStub {
    static func main() {
        print("FuzzReaders is a libFuzzer target: build and run it with Scripts/fuzz readers")
    }
}
#endif
