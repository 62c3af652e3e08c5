import BorderFlow
import BorderFlowTestSupport
import Foundation

/// The behaviour fitted on the border's past closures, as the bundled `GeoData/behaviour.csv` holds it: the
/// one users get, used by the tests of hand-made networks too (it depends on no network).
enum FittedBehaviour {
    static func load() throws -> Behaviour {
        let url = Fixtures.packageDirectory.appendingPathComponent("GeoData").appendingPathComponent(BehaviourFile.name)
        return BehaviourFile.behaviour(from: try BehaviourFile.read(url))
    }
}
