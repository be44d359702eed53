import Foundation
import ScorecardKit

/// A one-line progress display on stderr, only when stderr is a terminal that can redraw a line
/// (not TERM=dumb, as Emacs shells and some CI logs set it).
final class TerminalProgress: LoadProgress, PhaseProgress {
    static func ifInteractive(quiet: Bool) -> TerminalProgress? {
        guard !quiet, isatty(STDERR_FILENO) == 1, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        return TerminalProgress()
    }

    func phase(_ description: String?) {
        write("\r\u{1B}[K" + (description.map { $0 + "…" } ?? ""))
    }

    /// When the reading line was last drawn: at most ten redraws a second, however fast the records come.
    private var drawn: DispatchTime?

    func update(file: String, records: Int, bytes: Int, totalBytes: Int) {
        let now = DispatchTime.now()
        if let drawn, records > 1, now.uptimeNanoseconds - drawn.uptimeNanoseconds < 100_000_000 { return }
        drawn = now
        let percent = totalBytes > 0 ? " (\(min(100, bytes * 100 / totalBytes))%)" : ""
        write("\r\u{1B}[Kreading \(file): \(records) records\(percent)")
    }

    /// The file's line stays, with its count, until the next file or phase draws over it.
    func finish(file: String, records: Int) {
        write("\r\u{1B}[Kreading \(file): \(records) records")
        drawn = nil
    }

    private func write(_ text: String) {
        StandardError.write(text)
    }
}
