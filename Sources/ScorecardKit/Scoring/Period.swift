import Postgres

/// The unit of publication: a quarter (`2025-Q2`) or a year (`2025`).
public struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let kind: Methodology.PeriodKind
    public let year: Int
    /// 1–4 for quarters; 0 for years.
    public let quarter: Int

    public init(year: Int, quarter: Int) {
        kind = .quarter
        self.year = year
        self.quarter = quarter
    }

    public init(year: Int) {
        kind = .year
        self.year = year
        quarter = 0
    }

    /// Parses `2025-Q2` or `2025`, which must match the methodology's calendar.
    public static func parse(_ text: String, kind: Methodology.PeriodKind) -> Period? {
        let parts = text.split(separator: "-")
        guard let year = Int(parts[0]), (1900...9999).contains(year), parts[0].count == 4 else { return nil }
        switch (kind, parts.count) {
        case (.year, 1): return Period(year: year)
        case (.quarter, 2):
            guard parts[1].count == 2, parts[1].first == "Q", let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
            return Period(year: year, quarter: q)
        default: return nil
        }
    }

    /// The period containing `date`.
    public static func containing(_ date: CalendarDate, kind: Methodology.PeriodKind) -> Period {
        kind == .year ? Period(year: date.year) : Period(year: date.year, quarter: (date.month - 1) / 3 + 1)
    }

    public var start: CalendarDate {
        kind == .year ? CalendarDate(year: year, month: 1, day: 1)! : CalendarDate(year: year, month: quarter * 3 - 2, day: 1)!
    }

    public var end: CalendarDate {
        if kind == .year { return CalendarDate(year: year, month: 12, day: 31)! }
        let month = quarter * 3
        return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!
    }

    public var previous: Period {
        if kind == .year { return Period(year: year - 1) }
        return quarter == 1 ? Period(year: year - 1, quarter: 4) : Period(year: year, quarter: quarter - 1)
    }

    public var next: Period {
        if kind == .year { return Period(year: year + 1) }
        return quarter == 4 ? Period(year: year + 1, quarter: 1) : Period(year: year, quarter: quarter + 1)
    }

    public var description: String { kind == .year ? String(year) : "\(year)-Q\(quarter)" }

    public static func < (lhs: Period, rhs: Period) -> Bool { lhs.start < rhs.start }
}
