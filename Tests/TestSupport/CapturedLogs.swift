import Foundation
import Logging

/// A logger whose messages a test can read back.
public final class CapturedLogs: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [(Logger.Level, String)] = []

    public init() {}

    public var messages: [String] { lock.withLock { storage.map(\.1) } }

    public func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "test") { _ in Handler(sink: self) }
        logger.logLevel = level
        return logger
    }

    func append(_ level: Logger.Level, _ message: String) { lock.withLock { storage.append((level, message)) } }

    struct Handler: LogHandler {
        let sink: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            sink.append(event.level, event.message.description)
        }
    }
}

extension Logger {
    /// A logger for tests: warnings and errors only, so test output stays readable.
    public static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }
}
