import Foundation
import GeoMap

/// `GET /healthz`: the server is up, with the version of GeoMap and of its gazetteer. The
/// gazetteer's version is a hash of its SOURCES.md (every pinned source and its checksum) and the
/// sizes of its data files, computed once at start.
struct HealthReport: Sendable {
    private let prefix: [UInt8]

    init(gazetteer: Gazetteer, workers: Int) {
        let files = gazetteer.files
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
        }
        mix((try? Data(contentsOf: URL(fileURLWithPath: files.sources))) ?? Data())
        for path in files.indexInputs {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? -1
            mix(String(size ?? -1).utf8)
        }
        var json = JSONBytes(capacity: 256)
        json.raw("{\"status\":\"ok\",\"geomap\":")
        json.string(GeoMapInfo.version)
        json.raw(",\"gazetteer\":{\"version\":")
        json.string(String(hash, radix: 16))
        json.raw(",\"entries\":")
        json.integer(gazetteer.allEntries.count)
        json.raw(",\"directory\":")
        json.string(files.directory)
        json.raw("},\"workers\":")
        json.integer(workers)
        json.raw(",\"in_flight\":")
        prefix = json.bytes
    }

    func body(inFlight: Int) -> [UInt8] {
        var json = JSONBytes(capacity: prefix.count + 16)
        json.bytes = prefix
        json.integer(inFlight)
        json.raw("}\n")
        return json.bytes
    }
}
