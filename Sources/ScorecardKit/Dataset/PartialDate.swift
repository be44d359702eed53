import Postgres

/// A date known to a day, a month or a year, as the source gives it: `2024-03-15`, `2024-03`, `2024`.
/// Stored as the first day of the period plus its precision; never a day the source did not give.
public struct PartialDate: Sendable, Hashable, CustomStringConvertible {
    public enum Precision: String, Sendable, CaseIterable { case day, month, year }

    public let start: CalendarDate
    public let precision: Precision

    public init(start: CalendarDate, precision: Precision) {
        self.start = start
        self.precision = precision
    }

    public enum ParseFailure: Error, Equatable { case malformed, impossible }

    public static func parse(_ text: String) -> Result<PartialDate, ParseFailure> {
        parse(bytes: Array(text.utf8)[...])
    }

    public static func parse(bytes raw: ArraySlice<UInt8>) -> Result<PartialDate, ParseFailure> {
        let base = raw.startIndex
        let bytes = raw
        func number(_ range: Range<Int>) -> Int? { CalendarDate.digits(raw[(base + range.lowerBound)..<(base + range.upperBound)]) }
        let dash = UInt8(ascii: "-")
        switch bytes.count {
        case 4:
            guard let year = number(0..<4) else { return .failure(.malformed) }
            guard let date = CalendarDate(year: year, month: 1, day: 1) else { return .failure(.impossible) }
            return .success(PartialDate(start: date, precision: .year))
        case 7:
            guard bytes[base + 4] == dash, let year = number(0..<4), let month = number(5..<7) else { return .failure(.malformed) }
            guard let date = CalendarDate(year: year, month: month, day: 1) else { return .failure(.impossible) }
            return .success(PartialDate(start: date, precision: .month))
        case 10:
            guard bytes[base + 4] == dash, bytes[base + 7] == dash, let year = number(0..<4), let month = number(5..<7),
                  let day = number(8..<10) else { return .failure(.malformed) }
            guard let date = CalendarDate(year: year, month: month, day: day) else { return .failure(.impossible) }
            return .success(PartialDate(start: date, precision: .day))
        default:
            return .failure(.malformed)
        }
    }

    /// Appends the first day as `YYYY-MM-DD` without making a String.
    public func appendStart(to bytes: inout [UInt8]) {
        func two(_ value: Int) { bytes.append(UInt8(48 + value / 10)); bytes.append(UInt8(48 + value % 10)) }
        two(start.year / 100)
        two(start.year % 100)
        bytes.append(45)
        two(start.month)
        bytes.append(45)
        two(start.day)
    }

    /// The last day of the period.
    public var end: CalendarDate {
        switch precision {
        case .day: return start
        case .month: return CalendarDate(year: start.year, month: start.month, day: CalendarDate.daysIn(month: start.month, year: start.year))!
        case .year: return CalendarDate(year: start.year, month: 12, day: 31)!
        }
    }

    /// True when this period lies wholly before `other` (so "published before occurred" is
    /// judged on intervals: `2024-03` is not before `2024-03-15`).
    public func isWhollyBefore(_ other: PartialDate) -> Bool { end < other.start }

    public var description: String {
        let text = start.description
        switch precision {
        case .day: return text
        case .month: return String(text.prefix(7))
        case .year: return String(text.prefix(4))
        }
    }
}
