import BorderFlow
import BorderFlowOutput
import BorderFlowServer
import BorderFlowSpatial
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `POST /api/divert`: the command's report for the same inputs, its layers, and every way a body is refused.
@Suite(.serialized) struct DivertEndpointTests {
    static func post(_ client: any TestClientProtocol, _ body: String) async throws -> TestResponse {
        try await client.execute(uri: "/api/divert", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
    }

    /// The December 2023 scenario, built as `borderflow divert --scenario dec-2023 --format json` builds it.
    @Test func december2023IsTheCommandsReport() async throws {
        let network = try BorderNetwork.bundled()
        let dataset = network.dataset
        let scenario = try Scenario.find("dec-2023", dataset: dataset)
        let moment = scenario.date
        let baseline = try network.baselineDemand()
        let model = DiversionModel(network: network, demand: baseline.demand, constants: baseline.constants,
                                   behaviour: try network.behaviour(), method: .standard, season: try network.season(at: moment))
        let closures = Scenario.closures(of: scenario, at: moment, in: dataset, adding: Closures())
        let diversion = try model.divert(scenario: scenario, closures: closures, at: moment)
        let title = DiversionTitle.title(scenario: scenario, moment: moment, typed: Closures())
        let expected = DiversionReport(diversion: diversion, dataset: dataset, title: title).json()
        let layers = DiversionLayers(diversion: diversion, network: network)
        try await TestServer.withClient { client in
            let body = try TestServer.expectDocumented(try await Self.post(client, #"{"scenario": "dec-2023"}"#), "/api/divert", "post", status: 200)
            #expect(body.objectValue?["report"] == (try TestServer.reread(expected)))
            let served = body.objectValue?["layers"]?.objectValue
            #expect(served?.keys == ["crossings", "flows", "sectors"])
            #expect(served?["flows"] == (try JSONValue(parsing: Data(try GeoJSONLayerFiles.text(of: layers.flows).utf8), name: "flows")))
        }
    }

    @Test func typedClosuresAndADocument() async throws {
        try await TestServer.withClient { client in
            let typed = try TestServer.expectDocumented(try await Self.post(client, #"{"close": ["Lukeville"], "closeModes": ["rail:2303"], "model": "aon", "minVolume": 0}"#),
                                                        "/api/divert", "post", status: 200)
            #expect(typed.objectValue?["report"]?.objectValue?["title"]?.stringValue == "with lukeville, rail at port 2303 closed")
            let document = #"{"scenario": {"id": "mine", "title": "Mine", "date": "2024-03-04", "sources": ["a note"], "closures": [{"crossing": "sasabe"}]}, "on": "2024-03-05"}"#
            let run = try TestServer.expectDocumented(try await Self.post(client, document), "/api/divert", "post", status: 200)
            #expect(run.objectValue?["report"]?.objectValue?["title"]?.stringValue == "Mine — on 2024-03-05T12:00 (local time)")
            try TestServer.expectDocumented(try await Self.post(client, ""), "/api/divert", "post", status: 200)
        }
    }

    /// With draws, every band is filled in, and the answer still matches the document's band schemas.
    @Test func uncertaintyBandsAreDocumented() async throws {
        try await TestServer.withClient { client in
            let body = try TestServer.expectDocumented(try await Self.post(client, #"{"close": ["lukeville"], "model": "aon", "uncertainty": 2, "seed": 7}"#),
                                                       "/api/divert", "post", status: 200)
            let report = body.objectValue?["report"]?.objectValue
            let crossings = report?["crossings"]?.arrayValue ?? []
            #expect(!crossings.isEmpty)
            #expect(crossings.allSatisfy { Set($0.objectValue?["changeBand"]?.objectValue?.keys ?? []) == ["p10", "median", "p90"] })
            let uncertainty = report?["uncertainty"]?.objectValue
            #expect(uncertainty?["draws"]?.numberValue == 2 && uncertainty?["seed"]?.numberValue == 7)
            #expect(uncertainty?["forgone"]?.objectValue?.keys.sorted() == Mode.allCases.map(\.rawValue).sorted())
        }
    }

    @Test func maxStreamsKeepsTheStreamsThatChangedMost() async throws {
        try await TestServer.withClient { client in
            func flows(_ body: String) async throws -> [JSONValue] {
                let answer = try TestServer.expectDocumented(try await Self.post(client, body), "/api/divert", "post", status: 200)
                return answer.objectValue?["layers"]?.objectValue?["flows"]?.objectValue?["features"]?.arrayValue ?? []
            }
            func key(_ feature: JSONValue) -> String {
                let properties = feature.objectValue?["properties"]?.objectValue
                return ["origin", "crossing", "destination", "mode"].map { properties?[$0]?.stringValue ?? "" }.joined(separator: "|")
            }
            func change(_ feature: JSONValue) -> Double { abs(feature.objectValue?["properties"]?.objectValue?["change"]?.numberValue ?? .nan) }
            let every = try await flows(#"{"close": ["lukeville"]}"#)
            let five = try await flows(#"{"close": ["lukeville"], "maxStreams": 5}"#)
            #expect(every.count > 5 && five.count == 5)
            // The five are streams of the full layer, with its volumes and roads (only the line widths, scaled to
            // the largest stream drawn, may differ), and none left out changed more.
            func drawn(_ feature: JSONValue) -> [JSONValue?] {
                let properties = feature.objectValue?["properties"]?.objectValue
                return [feature.objectValue?["geometry"], properties?["baseline"], properties?["scenario"], properties?["change"]]
            }
            let written = Dictionary(every.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
            #expect(five.allSatisfy { feature in written[key(feature)].map(drawn) == drawn(feature) })
            let smallestKept = five.map(change).min() ?? .nan
            #expect(every.filter { feature in !five.contains { key($0) == key(feature) } }.allSatisfy { change($0) <= smallestKept })
            #expect(try await flows(#"{"close": ["lukeville"], "maxStreams": 0}"#).isEmpty)
        }
    }

    @Test func refusedBodies() async throws {
        try await TestServer.withClient { client in
            func expectError(_ body: String, field: String?, saying words: String) async throws {
                let answer = try TestServer.expectDocumented(try await Self.post(client, body), "/api/divert", "post", status: 400)
                #expect(answer.objectValue?["error"] != nil, "\(body)")
                let error = answer.objectValue?["error"]?.objectValue
                #expect(error?["field"]?.stringValue == field, "\(body)")
                #expect(error?["message"]?.stringValue?.contains(words) == true, "\(body): \(error?["message"]?.stringValue ?? "")")
            }
            try await expectError(#"{"scenario": "dec-2023", "colse": ["x"]}"#, field: "colse", saying: "unknown member \"colse\"")
            try await expectError("{\n  \"scenario\": \"dec-2023\"\n  \"close\": []\n}", field: nil, saying: "line 3, column 3")
            try await expectError("[1]", field: nil, saying: "must be a JSON object")
            try await expectError(#"{"scenario": "dec-2024"}"#, field: "scenario", saying: "known scenarios: ")
            try await expectError(#"{"scenario": "/etc/passwd"}"#, field: "scenario", saying: "no bundled scenario")
            try await expectError(#"{"close": ["lukevile"]}"#, field: "close[0]", saying: "did you mean \"lukeville\"")
            try await expectError(#"{"close": "lukeville"}"#, field: "close", saying: "list of strings")
            try await expectError(#"{"closePorts": ["9999"]}"#, field: "closePorts[0]", saying: "port code")
            try await expectError(#"{"closeSectors": ["atlantis"]}"#, field: "closeSectors[0]", saying: "known sectors")
            try await expectError(#"{"closeModes": ["boat:lukeville"]}"#, field: "closeModes[0]", saying: "MODE:ID")
            try await expectError(#"{"on": "someday"}"#, field: "on", saying: "on ")
            try await expectError(#"{"model": "magic"}"#, field: "model", saying: "aon, logit, equilibrium")
            // The server's own limit on draws (DivertRequest.largestUncertainty), below the command line's.
            try await expectError(#"{"uncertainty": 101}"#, field: "uncertainty", saying: "from 1 to 100 draws, or 0 for none")
            try await expectError(#"{"uncertainty": 101}"#, field: "uncertainty", saying: "divert --uncertainty allows up to 10000")
            try await expectError(#"{"uncertainty": 10000}"#, field: "uncertainty", saying: "the server's limit")
            try await expectError(#"{"uncertainty": 1.5}"#, field: "uncertainty", saying: "whole number")
            try await expectError(#"{"minVolume": -1}"#, field: "minVolume", saying: "zero or more")
            try await expectError(#"{"maxStreams": -1}"#, field: "maxStreams", saying: "from 0 to 10000000 streams")
            try await expectError(#"{"scenario": {"title": "T", "sources": ["s"], "closures": [{"crossing": "nowhere"}]}}"#,
                                  field: "scenario.closures[0].crossing", saying: "nowhere")
            try await expectError(#"{"scenario": {"title": "T", "sources": ["s"], "colour": 1}}"#, field: "scenario.colour", saying: "unknown field")
            try await expectError(#"{"scenario": 7}"#, field: "scenario", saying: "a number")
        }
    }

    @Test func bodiesOverOneMegabyteAreRefused() async throws {
        try await TestServer.withClient { client in
            let large = "{\"close\": [\"" + String(repeating: "a", count: 2_000_000) + "\"]}"
            try TestServer.expectDocumented(try await Self.post(client, large), "/api/divert", "post", status: 413)
        }
    }
}
