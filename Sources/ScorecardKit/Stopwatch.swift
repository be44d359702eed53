import Foundation

/// Seconds since a start, for the timings that debug logs report.
public enum Stopwatch {
    public static func seconds(since start: DispatchTime) -> String {
        String(format: "%.3f", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }
}
