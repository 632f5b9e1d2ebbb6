/// For each country and admin-1 unit among an article's candidates, the candidates that lie in it
/// by the gazetteer's codes, in candidate order. The lists are fixed for the document; each round
/// only sums the members' current probabilities.
struct ContainerMembers {
    private var isCountry = ScratchArray<Bool>()
    /// The packed country code of a country's list, the entry of an admin-1 unit's list.
    private var key = ScratchArray<Int32>()
    private var start = ScratchArray<Int>(repeating: 0, count: 1)
    private var members = ScratchArray<Int32>()

    /// Finds the members of every country and admin-1 candidate, and tells each its list.
    mutating func build(_ candidates: inout ScratchArray<Candidate>) {
        isCountry.removeAll()
        key.removeAll()
        start.removeAll()
        start.append(0)
        members.removeAll()
        for k in candidates.indices where candidates[k].kind == .country || candidates[k].kind == .admin1 {
            let country = candidates[k].kind == .country
            let wanted = country ? Int32(candidates[k].country.packed) : candidates[k].entry
            var list = 0
            while list < key.count && !(isCountry[list] == country && key[list] == wanted) { list += 1 }
            if list == key.count {
                isCountry.append(country)
                key.append(wanted)
                for o in candidates.indices {
                    let other = candidates[o]
                    guard other.kind != .country else { continue }
                    if country ? Int32(other.country.packed) == wanted : (other.admin1 == wanted && other.kind != .admin1) {
                        members.append(Int32(o))
                    }
                }
                start.append(members.count)
            }
            candidates[k].containerList = Int32(list)
        }
    }

    /// The mass the groups other than `excluded` put inside the unit of `list`: each member's
    /// probability times its group's weight, summed in candidate order.
    func mass(_ list: Int32, excluding excluded: Int32, _ candidates: ScratchArray<Candidate>, _ groups: ScratchArray<Resolver.Group>) -> Double {
        var mass = 0.0
        for k in start[Int(list)]..<start[Int(list) + 1] {
            let member = candidates[Int(members[k])]
            if member.mention != excluded { mass += member.probability * groups[Int(member.mention)].weight }
        }
        return mass
    }
}
