import BorderFlowGraph
import BorderFlowSpatial
import Foundation

extension GeoJSONGeometry {
    /// Why GEOS finds this area invalid, and where (longitude, latitude); nil when it is valid. An invalid
    /// polygon (a self-intersecting ring, a hole outside its shell) has no well-defined inside.
    func polygonProblem() -> String? {
        do {
            let geometry = try Geometry(self, context: GEOSContext())
            guard case let .invalid(reason, location) = geometry.validity() else { return nil }
            return reason + (location.map { " at \(Coordinate($0))" } ?? "")
        } catch {
            return "\(error)"
        }
    }
}
