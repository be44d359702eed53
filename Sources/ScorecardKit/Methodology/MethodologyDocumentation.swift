import Foundation

/// Documentation generated from a methodology, so that what readers see is what is scored
/// (docs/methodology.md embeds the default's table; a test keeps it in sync).
public enum MethodologyDocumentation {
    /// A Markdown table of the indicators, in file order, ending with a newline.
    public static func indicatorTable(_ methodology: Methodology) -> String {
        var lines = [
            "| Code | Name | Pillar | Polarity | Kind | Applies to | Weight | What counts | Half-life / window / saturation |",
            "|---|---|---|---|---|---|---:|---|---|",
        ]
        for indicator in methodology.indicators {
            let cells = [
                "`\(indicator.code)`",
                indicator.name,
                indicator.pillar,
                indicator.polarity.rawValue,
                indicator.kind.rawValue,
                indicator.appliesTo.joined(separator: ", "),
                YAMLText.format(indicator.weight),
                whatCounts(indicator),
                decay(indicator),
            ]
            lines.append("| " + cells.map(escaped).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func whatCounts(_ indicator: Methodology.Indicator) -> String {
        let evidence = indicator.evidenceTypes.map { "`\($0)`" }.joined(separator: ", ")
            + (indicator.role == .counterpart ? " (as counterpart)" : "")
        switch indicator.kind {
        case .commitment:
            return "commitment to " + instrumentList(indicator.instruments, showWeights: true)
        case .evidence:
            return evidence
        case .breach:
            return evidence + " after committing to " + instrumentList(indicator.instruments, showWeights: false)
        }
    }

    /// Heaviest first, then by id, since the file's order is not kept in the model; weights only
    /// when they differ, as equal weights say nothing.
    private static func instrumentList(_ instruments: [String: Double], showWeights: Bool) -> String {
        let sorted = instruments.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let weighted = showWeights && Set(instruments.values).count > 1
        return sorted.map { "`\($0.key)`" + (weighted ? " ×\(YAMLText.format($0.value))" : "") }
            .joined(separator: ", ")
    }

    private static func decay(_ indicator: Methodology.Indicator) -> String {
        guard indicator.kind != .commitment else { return "—" }
        return "\(YAMLText.format(indicator.halfLifeDays)) d / \(indicator.windowDays) d / \(YAMLText.format(indicator.saturation))"
    }

    /// A pipe would end the cell.
    private static func escaped(_ cell: String) -> String {
        cell.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
