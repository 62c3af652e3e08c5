import Foundation
import Testing
@testable import BorderFlowSpatial

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

    /// GeoJSON appends coordinates as bytes; they must be the very text `formatFixed` gives, whatever the number.
    @Test func bytesAppendedAreTheText() {
        var random = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.5, -0.5, -106.5, 31.000_000_4, 999_999_999_999_999.9, 1e15, -2e20, .nan, .infinity, -.infinity]
        for _ in 0..<5_000 { values.append(Double.random(in: -200...200, using: &random)) }
        for value in values {
            for decimals in [0, 2, 6, 15] {
                var bytes = Array("[1,".utf8)
                appendFixed(value, decimals: decimals, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == "[1," + formatFixed(value, decimals: decimals), "\(value) to \(decimals)")
            }
        }
    }

    /// The text built in one buffer is the text the pieces made: the earlier way, kept here as the reference.
    @Test func textMatchesThePiecewiseWriting() {
        func reference(_ value: Double, _ decimals: Int) -> String {
            let scale = (0..<decimals).reduce(1.0) { value, _ in value * 10 }
            let rounded = value.rounded(decimals: decimals)
            if rounded == 0 { return "0" }
            let magnitude = abs(rounded), whole = magnitude.rounded(.towardZero)
            var fraction = Int(((magnitude - whole) * scale).rounded()), wholePart = whole
            if fraction >= Int(scale) { fraction -= Int(scale); wholePart += 1 }
            var text = String(Int64(wholePart))
            if fraction > 0 {
                var digits = String(fraction)
                digits = String(repeating: "0", count: decimals - digits.count) + digits
                while digits.hasSuffix("0") { digits.removeLast() }
                text += "." + digits
            }
            return rounded < 0 ? "-" + text : text
        }
        var random = SystemRandomNumberGenerator()
        let fixed: [Double] = [0, -0.0, 0.5, -0.5, 1, -1, 9.999_999_9, 0.000_000_4, -106.5, 31.000_001, 999_999_999_999.99, 1e-15, 12.3456]
        for _ in 0..<20_000 {
            let value = Double.random(in: -1e6...1e6, using: &random) * [1, 1e-6, 1e-3, 1e3][Int.random(in: 0..<4, using: &random)]
            for decimals in [0, 1, 2, 3, 6, 9] where abs(value) < 1e12 {
                #expect(formatFixed(value, decimals: decimals) == reference(value, decimals), "\(value) to \(decimals)")
            }
        }
        for value in fixed {
            for decimals in 0...15 where abs(value) * pow(10, Double(decimals)) < 9e18 {
                #expect(formatFixed(value, decimals: decimals) == reference(value, decimals), "\(value) to \(decimals)")
            }
        }
    }
}
