import Foundation

/// A field of /proc/self/status in bytes: `VmRSS` (resident now) or `VmHWM` (peak resident).
func processMemoryBytes(_ field: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
          let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
    return kilobytes * 1024
}

func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }

/// Starts the peak (`VmHWM`) afresh from the current resident set, so that a peak measures one step alone.
func resetPeakMemory() {
    // Linux: writing 5 to clear_refs resets the peak resident set size.
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}
