import Foundation
import Testing
@testable import BorderFlow

@Suite("A crossing's queue over the day")
struct DailyQueueTests {
    let allDay = OpeningHours(parsing: "00:00-24:00")

    @Test func aFlatDayAtOrBelowCapacityWaitsOnlyAtTheBooths() {
        // Trains arrive evenly; 100 an hour can be processed: no queue builds, and the booths take
        // t₀ × (1 + (volume / capacity)²).
        let queue = DailyQueue(dailyCapacity: 2_400, hours: allDay, mode: .rail, freeSeconds: 600)
        for (volume, wait) in [(0.0, 600.0), (1_200, 750), (2_400, 1_200)] {
            let day = queue.day(volume: volume)
            #expect(day.served == volume && day.unserved == 0 && day.peakQueue < 1e-9)
            #expect(abs(day.waitSeconds - wait) < 1e-9)
            #expect(abs(queue.waitSeconds(volume: volume) - wait) < 1e-9)
        }
    }

    @Test func pastCapacityTheExcessIsUnservedAndTheWaitGrowsByADayPerDaysCapacity() {
        let queue = DailyQueue(dailyCapacity: 2_400, hours: allDay, mode: .rail, freeSeconds: 600)
        let day = queue.day(volume: 4_800)
        #expect(day.served == 2_400 && day.unserved == 2_400)
        #expect(abs(day.waitSeconds - (1_200 + 86_400)) < 1e-6, "the booths at capacity and a day's wait for a day's excess")
        #expect(queue.waitSeconds(volume: 7_200) > queue.waitSeconds(volume: 4_800))
    }

    @Test func aPeakBuildsAQueueThatDrainsWorkedByHand() throws {
        // Open two hours, 50 an hour; cars arrive 1.0 : 0.7 (the first two hours of the car profile).
        let queue = DailyQueue(dailyCapacity: 100, hours: try #require(OpeningHours(parsing: "00:00-02:00")), mode: .pov, freeSeconds: 0)
        #expect(queue.hourlyCapacity[0] == 50 && queue.hourlyCapacity[1] == 50 && queue.hourlyCapacity[2] == 0)
        #expect(abs(queue.arrivalShares[0] - 1 / 1.7) < 1e-12 && queue.arrivalShares[5] == 0)
        // Hour 0: 58.8 arrive, 50 served, 8.8 left (area 4.41); hour 1: 41.2 arrive, the 8.8 clear by its end (area 4.41).
        let day = queue.day(volume: 100)
        let left = 100 / 1.7 - 50
        #expect(abs(day.peakQueue - left) < 1e-9)
        #expect(abs(day.waitSeconds - 3_600 * left / 100) < 1e-6)
        #expect(day.unserved == 0)
    }

    @Test func theWaitRisesWithVolumeAndItsDerivativeIsPositivePastThePeak() {
        let queue = DailyQueue(dailyCapacity: 24 * 600, hours: allDay, mode: .pov, freeSeconds: 1_800)
        var previous = 0.0
        for volume in stride(from: 0.0, through: 20_000, by: 1_000) {
            let wait = queue.waitSeconds(volume: volume)
            #expect(wait >= previous)
            previous = wait
        }
        #expect(abs(queue.waitSeconds(volume: 5_000) - 1_800 * (1 + (5_000.0 / 14_400) * (5_000.0 / 14_400))) < 1e-9,
                "a quiet day has no queue, only the booths")
        #expect(queue.waitDerivative(volume: 12_000) > 0)
    }

    @Test func aClosedCrossingServesNothing() {
        let queue = DailyQueue(dailyCapacity: 0, hours: allDay, mode: .pedestrian, freeSeconds: 1_200)
        #expect(queue.day(volume: 10).unserved == 10 && queue.waitSeconds(volume: 10) == .infinity)
        #expect(queue.waitSeconds(volume: 0) == 1_200)
    }
}
