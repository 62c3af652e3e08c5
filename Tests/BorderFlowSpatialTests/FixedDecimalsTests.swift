import Foundation
import Testing
import BorderFlowSpatial

/// One rounding for numbers, JSON and text: what a report rounds is what it writes.
@Suite("Fixed decimals")
struct FixedDecimalsTests {
    @Test func roundsHalvesAwayFromZero() {
        #expect(12.3456.rounded(decimals: 2) == 12.35)
        #expect((-2.25).rounded(decimals: 1) == -2.3)
        #expect(1234.5.rounded(decimals: 0) == 1235)
        #expect(0.0004.rounded(decimals: 3) == 0)
        #expect(2.5.rounded(decimals: -4) == 3, "fewer than no decimals is none")
        #expect(Double.nan.rounded(decimals: 2).isNaN)
        #expect(Double.infinity.rounded(decimals: 2) == .infinity)
    }

    @Test func jsonAndTextAgreeWithTheNumber() throws {
        for value in [12.3456, -0.049, 99.95, 31_000.04, 1e-9] {
            for decimals in 0...4 {
                let json = JSONValue.number(value, decimals: decimals)
                #expect(json == .number(value.rounded(decimals: decimals)))
                #expect(try JSONTextWriter.number(value.rounded(decimals: decimals)) == formatFixed(value, decimals: decimals),
                        "\(value) to \(decimals)")
            }
        }
    }
}
