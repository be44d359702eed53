/// The charts of an edition, as inline SVG: no script, no external file. Each is an `svg` with
/// `role="img"`, a `<title>` and a `<desc>` (its text alternative, which names every value), inside a
/// `figure`. The same input gives the same bytes: geometry is integer tenths of a pixel printed with
/// one decimal (`tenthsText`), values are printed with one decimal.
///
/// What has no value is never drawn as a value: a face with no evidence is no bar and a visible mark,
/// a scatter point missing a face sits in a strip beside the plot, and a history line breaks where a
/// period has no score. Series and faces differ by pattern, shape or side as well as by colour
/// (`Palette`, whose contrast a test checks).
///
/// Inputs are plain values that the renderers map their model to; `href`s are edition-relative
/// links the caller has made (`EditionLayout.link`).
public enum Charts {
    // MARK: Inputs

    /// One row of the faces chart: an actor (or a pillar of one actor's card).
    public struct FacesRow: Sendable, Equatable {
        public let label: String
        public let href: String?
        /// 0–100, or nil for no evidence (never 0).
        public let positive, negative: Double?

        public init(label: String, href: String? = nil, positive: Double?, negative: Double?) {
            self.label = label
            self.href = href
            self.positive = positive
            self.negative = negative
        }
    }

    public struct ScatterPoint: Sendable, Equatable {
        public let label: String
        public let href: String?
        public let positive, negative: Double?
        /// Index into the chart's `categories` (an actor kind): its colour and marker shape.
        public let category: Int

        public init(label: String, href: String? = nil, positive: Double?, negative: Double?, category: Int = 0) {
            self.label = label
            self.href = href
            self.positive = positive
            self.negative = negative
            self.category = category
        }
    }

    public struct HistorySeries: Sendable, Equatable {
        public let label: String
        public let href: String?
        /// One per period of the chart; nil where there is no score.
        public let values: [Double?]

        public init(label: String, href: String? = nil, values: [Double?]) {
            self.label = label
            self.href = href
            self.values = values
        }
    }

    // MARK: Faces

    /// Names end at x = 192 (right-aligned), in 12px text of about 7px a character on average: at 30
    /// characters "Holding entity owned by Omri …" began 4px left of the chart and was cut off
    /// (scripts/check-page now measures every chart's text).
    static let facesLabelCharacters = 26

    /// Per row, the negative face as a hatched bar to the left of an axis and the positive face as a
    /// solid bar to the right, each with its value; a face with no evidence is a hollow diamond on
    /// the axis and the words "no evidence".
    public static func faces(_ rows: [FacesRow], id: String, messages m: Messages, title: String? = nil) -> String {
        let id = chartID(id)
        let nameEnd = 192, negativeValueEnd = 280, axis = 454, half = 170, positiveValueStart = 630
        let width = 724, top = 40, rowHeight = 22
        let height = top + rowHeight * rows.count + 28
        let chartTitle = title ?? m.chartFacesTitle
        let description = m.chartFacesDescription(count: rows.count) + " "
            + rows.map { m.chartFacesRow($0.label, positive: valueText($0.positive, m), negative: valueText($0.negative, m)) }
                .joined(separator: "; ") + "."
        var out = openChart(id: id, width: width, height: height, title: chartTitle, description: description)
        out += "<defs><pattern id=\"\(id)-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"\(Palette.negative)\"/><rect width=\"2\" height=\"6\" fill=\"\(Palette.paper)\"/></pattern></defs>\n"
        // Key: which side is which face.
        out += "<rect x=\"\(axis - 86)\" y=\"8\" width=\"12\" height=\"12\" fill=\"url(#\(id)-hatch)\" stroke=\"\(Palette.negative)\"/>"
            + "<text x=\"\(axis - 8)\" y=\"18\" font-size=\"12\" text-anchor=\"end\" fill=\"\(Palette.ink)\">\(h(m.chartNegative))</text>\n"
        out += "<rect x=\"\(axis + 8)\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(Palette.positive)\"/>"
            + "<text x=\"\(axis + 26)\" y=\"18\" font-size=\"12\" fill=\"\(Palette.ink)\">\(h(m.chartPositive))</text>\n"
        // Scale: 0 at the axis, 50 and 100 on each side.
        let bottom = top + rowHeight * rows.count
        for tick in [50, 100] {
            for x in [axis - tick * half / 100, axis + tick * half / 100] {
                out += "<line x1=\"\(x)\" y1=\"\(top - 4)\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"\(Palette.grid)\"/>"
                out += "<text x=\"\(x)\" y=\"\(bottom + 16)\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(Palette.muted)\">\(tick)</text>\n"
            }
        }
        out += "<text x=\"\(axis)\" y=\"\(bottom + 16)\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(Palette.muted)\">0</text>\n"
        for (index, row) in rows.enumerated() {
            let y = top + index * rowHeight
            out += "<g><title>\(h(m.chartFacesRow(row.label, positive: valueText(row.positive, m), negative: valueText(row.negative, m))))</title>\n"
            let name = "<text x=\"\(nameEnd)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\" fill=\"\(Palette.ink)\">\(h(TextLayout.truncate(row.label, facesLabelCharacters)))</text>"
            out += linked(row.href, name) + "\n"
            if let negative = row.negative {
                let w = scaled(negative, half)
                out += "<rect x=\"\(tenthsText(axis * 10 - w))\" y=\"\(y + 4)\" width=\"\(tenthsText(w))\" height=\"14\" fill=\"url(#\(id)-hatch)\" stroke=\"\(Palette.negative)\"/>"
                out += "<text x=\"\(negativeValueEnd)\" y=\"\(y + 15)\" font-size=\"12\" text-anchor=\"end\" fill=\"\(Palette.ink)\">\(valueText(negative))</text>\n"
            } else {
                out += noEvidenceMark(x: axis - 9, y: y + 11)
                out += "<text x=\"\(negativeValueEnd)\" y=\"\(y + 15)\" font-size=\"11\" font-style=\"italic\" text-anchor=\"end\" fill=\"\(Palette.muted)\">\(h(m.chartNoEvidence))</text>\n"
            }
            if let positive = row.positive {
                let w = scaled(positive, half)
                out += "<rect x=\"\(axis)\" y=\"\(y + 4)\" width=\"\(tenthsText(w))\" height=\"14\" fill=\"\(Palette.positive)\"/>"
                out += "<text x=\"\(positiveValueStart)\" y=\"\(y + 15)\" font-size=\"12\" fill=\"\(Palette.ink)\">\(valueText(positive))</text>\n"
            } else {
                out += noEvidenceMark(x: axis + 9, y: y + 11)
                out += "<text x=\"\(positiveValueStart)\" y=\"\(y + 15)\" font-size=\"11\" font-style=\"italic\" fill=\"\(Palette.muted)\">\(h(m.chartNoEvidence))</text>\n"
            }
            out += "</g>\n"
        }
        out += "<line x1=\"\(axis)\" y1=\"\(top - 4)\" x2=\"\(axis)\" y2=\"\(bottom)\" stroke=\"\(Palette.ink)\" stroke-width=\"1.5\"/>\n"
        return out + closeChart()
    }

    /// The mark of a face with nothing on record: a hollow diamond, visibly not a bar of 0.
    static func noEvidenceMark(x: Int, y: Int) -> String {
        "<path class=\"no-evidence\" d=\"M\(x) \(y - 5)L\(x + 5) \(y)L\(x) \(y + 5)L\(x - 5) \(y)Z\" fill=\"\(Palette.paper)\" stroke=\"\(Palette.muted)\" stroke-width=\"1.5\"/>"
    }

    // MARK: Scatter

    /// Negative (up) against positive (across), 0–100 each. Points are small and each links to its
    /// card; a label is placed only where it fits (`placeLabels`). A point with no evidence for one
    /// face is drawn hollow in a strip beside that axis; with neither, it is not drawn (the text says how many).
    public static func scatter(_ points: [ScatterPoint], categories: [String], id: String, messages m: Messages,
                               title: String? = nil) -> String {
        let id = chartID(id)
        let plot = Box(x1: 700, y1: 160, x2: 5500, y2: 4960)  // tenths of a pixel
        let leftStrip = 520, bottomStrip = 5100  // centres of the no-evidence strips
        let width = 566
        let legendRows = categories.isEmpty ? 0 : 1
        let height = 570 + legendRows * 24
        func x(_ value: Double) -> Int { plot.x1 + scaled(value, (plot.x2 - plot.x1) / 10) }
        func y(_ value: Double) -> Int { plot.y2 - scaled(value, (plot.y2 - plot.y1) / 10) }

        struct Placed { let point: ScatterPoint; let x, y: Int; let hollow: Bool }
        let placed: [Placed] = points.compactMap { point in
            switch (point.positive, point.negative) {
            case (let p?, let n?): return Placed(point: point, x: x(p), y: y(n), hollow: false)
            case (nil, let n?): return Placed(point: point, x: leftStrip, y: y(n), hollow: true)
            case (let p?, nil): return Placed(point: point, x: x(p), y: bottomStrip, hollow: true)
            case (nil, nil): return nil
            }
        }
        let labels = placeLabels(placed.map { (x: $0.x, y: $0.y, text: TextLayout.truncate($0.point.label, 24)) }, inside: plot)
        let description = m.chartScatterDescription(count: points.count, labelled: labels.count, unplotted: points.count - placed.count) + " "
            + points.map { m.chartScatterPoint($0.label, positive: valueText($0.positive, m), negative: valueText($0.negative, m)) }
                .joined(separator: "; ") + "."
        var out = openChart(id: id, width: width, height: height, title: title ?? m.chartScatterTitle, description: description)
        // The plot, its grid and the no-evidence strips.
        out += "<rect x=\"\(tenthsText(plot.x1))\" y=\"\(tenthsText(plot.y1))\" width=\"\(tenthsText(plot.x2 - plot.x1))\" height=\"\(tenthsText(plot.y2 - plot.y1))\" fill=\"\(Palette.band)\" stroke=\"\(Palette.rule)\"/>\n"
        out += "<rect x=\"44\" y=\"\(tenthsText(plot.y1))\" width=\"16\" height=\"\(tenthsText(plot.y2 - plot.y1))\" fill=\"\(Palette.band)\"><title>\(h(m.chartNoEvidence)): \(h(m.chartPositiveScore))</title></rect>\n"
        out += "<rect x=\"\(tenthsText(plot.x1))\" y=\"502\" width=\"\(tenthsText(plot.x2 - plot.x1))\" height=\"16\" fill=\"\(Palette.band)\"><title>\(h(m.chartNoEvidence)): \(h(m.chartNegativeScore))</title></rect>\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            let tx = x(Double(tick)), ty = y(Double(tick))
            out += "<line x1=\"\(tenthsText(tx))\" y1=\"\(tenthsText(plot.y1))\" x2=\"\(tenthsText(tx))\" y2=\"\(tenthsText(plot.y2))\" stroke=\"\(Palette.grid)\"/>"
            out += "<line x1=\"\(tenthsText(plot.x1))\" y1=\"\(tenthsText(ty))\" x2=\"\(tenthsText(plot.x2))\" y2=\"\(tenthsText(ty))\" stroke=\"\(Palette.grid)\"/>"
            out += "<text x=\"\(tenthsText(tx))\" y=\"534\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(Palette.ink)\">\(tick)</text>"
            out += "<text x=\"40\" y=\"\(tenthsText(ty + 40))\" font-size=\"11\" text-anchor=\"end\" fill=\"\(Palette.ink)\">\(tick)</text>\n"
        }
        // Where the faces balance (combined 50): above it the negative record outweighs the positive.
        out += "<line x1=\"\(tenthsText(plot.x1))\" y1=\"\(tenthsText(plot.y2))\" x2=\"\(tenthsText(plot.x2))\" y2=\"\(tenthsText(plot.y1))\" stroke=\"\(Palette.muted)\" stroke-dasharray=\"5 4\"/>\n"
        out += "<text x=\"\(tenthsText(plot.x2))\" y=\"514\" font-size=\"10\" font-style=\"italic\" text-anchor=\"end\" fill=\"\(Palette.muted)\">\(h(m.chartNoEvidence))</text>\n"
        out += "<text x=\"56\" y=\"\(tenthsText(plot.y1 + 40))\" font-size=\"10\" font-style=\"italic\" text-anchor=\"end\" transform=\"rotate(-90 56 \(tenthsText(plot.y1 + 40)))\" fill=\"\(Palette.muted)\">\(h(m.chartNoEvidence))</text>\n"
        out += "<text x=\"\(tenthsText((plot.x1 + plot.x2) / 2))\" y=\"554\" font-size=\"12\" text-anchor=\"middle\" fill=\"\(Palette.ink)\">\(h(m.chartPositiveScore)) →</text>\n"
        let middle = tenthsText((plot.y1 + plot.y2) / 2)
        out += "<text x=\"14\" y=\"\(middle)\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(middle))\" fill=\"\(Palette.ink)\">\(h(m.chartNegativeScore)) →</text>\n"
        // Points, each a link to its card named by its title.
        for p in placed {
            let name = "<title>\(h(m.chartScatterPoint(p.point.label, positive: valueText(p.point.positive, m), negative: valueText(p.point.negative, m))))</title>"
            let mark = marker(p.point.category, x: p.x, y: p.y, radius: 30, hollow: p.hollow)
            if let href = p.point.href {
                out += "<a href=\"\(h(href))\">\(name)\(mark)</a>\n"
            } else {
                out += "<g>\(name)\(mark)</g>\n"
            }
        }
        for label in labels {
            out += "<text class=\"point-label\" x=\"\(tenthsText(label.x))\" y=\"\(tenthsText(label.y))\" font-size=\"10\" text-anchor=\"\(label.anchor)\" fill=\"\(Palette.ink)\">\(h(label.text))</text>\n"
        }
        // Legend: the categories' shapes and colours.
        if !categories.isEmpty {
            var lx = 700
            for (index, category) in categories.enumerated() {
                out += marker(index, x: lx + 40, y: 5760, radius: 45, hollow: false)
                out += "<text x=\"\(tenthsText(lx + 120))\" y=\"580\" font-size=\"12\" fill=\"\(Palette.ink)\">\(h(category))</text>\n"
                lx += 160 + category.count * 70
            }
        }
        return out + closeChart()
    }

    /// A box in tenths of a pixel.
    struct Box: Equatable {
        let x1, y1, x2, y2: Int
        func overlaps(_ other: Box) -> Bool { x1 < other.x2 && other.x1 < x2 && y1 < other.y2 && other.y1 < y2 }
        func within(_ other: Box) -> Bool { x1 >= other.x1 && x2 <= other.x2 && y1 >= other.y1 && y2 <= other.y2 }
    }

    struct PlacedLabel: Equatable { let x, y: Int; let anchor, text: String }

    /// Greedy and deterministic: in the order given, each label tries the right of its point, then
    /// the left, above and below, and takes the first position that stays inside `plot` and
    /// overlaps no earlier label and no point; where none does, or the point lies on one already
    /// labelled, the point goes unlabelled (its title and the text alternative still name it). 10px text is taken as 5.6px a character.
    static func placeLabels(_ points: [(x: Int, y: Int, text: String)], inside plot: Box) -> [PlacedLabel] {
        let pointBoxes = points.map { Box(x1: $0.x - 35, y1: $0.y - 35, x2: $0.x + 35, y2: $0.y + 35) }
        var taken: [Box] = []
        var labels: [PlacedLabel] = []
        var labelled: [(x: Int, y: Int)] = []
        for point in points {
            // A point on top of one already labelled: a second label there could belong to either.
            if labelled.contains(where: { abs($0.x - point.x) <= 30 && abs($0.y - point.y) <= 30 }) { continue }
            let w = point.text.count * 56 + 20
            let candidates: [(PlacedLabel, Box)] = [
                (PlacedLabel(x: point.x + 50, y: point.y + 35, anchor: "start", text: point.text),
                 Box(x1: point.x + 45, y1: point.y - 55, x2: point.x + 45 + w, y2: point.y + 55)),
                (PlacedLabel(x: point.x - 50, y: point.y + 35, anchor: "end", text: point.text),
                 Box(x1: point.x - 45 - w, y1: point.y - 55, x2: point.x - 45, y2: point.y + 55)),
                (PlacedLabel(x: point.x, y: point.y - 60, anchor: "middle", text: point.text),
                 Box(x1: point.x - w / 2, y1: point.y - 150, x2: point.x + w / 2, y2: point.y - 40)),
                (PlacedLabel(x: point.x, y: point.y + 130, anchor: "middle", text: point.text),
                 Box(x1: point.x - w / 2, y1: point.y + 40, x2: point.x + w / 2, y2: point.y + 150)),
            ]
            guard let candidate = candidates.first(where: { candidate in
                let box = candidate.1
                return box.within(plot) && !taken.contains { $0.overlaps(box) } && !pointBoxes.contains { $0.overlaps(box) }
            }) else { continue }
            let (label, box) = candidate
            taken.append(box)
            labels.append(label)
            labelled.append((point.x, point.y))
        }
        return labels
    }

    // MARK: History

    /// One line per series over the periods; the line breaks where a value is nil, and every value
    /// is marked, so that a value with no neighbour shows as a dot. Series differ by colour, dash
    /// pattern and marker shape.
    public static func history(periods: [String], series: [HistorySeries], id: String, messages m: Messages,
                               title: String? = nil) -> String {
        let id = chartID(id)
        let left = 44, top = 14, plotWidth = 520, plotHeight = 200, inset = 16
        let width = left + plotWidth + 16
        let legendTop = top + plotHeight + 40
        let height = legendTop + 20 * max(1, series.count)
        let n = periods.count
        func x(_ index: Int) -> Int {
            n <= 1 ? (left + plotWidth / 2) * 10 : (left + inset) * 10 + index * (plotWidth - 2 * inset) * 10 / (n - 1)
        }
        func y(_ value: Double) -> Int { (top + plotHeight) * 10 - scaled(value, plotHeight) }
        let description = m.chartHistoryDescription(periods: periods, series: series.count) + " "
            + series.map { s in
                m.chartHistorySeries(s.label, values: periods.indices.map { i in
                    "\(periods[i]) \((i < s.values.count ? s.values[i] : nil).map { valueText($0) } ?? m.chartNoScore)"
                })
            }.joined(separator: "; ") + "."
        var out = openChart(id: id, width: width, height: height, title: title ?? m.chartHistoryTitle, description: description)
        out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotWidth)\" height=\"\(plotHeight)\" fill=\"\(Palette.band)\"/>\n"
        for tick in stride(from: 0, through: 100, by: 25) {
            let ty = y(Double(tick))
            out += "<line x1=\"\(left)\" y1=\"\(tenthsText(ty))\" x2=\"\(left + plotWidth)\" y2=\"\(tenthsText(ty))\" stroke=\"\(tick == 50 ? Palette.rule : Palette.grid)\"/>"
            out += "<text x=\"\(left - 6)\" y=\"\(tenthsText(ty + 40))\" font-size=\"11\" text-anchor=\"end\" fill=\"\(Palette.ink)\">\(tick)</text>\n"
        }
        // Period labels, thinned so that they do not run into each other (about 7px a character).
        let longest = periods.map(\.count).max() ?? 0
        let room = n <= 1 ? plotWidth : (plotWidth - 2 * inset) / (n - 1)
        let step = max(1, (longest * 7 + 8 + room - 1) / max(1, room))
        for index in stride(from: 0, to: n, by: step) {
            out += "<text x=\"\(tenthsText(x(index)))\" y=\"\(top + plotHeight + 18)\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(Palette.ink)\">\(h(periods[index]))</text>\n"
        }
        for (number, s) in series.enumerated() {
            let colour = Palette.series[number % Palette.series.count]
            let dash = dashes[number % dashes.count]
            out += "<g><title>\(h(s.label))</title>\n"
            for segment in segments(s.values, count: n) where segment.count > 1 {
                let points = segment.map { "\(tenthsText(x($0.index))),\(tenthsText(y($0.value)))" }.joined(separator: " ")
                out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>\n"
            }
            for segment in segments(s.values, count: n) {
                for point in segment {
                    out += marker(number, x: x(point.index), y: y(point.value), radius: segment.count == 1 ? 40 : 28, hollow: false)
                }
            }
            out += "\n</g>\n"
            // Legend: a stretch of the line with its marker, and the name.
            let ly = legendTop + number * 20
            out += "<line x1=\"\(left)\" y1=\"\(ly - 4)\" x2=\"\(left + 28)\" y2=\"\(ly - 4)\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
            out += marker(number, x: (left + 14) * 10, y: (ly - 4) * 10, radius: 30, hollow: false)
            let name = "<text x=\"\(left + 36)\" y=\"\(ly)\" font-size=\"12\" fill=\"\(Palette.ink)\">\(h(TextLayout.truncate(s.label, 60)))</text>"
            out += linked(s.href, name) + "\n"
        }
        return out + closeChart()
    }

    /// The runs of consecutive values that are not nil, with their period indices.
    static func segments(_ values: [Double?], count: Int) -> [[(index: Int, value: Double)]] {
        var result: [[(index: Int, value: Double)]] = []
        var current: [(index: Int, value: Double)] = []
        for index in 0..<count {
            if index < values.count, let value = values[index] {
                current.append((index, value))
            } else if !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static let dashes = ["", "7 4", "2 3", "9 3 2 3"]

    // MARK: Shared pieces

    static func openChart(id: String, width: Int, height: Int, title: String, description: String) -> String {
        "<figure class=\"chart\" id=\"\(id)\">\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
            + "<title id=\"\(id)-title\">\(h(title))</title>\n<desc id=\"\(id)-desc\">\(h(description))</desc>\n"
    }

    static func closeChart() -> String { "</svg>\n</figure>\n" }

    /// A category's marker at (x, y) in tenths, of `radius` tenths: circle, square, triangle, diamond.
    static func marker(_ category: Int, x: Int, y: Int, radius r: Int, hollow: Bool) -> String {
        let colour = Palette.series[category % Palette.series.count]
        let paint = hollow ? "fill=\"\(Palette.paper)\" stroke=\"\(colour)\" stroke-width=\"1.5\"" : "fill=\"\(colour)\""
        switch category % 4 {
        case 0:
            return "<circle cx=\"\(tenthsText(x))\" cy=\"\(tenthsText(y))\" r=\"\(tenthsText(r))\" \(paint)/>"
        case 1:
            let s = r * 9 / 10
            return "<rect x=\"\(tenthsText(x - s))\" y=\"\(tenthsText(y - s))\" width=\"\(tenthsText(2 * s))\" height=\"\(tenthsText(2 * s))\" \(paint)/>"
        case 2:
            let t = r * 12 / 10
            return "<path d=\"M\(tenthsText(x)) \(tenthsText(y - t))L\(tenthsText(x + t)) \(tenthsText(y + t * 8 / 10))L\(tenthsText(x - t)) \(tenthsText(y + t * 8 / 10))Z\" \(paint)/>"
        default:
            let d = r * 12 / 10
            return "<path d=\"M\(tenthsText(x)) \(tenthsText(y - d))L\(tenthsText(x + d)) \(tenthsText(y))L\(tenthsText(x)) \(tenthsText(y + d))L\(tenthsText(x - d)) \(tenthsText(y))Z\" \(paint)/>"
        }
    }

    /// A value of 0–100 (clamped) as tenths of a pixel on an axis `length` pixels long.
    static func scaled(_ value: Double, _ length: Int) -> Int {
        let clamped = min(100, max(0, value.isFinite ? value : 0))
        return Int((clamped * Double(length) / 10).rounded())
    }

    /// One decimal, the same on every platform: `62.5`, `0.0`.
    static func valueText(_ value: Double) -> String { tenthsText(Int((value * 10).rounded())) }

    static func valueText(_ value: Double?, _ m: Messages) -> String { value.map { valueText($0) } ?? m.chartNoEvidence }

    static func linked(_ href: String?, _ svg: String) -> String {
        guard let href else { return svg }
        return "<a href=\"\(h(href))\">\(svg)</a>"
    }

    /// An id for the chart and its parts: letters, digits, `-` and `_` only.
    static func chartID(_ id: String) -> String {
        let cleaned = String(id.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return scalar.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "-"
        })
        return cleaned.first?.isLetter == true ? cleaned : "chart-" + cleaned
    }

    private static func h(_ text: String) -> String { Escaping.html(text) }
}
