import Foundation
@testable import ScorecardKit
import Testing
import TestSupport

/// The charts of an edition as pure functions: the same input gives the same bytes, no value is
/// drawn for what has none, and the scatter labels only where a label fits.
@Suite("Edition charts")
struct EditionChartsTests {
    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test func theSameInputGivesTheSameBytes() {
        let points = PageCheckTests.scatterPoints(200)
        #expect(Charts.scatter(points, categories: ["A", "B"], id: "s", messages: .english)
                == Charts.scatter(points, categories: ["A", "B"], id: "s", messages: .english))
        let rows = [Charts.FacesRow(label: "X", positive: 1.0 / 3.0, negative: 2.0 / 3.0)]
        let faces = Charts.faces(rows, id: "f", messages: .french)
        #expect(faces == Charts.faces(rows, id: "f", messages: .french))
        // Fixed decimals: a third is 0.3 and its bar 0.6px wide (170px for 100), never 0.33333.
        #expect(faces.contains(">0.3</text>") && faces.contains(">0.7</text>"), "\(faces)")
        #expect(!faces.contains("333"), "\(faces)")
        let series = [Charts.HistorySeries(label: "S", values: [1.0 / 7.0, nil, 99.99])]
        #expect(Charts.history(periods: ["P1", "P2", "P3"], series: series, id: "h", messages: .english)
                == Charts.history(periods: ["P1", "P2", "P3"], series: series, id: "h", messages: .english))
    }

    @Test func everyChartIsAnImageWithATitleAndATextAlternative() {
        for svg in [Charts.faces([.init(label: "A", positive: 1, negative: 2)], id: "f", messages: .english),
                    Charts.scatter([.init(label: "A", positive: 1, negative: 2)], categories: [], id: "s", messages: .english),
                    Charts.history(periods: ["P"], series: [.init(label: "A", values: [3])], id: "h", messages: .english)] {
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title id=\"") && svg.contains("<desc id=\""))
            #expect(svg.contains("aria-labelledby=\""))
            #expect(!svg.contains("<script") && !svg.contains("http://www.w3.org/1999/xlink"))
        }
    }

    @Test func noEvidenceIsAMarkNeverABar() {
        let svg = Charts.faces([.init(label: "Nothing", positive: nil, negative: nil),
                                .init(label: "Zero", positive: 0, negative: 0)], id: "f", messages: .english)
        // The first row: two marks, two "no evidence", no bar; the second: two bars of 0, no mark.
        #expect(Self.count("class=\"no-evidence\"", in: svg) == 2, "\(svg)")
        #expect(Self.count(">no evidence</text>", in: svg) == 2, "\(svg)")
        #expect(Self.count("height=\"14\"", in: svg) == 2, "\(svg)")
        #expect(Self.count("width=\"0.0\" height=\"14\"", in: svg) == 2, "\(svg)")
        #expect(Self.count(">0.0</text>", in: svg) == 2)
        #expect(svg.contains("Nothing: positive no evidence, negative no evidence"))
        // French words, not English.
        let french = Charts.faces([.init(label: "Rien", positive: nil, negative: 40)], id: "f", messages: .french)
        #expect(french.contains(">aucun élément</text>") && !french.contains("no evidence"))
    }

    @Test func historyBreaksAtGapsAndDrawsIsolatedValuesAsDots() {
        let values: [Double?] = [10, nil, 30, 40, nil, nil, 70]
        let svg = Charts.history(periods: (1...7).map { "P\($0)" }, series: [.init(label: "S", values: values)], id: "h", messages: .english)
        let segments = Charts.segments(values, count: 7)
        #expect(segments.map { $0.map(\.index) } == [[0], [2, 3], [6]])
        // One polyline (30 → 40), none across a gap; every value marked, the isolated ones larger.
        #expect(Self.count("<polyline", in: svg) == 1, "\(svg)")
        #expect(Self.count("r=\"4.0\"", in: svg) == 2, "\(svg)")
        #expect(Self.count("r=\"2.8\"", in: svg) == 2, "\(svg)")
        #expect(svg.contains("P2 no score") && svg.contains("P5 no score"), "\(svg)")
        // A series with no value draws nothing: not a line at 0 or 50.
        let empty = Charts.history(periods: ["P1", "P2"], series: [.init(label: "None", values: [nil, nil])], id: "e", messages: .english)
        #expect(!empty.contains("<polyline") && Self.count("<circle", in: empty) == 1, "only the legend's marker:\n\(empty)")
        // y of 50 is the plot's middle (14 + 100 px): no point there unless a value is 50.
        #expect(!svg.contains(",114.0"), "\(svg)")
    }

    @Test func scatterLabelsOnlyWhereTheyFit() {
        // 200 actors on one spot: one label, every point still a link with its name.
        let crowded = (0..<200).map { Charts.ScatterPoint(label: "Actor \($0)", href: "a\($0).html", positive: 20, negative: 20) }
        let svg = Charts.scatter(crowded, categories: [], id: "s", messages: .english)
        #expect(Self.count("class=\"point-label\"", in: svg) == 1, "\(svg.prefix(3000))")
        #expect(Self.count("<a href=\"", in: svg) == 200)
        #expect(svg.contains("<title>Actor 199: positive 20.0, negative 20.0</title>"))
        #expect(svg.contains("1 is labelled"))

        // Spread out, every label fits.
        let spread = (0..<5).map { Charts.ScatterPoint(label: "P\($0)", positive: Double($0) * 20 + 5, negative: Double($0) * 20 + 5) }
        #expect(Self.count("class=\"point-label\"", in: Charts.scatter(spread, categories: [], id: "s", messages: .english)) == 5)

        // At 200 realistic actors: labels never overlap each other or a point, and stay in the plot.
        let plot = Charts.Box(x1: 700, y1: 160, x2: 5500, y2: 4960)
        let points = PageCheckTests.scatterPoints(200).compactMap { p -> (x: Int, y: Int, text: String)? in
            guard let positive = p.positive, let negative = p.negative else { return nil }
            return (700 + Charts.scaled(positive, 480), 4960 - Charts.scaled(negative, 480), p.label)
        }
        let labels = Charts.placeLabels(points, inside: plot)
        #expect(!labels.isEmpty && labels.count < points.count, "\(labels.count) of \(points.count)")
        func box(_ label: Charts.PlacedLabel) -> Charts.Box {
            let w = label.text.count * 56 + 20
            switch label.anchor {
            case "start": return .init(x1: label.x - 5, y1: label.y - 90, x2: label.x - 5 + w, y2: label.y + 20)
            case "end": return .init(x1: label.x + 5 - w, y1: label.y - 90, x2: label.x + 5, y2: label.y + 20)
            default: return .init(x1: label.x - w / 2, y1: label.y - 90, x2: label.x + w / 2, y2: label.y + 20)
            }
        }
        let boxes = labels.map(box)
        for (i, a) in boxes.enumerated() {
            #expect(a.within(plot), "label \(labels[i].text) leaves the plot")
            for b in boxes[(i + 1)...] { #expect(!a.overlaps(b), "labels overlap: \(a) \(b)") }
            for p in points { #expect(!a.overlaps(.init(x1: p.x - 35, y1: p.y - 35, x2: p.x + 35, y2: p.y + 35)), "label \(labels[i].text) covers a point") }
        }
    }

    @Test func aScatterPointMissingAFaceSitsInTheStripNotAtZero() {
        let svg = Charts.scatter([.init(label: "No positive", positive: nil, negative: 50),
                                  .init(label: "No negative", positive: 50, negative: nil),
                                  .init(label: "Neither", positive: nil, negative: nil)], categories: [], id: "s", messages: .english)
        // Hollow, at the strips' centres (x 52 beside the negative axis, y 510 under the positive one).
        #expect(svg.contains("cx=\"52.0\" cy=\"256.0\" r=\"3.0\" fill=\"#ffffff\""), "\(svg)")
        #expect(svg.contains("cx=\"310.0\" cy=\"510.0\" r=\"3.0\" fill=\"#ffffff\""), "\(svg)")
        #expect(!svg.contains("Neither: positive no evidence, negative no evidence</title>"), "not drawn")
        #expect(svg.contains("Neither: positive no evidence, negative no evidence"), "but named in the text alternative")
        #expect(svg.contains("1 with no evidence for either face is not drawn"))
    }

    @Test func textFromTheDataIsEscaped() {
        let hostile = "<script>alert(1)</script>\"&'"
        for svg in [Charts.faces([.init(label: hostile, href: "x.html\"onmouseover=\"", positive: 1, negative: 1)], id: "f", messages: .english),
                    Charts.scatter([.init(label: hostile, positive: 1, negative: 1)], categories: [hostile], id: "s", messages: .english),
                    Charts.history(periods: [hostile], series: [.init(label: hostile, values: [1])], id: "h\"x", messages: .english)] {
            #expect(!svg.contains("<script") && !svg.contains("\"onmouseover") && !svg.contains("h\"x"), "\(svg)")
        }
    }
}

/// The default colours meet WCAG AA, as the contrast ratio is defined (WCAG 2.1, "relative luminance").
@Suite("Edition colours")
struct EditionColoursTests {
    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        func channel(_ i: Int) -> Double {
            let value = Double(Int(String(digits[i..<i + 2]), radix: 16)!) / 255
            return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    static func ratio(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    @Test func theRatioIsWCAGs() {
        #expect(abs(Self.ratio("#000000", "#ffffff") - 21) < 0.001)
        #expect(abs(Self.ratio("#ffffff", "#ffffff") - 1) < 0.001)
        // #777777 on white is the classic just-below-AA grey (4.48).
        #expect(Self.ratio("#777777", "#ffffff") < 4.5 && Self.ratio("#767676", "#ffffff") >= 4.5)
    }

    @Test func textMeetsAA() {
        for pair in Palette.textPairs {
            let r = Self.ratio(pair.foreground, pair.background)
            #expect(r >= 4.5, "\(pair.name): \(pair.foreground) on \(pair.background) is \(r), below 4.5")
        }
    }

    @Test func chartMarksAndFocusMeetAA() {
        for pair in Palette.graphicPairs {
            let r = Self.ratio(pair.foreground, pair.background)
            #expect(r >= 3, "\(pair.name): \(pair.foreground) on \(pair.background) is \(r), below 3")
        }
        // The two faces differ by more than colour, but their colours differ too.
        #expect(Palette.positive != Palette.negative)
    }

    @Test func theStylesheetUsesThePalette() {
        for colour in [Palette.ink, Palette.muted, Palette.paper, Palette.band, Palette.link, Palette.focus] {
            #expect(EditionStylesheet.css.contains(colour), "\(colour) is not in the stylesheet")
        }
        // No colour in the stylesheet that the palette does not name (and so no test checks).
        let named = Set(([Palette.paper, Palette.ink, Palette.muted, Palette.band, Palette.rule, Palette.grid, Palette.link, Palette.focus,
                         Palette.flag, Palette.up, Palette.down, Palette.positive, Palette.negative, "#000000", "#ffffff"] + Palette.series).map { $0.lowercased() })
        let used = EditionStylesheet.css.matches(of: /#[0-9a-fA-F]{6}\b/).map { String($0.output).lowercased() }
        for colour in used { #expect(named.contains(colour), "\(colour) is used but not in the palette") }
        for needed in ["@media print", "font-variant-numeric: tabular-nums", ":focus-visible", ".table-scroll", "overflow-x: auto", "70ch"] {
            #expect(EditionStylesheet.css.contains(needed), "the stylesheet has no \(needed)")
        }
    }
}
