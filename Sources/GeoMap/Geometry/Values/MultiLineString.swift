public struct MultiLineString: Hashable, Sendable {
    public let lineStrings: [LineString]

    public init(lineStrings: [LineString]) {
        self.lineStrings = lineStrings
    }

    public var isEmpty: Bool { lineStrings.allSatisfy(\.isEmpty) }
}
