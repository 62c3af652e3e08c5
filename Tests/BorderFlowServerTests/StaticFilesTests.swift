@testable import BorderFlowServer
import Foundation
import Testing

/// The folders the server hands files from: nothing outside them, whatever the path or a link says.
struct StaticFilesTests {
    /// A folder with a file, a subfolder, a link inside it and links that lead out of it.
    func folder() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("serve-static-\(UUID().uuidString)")
        let root = base.appendingPathComponent("web")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Data("<p>page</p>".utf8).write(to: root.appendingPathComponent("page.html"))
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try Data([0x89, 0x50]).write(to: root.appendingPathComponent("images/dot.png"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("inside.html").path, withDestinationPath: "page.html")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("outside.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        return root
    }

    @Test func servesFilesInsideWithTheirTypes() throws {
        let files = StaticFiles(root: try folder())
        #expect(files.file(at: "page.html")?.contentType == "text/html; charset=utf-8")
        #expect(files.file(at: "images/dot.png")?.contentType == "image/png")
        #expect(files.file(at: "inside.html")?.data == Data("<p>page</p>".utf8))
        #expect(files.file(at: "pag%65.html") != nil)
    }

    @Test func servesNothingOutside() throws {
        let files = StaticFiles(root: try folder())
        for path in ["../secret.txt", "%2e%2e/secret.txt", "..%2fsecret.txt", "images/../../secret.txt", "outside.txt", "etc/passwd",
                     "/etc/passwd", "%2fetc/passwd", "images", "", "./page.html", "images//dot.png", "page.html%00", "..\\secret.txt",
                     "..%5csecret.txt", "missing.html"] {
            #expect(files.file(at: path) == nil, "\(path)")
        }
    }
}
