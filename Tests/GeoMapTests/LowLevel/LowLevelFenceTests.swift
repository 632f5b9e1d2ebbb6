import Foundation
import Testing
@testable import GeoMap

/// The fence around unsafe memory work (issue 19): the data side of the library — gazetteer,
/// input, support, geometry, spatial, geodesy and the CLI — names no `Unsafe…` type outside
/// `Sources/GeoMap/LowLevel/`, which holds few files, each opening with its invariant; the one
/// door from a view to its memory (`borrowedBase`, `ByteView(borrowing:)`) is used only there.
@Suite struct LowLevelFenceTests {
    static let sources = TestSupport.repositoryRoot + "/Sources"
    static let fencedFolders = ["GeoMap/Gazetteer", "GeoMap/Input", "GeoMap/Support", "GeoMap/Geometry",
                                "GeoMap/Spatial", "GeoMap/Geodesy", "GeoMapCLI"]
    /// The per-document scratch storage belongs to the pipeline's fence, not this one.
    static let outsideThisFence: Set<String> = ["GeoMap/Support/ScratchArray.swift"]

    static func swiftFiles(under folder: String) -> [String] {
        let root = sources + "/" + folder
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map { folder + "/" + $0 }.sorted()
    }

    static func text(_ file: String) throws -> String { try String(contentsOfFile: sources + "/" + file, encoding: .utf8) }

    @Test func theDataSideNamesNoUnsafeTypeOutsideLowLevel() throws {
        var checked = 0
        for folder in Self.fencedFolders {
            for file in Self.swiftFiles(under: folder) where !Self.outsideThisFence.contains(file) {
                checked += 1
                for (number, line) in try Self.text(file).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.contains("Unsafe") {
                    Issue.record("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(checked > 100, "only \(checked) files read: is the source tree there?")
    }

    @Test func lowLevelIsAFewFilesEachStatingItsInvariant() throws {
        let files = Self.swiftFiles(under: "GeoMap/LowLevel")
        #expect(!files.isEmpty && files.count <= 10, "\(files)")
        for file in files {
            let head = try Self.text(file).split(separator: "\n").prefix(20)
            #expect(head.contains { $0.hasPrefix("// Invariant.") }, "\(file) does not open with its invariant")
        }
    }

    @Test func onlyLowLevelReachesTheMemoryBehindAView() throws {
        for folder in Self.fencedFolders + ["GeoMap/Text", "GeoMap/Recognition", "GeoMap/Resolution", "GeoMap/Pipeline", "GeoMap/Output"] {
            for file in Self.swiftFiles(under: folder) {
                let text = try Self.text(file)
                #expect(!text.contains("borrowedBase") && !text.contains("ByteView(borrowing:"), "\(file)")
            }
        }
    }
}

/// `ByteView`, the safe face of mapped and borrowed bytes: what it reads, and that it reads
/// nothing outside itself.
@Suite struct ByteViewTests {
    let bytes: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0x0A, 0xFF, 0x0A, 0x10, 0x20, 0x30, 0x40, 0x50]

    @Test func loadsAreLittleEndianAtAnyOffset() {
        bytes.withByteView { view in
            #expect(view.load(at: 0, as: UInt32.self) == 0x0403_0201)
            #expect(view.load(at: 1, as: UInt16.self) == 0x0302)
            #expect(view.load(at: 4, as: UInt64.self) == 0x5040_3020_100A_FF0A)
            #expect(view.load(at: 11, as: UInt8.self) == 0x50)
        }
    }

    @Test func slicesCountFromZeroAndScansStayInTheirRange() {
        bytes.withByteView { view in
            let middle = view.extracting(4..<9)
            #expect(Array(middle) == [0x0A, 0xFF, 0x0A, 0x10, 0x20])
            #expect(middle.firstIndex(of: 0x0A, from: 1) == 2)
            #expect(view.firstIndex(of: 0x0A, from: 5, to: 6) == nil)
            #expect(view.firstIndex(of: 0x0A, from: 5) == 6)
            #expect(view.firstIndex(of: 0x0A, from: 12) == nil)
            #expect(middle.bytesEqual(view.extracting(4..<9)) && !middle.bytesEqual(view.extracting(5..<10)))
            #expect(view.extracting(12..<12).isEmpty && ByteView.empty.isEmpty)
        }
    }

    @Test func aReadOutsideTheViewStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            let bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
            _ = bytes.withByteView { $0.extracting(2..<6).load(at: 1, as: UInt32.self) }
        }
        await #expect(processExitsWith: .failure) {
            let bytes: [UInt8] = [1, 2, 3]
            _ = bytes.withByteView { $0.extracting(1..<4) }
        }
        await #expect(processExitsWith: .failure) {
            let bytes: [UInt8] = [1, 2, 3]
            _ = bytes.withByteView { $0[-1] }
        }
    }

    @Test func aMappedFileIsReadInPlace() throws {
        let directory = TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/mapped.bin"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let mapped = try MappedFile(path: path)
        #expect(Array(mapped.view) == bytes)
        #expect(mapped.view.load(at: 7, as: UInt32.self) == 0x4030_2010)
        try Data().write(to: URL(fileURLWithPath: path + ".empty"))
        #expect(try MappedFile(path: path + ".empty").view.isEmpty)
    }
}
