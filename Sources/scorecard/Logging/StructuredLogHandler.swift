import ArgumentParser
import Foundation
import Logging
import ScorecardKit

/// The log line formats on stderr: text (swift-log's own), JSON Lines, or logfmt, for log
/// collectors (journald, Loki, ELK) that read one event per line.
enum LogFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, logfmt

    /// The format asked for on a command line that has parsed (so the value is valid), for the
    /// final error line, written after the command and its options are gone.
    static func requested(in arguments: [String]) -> LogFormat {
        var format = LogFormat.text
        var index = arguments.startIndex
        while index < arguments.endIndex, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == "--log-format", index + 1 < arguments.endIndex {
                format = LogFormat(rawValue: arguments[index + 1]) ?? format
            } else if argument.hasPrefix("--log-format=") {
                format = LogFormat(rawValue: String(argument.dropFirst("--log-format=".count))) ?? format
            }
            index += 1
        }
        return format
    }
}

/// One line per event: `time`, `level`, `label`, `message`, then the metadata keys in sorted order.
struct StructuredLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, format: LogFormat) {
        precondition(format != .text, "text lines come from StreamLogHandler")
        self.label = label
        self.format = format
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?,
             source: String, file: String, function: String, line: UInt) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let explicit { merged.merge(explicit) { $1 } }
        let text = StructuredLogHandler.line(format, level: level, label: label, message: message.description,
                                             metadata: merged.mapValues { "\($0)" })
        StandardError.write(text + "\n")
    }

    /// One event: `time`, `level`, `label`, `message`, then the metadata keys in sorted order.
    static func line(_ format: LogFormat, level: Logger.Level, label: String, message: String, metadata: [String: String]) -> String {
        let fixed: [(String, String)] = [("time", timestamp()), ("level", level.rawValue), ("label", label), ("message", message)]
        let fields = fixed + metadata.keys.sorted().map { ($0, metadata[$0]!) }
        return format == .json ? json(fields) : logfmt(fields)
    }

    static func json(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(Escaping.json($0.0)):\(Escaping.json($0.1))" }.joined(separator: ",") + "}"
    }

    /// logfmt: key=value, the value quoted (with \" and \\ escaped, newlines as \n) when it has a
    /// space, a quote, an equals sign or a control character, or is empty.
    static func logfmt(_ fields: [(String, String)]) -> String {
        fields.map { key, value in
            let plain = !value.isEmpty && value.unicodeScalars.allSatisfy { $0.value > 0x20 && $0 != "\"" && $0 != "=" && $0 != "\\" }
            if plain { return "\(key)=\(value)" }
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            return "\(key)=\"\(escaped)\""
        }.joined(separator: " ")
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
