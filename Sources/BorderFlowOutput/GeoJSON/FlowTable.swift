import BorderFlow
import BorderFlowSpatial

/// Streams as an origin–destination table that kepler.gl's arc and line layers read directly: the
/// `origin_lon,origin_lat,dest_lon,dest_lat` columns make an arc, `count` its weight (daily trips in the
/// scenario), and the crossing's own columns give a second arc through the crossing.
public enum FlowTable {
    /// The CSV text: a header and a row per stream, in the streams' order.
    ///
    /// - Parameters:
    ///   - streams: the streams, as from `Diversion.streams(in:)`.
    ///   - dataset: the dataset, for the places' and crossings' ids and coordinates.
    /// - Returns: the text, volumes to two decimals and coordinates to six.
    public static func csv(_ streams: [FlowStream], dataset: Dataset) -> String {
        var table = CSVTable(header: [
            "origin_lon", "origin_lat", "dest_lon", "dest_lat", "count", "origin", "destination", "crossing",
            "crossing_lon", "crossing_lat", "mode", "unit", "baseline", "scenario", "change",
        ])
        func number(_ value: Double) -> String { formatFixed(value, decimals: 2) }
        for stream in streams {
            let origin = dataset.places[stream.origin], destination = dataset.places[stream.destination]
            let crossing = dataset.crossings[stream.crossing]
            table.append([
                formatFixed(origin.coordinate.longitude, decimals: 6), formatFixed(origin.coordinate.latitude, decimals: 6),
                formatFixed(destination.coordinate.longitude, decimals: 6), formatFixed(destination.coordinate.latitude, decimals: 6),
                number(stream.scenario), origin.id, destination.id, crossing.id,
                formatFixed(crossing.coordinate.longitude, decimals: 6), formatFixed(crossing.coordinate.latitude, decimals: 6),
                stream.mode.rawValue, stream.mode.unit, number(stream.baseline), number(stream.scenario), number(stream.change),
            ])
        }
        return table.render()
    }
}
