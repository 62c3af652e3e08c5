import ArgumentParser
import BorderFlow

/// How the options that name a moment (`route --at`, `divert --on`, `map --on`) are read and described:
/// one rule for a date without a time, the one `simulate` and a scenario's `date` follow.
enum MomentOption {
    /// The help's second sentence: the formats and what a date alone means.
    static let formats = "YYYY-MM-DD is local noon that day at each crossing; YYYY-MM-DDTHH:MM is that local time at each crossing; add Z or ±HH:MM (at most ±14:00) for one instant everywhere"

    /// The moment typed for an option.
    ///
    /// - Parameters:
    ///   - text: the text as typed.
    ///   - option: the option's name, such as `--on`, for the message.
    /// - Returns: the moment, a date alone read as local noon.
    /// - Throws: `ValidationError` naming the option and saying what is wrong.
    static func moment(_ text: String, option: String) throws -> Moment {
        do {
            return try Moment(parsing: text, dateAlone: .noon)
        } catch {
            throw ValidationError("\(option) \(error)")
        }
    }
}
