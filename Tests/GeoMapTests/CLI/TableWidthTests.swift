import Foundation
import Testing
@testable import GeoMap
#if canImport(Glibc)
import Glibc
#endif

/// Issue 15, trap 5: tables were 145–177 columns wide whatever the terminal. On a terminal they
/// now fit its width (TIOCGWINSZ, else $COLUMNS, else 80), the widest columns cut with `…`;
/// `--wide`, and any output that is not a terminal, keep every cell whole.
@Suite struct TableWidthTests {
    static let rows = [["text", "offsets", "place", "runner-up"],
                       ["Severodonetsk", "10-23", "Sievierodonetsk", "Severodonetsk Raion (0.12)"],
                       ["Moscow", "30-36", "Moscow", ""]]

    @Test func aTableFitsItsWidthCuttingTheWidestColumnsFirst() {
        let full = TextTable.render(Self.rows)
        #expect(full.split(separator: "\n").map(\.count).max()! > 60)
        #expect(TextTable.render(Self.rows, maxWidth: nil) == full)
        #expect(TextTable.render(Self.rows, maxWidth: 500) == full)
        let narrow = TextTable.render(Self.rows, maxWidth: 50, cutFirst: [2, 3])
        let lines = narrow.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(lines)")
        #expect(lines[1].hasPrefix("Severodonetsk  10-23  "))  // the narrow columns stay whole
        #expect(lines[1].contains("…"))
        #expect(lines[2].hasPrefix("Moscow ") && lines[2].contains("30-36") && !lines[2].hasSuffix(" "))
        // Very narrow: no column below 3 characters, so the line may be longer than asked.
        let tiny = TextTable.render(Self.rows, maxWidth: 5, cutFirst: [2, 3]).split(separator: "\n")
        #expect(tiny.allSatisfy { $0.count <= 4 * 3 + 3 * 2 })
    }

    /// Runs `geomap` with standard output on a pseudo-terminal of `columns` columns.
    static func onTerminal(_ arguments: [String], columns: UInt16, environment extra: [String: String] = [:]) throws -> [String] {
        let executable = try #require(BadInput.executable)
        // posix_openpt and friends are hidden from Swift's Glibc; these are their Linux ioctls.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        var unlock: Int32 = 0, number: UInt32 = 0
        try #require(ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0)
        try #require(ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0)
        var size = winsize(ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        try #require(ioctl(master, UInt(TIOCSWINSZ), &size) == 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        environment["GEOMAP_GAZETTEER"] = TestSupport.fixtures + "/MiniGazetteer"
        environment["GEOMAP_CACHE"] = BadInput.cacheDirectory
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(slave)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let count = read(master, &chunk, chunk.count)
            if count <= 0 { break }  // EIO once the child has closed the terminal
            output.append(contentsOf: chunk[0..<count])
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: CLITraps.hasBinary && FileManager.default.fileExists(atPath: "/dev/ptmx")))
    func tablesOnATerminalFitItAndWideKeepsThemWhole() throws {
        let directory = BadInput.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        BadInput.write("Shelling near Luhansk and Moscow; talks in Kyiv and Lugansk Oblast.", to: directory + "/a.txt")
        for arguments in [["extract", directory + "/a.txt"], ["lookup", "Luhansk"], ["near", "Luhansk", "--km", "900"]] {
            // The table's lines; headings (an id, the origin) and notes are not cut.
            func tableLines(_ lines: [String]) -> [String] {
                lines.filter { !$0.hasPrefix("== ") && !$0.hasPrefix("within reach of") && !$0.hasPrefix("focus:") && !$0.hasPrefix("(") }
            }
            let narrow = try Self.onTerminal(arguments, columns: 60)
            #expect(!tableLines(narrow).isEmpty && tableLines(narrow).allSatisfy { $0.count <= 60 }, "\(arguments): \(narrow)")
            let wide = try Self.onTerminal(arguments + ["--wide"], columns: 60)
            #expect(tableLines(wide).map(\.count).max()! > 60, "\(arguments)")
            #expect(wide.count == narrow.count, "\(arguments)")
            // A pipe gets the whole table, as before.
            let piped = try BadInput.geomap(arguments + ["--format", "table"])
            #expect(piped.stdout.split(separator: "\n").map(String.init) == wide, "\(arguments)")
        }
        // No size from the terminal: $COLUMNS.
        let fromEnvironment = try Self.onTerminal(["lookup", "Luhansk"], columns: 0, environment: ["COLUMNS": "60"])
        #expect(fromEnvironment.allSatisfy { $0.count <= 60 }, "\(fromEnvironment)")
    }
}
