import BorderFlow
import BorderFlowSpatial

/// The `validate` verdict: every problem with its file, feature, field and message.
public struct ValidationReport: Report, Sendable {
    /// The dataset's folder.
    public let directory: String
    /// Every problem found.
    public let problems: [DatasetProblem]

    /// A report of a validation.
    ///
    /// - Parameters:
    ///   - directory: the dataset's folder.
    ///   - problems: the problems found.
    public init(directory: String, problems: [DatasetProblem]) {
        self.directory = directory
        self.problems = problems
    }

    /// Whether no problem was found.
    public var isValid: Bool { problems.isEmpty }

    /// The report as JSON: the command's `--format json` contract.
    ///
    /// - Returns: an object with the folder, whether it is valid, and every problem.
    public func json() -> JSONValue {
        .object(JSONObject([
            ("dataset", .string(directory)),
            ("valid", .bool(isValid)),
            ("problems", .array(problems.map { problem in
                .object(JSONObject([
                    ("file", .string(problem.file)),
                    ("featureIndex", problem.featureIndex.map { .number(Double($0)) } ?? .null),
                    ("featureId", problem.featureID.map(JSONValue.string) ?? .null),
                    ("field", problem.field.map(JSONValue.string) ?? .null),
                    ("message", .string(problem.message)),
                ]))
            })),
        ]))
    }

    /// The report as a table for people.
    ///
    /// - Returns: "valid", or the number of problems and one line per problem.
    public func table() -> String {
        if isValid { return "\(directory): valid\n" }
        var text = "\(directory): \(formatCount(Double(problems.count), "problem", "problems"))\n"
        for problem in problems { text += "  - \(problem)\n" }
        return text
    }

    /// The report as CSV: the command's `--format csv` contract.
    ///
    /// - Returns: a header and a row per problem.
    public func csv() -> String {
        var table = CSVTable(header: ["file", "featureIndex", "featureId", "field", "message"])
        for problem in problems {
            table.append([problem.file, problem.featureIndex.map(String.init) ?? "", problem.featureID ?? "", problem.field ?? "", problem.message])
        }
        return table.render()
    }
}
