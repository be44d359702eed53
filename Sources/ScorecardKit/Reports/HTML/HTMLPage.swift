import Foundation

/// The shell every page of an edition uses: an HTML5 document in the edition's language with the
/// landmarks a screen reader navigates by (`header`, `nav`, `main`, `footer`), a skip link, the
/// stylesheets, the navigation and the footer that names the method and the run. No scripts and no
/// external requests: every link is relative and stays inside the edition folder (`EditionLayout.link`),
/// and a Content-Security-Policy tells the browser so too.
///
/// `opening` and `closing` are the page around its body, so that a renderer can stream a long body
/// between them (`EditionFileSink`); `render(body:)` joins the three.
public struct HTMLPage: Sendable, Equatable {
    /// Which part of the edition a page is: its navigation link is marked as the current page.
    public enum Section: Sendable, Equatable { case summary, methodology, data }

    /// What the footer names: the method (id, version, SHA-256) and the run (its inputs digest).
    public struct Footer: Sendable, Equatable {
        public let methodologyID, methodologyVersion, methodologySHA256: String
        public let runDigest: String?

        public init(methodologyID: String, methodologyVersion: String, methodologySHA256: String, runDigest: String?) {
            self.methodologyID = methodologyID
            self.methodologyVersion = methodologyVersion
            self.methodologySHA256 = methodologySHA256
            self.runDigest = runDigest
        }
    }

    public let messages: Messages
    /// This page's edition-relative path (`actors/nso-group.html`): every link is made relative to it.
    public let path: String
    public let title: String
    public let siteTitle: String
    /// Plain text (scorecard.yaml); a blank line starts a new paragraph.
    public let introduction: String?
    /// Edition-relative paths of files the publisher copies into the edition (scorecard.yaml).
    public let logo: String?
    public let customStylesheet: String?
    /// The section this page belongs to, or nil (a report card belongs to none).
    public let current: Section?
    public let footer: Footer

    public init(messages: Messages, path: String, title: String, siteTitle: String, introduction: String? = nil,
                logo: String? = nil, customStylesheet: String? = nil, current: Section?, footer: Footer) {
        self.messages = messages
        self.path = path
        self.title = title
        self.siteTitle = siteTitle
        self.introduction = introduction
        self.logo = logo
        self.customStylesheet = customStylesheet
        self.current = current
        self.footer = footer
    }

    /// Where the navigation's links go, edition-relative.
    public static func target(_ section: Section) -> String {
        switch section {
        case .summary: return EditionLayout.index(.html)
        case .methodology: return EditionLayout.methodologyPage
        case .data: return EditionLayout.data("datapackage.json")
        }
    }

    /// The id of `main`, which the skip link targets.
    public static let contentID = "content"

    public func render(body: String) -> String { opening + body + closing }

    /// From the doctype to the page's `<h1>` inside `main`.
    public var opening: String {
        let m = messages
        var out = "<!DOCTYPE html>\n<html lang=\"\(m.language.tag)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        // Stylesheets and images from the edition only; nothing runs, nothing is fetched elsewhere.
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; img-src 'self' data:\">\n"
        out += "<meta name=\"generator\" content=\"scorecard\">\n"
        out += "<title>\(h(title == siteTitle ? title : "\(title) — \(siteTitle)"))</title>\n"
        out += "<link rel=\"stylesheet\" href=\"\(h(link(EditionLayout.stylesheet)))\">\n"
        if let customStylesheet = customStylesheet.flatMap(HTMLPage.insideEdition) { out += "<link rel=\"stylesheet\" href=\"\(h(link(customStylesheet)))\">\n" }
        out += "</head>\n<body>\n"
        out += "<a class=\"skip-link\" href=\"#\(HTMLPage.contentID)\">\(h(m.pageSkipLink))</a>\n"
        out += "<div class=\"page\">\n<header class=\"site-header\">\n"
        out += "<p class=\"site-title\"><a href=\"\(h(link(HTMLPage.target(.summary))))\">"
        // The workspace's logo is embedded (a data: URI, EditionOptions.logoDataURI); else a path in the edition.
        if let logo, logo.hasPrefix("data:image/") { out += "<img class=\"site-logo\" src=\"\(h(logo))\" alt=\"\">" }
        else if let logo = logo.flatMap(HTMLPage.insideEdition) { out += "<img class=\"site-logo\" src=\"\(h(link(logo)))\" alt=\"\">" }
        out += "<span>\(h(siteTitle))</span></a></p>\n"
        if let introduction {
            for paragraph in HTMLPage.paragraphs(introduction) { out += "<p class=\"introduction\">\(h(paragraph))</p>\n" }
        }
        out += "<nav class=\"site-nav\" aria-label=\"\(h(m.pageNavigationLabel))\">\n<ul>\n"
        for (section, label) in [(Section.summary, m.pageSummary), (.methodology, m.pageMethodology), (.data, m.pageData)] {
            let currentMark = section == current ? " aria-current=\"page\"" : ""
            out += "<li><a href=\"\(h(link(HTMLPage.target(section))))\"\(currentMark)>\(h(label))</a></li>\n"
        }
        out += "</ul>\n</nav>\n</header>\n"
        out += "<main id=\"\(HTMLPage.contentID)\" tabindex=\"-1\">\n<h1>\(h(title))</h1>\n"
        return out
    }

    /// From the end of `main` to the end of the document.
    public var closing: String {
        let m = messages
        var out = "</main>\n<footer class=\"site-footer\">\n<dl>\n"
        out += "<dt>\(h(m.pageMethodology))</dt><dd>\(h(m.pageFooterMethodology(id: footer.methodologyID, version: footer.methodologyVersion)))</dd>\n"
        out += "<dt>\(h(m.pageFooterMethodologySHA256))</dt><dd><code class=\"digest\">\(h(footer.methodologySHA256))</code></dd>\n"
        if let run = footer.runDigest {
            out += "<dt>\(h(m.pageFooterRun))</dt><dd><code class=\"digest\">\(h(run))</code></dd>\n"
        }
        out += "</dl>\n<p>\(h(m.pageFooterReproducible))</p>\n</footer>\n</div>\n</body>\n</html>\n"
        return out
    }

    /// A wide table inside a wrapper that scrolls sideways, so the table never overflows the column;
    /// the wrapper is a named, focusable region so that a keyboard can scroll it (WCAG 2.1.1).
    public static func scrollingTable(_ messages: Messages, caption: String, table: String) -> String {
        scrollingTableOpening(messages, caption: caption) + "\n" + table + (table.hasSuffix("\n") ? "" : "\n") + "</div>\n"
    }

    /// The opening of a scrolling region, for a table written row by row; close it with `</div>`.
    public static func scrollingTableOpening(_ messages: Messages, caption: String) -> String {
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(Escaping.html(messages.pageScrollingTable(caption)))\">"
    }

    /// Paragraphs of plain text: split at blank lines, each paragraph's lines joined by spaces.
    static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { result.append(current.joined(separator: " ")) }
        return result
    }

    /// An edition-relative path, or nil for anything that would leave the edition (an absolute
    /// path, `..`, a URL with a scheme): a page never makes a request outside its folder.
    static func insideEdition(_ path: String) -> String? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains(":"), !path.contains("\\"),
              !parts.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." }) else { return nil }
        return path
    }

    private func link(_ target: String) -> String { EditionLayout.link(from: path, to: target) }
    private func h(_ text: String) -> String { Escaping.html(text) }
}
