import Testing
@testable import GeoMap

@Suite struct ArticleDirectoryNameTests {
    @Test func namesAreSafeAndDistinct() {
        var names = ArticleDirectoryNames()
        #expect(names.name(for: "news/2024-06-01.txt") == "2024-06-01")
        #expect(names.name(for: "other/2024-06-01.txt") == "2024-06-01-2")
        #expect(names.name(for: "../../etc/..") == "article")
        #expect(names.name(for: "a b/c?d*e") == "c_d_e")
        #expect(names.name(for: ".hidden") == "hidden")
        #expect(names.name(for: "Харків 1") == "Харків_1")
        #expect(names.name(for: "17") == "17")
        #expect(names.name(for: String(repeating: "x", count: 200)).utf8.count == 80)
    }
}
