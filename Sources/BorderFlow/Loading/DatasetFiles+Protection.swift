import Foundation

extension DatasetFiles {
    /// Whether a folder holds a dataset: one that loads. A folder of exported layers bears the same file names
    /// in another schema and does not load, so writing over an earlier export stays allowed.
    ///
    /// - Parameter folder: the folder.
    /// - Returns: true when the folder loads as a dataset.
    public static func isDatasetFolder(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(crossings).path)
            && (try? Dataset.load(from: folder)) != nil
    }

    /// Refuses to replace a file of a dataset that the user has not named: a command that writes files into a
    /// folder replaces a dataset's own files only when told to in place.
    ///
    /// - Parameters:
    ///   - urls: the files a command would write, found from a folder rather than named one by one.
    ///   - advice: how to write elsewhere or in place, for the message.
    /// - Throws: `OutputError.wouldReplaceDatasetFile` for the first that exists in a dataset folder.
    public static func checkNotReplaced(_ urls: [URL], advice: String) throws {
        var checked: [URL: Bool] = [:]
        for url in urls where FileManager.default.fileExists(atPath: url.path) {
            let folder = url.deletingLastPathComponent()
            if checked[folder] == nil { checked[folder] = isDatasetFolder(folder) }
            if checked[folder] == true {
                throw OutputError.wouldReplaceDatasetFile(path: url.path, folder: folder.path, advice: advice)
            }
        }
    }
}
