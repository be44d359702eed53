import Foundation
@testable import ScorecardKit
import Testing
import TestSupport

/// Edition pages as a reader's browser shows them: the methodology page of the example methodology
/// and a page with each chart (a scatter of 200 actors, a history with gaps), in English and French,
/// written with the default stylesheet into a temporary edition folder and checked by
/// `scripts/check-page`: the Nu HTML checker finds no error, and headless Chromium finds text, every
/// chart, and nothing overflowing its column, on a desktop and on a phone.
@Suite("Edition pages in a real browser", .serialized)
struct PageCheckTests {
    static let examplePath = "Examples/pall-mall/methodology.yaml"

    /// The methodology as a report model holds it, from the example file.
    static func exampleMethodology() throws -> (ReportModel.MethodologyInfo, MethodologyPage.Rules) {
        let file = try MethodologyFile.load(path: ProjectFiles.url(examplePath).path)
        let m = file.methodology
        let info = ReportModel.MethodologyInfo(m, id: m.id, version: m.version, sha256: file.sha256, title: m.title)
        return (info, MethodologyPage.Rules(m))
    }

    static let runDigest = String(repeating: "ab12", count: 16)

    /// 200 actors spread the way a real edition's are: most in one corner, some with a face missing.
    static func scatterPoints(_ count: Int) -> [Charts.ScatterPoint] {
        var generator = SplitMix64(seed: 14)
        func below(_ n: UInt64) -> UInt64 { generator.next() % n }
        return (0..<count).map { index in
            let positive = below(7) == 0 ? nil : Double(below(1000)) / 10 * (index % 3 == 0 ? 1 : 0.3)
            let negative = below(9) == 0 ? nil : Double(below(1000)) / 10 * (index % 4 == 0 ? 1 : 0.25)
            return Charts.ScatterPoint(label: "Actor number \(index) of the long list", href: "actor-\(index).html",
                                       positive: positive, negative: negative, category: index % 4)
        }
    }

    /// A page of each chart, as a report card would be: at `actors/charts.html`.
    static func chartsPage(_ messages: Messages) -> String {
        let page = HTMLPage(messages: messages, path: EditionLayout.card("charts", .html), title: "Charts <test> & “quotes”",
                            siteTitle: "Pall Mall Process scorecard", introduction: "An introduction\nover two lines.\n\nAnd a second paragraph.",
                            current: nil, footer: .init(methodologyID: "pall-mall", methodologyVersion: "2.0.0",
                                                        methodologySHA256: String(repeating: "0123456789abcdef", count: 4), runDigest: runDigest))
        let faces = Charts.faces([
            .init(label: "United Kingdom of Great Britain and Northern Ireland", href: "united-kingdom.html", positive: 72.5, negative: 12.25),
            .init(label: "NSO Group", href: "nso-group.html", positive: nil, negative: 88.0),
            .init(label: "A state with nothing on record", positive: nil, negative: nil),
            .init(label: "France", href: "france.html", positive: 0, negative: 0),
        ], id: "faces", messages: messages)
        let scatter = Charts.scatter(scatterPoints(200), categories: ["States", "Organisations", "Vendors", "Investors"], id: "scatter", messages: messages)
        let history = Charts.history(periods: (2021...2025).flatMap { year in (1...4).map { "\(year)-Q\($0)" } }, series: [
            .init(label: "United States", href: "us.html", values: [nil, 40, 42, 45, nil, 50, 52, nil, 61, nil, nil, 63, 64, 64, 66, nil, nil, nil, 70, 71]),
            .init(label: "NSO Group", values: [20, 18, 15, 15, 12, 10, 9, 9, 8, 8, 7, 7, 6, 5, 5, 5, 4, 4, 3, 3]),
            .init(label: "Isolated", values: Array(repeating: nil, count: 9) + [55] + Array(repeating: nil, count: 10)),
        ], id: "history", messages: messages)
        let table = "<table>\n<caption>Wide</caption>\n<thead><tr>" + (1...14).map { "<th scope=\"col\">Column \($0)</th>" }.joined()
            + "</tr></thead>\n<tbody><tr>" + (1...14).map { "<td class=\"num\">\($0 * 1111).250</td>" }.joined() + "</tr></tbody>\n</table>\n"
        return page.render(body: "<p>A paragraph long enough to wrap at the measure of the column, so that the prose width is exercised by the browser as well as the charts below it.</p>\n"
                           + faces + scatter + history + HTMLPage.scrollingTable(messages, caption: "Wide", table: table))
    }

    /// An edition folder with the stylesheet, the methodology page and the charts page, per language.
    static func writeEdition(_ folder: URL) throws -> [(path: String, charts: Int?)] {
        let (info, rules) = try exampleMethodology()
        var pages: [(path: String, charts: Int?)] = []
        for messages in [Messages.english, Messages.french] {
            let root = folder.appendingPathComponent(messages.language.rawValue)
            try FileManager.default.createDirectory(at: root.appendingPathComponent(EditionLayout.actorsFolder), withIntermediateDirectories: true)
            try EditionStylesheet.css.write(to: root.appendingPathComponent(EditionLayout.stylesheet), atomically: true, encoding: .utf8)
            let shell = MethodologyPage.shell(info, messages: messages, siteTitle: "Pall Mall Process scorecard", runDigest: runDigest)
            let methodology = root.appendingPathComponent(EditionLayout.methodologyPage)
            try MethodologyPage.render(info, rules: rules, page: shell).write(to: methodology, atomically: true, encoding: .utf8)
            let charts = root.appendingPathComponent(EditionLayout.card("charts", .html))
            try chartsPage(messages).write(to: charts, atomically: true, encoding: .utf8)
            pages += [(methodology.path, 0), (charts.path, 3)]
        }
        return pages
    }

    @Test func methodologyAndChartPagesPassTheChecks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("page-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = try Self.writeEdition(folder)
        var arguments: [String] = []
        // SCORECARD_PAGE_SCREENSHOTS=DIR keeps the pages and a PNG of each at each width, to look at.
        if let screenshots = ProcessInfo.processInfo.environment["SCORECARD_PAGE_SCREENSHOTS"] {
            arguments = ["--screenshots", screenshots]
            let pagesCopy = URL(fileURLWithPath: screenshots).appendingPathComponent("pages")
            try? FileManager.default.removeItem(at: pagesCopy)
            try FileManager.default.createDirectory(at: pagesCopy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: folder, to: pagesCopy)
        }
        let outcome = try PageCheck.run(pages, arguments: arguments)
        #expect(outcome.status == 0, "scripts/check-page failed:\n\(outcome.output)")
    }

    /// The pages of a real edition: the demo's (Reports/, which ReportsFolderTests keeps equal to
    /// what `make demo` publishes): the summary with its two charts, the method, and cards of a
    /// vendor, a group with its entities, an entity scored in its group, the top state and a state
    /// with no conduct on record, each with its history chart.
    @Test func theDemoEditionsPagesPassTheChecks() throws {
        let folder = ProjectFiles.url("Reports/pall-mall-2025-Q4")
        let pages: [(path: String, charts: Int?)] = [("index.html", 2), ("methodology.html", 0), ("actors/nso-group.html", 1),
                                                    ("actors/intellexa.html", 1), ("actors/intellexa-sa.html", 1), ("actors/us.html", 1),
                                                    ("actors/af.html", 1)]
        let outcome = try PageCheck.run(pages.map { (folder.appendingPathComponent($0.path).path, $0.charts) })
        #expect(outcome.status == 0, "scripts/check-page failed:\n\(outcome.output)")
    }

    /// So that a pass above means something: a blank page, a missing chart, text overflowing its
    /// column and invalid HTML each fail, and the output names the file and the failure.
    @Test func theCheckerFindsWhatItShould() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("page-check-broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try EditionStylesheet.css.write(to: folder.appendingPathComponent(EditionLayout.stylesheet), atomically: true, encoding: .utf8)
        let shell = HTMLPage(messages: .english, path: "page.html", title: "Broken", siteTitle: "Broken", current: nil,
                             footer: .init(methodologyID: "m", methodologyVersion: "1", methodologySHA256: "00", runDigest: nil))
        func write(_ name: String, _ html: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try html.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let blank = try write("blank.html", "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Blank</title></head><body><main></main></body></html>\n")
        let noChart = try write("no-chart.html", shell.render(body: "<p>The chart should be here.</p>\n"))
        // The shell's Content-Security-Policy blocks inline styles: these two pages bring their own.
        func bare(_ style: String, _ body: String) -> String {
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bare</title><style>\(style)</style></head><body><main>\(body)</main></body></html>\n"
        }
        let overflow = try write("overflow.html", bare(".narrow { width: 12rem } .long { white-space: nowrap }",
                                                       "<p>Text.</p><div class=\"narrow\"><span class=\"long\">" + String(repeating: "unbreakable-", count: 20) + "</span></div>"))
        let wideChart = try write("wide-chart.html", bare(".narrow { width: 10rem }",
                                                          "<p>Text.</p><div class=\"narrow\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\" height=\"50\" role=\"img\" aria-label=\"A chart too wide\"><rect width=\"900\" height=\"50\"/></svg></div>"))
        let invalid = try write("invalid.html", shell.render(body: "<p id=\"twice\">One</p><p id=\"twice\">Two</p><table><tr><td>no caption is fine, but a stray</td></tr></table></tbody>\n"))
        let outcome = try PageCheck.run([(blank, nil), (noChart, 1), (overflow, nil), (wideChart, nil), (invalid, nil)])
        #expect(outcome.status == 1, "\(outcome.output)")
        let lines = outcome.output.split(separator: "\n").map(String.init)
        func reported(_ file: String, _ what: String) -> Bool { lines.contains { $0.hasPrefix(file + ":") && $0.contains(what) } }
        #expect(reported(blank, "blank page"), "\(outcome.output)")
        #expect(reported(noChart, "0 charts (svg), expected 1"), "\(outcome.output)")
        #expect(reported(overflow, "overflows its box"), "\(outcome.output)")
        #expect(reported(wideChart, "overflows its box") || reported(wideChart, "wider"), "\(outcome.output)")
        #expect(reported(invalid, "vnu") && reported(invalid, "Duplicate ID"), "\(outcome.output)")
        #expect(!lines.contains { $0.hasPrefix(noChart + ":") && $0.contains("vnu") }, "a valid page reported invalid:\n\(outcome.output)")
    }
}
