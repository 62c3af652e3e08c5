import BorderFlow

/// Moments in requests, read as the command line reads `--at` and `--on`: a date alone is local noon that day
/// at each crossing.
enum ServerMoment {
    /// The moment a request gives.
    ///
    /// - Parameters:
    ///   - text: the text given.
    ///   - place: the parameter or field, for errors.
    /// - Returns: the moment.
    /// - Throws: `APIError` naming the parameter or field and saying what is wrong.
    static func moment(_ text: String, parameter place: APIError.Place) throws -> Moment {
        do {
            return try Moment(parsing: text, dateAlone: .noon)
        } catch {
            switch place {
            case let .parameter(name), let .field(name):
                throw APIError(status: .badRequest, message: "\(name) \(error)", place: place)
            }
        }
    }
}
