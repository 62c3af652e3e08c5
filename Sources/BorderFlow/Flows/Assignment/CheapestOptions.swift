/// The cheapest options of one trip among many offered, cheapest first, keeping at most a fixed number.
///
/// A trip weighs only its few cheapest crossings, so sorting every crossing it could reach would cost
/// crossings × log(crossings) per trip; this keeps the best `capacity` as they come, in time proportional to
/// the crossings offered. Options are ordered by access cost and then by crossing index, a total order, so the
/// options kept are exactly the first `capacity` of a full sort. A large capacity (every option, say) is
/// served by keeping every offer and sorting once, since inserting each in place would cost more.
struct CheapestOptions {
    /// Above this capacity, offers are collected and sorted once rather than kept in order as they come.
    static let largestKeptInOrder = 64

    /// How many options are kept at most.
    let capacity: Int
    private var kept: [CrossingChoices.Option] = []
    private var isSorted = true

    /// - Parameter capacity: how many options to keep at most; `Int.max` keeps every one.
    init(capacity: Int) {
        self.capacity = max(0, capacity)
        kept.reserveCapacity(min(self.capacity, Self.largestKeptInOrder))
    }

    /// The options kept, cheapest first: at most `capacity`.
    var options: ArraySlice<CrossingChoices.Option> {
        mutating get {
            if !isSorted {
                kept.sort(by: Self.isCheaper)
                isSorted = true
            }
            return kept.prefix(capacity)
        }
    }

    /// Whether `a` comes before `b`: cheaper, or as cheap and of a lower crossing index.
    static func isCheaper(_ a: CrossingChoices.Option, than b: CrossingChoices.Option) -> Bool {
        (a.accessSeconds, a.crossing) < (b.accessSeconds, b.crossing)
    }

    /// Whether `offer` would keep an option now: asked first, it spares the dearer checks of an option that
    /// would be dropped anyway.
    ///
    /// - Parameter option: the option.
    /// - Returns: true when fewer than `capacity` are kept or it is cheaper than the dearest kept.
    func wouldKeep(_ option: CrossingChoices.Option) -> Bool {
        guard capacity <= Self.largestKeptInOrder, kept.count == capacity else { return true }
        guard let dearest = kept.last else { return false }
        return Self.isCheaper(option, than: dearest)
    }

    /// Offers an option: kept when fewer than `capacity` are kept or it is cheaper than the dearest kept.
    ///
    /// - Parameter option: the option offered.
    mutating func offer(_ option: CrossingChoices.Option) {
        guard capacity <= Self.largestKeptInOrder else {
            kept.append(option)
            isSorted = false
            return
        }
        guard wouldKeep(option) else { return }
        if kept.count == capacity { kept.removeLast() }
        // Few are kept: a scan from the dearest end finds the place as quickly as a search would.
        var position = kept.count
        while position > 0 && Self.isCheaper(option, than: kept[position - 1]) { position -= 1 }
        kept.insert(option, at: position)
    }

    /// Forgets every option kept, keeping the room they took.
    mutating func removeAll() {
        kept.removeAll(keepingCapacity: true)
        isSorted = true
    }
}
