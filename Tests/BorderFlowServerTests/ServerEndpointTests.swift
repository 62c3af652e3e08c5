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

    /// `scenario`, `closePort`, `closeSector` and `closeMode` close what `route --scenario`, `--close-port`,
    /// `--close-sector` and `--close-mode` close: the answer is the library's route for the same closures.
    @Test func routeTakesTheCommandsClosures() async throws {
        let network = try BorderNetwork.bundled()
        let dataset = network.dataset
        let names = Dictionary(uniqueKeysWithValues: dataset.crossings.map { ($0.id, $0.name) })
        let lukeville = try #require(dataset.crossings.first { $0.id == "lukeville" })
        let nogales = dataset.crossings.filter { $0.portCode == "2604" }.map(\.id)
        #expect(nogales.count > 1)
        try await TestServer.withClient { client in
            /// The answer, checked against the document and against the library's route for the closures.
            func expectRoute(_ query: String, from: String, to: String, closures: Closures, at moment: Moment? = nil) async throws -> JSONValue {
                let response = try await client.execute(uri: "/api/route?\(query)", method: .get)
                let body = try TestServer.expectDocumented(response, "/api/route", "get", status: 200)
                let comparison = try network.compareRoutes(from: from, to: to, mode: .pov, closures: closures, at: moment, alternatives: 0)
                let expected = try TestServer.reread(RouteReport(comparison: comparison, crossingNames: names).json())
                let members = body.objectValue?.members.filter { $0.key != "geojson" }.map { ($0.key, $0.value) } ?? []
                #expect(JSONValue.object(JSONObject(members)) == expected, "\(query)")
                return body
            }
            func crossing(_ body: JSONValue) -> String? { body.objectValue?["crossing"]?.stringValue }
            // With nothing closed, these trips cross at the crossings then closed.
            #expect(crossing(try await expectRoute("from=Sonoyta&to=Phoenix", from: "Sonoyta", to: "Phoenix", closures: Closures())) == "lukeville")
            let open = try await expectRoute("from=Nogales%2C+SON&to=Tucson", from: "Nogales, SON", to: "Tucson", closures: Closures())
            #expect(crossing(open).map(nogales.contains) == true)

            var port = Closures()
            try port.close(port: "2604")
            let byPort = try await expectRoute("from=Nogales%2C+SON&to=Tucson&closePort=2604", from: "Nogales, SON", to: "Tucson", closures: port)
            #expect(crossing(byPort) != nil && crossing(byPort).map(nogales.contains) == false, "\(crossing(byPort) ?? "none")")

            let sector = try #require(lukeville.sector)
            var sectorClosed = Closures()
            try sectorClosed.close(sector: sector)
            let bySector = try await expectRoute("from=Sonoyta&to=Phoenix&closeSector=\(sector.uppercased())", from: "Sonoyta", to: "Phoenix", closures: sectorClosed)
            #expect(crossing(bySector).flatMap { id in dataset.crossings.first { $0.id == id }?.sector } != sector)

            var modes = Closures()
            try modes.close(mode: .pov, atCrossing: "lukeville")
            try modes.close(mode: .truck, atPort: "2604")
            let byMode = try await expectRoute("from=Sonoyta&to=Phoenix&closeMode=pov:Lukeville,truck:2604", from: "Sonoyta", to: "Phoenix", closures: modes)
            #expect(crossing(byMode) != nil && crossing(byMode) != "lukeville")

            // A scenario's closures at its date, or at the moment given.
            let december = try Scenario.find("dec-2023", dataset: dataset)
            let date = try #require(december.date)
            let atItsDate = try await expectRoute("from=Sonoyta&to=Phoenix&scenario=dec-2023", from: "Sonoyta", to: "Phoenix",
                                                  closures: december.closures(at: date, in: dataset), at: date)
            #expect(crossing(atItsDate) != nil && crossing(atItsDate) != "lukeville")
            let november = try Moment(parsing: "2023-11-01", dateAlone: .noon)
            let before = try await expectRoute("from=Sonoyta&to=Phoenix&scenario=DEC-2023&at=2023-11-01", from: "Sonoyta", to: "Phoenix",
                                               closures: december.closures(at: november, in: dataset), at: november)
            #expect(crossing(before) == "lukeville")
            // Typed closures add to the scenario's.
            var both = december.closures(at: november, in: dataset)
            both.add(contentsOf: port)
            _ = try await expectRoute("from=Nogales%2C+SON&to=Tucson&scenario=dec-2023&at=2023-11-01&closePort=2604", from: "Nogales, SON", to: "Tucson",
                                      closures: both, at: november)

            func expectError(_ query: String, parameter: String, saying words: String) async throws {
                let body = try TestServer.expectDocumented(try await client.execute(uri: "/api/route?from=Sonoyta&to=Phoenix&\(query)", method: .get),
                                                           "/api/route", "get", status: 400)
                let error = body.objectValue?["error"]?.objectValue
                #expect(error?["parameter"]?.stringValue == parameter, "\(query)")
                #expect(error?["message"]?.stringValue?.contains(words) == true, "\(query): \(error?["message"]?.stringValue ?? "")")
            }
            try await expectError("scenario=dec-2024", parameter: "scenario", saying: "no bundled scenario has the id \"dec-2024\"; known scenarios: ")
            try await expectError("scenario=%2Fetc%2Fpasswd", parameter: "scenario", saying: "no bundled scenario")
            try await expectError("closePort=9999", parameter: "closePort", saying: "no crossing belongs to port code \"9999\"; known port codes: ")
            try await expectError("closeSector=atlantis", parameter: "closeSector", saying: "no sector has the id \"atlantis\"; known sectors: ")
            try await expectError("closeMode=boat:lukeville", parameter: "closeMode", saying: "'boat:lukeville' must be MODE:ID")
            try await expectError("closeMode=lukeville", parameter: "closeMode", saying: "must be MODE:ID")
            try await expectError("closeMode=pov:lukevile", parameter: "closeMode", saying: "did you mean \"lukeville\"")
            try await expectError("closeMode=rail:lukeville", parameter: "closeMode", saying: "does not serve rail")
            try await expectError("closePort=2604&closeSectors=x", parameter: "closeSectors", saying: "unknown parameter")
            try await expectError("scenario=dec-2023&at=soon", parameter: "at", saying: "at ")
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
            let head = try await client.execute(uri: "/api/health", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
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
