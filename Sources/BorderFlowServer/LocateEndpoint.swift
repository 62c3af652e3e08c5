import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial

/// `GET /api/locate`: the `locate --format json` answer for a longitude and latitude.
struct LocateEndpoint {
    let served: ServedDataset

    static let parameters = ["lon", "lat", "count"]

    /// The most nearest crossings listed, as `locate --count` allows.
    static let largestCount = 1_000

    /// The answer's JSON text.
    ///
    /// - Parameter query: the request's query.
    /// - Returns: the JSON text.
    /// - Throws: `APIError` naming the parameter at fault.
    func answer(_ query: QueryParameters) throws -> String {
        try query.check(known: Self.parameters)
        let longitude = try query.number("lon", meaning: "the longitude in degrees (WGS 84), e.g. -110.94")
        let latitude = try query.number("lat", meaning: "the latitude in degrees (WGS 84), e.g. 31.33")
        let count = try query.integer("count", in: 0...Self.largestCount, default: 5, counting: "crossings")
        let dataset = served.dataset
        let location: Location
        do {
            location = try served.regions.withRegion {
                try $0.locate(Coordinate(longitude: longitude, latitude: latitude), crossings: dataset.crossings, limit: count)
            }
        } catch let error as LocateError {
            throw APIError.parameter((-180...180).contains(longitude) ? "lat" : "lon", "\(error)")
        }
        return try JSONTextWriter().text(of: LocationReport(location: location).json())
    }
}
