import BorderFlowSpatial
import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlow

/// `roads.bfroads`, the binary bulk of an imported network: read back as written, and refused whole when damaged.
@Suite("Imported road network file")
struct ImportedRoadsFileTests {
    /// Three nodes and two segments: a two-way street with a bend, and a one-way street closed to trucks.
    static let roads = ImportedRoads(
        nodeCountry: [.us, .us, .mx],
        nodeCoordinates: [Coordinate(longitude: -110.94, latitude: 31.34), Coordinate(longitude: -110.93, latitude: 31.35),
                          Coordinate(longitude: -110.94, latitude: 31.30)],
        edgeSource: [0, 0, 1], segmentOfEdge: [0, 1, 0], segmentFrom: [0, 0], segmentTo: [1, 2],
        segmentName: [0, 1], segmentClass: [.local, .primary], segmentSpeedKph: [40, 80], segmentLengthMeters: [1_500, 4_400.5],
        segmentFlags: [0, ImportedRoads.flags(oneWay: true, closedTo: [.truck])], shapeStart: [0, 1, 1],
        shapes: [Coordinate(longitude: -110.935, latitude: 31.345)], names: ["Grand Avenue", "Avenida Álvaro Obregón"])

    func write(_ data: Data) throws -> (ScratchFolder, URL) {
        let scratch = try ScratchFolder("bfroads")
        return (scratch, try scratch.file(ImportedRoadsFile.name, Array(data)))
    }

    @Test func whatIsWrittenIsReadBack() throws {
        let (scratch, url) = try write(ImportedRoadsFile.data(Self.roads))
        _ = scratch
        let read = try ImportedRoadsFile.read(url)
        #expect(read.nodeCountry == Self.roads.nodeCountry)
        #expect(read.nodeCoordinates == Self.roads.nodeCoordinates)
        #expect(read.segmentOfEdge == Self.roads.segmentOfEdge && read.edgeSource == Self.roads.edgeSource)
        #expect(read.names == Self.roads.names)
        #expect(read.segmentLengthMeters == Self.roads.segmentLengthMeters)
        #expect(read.road(segment: 0).geometry.count == 3, "the bend between the two nodes")
        #expect(read.road(segment: 1).oneWay && read.road(segment: 1).closedTo == [.truck])
        #expect(read.edgeTarget(2) == 0 && !read.edgeRunsForward(2), "the street's way back")
        #expect(read.node(id: "n3") == 2 && read.node(id: "n4") == nil && read.node(id: "n0") == nil && read.node(id: "x1") == nil)
    }

    @Test func everyCutAndEveryFlippedByteIsRefused() throws {
        let data = ImportedRoadsFile.data(Self.roads)
        let scratch = try ScratchFolder("bfroads-damaged")
        for length in stride(from: 0, to: data.count, by: 7) {
            let url = try scratch.file("cut-\(length).bfroads", Array(data.prefix(length)))
            #expect(throws: InputFileError.self, "cut to \(length) bytes") { _ = try ImportedRoadsFile.read(url) }
        }
        for position in 0..<data.count {
            var bytes = Array(data)
            bytes[position] ^= 0x10
            let url = try scratch.file("flip-\(position).bfroads", bytes)
            #expect(throws: InputFileError.self, "byte \(position) changed") { _ = try ImportedRoadsFile.read(url) }
        }
    }

    @Test func anEdgeAgainstAOneWaySegmentIsRefusedUnderAGoodChecksum() throws {
        let wrong = ImportedRoads(
            nodeCountry: Self.roads.nodeCountry, nodeCoordinates: Self.roads.nodeCoordinates, edgeSource: [0, 1, 2],
            segmentOfEdge: [0, 0, 1], segmentFrom: [0, 0], segmentTo: [1, 2], segmentName: [0, 1], segmentClass: [.local, .primary],
            segmentSpeedKph: [40, 80], segmentLengthMeters: [1_500, 4_400.5], segmentFlags: Self.roads.segmentFlags,
            shapeStart: [0, 1, 1], shapes: Self.roads.shapes, names: Self.roads.names)
        let (scratch, url) = try write(ImportedRoadsFile.data(wrong))
        _ = scratch
        #expect { _ = try ImportedRoadsFile.read(url) } throws: { error in
            (error as? InputFileError)?.message.contains("against a one-way segment") == true
        }
    }

    @Test func aFileOfAnotherKindIsNamedAsSuch() throws {
        let (scratch, url) = try write(Data("{\"type\":\"FeatureCollection\",\"features\":[]}".utf8))
        _ = scratch
        #expect { _ = try ImportedRoadsFile.read(url) } throws: { error in
            guard let error = error as? InputFileError else { return false }
            return error.file == url.path && error.message.contains("not an imported road network")
        }
    }
}
