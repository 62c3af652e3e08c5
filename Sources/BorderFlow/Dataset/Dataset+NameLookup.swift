import BorderFlowSpatial
import Foundation

extension Dataset {
    /// The place with this id, or whose name matches ignoring case, accents and a "Ciudad" or "Heroica" in front,
    /// or that is known by this name (its `alternateNames`).
    ///
    /// The text may end in a state or country ("Alpine, TX", "Nogales, SON", "Naco (MX)") to choose among places
    /// of one name. Matches are tried in order — id, name, name without honorific, alternate name — and the first
    /// kind that matches decides: one place is the answer, several are refused.
    ///
    /// - Parameter text: a place id or name, in any case, accents optional.
    /// - Returns: the one place it names.
    /// - Throws: `LookupError.ambiguousPlace` with every place of that name when there are several,
    ///   `.crossingNotPlace` with the places near the crossing when it names a crossing, or `.unknownPlace` with
    ///   the names that come close and what the dataset covers.
    public func place(named text: String) throws -> Place {
        if let exact = place(id: text) { return exact }
        let query = PlaceQuery(text)
        let keys = placeNameKeys.keys(of: places)
        let candidates = places.indices.filter { query.admits(places[$0]) }
        let wanted = NameMatching.key(query.name), wantedBase = NameMatching.keyWithoutHonorific(query.name)
        let tiers: [(PlaceNameKeys.Keys) -> Bool] = [
            { $0.id == wanted },
            { $0.name == wanted },
            { $0.nameWithoutHonorific == wantedBase },
            { $0.alternates.contains { $0.key == wanted || $0.withoutHonorific == wantedBase } },
        ]
        for (rank, tier) in tiers.enumerated() {
            let matches = candidates.filter { tier(keys[$0]) }
            if matches.count == 1 { return places[matches[0]] }
            if matches.count > 1 {
                // Name also the places known by this name in a weaker way: "San Luis" is San Luis Río Colorado too.
                let weaker = candidates.filter { index in !matches.contains(index) && tiers[(rank + 1)...].contains { $0(keys[index]) } }
                throw LookupError.ambiguousPlace(text, matches: (matches + weaker).map { PlaceMention(places[$0]) })
            }
        }
        if query.isQualified {
            // The name exists, in another state or country than the one asked for.
            let elsewhere = places.indices.filter { index in tiers.dropFirst().contains { $0(keys[index]) } }.map { places[$0] }
            if !elsewhere.isEmpty {
                throw LookupError.unknownPlace(text, suggestions: elsewhere.map { PlaceMention($0) }, coverage: PlaceCoverage(places))
            }
        }
        if let crossing = crossingNamed(query.name) {
            throw LookupError.crossingNotPlace(text, crossing: crossing.id, crossingName: crossing.name,
                                               nearby: placesNearest(crossing.coordinate, count: 4))
        }
        throw LookupError.unknownPlace(text, suggestions: placesNamedLike(query.name), coverage: PlaceCoverage(places))
    }

    /// The crossing whose id, name or port this is, if any: the first of the port's crossings for a port name.
    private func crossingNamed(_ text: String) -> Crossing? {
        let wanted = NameMatching.key(text)
        return crossings.first { NameMatching.key($0.id) == wanted || NameMatching.key($0.name) == wanted }
            ?? crossings.first { NameMatching.key($0.port) == wanted }
    }

    /// The `count` places nearest a coordinate, nearest first, with their distances.
    private func placesNearest(_ coordinate: Coordinate, count: Int) -> [PlaceMention] {
        guard let geodesic = try? Geodesic() else { return [] }
        return places.map { (place: $0, meters: geodesic.distanceMeters(from: coordinate, to: $0.coordinate)) }
            .sorted { ($0.meters, $0.place.id) < ($1.meters, $1.place.id) }
            .prefix(count)
            .map { PlaceMention($0.place, distanceKm: $0.meters / 1000) }
    }

    /// Up to three places whose id, name or another name is within a few typing errors of `text`, or contains
    /// it; none when nothing comes that close, since a far-fetched suggestion only misleads.
    private func placesNamedLike(_ text: String) -> [PlaceMention] {
        let wanted = NameMatching.keyWithoutHonorific(text)
        guard !wanted.isEmpty else { return [] }
        let allowed = max(3, wanted.count / 3)
        let scored: [(place: Place, distance: Int)] = places.compactMap { place in
            let keys = ([place.id, place.name] + place.alternateNames).flatMap { [NameMatching.key($0), NameMatching.keyWithoutHonorific($0)] }
            let distance = keys.map { key in
                wanted.count >= 4 && key.contains(wanted) ? 0 : NameMatching.editDistance(wanted, key)
            }.min() ?? Int.max
            return distance <= allowed ? (place, distance) : nil
        }
        // A closer name makes the farther ones noise.
        let best = scored.map(\.distance).min() ?? 0
        return scored.filter { $0.distance == best }
            .sorted { ($0.distance, -$0.place.population, $0.place.id) < ($1.distance, -$1.place.population, $1.place.id) }
            .prefix(3).map { PlaceMention($0.place) }
    }
}

/// What a user typed to name a place: the name, and the state or country it may end in ("Alpine, TX",
/// "Naco (MX)", "Nogales, SON, MX").
struct PlaceQuery {
    /// The name without its qualifiers.
    let name: String
    /// The state asked for, upper case, if any.
    let state: String?
    /// The country asked for, if any.
    let country: Country?

    init(_ text: String) {
        var rest = text.trimmingCharacters(in: .whitespaces)
        var state: String?, country: Country?
        // "Alpine, CA (US)", as answers print places.
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "("),
           let side = Country(rawValue: rest[rest.index(after: open)..<rest.index(before: rest.endIndex)].trimmingCharacters(in: .whitespaces).uppercased()) {
            country = side
            rest = rest[..<open].trimmingCharacters(in: .whitespaces)
        }
        // "Laredo TX" as "Laredo, TX": no place name ends in a state's code.
        if !rest.contains(","), let space = rest.lastIndex(of: " "),
           Self.isState(String(rest[rest.index(after: space)...])) || Country(rawValue: String(rest[rest.index(after: space)...]).uppercased()) != nil {
            rest.replaceSubrange(space...space, with: ",")
        }
        var parts = rest.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        while parts.count > 1, let last = parts.last {
            if country == nil, let side = Country(rawValue: last.uppercased()) {
                country = side
            } else if state == nil, Self.isState(last) {
                state = last.uppercased()
            } else {
                break
            }
            parts.removeLast()
        }
        name = parts.joined(separator: ", ")
        self.state = state
        self.country = country
    }

    /// Whether a word is a border state's code, in any case.
    static func isState(_ word: String) -> Bool {
        Country.allCases.contains { $0.stateCodes.contains(word.uppercased()) }
    }

    /// Whether the text named a state or country.
    var isQualified: Bool { state != nil || country != nil }

    /// Whether a place is in the state and country asked for.
    func admits(_ place: Place) -> Bool {
        (state == nil || place.state == state) && (country == nil || place.country == country)
    }
}
