import BorderFlow
import BorderFlowOutput
import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing

/// `borderflow validate`: every problem with file, feature, field and message, in three forms.
@Suite("Validation report")
struct ValidationReportTests {
    func report(_ broken: String) throws -> (ValidationReport, [DatasetProblem]) {
        let directory = try Fixtures.broken(broken)
        defer { try? FileManager.default.removeItem(at: directory) }
        let problems = try Dataset.problems(in: directory)
        return (ValidationReport(directory: directory.path, problems: problems), problems)
    }

    @Test func everyProblemReadsTheSameInTableJSONAndCSV() throws {
        // Gate B moved out of every sector and away from the boundary: two problems in one feature.
        let (report, problems) = try report("crossing-outside-sectors")
        #expect(problems.count == 2 && !report.isValid)
        let json = report.json()
        #expect(DocumentedJSON.documentedKeys("validate", areIn: json))
        #expect(json["dataset"]?.stringValue == report.directory && json["valid"] == .bool(false))
        let objects = try #require(json["problems"]?.arrayValue)
        let csv = try CSVReader.table(report.csv())
        #expect(csv.header == ["file", "featureIndex", "featureId", "field", "message"])
        #expect(objects.count == problems.count && csv.records.count == problems.count)
        for (index, problem) in problems.enumerated() {
            #expect(objects[index] == .object(JSONObject([
                ("file", .string(problem.file)), ("featureIndex", .number(Double(problem.featureIndex ?? -1))),
                ("featureId", .string(problem.featureID ?? "")), ("field", .string(problem.field ?? "")), ("message", .string(problem.message)),
            ])))
            #expect(csv.records[index] == [problem.file, "\(problem.featureIndex ?? -1)", problem.featureID ?? "", problem.field ?? "", problem.message])
        }
        #expect(csv.records.allSatisfy { $0[0] == "crossings.geojson" && $0[1] == "1" && $0[2] == "gate-b" && $0[3] == "geometry" })
        #expect(report.table() == "\(report.directory): 2 problems\n" + problems.map { "  - \($0)\n" }.joined())
    }

    @Test func messagesWithQuotesAndCommasSurviveTheCSV() throws {
        let (report, problems) = try report("unknown-mode")
        let message = try #require(problems.first?.message)
        #expect(message.contains("\"hovercraft\"") && message.contains(","))
        #expect(try CSVReader.table(report.csv()).column("message") == [message])
        #expect(report.table() == "\(report.directory): 1 problem\n  - \(problems[0])\n")
    }

    @Test func aProblemOutsideAnyFeatureHasNullsInJSONAndBlanksInCSV() throws {
        let (report, problems) = try report("malformed-json")
        #expect(problems.count == 1)
        let object = try #require(report.json()["problems"]?.arrayValue?.first)
        #expect(object["featureIndex"]?.isNull == true && object["featureId"]?.isNull == true && object["field"]?.isNull == true)
        #expect(try CSVReader.table(report.csv()).records.first?[1...3] == ["", "", ""])
    }

    @Test func aValidDatasetSaysSoInEveryForm() throws {
        let problems = try Dataset.problems(in: Fixtures.tiny)
        let report = ValidationReport(directory: Fixtures.tiny.path, problems: problems)
        #expect(report.isValid)
        #expect(report.table() == "\(Fixtures.tiny.path): valid\n")
        #expect(report.json()["valid"] == .bool(true) && report.json()["problems"] == .array([]))
        #expect(try CSVReader.table(report.csv()).records.isEmpty)
    }
}
