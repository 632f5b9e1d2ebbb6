/// Classes of ordinary English words the recognition rules look at around a name. These are
/// facts about the language (prepositions, titles, geographic head nouns), not about any document.
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// Words that introduce a location: in, at, from, near, across, …
    public static let locativePreposition = WordClass(rawValue: 1 << 0)
    /// Titles and roles before a person's name: Mr, President, Gen, Mayor, …
    public static let title = WordClass(rawValue: 1 << 1)
    /// Lower-case words allowed inside a multi-word name: of, de, la, upon, …
    public static let connector = WordClass(rawValue: 1 << 2)
    /// Suffixes that make a name an admin-1 unit: Oblast, Province, Region, Governorate, …
    public static let admin1Suffix = WordClass(rawValue: 1 << 3)
    /// Suffixes that make a name an admin-2 unit: County, Parish, District, …
    public static let admin2Suffix = WordClass(rawValue: 1 << 4)
    /// Head nouns of geographic features: River, Sea, Lake, Street, Quarter, Valley, …
    public static let geographicHead = WordClass(rawValue: 1 << 5)
    /// Head nouns of companies, media and other organisations whose names only borrow a place
    /// name: Times, Instruments, Airlines, Bank, …
    public static let organisationHead = WordClass(rawValue: 1 << 6)
    /// Head nouns of local institutions, named after the place they serve: Police, Department,
    /// Council, Sheriff, School, Hospital, …
    public static let institutionHead = WordClass(rawValue: 1 << 13)
    /// Verbs of saying that follow a person: said, says, told, …
    public static let speechVerb = WordClass(rawValue: 1 << 7)
    /// Months and weekdays.
    public static let calendar = WordClass(rawValue: 1 << 8)
    /// Words that introduce an admin unit named after them: region of X, province of X.
    public static let adminIntroducer = WordClass(rawValue: 1 << 9)
    /// Determiners and pronouns that start sentences and are sometimes place names (This, It, …).
    public static let functionWord = WordClass(rawValue: 1 << 10)
    /// Compass words that may begin a regional name: North, Southern, Eastern, …
    public static let compass = WordClass(rawValue: 1 << 11)
    /// Words of kinship and company suffixes that follow person names: Jr, Sr, III.
    public static let personSuffix = WordClass(rawValue: 1 << 12)
    /// Nouns that describe a named place: city, town, village, municipality, …
    public static let settlementNoun = WordClass(rawValue: 1 << 14)
}

/// Looks up the word classes of a folded token by its hash, in a small open-addressing table
/// (no per-lookup hashing of strings: the token hash is computed once by the tokenizer).
public struct WordClasses: Sendable {
    private let hashes: [UInt64]
    private let classes: [WordClass]
    private let mask: Int

    public static let english = WordClasses(lists: [
        (.locativePreposition, "in at from near to into across outside inside throughout toward towards via within around through between along off en onto beyond past across over under nearby downtown northern southern eastern western north south east west"),
        (.title, "mr mrs ms miss dr president presidents gen general minister governor gov senator sen rep representative mayor judge sheriff officer sgt lt col capt chief king queen prince princess pope coach professor prof rev reverend father sister spokesman spokeswoman spokesperson chairman chairwoman ceo director secretary ambassador commander colonel lieutenant sergeant captain deputy detective trooper councilman councilwoman commissioner superintendent principal pastor bishop archbishop cardinal rabbi imam sheikh ayatollah premier chancellor speaker lord lady sir dame maj major adm admiral cpl corporal pvt private det insp inspector attorney atty justice mp mps leader tsar czar emir sultan vice"),
        (.connector, "of de del della la le du des da do dos das di on upon am im an der den y e el al sur sous les en the and"),
        (.admin1Suffix, "oblast oblasts region regions province provinces governorate prefecture voivodeship krai kray territory emirate canton okrug"),
        (.admin2Suffix, "county counties parish district municipality borough township raion rayon"),
        (.geographicHead, "river rivers sea ocean lake lakes mountains mountain range island islands isles isle bay valley peninsula quarter square street avenue road boulevard park bridge airport station canal gulf strait straits desert coast heights hills falls creek harbor harbour beach plateau basin delta forest reservoir dam highway lane drive plaza channel sound cape gap pass ridge glacier strip corridor crossing"),
        (.organisationHead, "company corp corporation inc ltd llc group bank airlines airways times post news herald tribune journal gazette daily instruments motors foundation association club team fc party agency federation league review press magazine network tv radio broadcasting energy oil gas power electric telecom pharmaceuticals holdings partners insurance trust fund exchange industries technologies systems labs studios records pictures union corps brigade battalion regiment militia hotel"),
        (.institutionHead, "university college school schools hospital police department council court church institute ministry authority commission committee board center centre office service services museum library stadium arena mall high elementary academy symphony orchestra theater theatre cathedral mosque temple fire chamber clinic medical health sheriff sheriffs prison jail zoo festival fair senate assembly legislature congress government administration bureau guard army navy force forces city county state public district"),
        (.speechVerb, "said says say told tells added adds noted notes explained explains stated states wrote writes announced announces claimed claims argued argues insisted insists replied asked asks"),
        (.calendar, "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday"),
        (.adminIntroducer, "region province state oblast governorate prefecture county parish district territory republic city town village municipality governor mayor"),
        (.functionWord, "this that these those it its he she they we you i a an the his her their our my your there here what when where who why how if but and or so as also after before while during since until because although though however then now today yesterday tomorrow all some many most more no not one two each every other another such both either neither only even just still yet"),
        (.compass, "north south east west northern southern eastern western central northeast northwest southeast southwest upper lower greater"),
        (.personSuffix, "jr sr ii iii iv"),
        (.settlementNoun, "city town village hamlet municipality community borough township suburb neighborhood neighbourhood county province state region district capital port settlement commune parish census-designated unincorporated incorporated country island"),
    ])

    init(lists: [(WordClass, String)]) {
        var merged: [UInt64: WordClass] = [:]
        for (wordClass, words) in lists {
            for word in words.split(separator: " ") {
                guard let key = NameKey.of(String(word)) else { continue }
                merged[key.hash, default: []].insert(wordClass)
            }
        }
        let capacity = 1 << max(4, (merged.count * 2).bitWidthCeiling)
        var hashes = [UInt64](repeating: 0, count: capacity)
        var classes = [WordClass](repeating: [], count: capacity)
        for (hash, wordClass) in merged.sorted(by: { $0.key < $1.key }) {
            var slot = IndexLayout.home(of: hash, bits: capacity.trailingZeroBitCount)
            while hashes[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            hashes[slot] = IndexLayout.stored(hash)
            classes[slot] = wordClass
        }
        self.hashes = hashes
        self.classes = classes
        mask = capacity - 1
    }

    @inline(__always)
    public func classes(of hash: UInt64) -> WordClass {
        let stored = IndexLayout.stored(hash)
        var slot = IndexLayout.home(of: stored, bits: mask.nonzeroBitCount)
        while true {
            let found = hashes[slot]
            if found == stored { return classes[slot] }
            if found == 0 { return [] }
            slot = (slot &+ 1) & mask
        }
    }
}
