import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlow

@Suite("The behaviour files")
struct BehaviourFileTests {
    let rows = """
        parameter,mode,value,low,high,basis
        responseHours,pedestrian,1,0.5,2,"set, for the test"
        responseHours,pov,2,1,4,test
        responseHours,bus,1,1,1,test
        responseHours,truck,4,2,8,test
        responseHours,rail,24,12,48,test
        closureLoss,,0.5,0,1,test
        walkingSwitch,,0.25,0,1,test
        portSwitchHours,,2,0,6,test
        railHoldDays,,7,3,14,test
        officersTakenThroughput,,0.8,0.6,1,test

        """

    func read(_ text: String) throws -> [BehaviourFile.Row] {
        let folder = try ScratchFolder("behaviour")
        let url = folder.url.appendingPathComponent(BehaviourFile.name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try BehaviourFile.read(url)
    }

    @Test func aFileWithEveryNumberReadsBackAsItsBehaviourAndWritesTheSameBytes() throws {
        let read = try read(rows)
        #expect(read.count == 10 && read[0].basis == "set, for the test")
        let behaviour = BehaviourFile.behaviour(from: read)
        #expect(behaviour.responseHours[.pov] == 2 && behaviour.closureLoss == 0.5 && behaviour.walkingSwitch == 0.25)
        #expect(behaviour.portSwitchHours == 2 && behaviour.railHoldDays == 7 && behaviour.officersTakenThroughput == 0.8)
        // Draws pick within the range: the lowest everywhere.
        #expect(BehaviourFile.behaviour(from: read) { $0.low }.responseHours[.truck] == 2)
        let folder = try ScratchFolder("behaviour")
        let url = folder.url.appendingPathComponent(BehaviourFile.name)
        try AtomicFile.write([BehaviourFile.file(read, at: url)])
        #expect(try BehaviourFile.read(url) == read.map { row in
            var copy = row
            copy.value = (row.value * 10_000).rounded() / 10_000
            return copy
        })
    }

    @Test(arguments: [
        ("responseHours,pov,2,1,4,test", "responseHours,pov,5,1,4,test", 3, "value", "the value must lie between low and high"),
        ("walkingSwitch,,0.25,0,1,test", "walkingSwitch,,-1,0,1,test", 8, "value", "\"-1\" is not a number of zero or more"),
        ("closureLoss,,0.5,0,1,test", "closureLoss,car,0.5,0,1,test", 7, "mode", "unknown mode \"car\""),
        ("portSwitchHours,,2,0,6,test", "portSwitchHours,truck,2,0,6,test", 9, "parameter", "\"portSwitchHours\" for truck is not a behaviour parameter"),
        ("closureLoss,,0.5,0,1,test", "closureLoss,,0.5,0,1,\"test", 7, nil, "the quoted field that starts on line 7 is not closed"),
    ] as [(String, String, Int, String?, String)])
    func aBadRowIsNamedByLineAndColumn(_ good: String, _ bad: String, _ line: Int, _ column: String?, _ message: String) throws {
        #expect(rows.contains(good))
        do {
            _ = try read(rows.replacingOccurrences(of: good, with: bad))
            Issue.record("\(bad) was read")
        } catch let error as DemandFileError {
            #expect(error.file == BehaviourFile.name && error.line == line && error.column == column, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func aMissingNumberIsNamed() throws {
        do {
            _ = try read(rows.replacingOccurrences(of: "railHoldDays,,7,3,14,test\n", with: ""))
            Issue.record("a file without railHoldDays was read")
        } catch let error as DemandFileError {
            #expect(error.line == nil && error.message == "missing railHoldDays", "\(error)")
        }
    }

    @Test func theLeaveOneOutFileKeepsEachEventsBehaviour() throws {
        let behaviour = BehaviourFile.behaviour(from: try read(rows))
        var other = behaviour
        other.closureLoss = 0.125
        let folder = try ScratchFolder("behaviour")
        try AtomicFile.write([LeaveOneOutFile.file(["b-event": other, "a-event": behaviour], in: folder.url)])
        let read = try LeaveOneOutFile.read(in: folder.url)
        #expect(read == ["a-event": behaviour, "b-event": other])
        #expect(try LeaveOneOutFile.read(in: folder.url.appendingPathComponent("none")).isEmpty, "no file, no leave-one-out column")
    }
}
