/// The report as one self-contained HTML page: no scripts, no external assets (a Content
/// Security Policy says so to the browser too), inline SVG charts with text alternatives,
/// tables with captions and header scopes, and a print stylesheet. Every value from the data
/// is escaped (`Escaping.html`); links are only made for http(s) URLs.
public enum HTMLReport {
    public static func render(_ model: ReportModel) -> String {
        var r = HTMLRenderer(model: model)
        r.render()
        return r.out
    }

    /// Colour-blind-safe colours (Okabe–Ito) for the actor kinds and the trend lines.
    static let kindColors = ["state": "#0072B2", "organisation": "#009E73", "vendor": "#D55E00", "investor": "#CC79A7"]
    static let seriesColors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    static let stylesheet = """
        :root { color-scheme: light; --ink: #1a202c; --muted: #4a5568; --rule: #cbd5e0; --band: #f7fafc; --accent: #0072B2;
                --up: #1a7f37; --down: #b42318; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
               color: var(--ink); background: #fff; }
        h1 { font-size: 1.9rem; margin: 0 0 .25rem; line-height: 1.2; }
        h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
        h4 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
        p { margin: .5rem 0; }
        a { color: var(--accent); }
        .lede { color: var(--muted); margin: 0 0 1rem; }
        .id, .muted { color: var(--muted); font-weight: normal; }
        code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
        dl.facts dt { font-weight: 600; }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        .flag { display: inline-block; padding: 0 .4rem; border-radius: .25rem; background: #fff4e5; border: 1px solid #f0b429; }
        nav ol { display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; list-style: none; padding: .5rem 0; margin: 0;
                 border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
        caption { text-align: left; font-weight: 600; padding: .25rem 0; caption-side: top; }
        th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
        thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
        tbody tr:nth-child(even) { background: var(--band); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.bar { width: 104px; padding-top: .55rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .up { color: var(--up); }
        .down { color: var(--down); }
        .state { color: var(--muted); font-style: italic; }
        .grade { font-weight: 700; }
        .cause { font-size: .85rem; color: var(--muted); max-width: 24rem; }
        table.compact { width: auto; min-width: 20rem; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); gap: 1.5rem 2rem; align-items: start; }
        figure { margin: 0; }
        figure.wide { grid-column: 1 / -1; }
        figcaption { font-size: .9rem; color: var(--muted); margin-top: .25rem; }
        svg { max-width: 100%; height: auto; }
        svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; fill: var(--ink); }
        article.actor { border-top: 1px solid var(--rule); margin-top: 2rem; }
        ul.records { padding-left: 1.2rem; }
        ul.records li { margin: .4rem 0; }
        .meta { font-size: .88rem; color: var(--muted); }
        footer { margin-top: 3rem; padding-top: .5rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .88rem; }
        @media print {
          @page { margin: 14mm; }
          body { max-width: none; padding: 0; font: 10pt/1.35 Georgia, "Times New Roman", serif; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 8pt; overflow-wrap: anywhere; }
          h2, h3, h4 { break-after: avoid; }
          tr, figure, li { break-inside: avoid; }
          thead { display: table-header-group; }
          tbody tr:nth-child(even) { background: none; }
          .charts { display: block; }
          figure { margin-bottom: 1rem; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}

private struct HTMLRenderer {
    let model: ReportModel
    var out = ""

    init(model: ReportModel) { self.model = model }

    func h(_ text: String) -> String { Escaping.html(text) }

    mutating func line(_ text: String) { out += text + "\n" }

    func link(_ text: String, _ url: String) -> String {
        guard let safe = Escaping.safeURL(url) else { return "\(h(text)) (\(h(url)))" }
        return "<a href=\"\(h(safe))\">\(h(text))</a>"
    }

    func actorLink(_ id: String, _ name: String) -> String {
        model.actors.contains { $0.id == id } ? "<a href=\"#\(h(Escaping.anchor(id)))\">\(h(name))</a>" : h(name)
    }

    /// A 100 × 10 bar of a 0–100 score; the number beside it is what a screen reader reads.
    func miniBar(_ value: ReportNumber?) -> String {
        guard let value else { return "" }
        let tenths = min(1000, max(0, value.thousandths / 100))
        return "<svg width=\"100\" height=\"10\" viewBox=\"0 0 100 10\" aria-hidden=\"true\" focusable=\"false\">"
            + "<rect width=\"100\" height=\"10\" fill=\"#e2e8f0\"/><rect width=\"\(tenthsText(tenths))\" height=\"10\" fill=\"#0072B2\"/></svg>"
    }

    func changeCell(_ a: ReportModel.RankedActor) -> String {
        guard let change = a.change.change else { return "<td class=\"num\">–</td>" }
        let cls = a.change.direction == .up ? " up" : a.change.direction == .down ? " down" : ""
        let word = a.change.direction == .up ? "up" : a.change.direction == .down ? "down" : "unchanged"
        let shown = a.change.parts?.conduct ?? change  // the actor's own conduct's part (ReportWording.change)
        return "<td class=\"num\(cls)\"><span aria-hidden=\"true\">\(a.change.direction.arrow)</span> \(h(shown.signed))"
            + "<span class=\"visually-hidden\"> (\(word))</span></td>"
    }

    func gradeCell(_ a: ReportModel.RankedActor) -> String {
        if let grade = a.grade {
            return "<td><span class=\"grade\">\(h(grade))</span>\(a.gradeLabel.map { " <span class=\"muted\">\(h($0))</span>" } ?? "")</td>"
        }
        return "<td class=\"state\">\(h(ReportWording.grade(a)))</td>"
    }

    // MARK: Page

    mutating func render() {
        let m = model.methodology
        let r = model.run
        let title = "\(m.title): \(r.period)" + (r.actorFilter.map { ", \($0)" } ?? "")
        line("<!DOCTYPE html>")
        line("<html lang=\"en\">")
        line("<head>")
        line("<meta charset=\"utf-8\">")
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        line("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">")
        line("<meta name=\"generator\" content=\"scorecard report, schema \(ReportModel.schemaVersion)\">")
        line("<title>\(h(title))</title>")
        line("<style>")
        out += HTMLReport.stylesheet + "\n"
        line("</style>")
        line("</head>")
        line("<body>")
        line("<header>")
        line("<h1>\(h(m.title)) <span class=\"muted\">\(h(r.period))</span></h1>")
        line("<p class=\"lede\">Accountability scorecard of states and commercial cyber-intrusion vendors"
             + (r.actorFilter.map { ", limited to \(h($0))" } ?? "") + ".</p>")
        line("<dl class=\"facts\">")
        fact("Period", "\(h(r.period)) (\(h(r.periodStart)) to \(h(r.periodEnd)))")
        fact("Methodology", "\(h(m.id)), version \(h(m.version))")
        fact("Methodology SHA-256", "<span class=\"mono\">\(h(m.sha256))</span>")
        fact("Dataset SHA-256", "<span class=\"mono\">\(h(r.datasetSHA256))</span>")
        fact("Score run", "sha256 \(r.id.prefix(16))… (\(r.basis == "as_published" ? "as published" : h(r.basis)))")
        fact("Knowledge cutoff", "evidence published by \(h(r.knowledgeCutoff))")
        fact("Provisional", r.provisional
             ? "<span class=\"flag\">yes</span>: the period had not ended when the data was loaded; later evidence may still count" : "no")
        if let s = r.sensitivity { fact("Sensitivity analysis", "\(s.samples) samples, seed \(s.seed)") }
        if let p = r.previousPeriod { fact("Compared with", h(p)) }
        fact("Edition", h(ReportWording.edition(model)))
        line("</dl>")
        line("</header>")
        line("<nav aria-label=\"Contents\"><ol><li><a href=\"#charts\">At a glance</a></li><li><a href=\"#restatements\">Restatements</a></li><li><a href=\"#rankings\">Rankings</a></li>"
             + (model.actors.isEmpty ? "" : "<li><a href=\"#actors\">Actors</a></li>")
             + "<li><a href=\"#coverage\">Coverage</a></li><li><a href=\"#methodology\">Methodology</a></li></ol></nav>")
        line("<main>")
        charts()
        restatements()
        rankings()
        if !model.actors.isEmpty {
            line("<section id=\"actors\" aria-labelledby=\"actors-heading\">")
            line("<h2 id=\"actors-heading\">Actors</h2>")
            for actor in model.actors { section(actor) }
            line("</section>")
        }
        coverage()
        methodology()
        line("</main>")
        line("<footer>Run sha256 \(r.id.prefix(16))… of methodology \(h(m.id)) version \(h(m.version)) for \(h(r.period)). "
             + "Rendered by scorecard from the database alone: the same run gives the same page.</footer>")
        line("</body>")
        line("</html>")
    }

    mutating func fact(_ term: String, _ html: String) { line("<dt>\(term)</dt><dd>\(html)</dd>") }

    // MARK: Charts

    mutating func charts() {
        line("<section id=\"charts\" aria-labelledby=\"charts-heading\">")
        line("<h2 id=\"charts-heading\">At a glance</h2>")
        line("<div class=\"charts\">")
        combinedChart()
        scatterChart()
        trendChart()
        line("</div>")
        line("</section>")
    }

    /// Combined score by actor, horizontal bars, grouped by kind in ranking order.
    mutating func combinedChart() {
        // Ranked actors in rank order, then the others by combined score.
        let rows = model.rankings.map { ranking in
            (ranking.kind, ranking.actors.filter { $0.combined != nil && $0.rank != nil }
                + ranking.actors.filter { $0.combined != nil && $0.rank == nil }.sorted { a, b in
                    a.combined!.thousandths != b.combined!.thousandths ? a.combined!.thousandths > b.combined!.thousandths : a.id < b.id
                })
        }.filter { !$0.1.isEmpty }
        let rowHeight = 22, groupHeight = 26, top = 34, labelWidth = 200, scale = 400  // px for 100 points
        let height = top + rows.reduce(0) { $0 + groupHeight + $1.1.count * rowHeight } + 12
        let width = labelWidth + scale + 70
        let label = "Bar chart: combined score of each actor, 0 to 100, by kind. "
            + rows.flatMap { $0.1 }.map { "\($0.name) \($0.combined!.text)" }.joined(separator: "; ") + "."
        line("<figure class=\"wide\">")
        line("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(h(label))\">")
        line("<title>Combined score by actor</title>")
        // Scale and grid.
        for tick in stride(from: 0, through: 100, by: 25) {
            let x = labelWidth + tick * scale / 100
            line("<line x1=\"\(x)\" y1=\"\(top - 8)\" x2=\"\(x)\" y2=\"\(height - 8)\" stroke=\"\(tick == 50 ? "#4a5568" : "#e2e8f0")\" stroke-width=\"1\"\(tick == 50 ? " stroke-dasharray=\"4 3\"" : "")/>")
            line("<text x=\"\(x)\" y=\"\(top - 14)\" font-size=\"11\" text-anchor=\"middle\">\(tick)</text>")
        }
        var y = top
        for (kind, actors) in rows {
            line("<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\" font-weight=\"700\">\(h(ReportModel.kindTitle(kind)))</text>")
            y += groupHeight
            for a in actors {
                let barTenths = max(0, a.combined!.thousandths) * scale / 10_000
                let fill = a.rank == nil ? "#a0aec0" : (HTMLReport.kindColors[kind] ?? "#0072B2")
                line("<g><title>\(h(a.name)): combined \(h(a.combined!.text))\(a.rank == nil ? ", \(ReportWording.grade(a))" : "")</title>")
                line("<text x=\"\(labelWidth - 8)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\">\(h(TextLayout.truncate(a.name, 27)))</text>")
                line("<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(tenthsText(barTenths))\" height=\"\(rowHeight - 8)\" fill=\"\(fill)\"/>")
                line("<text x=\"\(tenthsText(labelWidth * 10 + barTenths + 60))\" y=\"\(y + 15)\" font-size=\"11\">\(h(a.combined!.text))</text></g>")
                y += rowHeight
            }
        }
        line("</svg>")
        line("<figcaption>Combined score, (100 + positive − negative) / 2, of each actor; the dashed line at 50 is where "
             + "positive and negative balance. Grey bars: insufficient evidence for a grade or a rank.</figcaption>")
        line("</figure>")
    }

    /// Positive against negative score; actors at the same point share a label.
    mutating func scatterChart() {
        let actors = model.rankings.flatMap(\.actors).filter { $0.combined != nil }
        let left = 56, top = 16, size = 340
        let width = left + size + 150, height = top + size + 52
        var points: [(x: Int, y: Int, actors: [ReportModel.RankedActor])] = []
        for a in actors {
            let x = left * 10 + max(0, a.positive?.thousandths ?? 0) * size / 10_000
            let y = (top + size) * 10 - max(0, a.negative?.thousandths ?? 0) * size / 10_000
            if let index = points.firstIndex(where: { $0.x == x && $0.y == y }) { points[index].actors.append(a) } else { points.append((x, y, [a])) }
        }
        let label = "Scatter plot: positive score (across) against negative score (up) for each actor. "
            + actors.map { "\($0.name): positive \(ReportWording.number($0.positive)), negative \(ReportWording.number($0.negative))" }
                .joined(separator: "; ") + "."
        line("<figure>")
        line("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(h(label))\">")
        line("<title>Positive against negative score</title>")
        line("<rect x=\"\(left)\" y=\"\(top)\" width=\"\(size)\" height=\"\(size)\" fill=\"#f7fafc\" stroke=\"#cbd5e0\"/>")
        for tick in stride(from: 0, through: 100, by: 25) {
            let offset = tick * size / 100
            line("<line x1=\"\(left + offset)\" y1=\"\(top)\" x2=\"\(left + offset)\" y2=\"\(top + size)\" stroke=\"#e2e8f0\"/>")
            line("<line x1=\"\(left)\" y1=\"\(top + size - offset)\" x2=\"\(left + size)\" y2=\"\(top + size - offset)\" stroke=\"#e2e8f0\"/>")
            line("<text x=\"\(left + offset)\" y=\"\(top + size + 16)\" font-size=\"11\" text-anchor=\"middle\">\(tick)</text>")
            line("<text x=\"\(left - 6)\" y=\"\(top + size - offset + 4)\" font-size=\"11\" text-anchor=\"end\">\(tick)</text>")
        }
        // Where positive equals negative: combined 50.
        line("<line x1=\"\(left)\" y1=\"\(top + size)\" x2=\"\(left + size)\" y2=\"\(top)\" stroke=\"#4a5568\" stroke-dasharray=\"4 3\"/>")
        line("<text x=\"\(left + size / 2)\" y=\"\(top + size + 36)\" font-size=\"12\" text-anchor=\"middle\">positive score</text>")
        line("<text x=\"14\" y=\"\(top + size / 2)\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(top + size / 2))\">negative score</text>")
        // Every point, then labels: ranked actors and the most distinct points first, each beside its
        // point (right, left, above or below) where it overlaps no other label, inside the plot;
        // a point with no room keeps its tooltip and its entry in the description and the tables.
        for point in points {
            let color = HTMLReport.kindColors[point.actors[0].kind] ?? "#0072B2"
            let detail = point.actors.map { "\($0.name) (\($0.kind)): positive \(ReportWording.number($0.positive)), negative \(ReportWording.number($0.negative))" }
                .joined(separator: "; ")
            line("<circle cx=\"\(tenthsText(point.x))\" cy=\"\(tenthsText(point.y))\" r=\"5\" fill=\"\(color)\" fill-opacity=\"0.85\" stroke=\"#fff\"><title>\(h(detail))</title></circle>")
        }
        typealias Box = (x1: Int, y1: Int, x2: Int, y2: Int)
        // Points occupy room too (in tenths of a pixel).
        var placed: [Box] = points.map { ($0.x - 50, $0.y - 50, $0.x + 50, $0.y + 50) }
        let priority = points.sorted { a, b in
            let (ra, rb) = (a.actors.contains { $0.rank != nil }, b.actors.contains { $0.rank != nil })
            if ra != rb { return ra }
            let (da, db) = (abs(a.x - left * 10) + abs((top + size) * 10 - a.y), abs(b.x - left * 10) + abs((top + size) * 10 - b.y))
            return da != db ? da > db : a.actors[0].id < b.actors[0].id
        }
        var labels: [(x: Int, y: Int, anchor: String, text: String)] = []
        for point in priority {
            let names = TextLayout.truncate(point.actors.map(\.name).joined(separator: ", "), 26)
            let w = names.count * 62 + 20  // 11px text: about 6.2px a character
            let candidates: [(x: Int, y: Int, anchor: String, box: Box)] = [
                (point.x + 80, point.y + 40, "start", (point.x + 70, point.y - 70, point.x + 80 + w, point.y + 60)),
                (point.x - 80, point.y + 40, "end", (point.x - 80 - w, point.y - 70, point.x - 70, point.y + 60)),
                (point.x, point.y - 90, "middle", (point.x - w / 2, point.y - 200, point.x + w / 2, point.y - 60)),
                (point.x, point.y + 170, "middle", (point.x - w / 2, point.y + 60, point.x + w / 2, point.y + 200)),
            ]
            let inside = { (b: Box) in b.x1 >= left * 10 && b.x2 <= (left + size) * 10 && b.y1 >= top * 10 && b.y2 <= (top + size) * 10 }
            guard let spot = candidates.first(where: { c in
                inside(c.box) && !placed.contains { $0.x1 < c.box.x2 && c.box.x1 < $0.x2 && $0.y1 < c.box.y2 && c.box.y1 < $0.y2 }
            }) else { continue }
            placed.append(spot.box)
            labels.append((spot.x, spot.y, spot.anchor, names))
        }
        for label in labels.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            line("<text x=\"\(tenthsText(label.x))\" y=\"\(tenthsText(label.y))\" font-size=\"11\" text-anchor=\"\(label.anchor)\">\(h(label.text))</text>")
        }
        // Legend of kinds present.
        var y = top + 10
        for kind in model.rankings.map(\.kind) {
            line("<circle cx=\"\(left + size + 20)\" cy=\"\(y - 4)\" r=\"5\" fill=\"\(HTMLReport.kindColors[kind] ?? "#0072B2")\"/>")
            line("<text x=\"\(left + size + 30)\" y=\"\(y)\" font-size=\"12\">\(h(ReportModel.kindTitle(kind)))</text>")
            y += 18
        }
        line("</svg>")
        line("<figcaption>Positive (across) against negative (up) score. Above the dashed line the negative record outweighs "
             + "the positive one (combined below 50). An empty face is drawn at 0.</figcaption>")
        line("</figure>")
    }

    /// The combined score of the top actors over the as-published runs of each period.
    mutating func trendChart() {
        let trend = model.trend
        let left = 44, top = 16, plotWidth = 420, plotHeight = 220
        let width = left + plotWidth + 24, height = top + plotHeight + 40 + 18 * max(1, trend.series.count)
        let n = trend.periods.count
        let inset = 24  // the first and last period clear of the axis labels
        func x(_ index: Int) -> Int {
            n <= 1 ? (left + plotWidth / 2) * 10 : (left + inset) * 10 + index * (plotWidth - 2 * inset) * 10 / (n - 1)
        }
        func y(_ value: ReportNumber) -> Int { (top + plotHeight) * 10 - min(100_000, max(0, value.thousandths)) * plotHeight / 10_000 }
        let label = "Line chart: combined score over the periods \(trend.periods.joined(separator: ", ")). "
            + trend.series.map { s in
                "\(s.name): " + zip(trend.periods, s.combined).map { "\($0) \($1?.text ?? "no score")" }.joined(separator: ", ")
            }.joined(separator: "; ") + "."
        line("<figure>")
        line("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(h(label))\">")
        line("<title>Combined score over time</title>")
        for tick in stride(from: 0, through: 100, by: 25) {
            let ty = top + plotHeight - tick * plotHeight / 100
            line("<line x1=\"\(left)\" y1=\"\(ty)\" x2=\"\(left + plotWidth)\" y2=\"\(ty)\" stroke=\"\(tick == 50 ? "#4a5568" : "#e2e8f0")\"\(tick == 50 ? " stroke-dasharray=\"4 3\"" : "")/>")
            line("<text x=\"\(left - 6)\" y=\"\(ty + 4)\" font-size=\"11\" text-anchor=\"end\">\(tick)</text>")
        }
        // Period labels need about 50px of room: every k-th period, and the last when it has room.
        let spacing = max(1, n <= 1 ? plotWidth : (plotWidth - 2 * inset) / (n - 1))
        let every = max(1, (50 + spacing - 1) / spacing)
        var labelled = trend.periods.indices.filter { $0 % every == 0 }
        if let last = labelled.last, last != n - 1 {
            if (n - 1 - last) * spacing < 50 { labelled.removeLast() }
            labelled.append(n - 1)
        }
        for index in labelled {
            line("<text x=\"\(tenthsText(x(index)))\" y=\"\(top + plotHeight + 16)\" font-size=\"11\" text-anchor=\"middle\">\(h(trend.periods[index]))</text>")
        }
        for (number, s) in trend.series.enumerated() {
            let color = HTMLReport.seriesColors[number % HTMLReport.seriesColors.count]
            // A gap where the actor had no score: separate segments.
            var segment: [String] = []
            var segments: [[String]] = []
            for (index, value) in s.combined.enumerated() {
                if let value { segment.append("\(tenthsText(x(index))),\(tenthsText(y(value)))") } else if !segment.isEmpty {
                    segments.append(segment)
                    segment = []
                }
            }
            if !segment.isEmpty { segments.append(segment) }
            line("<g><title>\(h(s.name))</title>")
            for points in segments where points.count > 1 {
                line("<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2.5\"/>")
            }
            for (index, value) in s.combined.enumerated() {
                guard let value else { continue }
                line("<circle cx=\"\(tenthsText(x(index)))\" cy=\"\(tenthsText(y(value)))\" r=\"4\" fill=\"\(color)\"><title>\(h(s.name)), \(h(trend.periods[index])): \(h(value.text))</title></circle>")
            }
            line("</g>")
            let ly = top + plotHeight + 38 + number * 18
            line("<rect x=\"\(left)\" y=\"\(ly - 9)\" width=\"14\" height=\"4\" fill=\"\(color)\"/>")
            line("<text x=\"\(left + 20)\" y=\"\(ly - 3)\" font-size=\"12\">\(h(TextLayout.truncate(s.name, 48)))</text>")
        }
        if trend.series.isEmpty {
            line("<text x=\"\(left + plotWidth / 2)\" y=\"\(top + plotHeight / 2)\" font-size=\"12\" text-anchor=\"middle\">No actor has a combined score.</text>")
        }
        line("</svg>")
        line("<figcaption>Combined score of \(model.run.actorFilter == nil ? "the top \(ReportWording.plural(trend.series.count, "actor"))" : "the actor") "
             + "in the as-published run of each period under methodology version \(h(model.methodology.version)).</figcaption>")
        line("</figure>")
    }

    // MARK: Tables

    mutating func rankings() {
        line("<section id=\"rankings\" aria-labelledby=\"rankings-heading\">")
        line("<h2 id=\"rankings-heading\">Rankings</h2>")
        var legend = "Scores run from 0 to 100; combined = (100 + positive − negative) / 2."
        if let s = model.run.sensitivity {
            legend += " <em>Rank 5–95%</em> is the interval of ranks when the weights are perturbed (\(s.samples) samples, seed \(s.seed))."
        }
        if let p = model.run.previousPeriod {
            legend += " <em>Change</em> is the part of the combined score&#39;s change since \(h(p)) that is the actor&#39;s own conduct in "
                + "the period, and its cause the record of new conduct that moved it most; the rest (older evidence weighing less, "
                + "records of \(h(p)) known differently now) is in each actor&#39;s section, never shown as a move."
                + " A face without conduct on record shows – (no evidence); with no conduct at all there is no combined score and no grade."
        } else {
            legend += " There is no previous period under this methodology version, so no change is shown."
        }
        line("<p>\(legend)</p>")
        for ranking in model.rankings {
            let ranked = ranking.actors.first?.rankedInKind ?? 0
            let statusNames = ranking.actors.first { !$0.status.isEmpty }?.status.map(\.instrumentName) ?? []
            line("<table>")
            line("<caption>\(h(ReportModel.kindTitle(ranking.kind))): \(ranked) of \(ReportWording.plural(ranking.actors.count, "actor")) ranked by combined score</caption>")
            line("<thead><tr><th scope=\"col\" class=\"num\">Rank</th><th scope=\"col\">Actor</th><th scope=\"col\" class=\"num\">Positive</th>"
                 + "<th scope=\"col\" class=\"num\">Negative</th><th scope=\"col\" class=\"num\">Combined</th><th scope=\"col\"><span class=\"visually-hidden\">Combined score bar</span></th>"
                 + "<th scope=\"col\">Grade</th><th scope=\"col\" class=\"num\">Rank 5–95%</th><th scope=\"col\" class=\"num\">Change</th>"
                 + "<th scope=\"col\">Cause of the change</th>"
                 + statusNames.map { "<th scope=\"col\">\(h($0))</th>" }.joined() + "</tr></thead>")
            line("<tbody>")
            for a in ranking.actors where a.groupID == nil {
                let members = a.members.isEmpty ? "" : " <span class=\"id\">(group of \(a.members.map { h($0.name) }.joined(separator: ", ")))</span>"
                let status = a.status.map { "<td>\(h(ReportWording.statusCell($0)))</td>" }.joined()
                line("<tr><td class=\"num\">\(ReportWording.rank(a))</td><th scope=\"row\">\(actorLink(a.id, a.name))\(members)</th>"
                     + "<td class=\"num\">\(h(ReportWording.number(a.positive)))</td><td class=\"num\">\(h(ReportWording.number(a.negative)))</td>"
                     + "<td class=\"num\">\(h(ReportWording.number(a.combined)))</td><td class=\"bar\">\(miniBar(a.combined))</td>"
                     + gradeCell(a) + "<td class=\"num\">\(h(ReportWording.interval(a)))</td>" + changeCell(a)
                     + "<td class=\"cause\">\(a.change.cause.map { h(ReportWording.cause($0, short: true)) } ?? "")</td>\(status)</tr>")
            }
            line("</tbody>")
            line("</table>")
        }
        line("</section>")
    }

    /// Every restatement of an earlier edition recorded since the previous edition was published.
    mutating func restatements() {
        line("<section id=\"restatements\" aria-labelledby=\"restatements-heading\">")
        line("<h2 id=\"restatements-heading\">Restatements since the previous edition</h2>")
        if model.edition.restatements.isEmpty {
            line("<p>None: no published figure is known differently now.</p>")
        } else {
            line("<ul>")
            for r in model.edition.restatements { line("<li>\(h(r.actorName)) (\(h(r.actorID))), \(h(ReportWording.restatement(r)))</li>") }
            line("</ul>")
        }
        line("</section>")
    }

    mutating func section(_ d: ReportModel.ActorDetail) {
        guard let a = model.ranked(d.id) else { return }
        let anchor = h(Escaping.anchor(d.id))
        line("<article class=\"actor\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-heading\">")
        line("<h3 id=\"\(anchor)-heading\">\(h(d.name)) <span class=\"id\">(\(h(d.id)), \(h(d.kind)))</span></h3>")
        var standing: [String] = []
        if let rank = a.rank { standing.append("Rank \(rank) of \(a.rankedInKind)") }
        standing.append(a.grade.map { "grade <span class=\"grade\">\(h($0))</span>" } ?? "<span class=\"state\">\(h(ReportWording.grade(a)))</span>")
        standing.append("\(ReportWording.plural(a.events, "conduct event")) (\(ReportWording.plural(a.evidenceRecords, "public evidence record"))) behind the scores")
        if !a.status.isEmpty { standing.append(h(ReportWording.status(a))) }
        if !a.members.isEmpty { standing.append("group of " + a.members.map { h($0.name) }.joined(separator: ", ")) }
        line("<p>\(standing.joined(separator: " · "))</p>")
        line("<table class=\"compact\">")
        line("<caption>Scores of \(h(d.name))</caption>")
        line("<thead><tr><th scope=\"col\">Score</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\"><span class=\"visually-hidden\">Bar</span></th></tr></thead>")
        line("<tbody>")
        for (label, value) in [("Positive", a.positive), ("Negative", a.negative), ("Combined", a.combined)] {
            let shown = label == "Combined" ? ReportWording.number(value) : ReportWording.face(value)
            line("<tr><th scope=\"row\">\(label)</th><td class=\"num\">\(h(shown))</td><td class=\"bar\">\(miniBar(value))</td></tr>")
        }
        line("</tbody>")
        line("</table>")
        if a.change.change != nil, let previous = model.run.previousPeriod {
            let cls = a.change.direction == .up ? "up" : a.change.direction == .down ? "down" : "same"
            var text = "Change: <span class=\"\(cls)\">\(h(ReportWording.changeSince(a, previous)))</span>"
            if let cause = a.change.cause { text += "; cause: \(h(ReportWording.cause(cause)))" }
            line("<p>\(text).</p>")
        }
        if let previous = model.edition.previous, let since = ReportWording.sinceEdition(a, previous) {
            line("<p>\(h(since.capitalizedFirst)) as published (the change above is like for like, both periods on today&#39;s data).</p>")
        }
        if let i = a.rankInterval {
            line("<p>Rank interval \(i.p05)–\(i.p95) (median \(h(i.median.text))); the grade differs in a share of \(h(i.gradeChangeShare.text)) of samples.</p>")
        }

        line("<h4>Commitments in force at \(h(model.run.periodEnd))</h4>")
        if d.commitments.isEmpty { line("<p>None.</p>") } else {
            line("<ul class=\"records\">")
            for c in d.commitments {
                line("<li>\(h(c.id)): \(h(ReportWording.commitment(c))). <span class=\"meta\">Source: \(link(c.source.publisher, c.source.url))</span></li>")
            }
            line("</ul>")
        }

        line("<table>")
        line("<caption>Indicators of \(h(d.name))</caption>")
        line("<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Indicator</th><th scope=\"col\">Polarity</th><th scope=\"col\">Pillar</th>"
             + "<th scope=\"col\">Kind</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">Behind it</th></tr></thead>")
        line("<tbody>")
        for i in d.indicators {
            let value = i.state == "scored" ? "<td class=\"num\">\(h(ReportWording.value(i)))</td>" : "<td class=\"num state\">\(h(i.state))</td>"
            line("<tr><th scope=\"row\">\(h(i.code))</th><td>\(h(i.name))</td><td>\(h(i.polarity))</td><td>\(h(i.pillar))</td><td>\(h(i.kind))</td>"
                 + value + "<td>\(h(ReportWording.records(i)))</td></tr>")
        }
        line("</tbody>")
        line("</table>")

        line("<h4>Public evidence cited</h4>")
        if d.evidence.isEmpty { line("<p>None.</p>") } else {
            line("<ul class=\"records\">")
            for e in d.evidence {
                var item = "<li><strong>\(h(e.occurredOn))</strong> <span class=\"mono\">\(h(e.id))</span>"
                    + (e.role == "counterpart" ? " (as counterpart)" : "") + ": \(h(e.summary))"
                item += "<br><span class=\"meta\">\(h(e.typeName)); \(h(e.certainty)); severity \(e.severity); published \(h(e.publishedOn)); "
                    + "counts towards \(h(ReportWording.contributions(e)))" + (ReportWording.event(e).map { "; " + h($0) } ?? "")
                if !e.sources.isEmpty {
                    item += ". Sources: " + e.sources.map { "\(link($0.publisher, $0.url)) (reliability \(h($0.reliability)))" }.joined(separator: ", ")
                }
                line(item + "</span></li>")
            }
            line("</ul>")
        }

        line("<h4>Breaches</h4>")
        if d.breaches.isEmpty { line("<p>None.</p>") } else {
            line("<ul class=\"records\">")
            for b in d.breaches {
                line("<li>\(h(b.indicator)): <span class=\"mono\">\(h(b.evidenceID))</span>, \(h(b.points.text)) points: \(h(b.summary))</li>")
            }
            line("</ul>")
        }

        line("<h4>Responses (right of reply)</h4>")
        if d.responses.isEmpty { line("<p>None.</p>") } else {
            line("<ul class=\"records\">")
            for r in d.responses {
                line("<li><strong>\(h(r.respondedOn))</strong> \(h(r.id)), to <span class=\"mono\">\(h(r.evidenceID))</span>: \(h(r.summary)) "
                     + "<span class=\"meta\">Source: \(link(r.source.publisher, r.source.url))</span></li>")
            }
            line("</ul>")
        }

        line("<h4>Restatements</h4>")
        if d.restatements.isEmpty { line("<p>None.</p>") } else {
            line("<ul class=\"records\">")
            for r in d.restatements { line("<li>\(h(ReportWording.restatement(r)))</li>") }
            line("</ul>")
        }
        line("</article>")
    }

    mutating func coverage() {
        let c = model.coverage
        line("<section id=\"coverage\" aria-labelledby=\"coverage-heading\">")
        line("<h2 id=\"coverage-heading\">Coverage</h2>")
        line("<h3>Actors with no public evidence on record by \(h(model.run.knowledgeCutoff))</h3>")
        if c.actorsWithoutEvidence.isEmpty { line("<p>None.</p>") } else {
            line("<ul>")
            for a in c.actorsWithoutEvidence { line("<li>\(actorLink(a.id, a.name)) <span class=\"muted\">(\(h(a.id)), \(h(a.kind)))</span></li>") }
            line("</ul>")
        }
        line("<h3>Indicators with thin evidence</h3>")
        if c.thinIndicators.isEmpty { line("<p>None: every evidence indicator is scored for at least \(c.threshold) actors.</p>") } else {
            line("<table>")
            line("<caption>Indicators scored for fewer than \(c.threshold) actors</caption>")
            line("<thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Indicator</th><th scope=\"col\" class=\"num\">Scored for</th>"
                 + "<th scope=\"col\" class=\"num\">Applicable to</th></tr></thead>")
            line("<tbody>")
            for i in c.thinIndicators {
                line("<tr><th scope=\"row\">\(h(i.code))</th><td>\(h(i.name))</td><td class=\"num\">\(i.scoredActors)</td><td class=\"num\">\(i.applicableActors)</td></tr>")
            }
            line("</tbody>")
            line("</table>")
        }
        line("</section>")
    }

    mutating func methodology() {
        let m = model.methodology
        line("<section id=\"methodology\" aria-labelledby=\"methodology-heading\">")
        line("<h2 id=\"methodology-heading\">Methodology</h2>")
        line("<p>\(h(m.title)) (\(h(m.id)), version \(h(m.version))), published by \(h(m.periodKind)).</p>")
        if let description = m.description, !description.isEmpty { line("<p>\(h(description))</p>") }
        for sentence in ReportWording.methodSentences(m) { line("<p>\(h(sentence))</p>") }
        line("<p>The full method, with every formula: <a href=\"../\(h(m.document))\">\(h(m.document))</a>.</p>")
        line("</section>")
    }
}
