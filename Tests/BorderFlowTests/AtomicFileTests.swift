import BorderFlowTestSupport
import Foundation
import Testing
@testable import BorderFlow

@Suite("Writing files whole")
struct AtomicFileTests {
    @Test func anInterruptDuringTheWriteArrivesOnlyOnceTheWorkIsDone() {
        var delivered: [Int32] = []
        var stepsDone = 0
        // The test runner blocks these signals in its threads; this one takes them as a command's thread does.
        var signals = sigset_t(), previousMask = sigset_t()
        sigemptyset(&signals)
        for signal in InterruptHold.signals { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_UNBLOCK, &signals, &previousMask)
        defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
        let result = InterruptHold.holding(deliver: { delivered.append($0) }) {
            stepsDone += 1
            raise(SIGINT)
            stepsDone += 1
            raise(SIGTERM)
            stepsDone += 1
            return "finished"
        }
        #expect(result == "finished" && stepsDone == 3)
        #expect(delivered == [SIGINT], "the first signal, once, after the work")
    }

    @Test func severalFilesAreWrittenTogetherAndNothingElseIsLeft() throws {
        let folder = try ScratchFolder("atomic-files")
        let old = try folder.file("a.csv", Array("old a".utf8))
        try AtomicFile.write([OutputFile("new a", at: old), OutputFile("new b", at: folder.url.appendingPathComponent("sub/b.csv"))])
        #expect(try String(contentsOf: old, encoding: .utf8) == "new a")
        #expect(try String(contentsOf: folder.url.appendingPathComponent("sub/b.csv"), encoding: .utf8) == "new b")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["a.csv", "sub"])
    }

    @Test func aReplacedFileKeepsItsPermissions() throws {
        let folder = try ScratchFolder("atomic-mode")
        let file = try folder.file("run.sh", Array("old".utf8))
        #expect(chmod(file.path, 0o750) == 0)
        try AtomicFile.write("new", to: file)
        var status = stat()
        #expect(stat(file.path, &status) == 0 && status.st_mode & 0o777 == 0o750)
    }

    @Test func aTargetThatIsAFolderStopsEveryFileOfTheUnitBeforeAnyIsWritten() throws {
        let folder = try ScratchFolder("atomic-folders")
        let blocker = folder.url.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
        #expect(throws: OutputError.self) {
            try AtomicFile.write([OutputFile("x", at: folder.url.appendingPathComponent("new/deeper/x.csv")), OutputFile("y", at: blocker)])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["taken"])
    }
}
