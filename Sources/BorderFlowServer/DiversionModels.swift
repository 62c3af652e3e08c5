import BorderFlow
import Foundation
import Logging
import Synchronization

/// The diversion models a server runs scenarios on, one per assignment model and month, each built once
/// (its trips' options searched and the baseline assigned, seconds of work) and shared by every request
/// after: `DiversionModel` is immutable and `Sendable`.
///
/// The baseline demand and behaviour are read once, at startup. The equilibrium model of an ordinary day is
/// built at startup; the others when first asked for, one build per model however many requests ask at once.
final class DiversionModels: Sendable {
    /// Which model: the assignment and the month whose level the demand is at.
    struct Key: Hashable, Sendable {
        let model: AssignmentModelName
        let month: Int?
    }

    /// The fitted baseline: what every model is built from.
    struct Baseline: Sendable {
        let demand: Demand
        let constants: [PerMode<Double>]
        let behaviour: Behaviour
        let behaviourRows: [BehaviourFile.Row]
    }

    let network: BorderNetwork
    /// The baseline, or why the dataset has none (no fitted demand: run `borderflow calibrate`).
    let baseline: Result<Baseline, APIError>
    private let models = Mutex<[Key: Task<DiversionModel, Never>]>([:])

    /// Models kept at most: 3 assignment models × 13 months would hold every trip's options 39 times.
    private let keptAtMost = 8

    init(network: BorderNetwork, logger: Logger) {
        self.network = network
        do {
            let fitted = try network.baselineDemand()
            baseline = .success(Baseline(demand: fitted.demand, constants: fitted.constants,
                                         behaviour: try network.behaviour(), behaviourRows: try network.behaviourRows()))
        } catch {
            logger.warning("diversions are not available: \(error)")
            baseline = .failure(APIError(status: .internalServerError,
                                         message: "this dataset has no fitted baseline to divert: \(error)", place: nil))
        }
    }

    /// Builds the default model (equilibrium, an ordinary day) now, so that the first request does not wait.
    func prepareDefault() async throws {
        _ = try await model(.equilibrium, season: nil)
    }

    /// The model for an assignment and a season, built on first use.
    ///
    /// - Parameters:
    ///   - name: the assignment model.
    ///   - season: the month's level, or nil for an ordinary day.
    /// - Returns: the model.
    /// - Throws: `APIError` when the dataset has no fitted baseline.
    func model(_ name: AssignmentModelName, season: Season?) async throws -> DiversionModel {
        let baseline = try self.baseline.get()
        let key = Key(model: name, month: season?.month)
        let network = self.network, keptAtMost = self.keptAtMost
        let task = models.withLock { models in
            if let task = models[key] { return task }
            if models.count >= keptAtMost, let evicted = models.keys.first(where: { $0 != Key(model: .equilibrium, month: nil) }) {
                models[evicted] = nil
            }
            let task = Task {
                await BackgroundWork.run {
                    DiversionModel(network: network, demand: baseline.demand, constants: baseline.constants,
                                   behaviour: baseline.behaviour, method: name.method, season: season)
                }
            }
            models[key] = task
            return task
        }
        return await task.value
    }
}
