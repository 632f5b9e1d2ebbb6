import ArgumentParser
import GeoMap

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Show the gazetteer entries a name may refer to, best first."
    )

    @Argument(help: "The place name.")
    var name: String

    @OptionGroup var gazetteerOptions: GazetteerOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the name is empty") }
    }

    func run() throws {
        try reportingErrors {
            let gazetteer = try gazetteerOptions.open()
            let postings = gazetteer.postings(for: name)
            if postings.isEmpty { throw GeoMapError.noPlace(name: name, suggestions: []) }
            for posting in postings.prefix(20) {
                let point = gazetteer.point(posting.entry)
                print("\(gazetteer.id(posting.entry))\t\(gazetteer.kind(posting.entry))\t\(gazetteer.name(posting.entry))\t\(gazetteer.country(posting.entry))\t\(point.lat)\t\(point.lon)\t\(gazetteer.population(posting.entry))")
            }
        }
    }
}
