import Foundation
import Testing
@testable import BorderFlowSpatial

@Suite("PROJ transformations")
struct CoordinateTransformerTests {
    /// Places along the border, west to east (longitude, latitude).
    static let borderPoints: [Coordinate] = [
        Coordinate(longitude: -117.028761, latitude: 32.542528), // San Ysidro
        Coordinate(longitude: -112.817077, latitude: 31.880195), // Lukeville
        Coordinate(longitude: -106.451596, latitude: 31.764479), // Bridge of the Americas
        Coordinate(longitude: -100.511724, latitude: 28.705495), // Eagle Pass
        Coordinate(longitude: -97.497516, latitude: 25.898899), // Brownsville Gateway
        Coordinate(longitude: -100.31847, latitude: 25.68661), // Monterrey
    ]

    @Test func roundTripThroughTheWorkingCRSIsWithinOneNanodegree() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: WorkingCRS.borderStrip)
        for point in Self.borderPoints {
            let projected = try transformer.forward(Position(point))
            let back = try transformer.inverse(projected)
            #expect(abs(back.x - point.longitude) < 1e-9, "longitude of \(point)")
            #expect(abs(back.y - point.latitude) < 1e-9, "latitude of \(point)")
        }
    }

    @Test func batchTransformGivesTheSameResultAsOneAtATime() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: WorkingCRS.borderStrip)
        var batch = Self.borderPoints.map(Position.init)
        try transformer.forward(&batch)
        for (index, point) in Self.borderPoints.enumerated() {
            #expect(try transformer.forward(Position(point)) == batch[index])
        }
        try transformer.inverse(&batch)
        for (index, point) in Self.borderPoints.enumerated() {
            #expect(abs(batch[index].x - point.longitude) < 1e-9)
        }
    }

    @Test func geographicInputIsLongitudeFirstEvenForLatitudeFirstCRS() throws {
        // EPSG:4326 declares latitude first; the transformer must still take longitude first.
        let transformer = try CoordinateTransformer(from: .wgs84, to: .epsg(3857))
        let projected = try transformer.forward(Position(x: -106.0, y: 31.0))
        #expect(abs(projected.x - (-106.0 * .pi / 180 * 6_378_137)) < 1e-3)
        #expect(projected.y > 3_000_000)
    }

    @Test(arguments: [
        ("EPSG:4326", "+proj=lcc +lat_0=29.1 +lon_0=-106 +lat_1=25.7 +lat_2=32.5 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs"),
        ("EPSG:4326", "EPSG:32613"),
        ("EPSG:4326", "EPSG:3857"),
    ])
    func agreesWithCs2cs(source: String, target: String) throws {
        let transformer = try CoordinateTransformer(
            from: CoordinateReferenceSystem(definition: source), to: CoordinateReferenceSystem(definition: target))
        // cs2cs reads EPSG:4326 in its authority order: latitude, then longitude.
        let input = Self.borderPoints.map { "\($0.latitude) \($0.longitude)" }.joined(separator: "\n") + "\n"
        // A PROJ string goes to cs2cs as separate arguments after "+to".
        let targetArguments = target.hasPrefix("+") ? ["+to"] + target.split(separator: " ").map(String.init) : [target]
        let output = try runCs2cs(arguments: ["-f", "%.4f", source] + targetArguments, input: input)
        let lines = output.split(separator: "\n")
        #expect(lines.count == Self.borderPoints.count)
        for (point, line) in zip(Self.borderPoints, lines) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
            let ours = try transformer.forward(Position(point))
            #expect(fields.count >= 2)
            #expect(abs(fields[0] - ours.x) < 0.001, "x of \(point): cs2cs \(fields[0]), ours \(ours.x)")
            #expect(abs(fields[1] - ours.y) < 0.001, "y of \(point): cs2cs \(fields[1]), ours \(ours.y)")
        }
    }

    @Test func unknownCRSCarriesPROJsMessage() {
        #expect(throws: SpatialError.self) {
            _ = try CoordinateTransformer(from: .wgs84, to: CoordinateReferenceSystem(definition: "EPSG:999999"))
        }
        do {
            _ = try CoordinateTransformer(from: .wgs84, to: CoordinateReferenceSystem(definition: "+proj=nonsense"))
            Issue.record("expected an error")
        } catch let error as SpatialError {
            guard case let .unknownCRS(definition, reason) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(definition == "+proj=nonsense")
            #expect(!reason.isEmpty && reason != "PROJ gave no reason")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func bareNumberIsReadAsAnEPSGCode() {
        #expect(CoordinateReferenceSystem(parsing: " 32613 ").definition == "EPSG:32613")
        #expect(CoordinateReferenceSystem(parsing: "+proj=utm +zone=13").definition == "+proj=utm +zone=13")
    }

    @Test func nonFiniteInputIsAnErrorNotAGarbageResult() throws {
        let transformer = try CoordinateTransformer(from: .wgs84, to: WorkingCRS.borderStrip)
        #expect(throws: SpatialError.self) { _ = try transformer.forward(Position(x: .nan, y: 30)) }
    }
}

/// Runs PROJ's own `cs2cs` command line tool.
func runCs2cs(arguments: [String], input: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["cs2cs"] + arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "cs2cs (from Debian's proj-bin) must be installed")
    return String(decoding: data, as: UTF8.self)
}
