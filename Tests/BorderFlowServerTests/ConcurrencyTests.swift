import BorderFlowServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Many requests at once: every one answered, and the same question always the same answer.
struct ConcurrencyTests {
    @Test func fiftyRoutesAndFiveDiversionsAtOnce() async throws {
        try await TestServer.withClient { client in
            let answers = try await withThrowingTaskGroup(of: (String, Int, String).self) { group in
                for index in 0..<50 {
                    let uri = index.isMultiple(of: 2) ? "/api/route?from=Sonoyta&to=Phoenix&close=lukeville" : "/api/route?from=Juarez&to=El+Paso&alternatives=3"
                    group.addTask {
                        let response = try await client.execute(uri: uri, method: .get)
                        return (uri, Int(response.status.code), String(buffer: response.body))
                    }
                }
                for _ in 0..<5 {
                    group.addTask {
                        let response = try await DivertEndpointTests.post(client, #"{"scenario": "dec-2023"}"#)
                        return ("divert", Int(response.status.code), String(buffer: response.body))
                    }
                }
                var answers: [(String, Int, String)] = []
                for try await answer in group { answers.append(answer) }
                return answers
            }
            #expect(answers.count == 55)
            #expect(answers.allSatisfy { $0.1 == 200 })
            for question in Set(answers.map(\.0)) {
                #expect(Set(answers.filter { $0.0 == question }.map(\.2)).count == 1, "\(question)")
            }
        }
    }
}
