import Foundation
@testable import GeoMap

/// Paths and shared objects for the tests.
enum TestSupport {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    static let repositoryRoot = URL(fileURLWithPath: testsDirectory).deletingLastPathComponent().deletingLastPathComponent().path
    static let fixtures = testsDirectory + "/Fixtures"

    /// A fresh temporary directory, removed by the caller when done.
    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "geomap-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The small hand-written gazetteer under Fixtures/MiniGazetteer, indexed into a private cache.
    static let miniGazetteer: Gazetteer = {
        let cache = temporaryDirectory()
        return try! Gazetteer.open(GazetteerFiles(directory: fixtures + "/MiniGazetteer"), cacheDirectory: cache)
    }()

    /// The bundled gazetteer (Gazetteer/ in the repository), opened once for all tests.
    static let bundledGazetteer: Gazetteer? = {
        let files = GazetteerFiles(directory: repositoryRoot + "/Gazetteer")
        guard FileManager.default.fileExists(atPath: files.places) else { return nil }
        return try? Gazetteer.open(files)
    }()
}

/// A small deterministic random generator for reproducible test data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
