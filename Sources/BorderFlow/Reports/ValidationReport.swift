import BorderFlowSpatial

/// The `validate` verdict: every problem with its file, feature, field and message.
public struct ValidationReport: Sendable {
    public let directory: String
    public let problems: [DatasetProblem]

    public init(directory: String, problems: [DatasetProblem]) {
        self.directory = directory
        self.problems = problems
    }

    public var isValid: Bool { problems.isEmpty }

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

    public func table() -> String {
        if isValid { return "\(directory): valid\n" }
        var text = "\(directory): \(problems.count) problem\(problems.count == 1 ? "" : "s")\n"
        for problem in problems { text += "  - \(problem)\n" }
        return text
    }

    public func csv() -> String {
        var table = CSVTable(header: ["file", "featureIndex", "featureId", "field", "message"])
        for problem in problems {
            table.append([problem.file, problem.featureIndex.map(String.init) ?? "", problem.featureID ?? "", problem.field ?? "", problem.message])
        }
        return table.render()
    }
}
