import Foundation
import ScorecardKit

/// A one-line progress display on stderr, only when stderr is a terminal.
final class TerminalProgress: LoadProgress {
    static func ifInteractive(quiet: Bool) -> TerminalProgress? {
        !quiet && isatty(STDERR_FILENO) == 1 ? TerminalProgress() : nil
    }

    func update(file: String, records: Int, bytes: Int, totalBytes: Int) {
        let percent = totalBytes > 0 ? " (\(min(100, bytes * 100 / totalBytes))%)" : ""
        write("\r\u{1B}[Kreading \(file): \(records) records\(percent)")
    }

    func finish(file: String, records: Int) {
        write("\r\u{1B}[K")
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
