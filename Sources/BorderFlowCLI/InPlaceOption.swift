import ArgumentParser
import BorderFlow
import Foundation

/// `--in-place`: the one way to let a command replace files of a dataset that were not named one by one.
///
/// Without it, a command refuses to replace any existing file in a dataset folder (a folder holding a layer
/// such as crossings.geojson) that it found from a folder — the dataset it reads, or an output folder that
/// happens to hold a dataset. A file named on the command line (`--out crossings.geojson`) is the user's choice.
struct InPlaceOption: ParsableArguments {
    @Flag(name: .customLong("in-place"), help: "Allow replacing files of a dataset folder (the dataset's own crossings.geojson, demand.csv, ...).")
    var inPlace = false

    /// Refuses, unless `--in-place`, when one of the files would replace a file of a dataset.
    ///
    /// - Parameters:
    ///   - urls: the files the command would write, found from a folder.
    ///   - elsewhere: how to write elsewhere instead, such as "give --out DIR"; nil when the command cannot.
    func check(_ urls: [URL], elsewhere: String?) throws {
        guard !inPlace else { return }
        let advice = (elsewhere.map { "To write elsewhere, \($0); to " } ?? "To ") + "replace the dataset's files, add --in-place."
        try DatasetFiles.checkNotReplaced(urls, advice: advice)
    }
}
