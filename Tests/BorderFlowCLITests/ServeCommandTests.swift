import BorderFlowTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `borderflow serve` as a user runs it: the ready line with the port it bound, a request answered and logged,
/// and a clean exit on SIGTERM.
@Suite("borderflow serve")
struct ServeCommandTests {
    @Test func announcesItsPortAnswersAndStopsOnSIGTERM() async throws {
        let process = Process()
        process.executableURL = BorderFlowRun.executable
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // The ready line comes in one write once the server listens; an empty read means it exited.
        var printed = ""
        while !printed.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        let line = try #require(printed.split(separator: "\n").first.map(String.init), "no ready line")
        #expect(line.hasPrefix("BorderFlow serving GeoData on http://127.0.0.1:"))
        let port = try #require(Int(line.split(separator: ":").last?.dropLast() ?? ""))
        #expect(port > 0)

        let url = try #require(URL(string: "http://127.0.0.1:\(port)/api/health"))
        let (body, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self).contains(#""status":"ok""#))

        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let log = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("GET /api/health 200"), "\(log)")
    }

    @Test func refusesAPortOutOfRange() throws {
        let run = try BorderFlowRun("serve", "--port", "70000")
        #expect(run.status == 64)
        #expect(run.standardError.contains("--port 70000 is out of range"))
    }
}
