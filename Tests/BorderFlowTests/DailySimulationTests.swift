@testable import BorderFlow
import Testing

@Suite("Simulation chunks")
struct SimulationChunkTests {
    @Test func everyCountOfCrossersSplitsIntoChunksWithoutOverflow() {
        #expect(DailySimulation.chunks(for: 0) == 0)
        #expect(DailySimulation.chunks(for: -5) == 0)
        #expect(DailySimulation.chunks(for: 1) == 1)
        #expect(DailySimulation.chunks(for: DailySimulation.chunkSize) == 1)
        #expect(DailySimulation.chunks(for: DailySimulation.chunkSize + 1) == 2)
        #expect(DailySimulation.chunks(for: Int.max) == Int.max / DailySimulation.chunkSize + 1)
    }
}
