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
    guard value.isFinite, abs(value) < 1e15 else { return value.isNaN ? "nan" : "\(value)" }
    let decimals = min(max(decimals, 0), 15)
    let scale = decimalScale(decimals)
    let rounded = value.rounded(decimals: decimals)
    if rounded == 0 { return "0" }
    let negative = rounded < 0
    let magnitude = abs(rounded)
    let whole = magnitude.rounded(.towardZero)
    var fraction = Int(((magnitude - whole) * scale).rounded())
    var wholePart = whole
    if fraction >= Int(scale) {
        fraction -= Int(scale)
        wholePart += 1
    }
    if wholePart < 1e15 {
        return asciiDecimal(negative: negative, whole: Int64(wholePart), fraction: fraction, decimals: decimals)
    }
    var text = String(wholePart)
    if fraction > 0 {
        var digits = String(fraction)
        digits = String(repeating: "0", count: decimals - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        text += "." + digits
    }
    return negative ? "-" + text : text
}

/// The text `formatFixed` writes for a sign, a whole part and `decimals` digits of fraction, built in one
/// buffer: GeoJSON writes two of these per coordinate, and a string per piece cost more than the rest of the
/// writing together.
private func asciiDecimal(negative: Bool, whole: Int64, fraction: Int, decimals: Int) -> String {
    // At most a sign, 16 whole digits, a point and 15 decimals.
    String(unsafeUninitializedCapacity: 40) { buffer in
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
            // Trailing zeros dropped, as in 12.5 for 12.500; a fraction above zero has a digit that is not one.
            while buffer[count - 1] == UInt8(ascii: "0") { count -= 1 }
        }
        return count
    }
}
