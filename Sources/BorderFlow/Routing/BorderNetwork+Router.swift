import BorderFlowGraph

extension BorderNetwork {
    /// A router for a closure state: the closures in force at a moment (every closure when `moment` is nil).
    ///
    /// Cheap (microseconds) once the network's road-cost table exists; the first router of a network builds
    /// that table (tens of milliseconds on the bundled network), and every later one shares it.
    ///
    /// - Parameters:
    ///   - closures: what is closed.
    ///   - moment: when; closures whose window does not hold it are left out.
    ///   - applyingOpeningHours: with a moment, also close each crossing's modes outside its opening hours
    ///     (true, for a trip at that time) or not (false, for a day's totals, as the simulation counts them).
    /// - Returns: a router to share between tasks.
    /// - Throws: `ClosureError` for an unknown crossing, port or sector (with the known ids or the closest).
    public func router(closures: Closures = Closures(), at moment: Moment? = nil,
                       applyingOpeningHours: Bool = true) throws -> Router {
        let mask = try self.mask(for: closures, at: moment, applyingOpeningHours: applyingOpeningHours)
        return Router(network: self, closures: closures, moment: moment, mask: mask)
    }

    /// A trip between two places by name or id.
    ///
    /// - Parameters:
    ///   - origin: a place id or name (any case, accents optional).
    ///   - destination: a place id or name.
    ///   - mode: how the trip travels.
    /// - Returns: the trip, places by index, ready for ``Router/route(_:)->RouteCost?``.
    /// - Throws: `LookupError.unknownPlace` with the closest names.
    public func trip(from origin: String, to destination: String, mode: Mode) throws -> Trip {
        func index(_ text: String) throws -> PlaceIndex {
            let place = try dataset.place(named: text)
            guard let node = node(id: place.id), case let .place(index) = nodes[Int(node)].kind else {
                throw NetworkError.unknownNode(place.id)
            }
            return PlaceIndex(index)
        }
        return Trip(origin: try index(origin), destination: try index(destination), mode: mode)
    }
}
