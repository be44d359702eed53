import Crypto
import Foundation
import Postgres

/// How an edition looks and what it holds: the formats, the language, the publisher's title,
/// introduction, logo and stylesheet (`scorecard.yaml`'s `output`), and how many events a card cites.
public struct EditionOptions: Sendable, Equatable {
    public var formats: [ReportFormat]
    public var messages: Messages
    /// The site's title; nil: the methodology's title.
    public var title: String?
    /// A paragraph under the title of the summary (plain text).
    public var introduction: String?
    /// The publisher's logo as a `data:` URI, embedded in every page (no file to fetch).
    public var logoDataURI: String?
    /// The publisher's stylesheet, written as `custom.css` and linked after `style.css`.
    public var customStylesheet: String?
    /// The most events a card cites per indicator; the rest are counted, and listed in `data/`.
    public var eventsPerIndicator: Int

    public static let defaultEventsPerIndicator = 10

    public init(formats: [ReportFormat] = ReportFormat.allCases, messages: Messages = .english, title: String? = nil,
                introduction: String? = nil, logoDataURI: String? = nil, customStylesheet: String? = nil,
                eventsPerIndicator: Int = EditionOptions.defaultEventsPerIndicator) {
        self.formats = formats
        self.messages = messages
        self.title = title
        self.introduction = introduction
        self.logoDataURI = logoDataURI
        self.customStylesheet = customStylesheet
        self.eventsPerIndicator = eventsPerIndicator
    }
}

/// Renders an edition folder (`EditionLayout`) file by file into a sink: the summary in every
/// format, the methodology page and stylesheets, one card per actor and format (read from the
/// snapshot in batches: memory does not grow with the actors or the evidence), the data package,
/// and last `SHA256SUMS` over every file. The same snapshot and options give the same bytes.
public enum EditionRenderer {
    /// The actors whose cards are read and rendered at once.
    public static let batch = 50

    public static func emit(_ snapshot: ReportModel.Snapshot, connection: Connection, run: ScoreRuns.Run, options: EditionOptions,
                            into sink: EditionFileSink) throws {
        let checksums = ChecksummingSink(sink)
        let model = snapshot.model
        let formats = options.formats
        let m = options.messages
        for format in formats {
            switch format {
            case .text: try checksums.add(EditionLayout.index(.text), text: TextEdition.summary(model, m))
            case .markdown: try checksums.add(EditionLayout.index(.markdown), text: MarkdownEdition.summary(model, m))
            case .json: try checksums.add(EditionLayout.index(.json), text: JSONReport.summary(model))
            case .html:
                try checksums.add(EditionLayout.index(.html), text: HTMLEdition.summary(model, options))
                try checksums.add(EditionLayout.methodologyPage, text: HTMLEdition.methodology(model, options))
                try checksums.add(EditionLayout.stylesheet, text: HTMLEdition.stylesheet)
                if let css = options.customStylesheet { try checksums.add(EditionLayout.customStylesheet, text: css) }
            case .csv: break
            }
        }
        let cardFormats = formats.filter { $0 != .csv }
        if !cardFormats.isEmpty {
            try snapshot.forEachCard(batch: batch) { card in
                for format in cardFormats {
                    try checksums.add(EditionLayout.card(card.actor.id, format), text: cardPage(model, card, format, options)!)
                }
            }
        }
        if formats.contains(.csv) { try EditionData.emit(connection, run: run, into: checksums) }
        try sink.add(EditionLayout.checksums, text: checksums.listing)
    }
}

extension EditionRenderer {
    /// The whole edition folder of a run, rendered now in memory in one snapshot (repeatable read):
    /// for `scorecard report` of a run that kept no files, a provisional period, and tests.
    public static func render(_ connection: Connection, run: ScoreRuns.Run, edition: Int64? = nil,
                              options: EditionOptions = EditionOptions()) throws -> EditionFilesInMemory {
        let files = EditionFilesInMemory()
        try render(connection, run: run, edition: edition, options: options, into: files)
        return files
    }

    /// The same, into any sink (`EditionFilesOnDisk` to write an edition with flat memory).
    public static func render(_ connection: Connection, run: ScoreRuns.Run, edition: Int64? = nil,
                              options: EditionOptions = EditionOptions(), into sink: EditionFileSink) throws {
        try connection.transaction(isolation: .repeatableRead) { connection in
            let snapshot = try ReportModel.snapshot(connection, run: run, edition: edition, eventsPerIndicator: options.eventsPerIndicator)
            try emit(snapshot, connection: connection, run: run, options: options, into: sink)
        }
    }

    /// An actor's card in one format (`actors/<id>.<ext>`); nil for `csv`, which has no page.
    public static func cardPage(_ model: ReportModel, _ card: ReportModel.ActorCard, _ format: ReportFormat, _ options: EditionOptions) -> String? {
        switch format {
        case .text: return TextEdition.card(model, card, options.messages)
        case .markdown: return MarkdownEdition.card(model, card, options.messages)
        case .json: return JSONReport.card(model, card)
        case .html: return HTMLEdition.card(model, card, options)
        case .csv: return nil
        }
    }
}

/// Passes files on to a sink, hashing each as it passes: `listing` is the `SHA256SUMS` of every
/// file (the format `sha256sum -c` reads, sorted by path).
final class ChecksummingSink: EditionFileSink {
    private let next: EditionFileSink
    private var sums: [String: String] = [:]

    init(_ next: EditionFileSink) { self.next = next }

    func add(_ path: String, _ write: (_ emit: (String) throws -> Void) throws -> Void) throws {
        var hasher = SHA256()
        try next.add(path) { emit in
            try withoutActuallyEscaping(emit) { emit in
                try write { piece in
                    hasher.update(data: Data(piece.utf8))
                    try emit(piece)
                }
            }
        }
        sums[path] = hasher.finalize().hex
    }

    var listing: String {
        sums.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { "\(sums[$0]!)  \($0)\n" }.joined()
    }
}
