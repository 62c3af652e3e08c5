@testable import BorderFlowServer
import Testing

/// The server's memory of answers: bounded, and keeping the latest answers when it lets old ones go.
@Suite("Answer cache")
struct AnswerCacheTests {
    @Test func answersAreKeptForTwoGenerationsAndTheMemoryStaysBounded() {
        // Each answer with its query is 100 bytes; a generation holds half of 1,000 bytes: five answers.
        let cache = AnswerCache(capacityBytes: 1_000)
        func answer(_ index: Int) -> String { String(repeating: "a", count: 100 - "q\(index)".utf8.count) }
        for index in 0..<5 { cache.remember(answer(index), for: "q\(index)") }
        #expect((0..<5).allSatisfy { cache.answer(to: "q\($0)") == answer($0) })
        // The sixth starts a new generation; the first five are kept as the older one.
        cache.remember(answer(5), for: "q5")
        #expect((0..<6).allSatisfy { cache.answer(to: "q\($0)") == answer($0) })
        // Four more fill the new generation, and the next lets the first five go: never more than ten kept.
        for index in 6..<11 { cache.remember(answer(index), for: "q\(index)") }
        #expect((0..<5).allSatisfy { cache.answer(to: "q\($0)") == nil })
        #expect((5..<11).allSatisfy { cache.answer(to: "q\($0)") == answer($0) })
        #expect(cache.answer(to: "q99") == nil)
    }

    @Test func anAnswerLargerThanAGenerationIsNotKept() {
        let cache = AnswerCache(capacityBytes: 100)
        cache.remember(String(repeating: "x", count: 60), for: "big")
        #expect(cache.answer(to: "big") == nil)
        cache.remember("small", for: "q")
        #expect(cache.answer(to: "q") == "small")
    }
}
