import Foundation
@testable import ScorecardKit
import Testing
import TestSupport

/// The page shell and the methodology page as pure functions: landmarks, language, relative links
/// inside the edition only, escaping, and a methodology page that states the whole method.
@Suite("Edition pages")
struct EditionPagesTests {
    static func shell(_ messages: Messages = .english, path: String = "actors/nso-group.html", title: String = "NSO Group",
                      introduction: String? = nil, logo: String? = nil, custom: String? = nil) -> HTMLPage {
        HTMLPage(messages: messages, path: path, title: title, siteTitle: "Scorecard", introduction: introduction, logo: logo,
                 customStylesheet: custom, current: nil,
                 footer: .init(methodologyID: "pall-mall", methodologyVersion: "2.0.0", methodologySHA256: "ff00", runDigest: "ab12"))
    }

    @Test func theShellHasItsLandmarksLanguageAndSkipLink() {
        let html = Self.shell(.french).render(body: "<p>Corps</p>\n")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        for needed in ["<meta charset=\"utf-8\">", "<meta name=\"viewport\"", "<header", "<nav", "<main id=\"content\"", "<footer",
                       "<a class=\"skip-link\" href=\"#content\">Aller au contenu</a>", "<h1>NSO Group</h1>", "<p>Corps</p>",
                       "Content-Security-Policy", "<code class=\"digest\">ff00</code>", "<code class=\"digest\">ab12</code>"] {
            #expect(html.contains(needed), "no \(needed) in\n\(html)")
        }
        #expect(!html.contains("<script"))
        #expect(Self.shell().render(body: "").contains("<html lang=\"en\">"))
    }

    @Test func linksAreRelativeAndStayInsideTheEdition() {
        let card = Self.shell(logo: "logo.png", custom: "custom.css").render(body: "")
        for link in ["href=\"../style.css\"", "href=\"../custom.css\"", "src=\"../logo.png\"", "href=\"../index.html\"",
                     "href=\"../methodology.html\"", "href=\"../data/datapackage.json\""] {
            #expect(card.contains(link), "no \(link) in\n\(card)")
        }
        let index = Self.shell(path: "index.html").render(body: "")
        #expect(index.contains("href=\"style.css\"") && index.contains("href=\"methodology.html\""))
        // Nothing outside the folder: a logo or stylesheet given as a URL, an absolute path or `..` is left out.
        for outside in ["https://example.org/logo.png", "/etc/logo.png", "../logo.png", "a/../../b.css", "data:text/html;base64,AA", "a//b.png"] {
            let html = Self.shell(logo: outside, custom: outside).render(body: "")
            #expect(!html.contains(outside) && !html.contains("site-logo"), "\(outside) was linked")
        }
        // The workspace's logo comes embedded (EditionOptions reads the file into a data: URI): no request.
        #expect(Self.shell(logo: "data:image/png;base64,AA").render(body: "").contains("<img class=\"site-logo\" src=\"data:image/png;base64,AA\""))
        // No request leaves the edition: no absolute URL at all in the shell.
        #expect(!card.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("://"))
    }

    @Test func theCurrentSectionIsMarked() {
        let page = HTMLPage(messages: .english, path: "methodology.html", title: "Methodology", siteTitle: "Scorecard", current: .methodology,
                            footer: .init(methodologyID: "m", methodologyVersion: "1", methodologySHA256: "00", runDigest: nil))
        let html = page.render(body: "")
        #expect(html.contains("<a href=\"methodology.html\" aria-current=\"page\">Methodology</a>"))
        #expect(Self.count("aria-current", in: html) == 1)
        #expect(!html.contains("Score run"), "no run, no run line")
    }

    @Test func textIsEscapedAndTheIntroductionIsParagraphs() {
        let html = Self.shell(title: "<script>alert(1)</script>", introduction: "One <b>\nline.\n\n  Two & three.  ").render(body: "")
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<p class=\"introduction\">One &lt;b&gt; line.</p>\n<p class=\"introduction\">Two &amp; three.</p>"), "\(html)")
    }

    @Test func openingAndClosingAreThePage() {
        let page = Self.shell()
        #expect(page.opening + "<p>x</p>" + page.closing == page.render(body: "<p>x</p>"))
    }

    @Test func aWideTableScrollsInANamedRegion() {
        let wrapped = HTMLPage.scrollingTable(.english, caption: "Ranks & <scores>", table: "<table></table>")
        #expect(wrapped == "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table, scrolls sideways: Ranks &amp; &lt;scores&gt;\">\n<table></table>\n</div>\n")
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    // MARK: The methodology page

    @Test func theMethodologyPageStatesTheWholeMethod() throws {
        let (info, rules) = try PageCheckTests.exampleMethodology()
        let html = MethodologyPage.body(info, rules: rules, messages: .english)
        for indicator in info.indicators {
            #expect(html.contains("<code>\(indicator.code)</code>"), "no \(indicator.code)")
            #expect(html.contains(Escaping.html(indicator.name)), "no name of \(indicator.code)")
        }
        for pillar in info.pillars { #expect(html.contains("<th scope=\"row\">\(pillar.name)</th><td><code>\(pillar.id)</code></td><td class=\"num\">\(pillar.weight.text)</td>")) }
        for grade in info.grades {
            #expect(html.contains("<tr><th scope=\"row\">\(grade.grade)</th><td>\(grade.label ?? "")</td><td class=\"num\">\(grade.minimum.text)</td>"
                                  + "<td class=\"num\">\(grade.maximumNegative?.text ?? "none")</td></tr>"), "grade \(grade.grade)")
        }
        #expect(html.contains(info.sha256))
        // Rules in words, from the rule fields: types, role, decay, instruments with differing weights.
        let s_p1 = try #require(info.indicators.first { $0.code == "S-P1" })
        let s_p1Rule = try #require(rules.indicators["S-P1"])
        #expect(html.contains("<code>\(s_p1Rule.evidenceTypes[0])</code>") && s_p1.kind == "evidence")
        #expect(html.contains("Half-life \(s_p1Rule.halfLifeDays) days; window \(s_p1Rule.windowDays) days; saturation \(s_p1Rule.saturation)."))
        #expect(html.contains("in which the actor is the counterpart"))
        #expect(html.contains("<code>pall-mall-code</code> ×2"), "S-C2 weighs its instruments differently")
        #expect(html.contains("after it had committed to"))
        // The formulas, the states and the weights of a record.
        for needed in ["combined = (100 + positive − negative) / 2", "value = 100 × (1 − exp(−Σ W(e) / saturation))",
                       "decay(r) = 0.5 ^ (age(r) / half-life)", "restated = C(P, known now)", "Not applicable", "No evidence",
                       "Insufficient evidence", "fewer than \(info.minimumEvidence) conduct events"] {
            #expect(html.contains(Escaping.html(needed)), "no \(needed)")
        }
        #expect(html.contains("<tr><th scope=\"row\">confirmed</th><td class=\"num\">1</td></tr>"), "the certainty weights")
        // Self-contained: no link out of the edition, not even to the project's documentation.
        #expect(!html.contains("docs/methodology.md") && !html.contains("://") && !html.contains("href=\"..") )
        #expect(!html.contains("<script"))
    }

    @Test func theMethodologyPageInFrench() throws {
        let (info, rules) = try PageCheckTests.exampleMethodology()
        let page = MethodologyPage.render(info, rules: rules, page: MethodologyPage.shell(info, messages: .french, siteTitle: "Tableau"))
        #expect(page.contains("<html lang=\"fr\">") && page.contains("<h1>Méthodologie</h1>"))
        for needed in ["Sans objet", "Aucun élément", "combiné = (100 + positif − négatif) / 2", "Demi-vie", "Piliers", "trimestrielle"] {
            #expect(page.contains(Escaping.html(needed)), "no \(needed)")
        }
        #expect(page.contains("aria-current=\"page\">Méthodologie</a>"))
        for english in ["Half-life", "No evidence", "What counts", "Pillars"] { #expect(!page.contains(english), "English left: \(english)") }
    }

    @Test func withoutRuleFieldsEachIndicatorHasItsKindsRule() throws {
        let (info, _) = try PageCheckTests.exampleMethodology()
        let html = MethodologyPage.body(info, rules: nil, messages: .english)
        #expect(html.contains("Records of the listed types of conduct.") && html.contains("Commitments in force at the end of the period"))
        #expect(!html.contains("id=\"record-weights\""))
        for indicator in info.indicators { #expect(html.contains("<code>\(indicator.code)</code>")) }
    }

    @Test func theMethodologyPageIsDeterministic() throws {
        let (info, rules) = try PageCheckTests.exampleMethodology()
        #expect(MethodologyPage.body(info, rules: rules, messages: .english) == MethodologyPage.body(info, rules: MethodologyPage.Rules(
            try MethodologyFile.load(path: ProjectFiles.url(PageCheckTests.examplePath).path).methodology), messages: .english))
    }
}
