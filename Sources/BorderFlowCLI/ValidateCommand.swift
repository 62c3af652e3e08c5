import ArgumentParser
import BorderFlow
import BorderFlowOutput
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a dataset against the schema and its geometry; list every problem with file, feature and field.",
        discussion: "Exits 0 when the dataset is valid and 1 when it has any problem.")

    @OptionGroup var options: DatasetOptions

    func run() throws {
        let problems = try Dataset.problems(in: options.directory, workingCRS: options.workingCRS)
        let report = ValidationReport(directory: options.directory.path, problems: problems)
        try options.print(report)
        if !report.isValid { throw ExitCode.failure }
    }
}
