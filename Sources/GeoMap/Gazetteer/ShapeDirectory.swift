/// Where each entry's geometry sits in `shapes.wkb` (layout in ARCHITECTURE.md).
struct ShapeDirectory {
    static let magic: [UInt8] = Array("GMSHAPE1".utf8)
    private var locations: [Int64: (offset: Int, length: Int)] = [:]

    static let empty = ShapeDirectory()
    private init() {}

    init(file: MappedFile) throws {
        let bytes = file.view
        guard bytes.count >= 12, Array(bytes[0..<8]) == ShapeDirectory.magic else {
            throw GeoMapError.badData(path: file.path, line: nil, reason: "not a GeoMap shapes file")
        }
        let count = Int(bytes.load(at: 8, as: UInt32.self))
        var position = 12
        locations.reserveCapacity(count)
        for _ in 0..<count {
            guard position + 12 <= bytes.count else {
                throw GeoMapError.badData(path: file.path, line: nil, reason: "truncated shapes file")
            }
            let id = bytes.load(at: position, as: Int64.self)
            let length = Int(bytes.load(at: position + 8, as: UInt32.self))
            position += 12
            guard position + length <= bytes.count else {
                throw GeoMapError.badData(path: file.path, line: nil, reason: "truncated shapes file")
            }
            locations[id] = (position, length)
            position += length
        }
    }

    func location(of id: Int64) -> (offset: Int, length: Int)? { locations[id] }
}
