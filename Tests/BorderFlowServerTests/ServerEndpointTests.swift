import BorderFlow
import BorderFlowOutput
import BorderFlowServer
import BorderFlowSpatial
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Each endpoint with good and bad inputs: the status, and the body against the OpenAPI document.
@Suite(.serialized) struct ServerEndpointTests {
    @Test func healthConfigAndDocument() async throws {
        try await TestServer.withClient { client in
            let health = try TestServer.expectDocumented(try await client.execute(uri: "/api/health", method: .get), "/api/health", "get", status: 200)
            #expect(health.objectValue?["dataset"]?.stringValue == "GeoData")
            #expect(health.objectValue?["crossings"]?.numberValue == 60)
            #expect(health.objectValue?["places"]?.numberValue == 216)
            let config = try TestServer.expectDocumented(try await client.execute(uri: "/api/config", method: .get), "/api/config", "get", status: 200)
            #expect(config.objectValue?["tiles"] == .null)
            #expect(config.objectValue?["version"]?.stringValue == BorderFlowVersion.current)
            let document = try await client.execute(uri: "/api/openapi.json", method: .get)
            #expect(try TestServer.json(document) == (try TestServer.document.get()))
            try TestServer.expectDocumented(try await client.execute(uri: "/api/health?x=1", method: .get), "/api/health", "get", status: 400)
        }
    }

    @Test func layersAreWhatExportWrites() async throws {
        let dataset = try Dataset.load(from: DatasetFiles.bundledDirectory)
        try await TestServer.withClient { client in
            for name in ["crossings", "sectors", "places"] {
                let response = try await client.execute(uri: "/api/\(name)", method: .get)
                try TestServer.expectDocumented(response, "/api/\(name)", "get", status: 200)
                let layer = try #require(DatasetLayers.Name(rawValue: name))
                let exported = try GeoJSONLayerFiles.combinedText(of: DatasetLayers.layers([layer], of: dataset), name: name, encoding: .featureCollection)
                #expect(String(buffer: response.body) == exported)
            }
            let network = try await client.execute(uri: "/api/network", method: .get)
            let body = try TestServer.expectDocumented(network, "/api/network", "get", status: 200)
            let layers = Set(body.objectValue?["features"]?.arrayValue?.compactMap { $0.objectValue?["properties"]?.objectValue?["layer"]?.stringValue } ?? [])
            #expect(layers == Set(DatasetLayers.Name.allCases.map(\.rawValue)))
            try TestServer.expectDocumented(try await client.execute(uri: "/api/basemap", method: .get), "/api/basemap", "get", status: 200)
        }
    }

    @Test func scenariosAreTheCommandsJSON() async throws {
        let dataset = try Dataset.load(from: DatasetFiles.bundledDirectory)
        let scenarios = try Scenario.bundledNames().map { try Scenario.find($0, dataset: dataset) }
        try await TestServer.withClient { client in
            let body = try TestServer.expectDocumented(try await client.execute(uri: "/api/scenarios", method: .get), "/api/scenarios", "get", status: 200)
            #expect(body == (try TestServer.reread(ScenariosReport(scenarios: scenarios).json())))
        }
    }

    @Test func routeIsTheLibrarysRoute() async throws {
        let network = try BorderNetwork.bundled()
        var closures = Closures()
        try closures.close(crossing: "lukeville")
        let comparison = try network.compareRoutes(from: "Sonoyta", to: "Phoenix", mode: .pov, closures: closures, alternatives: 2)
        let names = Dictionary(uniqueKeysWithValues: network.dataset.crossings.map { ($0.id, $0.name) })
        let expected = RouteReport(comparison: comparison, crossingNames: names).json()
        let layers = try GeoJSONLayerFiles.combinedText(of: comparison.layers(on: network), name: "route", encoding: .featureCollection)
        try await TestServer.withClient { client in
            let response = try await client.execute(uri: "/api/route?from=Sonoyta&to=Phoenix&close=lukeville&alternatives=2", method: .get)
            let body = try TestServer.expectDocumented(response, "/api/route", "get", status: 200)
            let members = body.objectValue?.members ?? []
            #expect(JSONValue.object(JSONObject(members.filter { $0.key != "geojson" }.map { ($0.key, $0.value) })) == (try TestServer.reread(expected)))
            #expect(body.objectValue?["geojson"] == (try JSONValue(parsing: Data(layers.utf8), name: "layers")))
            // The members in the command's order, `geojson` last.
            let text = String(buffer: response.body)
            #expect(text.hasPrefix(String(try JSONTextWriter().text(of: expected).dropLast()) + ",\"geojson\":"))
        }
    }

    @Test func routeParameters() async throws {
        let closed = try Dataset.load(from: DatasetFiles.bundledDirectory).crossings.map(\.id).joined(separator: ",")
        try await TestServer.withClient { client in
            func expectError(_ uri: String, parameter: String, saying words: String) async throws {
                let body = try TestServer.expectDocumented(try await client.execute(uri: uri, method: .get), "/api/route", "get", status: 400)
                let error = body.objectValue?["error"]?.objectValue
                #expect(error?["parameter"]?.stringValue == parameter, "\(uri)")
                #expect(error?["message"]?.stringValue?.contains(words) == true, "\(uri): \(error?["message"]?.stringValue ?? "")")
            }
            try await expectError("/api/route?from=Atlantis&to=Phoenix", parameter: "from", saying: "no place is called \"Atlantis\"")
            try await expectError("/api/route?from=Tucson&to=Phonix", parameter: "to", saying: "did you mean")
            try await expectError("/api/route?to=Phoenix", parameter: "from", saying: "required")
            try await expectError("/api/route?from=Sonoyta&to=Phoenix&close=lukevile", parameter: "close", saying: "did you mean \"lukeville\"")
            try await expectError("/api/route?from=Sonoyta&to=Phoenix&mode=boat", parameter: "mode", saying: "not a mode")
            try await expectError("/api/route?from=Sonoyta&to=Phoenix&alternatives=101", parameter: "alternatives", saying: "out of range")
            try await expectError("/api/route?from=Sonoyta&to=Phoenix&alternatives=-1", parameter: "alternatives", saying: "out of range")
            try await expectError("/api/route?from=Sonoyta&to=Phoenix&at=tomorrow", parameter: "at", saying: "at ")
            try await expectError("/api/route?from=Sonoyta&to=Phoenix&colse=lukeville", parameter: "colse", saying: "unknown parameter")
            try await expectError("/api/route?from=%ZZ&to=Phoenix", parameter: "from", saying: "percent-encoded")
            // Repeated and comma lists, spaces as +, a moment: all accepted.
            let many = try await client.execute(uri: "/api/route?from=Nogales%2C+SON&to=Tucson&close=nogales-deconcini,nogales-mariposa&close=lukeville&at=2023-12-10", method: .get)
            try TestServer.expectDocumented(many, "/api/route", "get", status: 200)
            // No route at all is still an answer.
            let none = try await client.execute(uri: "/api/route?from=Sonoyta&to=Phoenix&close=\(closed)", method: .get)
            let body = try TestServer.expectDocumented(none, "/api/route", "get", status: 200)
            #expect(body.objectValue?["crossing"] == .null)
            #expect(body.objectValue?["reason"]?.stringValue?.hasPrefix("no open route") == true)
        }
    }

    @Test func locate() async throws {
        try await TestServer.withClient { client in
            let body = try TestServer.expectDocumented(try await client.execute(uri: "/api/locate?lon=-110.94&lat=31.33&count=3", method: .get), "/api/locate", "get", status: 200)
            #expect(body.objectValue?["nearestCrossings"]?.arrayValue?.count == 3)
            for (uri, parameter) in [("/api/locate?lon=-110.94", "lat"), ("/api/locate?lon=x&lat=31", "lon"), ("/api/locate?lon=-110&lat=31&count=1001", "count"),
                                     ("/api/locate?lon=31.33&lat=-110.94", "lat"), ("/api/locate?lon=500&lat=31", "lon")] {
                let error = try TestServer.expectDocumented(try await client.execute(uri: uri, method: .get), "/api/locate", "get", status: 400)
                #expect(error.objectValue?["error"]?.objectValue?["parameter"]?.stringValue == parameter, "\(uri)")
            }
        }
    }

    @Test func unknownPathsAndWrongMethods() async throws {
        try await TestServer.withClient { client in
            let missing = try await client.execute(uri: "/api/nothing", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/json")
            try TestServer.expectDocumented(try await client.execute(uri: "/api/divert", method: .get), "/api/divert", "post", status: 405)
            try TestServer.expectDocumented(try await client.execute(uri: "/api/route?from=a&to=b", method: .post), "/api/route", "get", status: 405)
            #expect(try await client.execute(uri: "/nothing", method: .get).status == .notFound)
        }
    }

    @Test func staticFilesAndTraversal() async throws {
        try await TestServer.withClient { client in
            let page = try await client.execute(uri: "/", method: .get)
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            #expect(try await client.execute(uri: "/web/index.html", method: .get).status == .ok)
            for uri in ["/web/../Package.swift", "/web/%2e%2e/Package.swift", "/web/..%2fPackage.swift", "/web/%2E%2E%2F%2E%2E%2FPackage.swift",
                        "/leaflet/../../etc/passwd", "/leaflet/%2e%2e/%2e%2e/etc/passwd", "/web//etc/passwd", "/web/%2fetc/passwd",
                        "/web/./index.html", "/web/", "/web/..", "/leaflet/..%5c..%5cetc/passwd", "/web/index.html%00.png"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .notFound, "\(uri)")
                #expect(!String(buffer: response.body).contains("root:"), "\(uri)")
            }
        }
    }
}
