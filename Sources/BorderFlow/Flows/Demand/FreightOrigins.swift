import Foundation

/// Where northbound freight starts: Mexican places weighted by their export manufacturing, not their population.
///
/// Most northbound trucks and railcars carry what the IMMEX (maquiladora) plants make, so a place's weight as a
/// freight origin is mostly its share of IMMEX personnel — `freightWeight` in `freight-origins.csv`, an
/// approximation curated from INEGI's IMMEX statistics (GeoData/FREIGHT-ORIGINS.md gives the figures and
/// sources). The rest, `1 − listedShare`, is spread over every Mexican place by population, for the freight
/// the table leaves out: farm produce, building materials, local commerce, and the small towns' own trade.
public struct FreightOrigins: Sendable, Equatable {
    /// The part of freight origins that follows the table; the rest follows population. IMMEX exporters ship
    /// more than 80 % of Mexico's manufactured exports; produce, above all through Nogales and Pharr, is most of
    /// the rest.
    public static let listedShare = 0.8

    /// Freight weight per listed Mexican place: approximate IMMEX personnel.
    public let weights: [PlaceIndex: Double]

    /// Freight origins from a table of weights.
    ///
    /// - Parameter weights: freight weight per Mexican place; empty to have freight start in proportion to
    ///   population alone.
    public init(weights: [PlaceIndex: Double] = [:]) {
        self.weights = weights
    }

    /// Each place's share of the freight that starts in Mexico: `listedShare` by the table, the rest by
    /// population; all of it by population when the table is empty. U.S. places get 0.
    ///
    /// - Parameter dataset: the dataset whose places to weigh.
    /// - Returns: one share per place, in dataset order, summing to 1 over the Mexican places.
    public func originShares(in dataset: Dataset) -> [Double] {
        let mexican = dataset.places.typedIndices.filter { dataset.places[$0].country == .mx }
        let population = mexican.reduce(0.0) { $0 + Double(dataset.places[$1].population) }
        let listed = mexican.reduce(0.0) { $0 + (weights[$1] ?? 0) }
        let byTable = listed > 0 ? Self.listedShare : 0
        var shares = [Double](repeating: 0, count: dataset.places.count)
        for place in mexican {
            let people = population > 0 ? Double(dataset.places[place].population) / population : 0
            shares[place.rawValue] = (1 - byTable) * people + (listed > 0 ? byTable * (weights[place] ?? 0) / listed : 0)
        }
        return shares
    }
}
