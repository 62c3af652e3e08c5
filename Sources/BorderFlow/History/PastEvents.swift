import BorderFlowSpatial
import Foundation

/// The border's past disruptions: the events whose effect the flow model is checked against
/// (`GeoData/events/<id>.yaml`) and the known disruptions that seasonal factors, baselines and placebo windows
/// must avoid (`GeoData/events/disruptions.yaml`).
public struct PastEvents: Sendable {
    /// The folder of event files in a dataset folder.
    public static let directoryName = "events"
    /// The file of known disruptions in the events folder; every other `.yaml` file there is an event.
    public static let disruptionsFileName = "disruptions.yaml"

    /// The events, in order of their first month (then id).
    public let events: [PastEvent]
    /// The known disruptions, as the disruptions file lists them.
    public let disruptions: [Disruption]
    /// Every disruption: the held-out months, the known ones, and each event over its lost and watched series
    /// (and its port's whole-port series of the lost mode) in its months.
    public let allDisruptions: [Disruption]

    /// Events and disruptions.
    ///
    /// - Parameters:
    ///   - events: the events.
    ///   - disruptions: the known disruptions.
    public init(events: [PastEvent], disruptions: [Disruption]) {
        self.events = events.sorted { ($0.months.lowerBound, $0.id) < ($1.months.lowerBound, $1.id) }
        self.disruptions = disruptions
        let heldOut = Disruption(id: "held-out", title: "Months held out of the public counts", months: YearMonth.heldOut, scope: .all)
        allDisruptions = [heldOut] + disruptions + self.events.map { event in
            var selectors = event.watch.map { Disruption.Selector(exactly: $0.series) }
            if let lost = event.lost {
                selectors.append(Disruption.Selector(exactly: lost))
                selectors.append(Disruption.Selector(exactly: SeriesKey(port: lost.port, crossing: nil, mode: lost.mode)))
            }
            if case let .staff(ports) = event.kind {
                selectors += ports.map { Disruption.Selector(port: $0) }
            }
            return Disruption(id: event.id, title: event.title, months: Set(event.months), scope: .series(selectors), sources: event.sources)
        }
    }

    /// An event by id.
    ///
    /// - Parameter id: the event's id.
    /// - Returns: the event, or nil.
    public func event(id: String) -> PastEvent? { events.first { $0.id == id } }

    /// Whether a series is disrupted in a month: held out, in a known disruption, or in an event that loses or
    /// watches it.
    ///
    /// - Parameters:
    ///   - key: the series.
    ///   - month: the month.
    /// - Returns: true when some disruption applies.
    public func isDisrupted(_ key: SeriesKey, in month: YearMonth) -> Bool {
        allDisruptions.contains { $0.applies(to: key, in: month) }
    }

    /// The ids of the disruptions of a series in a month.
    ///
    /// - Parameters:
    ///   - key: the series.
    ///   - month: the month.
    /// - Returns: the ids, in the order of ``allDisruptions``.
    public func disruptions(of key: SeriesKey, in month: YearMonth) -> [String] {
        allDisruptions.filter { $0.applies(to: key, in: month) }.map(\.id)
    }

    /// The largest event file read.
    public static let maximumFileBytes: Int64 = 1_000_000

    static let fileReader = InputFileReader(
        maximumBytes: maximumFileBytes,
        tooLargeAdvice: "an event file is a few kilobytes, and files over \(maximumFileBytes / 1_000_000) MB are refused",
        emptyAdvice: "an event needs at least a title, kind, months, sources and watch list")

    /// Reads every event file of a folder and its disruptions file, checking the crossings, ports and modes
    /// they name against a dataset.
    ///
    /// - Parameters:
    ///   - directory: the events folder (`GeoData/events`).
    ///   - dataset: the dataset the files name crossings and ports of.
    /// - Returns: the events and known disruptions; none when there is no such folder, and no known disruptions
    ///   when it has no disruptions file.
    /// - Throws: `InputFileError` for a file that cannot be read or is not YAML; `PastEventError` naming the
    ///   file, line and field of what is not valid, or two events with one id.
    public static func load(from directory: URL, dataset: Dataset) throws -> PastEvents {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isFolder) else {
            return PastEvents(events: [], disruptions: [])
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        } catch {
            throw InputFileError(file: directory.lastPathComponent, message: "cannot read the events folder (\(directory.path))")
        }
        var events: [PastEvent] = []
        var disruptions: [Disruption] = []
        for name in names {
            let url = directory.appendingPathComponent(name)
            if name == disruptionsFileName {
                let text = try fileReader.text(contentsOf: url, name: name)
                disruptions = try PastEventReader(file: name, dataset: dataset).disruptions(text)
            } else {
                let event = try PastEvent.load(contentsOf: url, dataset: dataset)
                if events.contains(where: { $0.id == event.id }) {
                    throw PastEventError(file: name, field: "id", message: "another event file has the id \"\(event.id)\"")
                }
                events.append(event)
            }
        }
        return PastEvents(events: events, disruptions: disruptions)
    }

    /// The events of a dataset folder: its `events` subfolder.
    ///
    /// - Parameters:
    ///   - directory: the dataset folder (default: the bundled GeoData).
    ///   - dataset: the dataset the files name crossings and ports of.
    /// - Returns: the events and known disruptions.
    /// - Throws: as ``load(from:dataset:)``.
    public static func load(dataset: Dataset, in directory: URL = DatasetFiles.bundledDirectory) throws -> PastEvents {
        try load(from: directory.appendingPathComponent(directoryName, isDirectory: true), dataset: dataset)
    }
}

extension PastEvent {
    /// Reads one event file, checking the crossings, ports and modes it names against a dataset.
    ///
    /// - Parameters:
    ///   - url: the YAML file; its name without extension is the id when the file gives none.
    ///   - dataset: the dataset the file names crossings and ports of.
    /// - Returns: the event.
    /// - Throws: `InputFileError` when the file cannot be read or is not YAML; `PastEventError` naming the
    ///   file, line and field of what is not valid.
    public static func load(contentsOf url: URL, dataset: Dataset) throws -> PastEvent {
        let name = url.lastPathComponent
        let text = try PastEvents.fileReader.text(contentsOf: url, name: name)
        return try PastEventReader(file: name, dataset: dataset).event(text, defaultID: url.deletingPathExtension().lastPathComponent)
    }
}
