/// Numbers to a fixed number of decimals, the one way every report, layer and file rounds them: the number
/// itself (`rounded(decimals:)`), as JSON (`JSONValue.number(_:decimals:)`) and as text (`formatFixed`).

extension Double {
    /// The number rounded to at most `decimals` digits after the point, halves away from zero.
    ///
    /// - Parameter decimals: The digits kept after the point, from 0 to 15 (clamped to that range).
    /// - Returns: The nearest number with that many decimals, as near as a `Double` comes: `12.35` for
    ///   `12.3456` with two. NaN and infinities are returned as they are.
    public func rounded(decimals: Int) -> Double {
        let scale = decimalScale(min(max(decimals, 0), 15))
        return (self * scale).rounded() / scale
    }
}

extension JSONValue {
    /// A number rounded to at most `decimals` digits after the point, written in its shortest form.
    ///
    /// - Parameters:
    ///   - value: The number.
    ///   - decimals: The digits kept after the point, from 0 to 15.
    /// - Returns: `.number` of the rounded value: `12.3` for `12.34` with one decimal, `12` for `12.04`.
    public static func number(_ value: Double, decimals: Int) -> JSONValue {
        .number(value.rounded(decimals: decimals))
    }
}

/// 10 to the power `decimals`, by repeated multiplication: exact for every count from 0 to 15.
private func decimalScale(_ decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return scale
}

/// A decimal string with at most `decimals` digits after the point, trailing zeros removed, "-0" written as "0".
///
/// - Parameters:
///   - value: The number to write. NaN and infinities are written as `nan`, `inf` and `-inf`, and magnitudes
///     of 10¹⁵ or more in Swift's shortest form, where fixed decimals would overflow.
///   - decimals: The most digits after the point, from 0 to 15; the value is rounded to this many.
/// - Returns: The text, for example `-106.5` for `-106.50000001` with six decimals.
public func formatFixed(_ value: Double, decimals: Int) -> String {
    guard let digits = FixedDigits(value, decimals: decimals) else { return value.isNaN ? "nan" : "\(value)" }
    if digits.whole < 1_000_000_000_000_000 {
        return String(unsafeUninitializedCapacity: FixedDigits.longestText) { digits.write(into: $0) }
    }
    var text = String(digits.whole)
    if digits.fraction > 0 {
        var fraction = String(digits.fraction)
        fraction = String(repeating: "0", count: digits.decimals - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        text += "." + fraction
    }
    return digits.negative ? "-" + text : text
}

/// Appends the UTF-8 text `formatFixed` writes for a number to a byte buffer, without making a string: a
/// GeoJSON line writes two numbers per vertex, and a string for each cost more than the rest of the writing.
///
/// - Parameters:
///   - value: The number to write, as `formatFixed` takes it.
///   - decimals: The most digits after the point, from 0 to 15.
///   - bytes: The buffer the text is appended to.
func appendFixed(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
    guard let digits = FixedDigits(value, decimals: decimals), digits.whole < 1_000_000_000_000_000 else {
        bytes.append(contentsOf: formatFixed(value, decimals: decimals).utf8)
        return
    }
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: FixedDigits.longestText) { buffer in
        let count = digits.write(into: buffer)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
    }
}

/// A number rounded to a fixed count of decimals, as a sign, a whole part and the digits after the point.
private struct FixedDigits {
    /// At most a sign, 16 whole digits, a point and 15 decimals.
    static let longestText = 40
    /// 10⁰ to 10¹⁵, each exact, as `decimalScale` makes them.
    static let scales = (0...15).map(decimalScale)
    /// Below this many units of the last decimal, the integer count of them gives the same whole part and
    /// fraction as rounding to decimals and then splitting: doubles there are far closer together than a unit.
    static let exactUnits = Double(1 << 50)

    let negative: Bool
    let whole: Int64
    let fraction: Int
    let decimals: Int

    /// The digits of `value` rounded to `decimals` (clamped to 0...15); nil for NaN, infinities and magnitudes
    /// of 10¹⁵ or more, which fixed decimals cannot hold.
    init?(_ value: Double, decimals: Int) {
        guard value.isFinite, abs(value) < 1e15 else { return nil }
        let decimals = min(max(decimals, 0), 15)
        let scale = Self.scales[decimals]
        let units = (value * scale).rounded()
        self.decimals = decimals
        // "-0" is written "0".
        self.negative = units < 0
        if abs(units) < Self.exactUnits {
            let count = Int64(abs(units)), unit = Int64(scale)
            whole = count / unit
            fraction = Int(count % unit)
            return
        }
        let magnitude = abs(units / scale)
        var whole = magnitude.rounded(.towardZero)
        var fraction = Int(((magnitude - whole) * scale).rounded())
        if fraction >= Int(scale) {
            fraction -= Int(scale)
            whole += 1
        }
        self.whole = Int64(whole)
        self.fraction = fraction
    }

    /// Writes the text into `buffer` (at least `longestText` bytes): trailing zeros dropped, as in 12.5 for
    /// 12.500.
    ///
    /// - Returns: the number of bytes written.
    func write(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        if negative { buffer[count] = UInt8(ascii: "-"); count += 1 }
        let wholeStart = count
        var rest = whole
        repeat {
            buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
            count += 1
            rest /= 10
        } while rest > 0
        buffer[wholeStart..<count].reverse()
        if fraction > 0 {
            buffer[count] = UInt8(ascii: ".")
            count += 1
            var rest = fraction
            for index in stride(from: count + decimals - 1, through: count, by: -1) {
                buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            count += decimals
            // A fraction above zero has a digit that is not zero.
            while buffer[count - 1] == UInt8(ascii: "0") { count -= 1 }
        }
        return count
    }
}
