import Postgres

/// The evidence records of a synthetic dataset, drawn one at a time so that memory stays flat at any
/// size: the only state kept is the act being written (an event of several records) and a bounded
/// set of recent measures that a later record may lift.
///
/// What it draws, besides single records of every kind:
/// - events: about one act in six is reported by two to four consecutive records sharing an
///   `event_id`, with the same actor and evidence type (a designation of several vendors: one record
///   per counterpart; any other act: the same act reported by other publishers, later);
/// - measures (`sanction_imposed`, `entity_listing`): always by a state or an organisation on a vendor
///   or an investor, dated to the day, about one in six with an `ends_on` date;
/// - ends: now and then a `measure_lifted` record by the same actor on the same counterpart, with
///   `ends` naming an earlier measure record (never one with an `ends_on`, never one lifted already).
struct SyntheticEvidence {
    struct Record {
        var actor: Int
        var type: String
        var occurred: CalendarDate
        var precision: String  // day, month or year: how much of `occurred` the file gives
        var published: CalendarDate
        var counterpart: Int?
        var provision: String
        var severity: Int
        var certainty: String
        var restricted: Bool
        var sources: [Int]
        var eventID: String?
        var ends: String?
        var endsOn: CalendarDate?

        var occurredText: String {
            switch precision {
            case "year": return String(occurred.description.prefix(4))
            case "month": return String(occurred.description.prefix(7))
            default: return occurred.description
            }
        }

        /// The first day of the partial date, as the database stores it.
        var occurredStart: CalendarDate {
            switch precision {
            case "year": return CalendarDate(year: occurred.year, month: 1, day: 1)!
            case "month": return CalendarDate(year: occurred.year, month: occurred.month, day: 1)!
            default: return occurred
            }
        }
    }

    static let measureTypes: Set<String> = ["sanction_imposed", "entity_listing"]
    static let liftType = "measure_lifted"
    /// Who imposes and lifts a measure, and on whom (evidence_types.csv says so, and validation checks it).
    static let measureActorKinds = ["state", "organisation"]
    static let measureCounterpartKinds = ["vendor", "investor"]

    let actors: Int
    let sourceCount: Int
    let start: CalendarDate
    let end: CalendarDate
    private var random: SplitMix64
    private var open: (first: Record, remaining: Int)?
    /// Measures that a later record may lift: (record id, actor, counterpart, date). Bounded.
    private var liftable: [(id: String, actor: Int, counterpart: Int, day: Int)] = []
    private static let liftableCapacity = 64
    private static let principles = ["accountability", "precision", "oversight", "transparency"]
    private static let certainties = ["confirmed", "attributed", "reported"]
    private static let drawnTypes = SyntheticDataset.evidenceTypes.map(\.0).filter { $0 != liftType }

    init(actors: Int, sourceCount: Int, start: CalendarDate, end: CalendarDate, random: SplitMix64) {
        self.actors = actors
        self.sourceCount = sourceCount
        self.start = start
        self.end = end
        self.random = random
    }

    /// The kind of actor `actor-<index>`: six states in ten, two vendors, an organisation, an investor.
    static func kind(_ index: Int) -> String {
        switch index % 10 {
        case 0...5: return "state"
        case 6, 7: return "vendor"
        case 8: return "organisation"
        default: return "investor"
        }
    }

    /// The record `ev-<index>`.
    mutating func next(index: Int) -> Record {
        if let (first, remaining) = open, remaining > 0 {
            open = remaining > 1 ? (first, remaining - 1) : nil
            return anotherRecord(of: first)
        }
        open = nil
        if random.next() % 20 == 0, !liftable.isEmpty, let lift = drawLift() { return lift }
        var record = drawRecord()
        if random.next() % 6 == 0 {
            record.eventID = "event-\(index)"
            open = (record, 1 + Int(random.next() % 3))
        }
        if Self.measureTypes.contains(record.type), record.endsOn == nil {
            remember(id: "ev-\(index)", record)
        }
        return record
    }

    private mutating func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(max(1, bound))) }

    private mutating func drawSources() -> [Int] {
        var sources: [Int] = []
        for _ in 0..<(1 + draw(3)) {
            let source = draw(sourceCount)
            if !sources.contains(source) { sources.append(source) }
        }
        return sources
    }

    /// An actor of one of `kinds` near `index` (same block of ten), else the first one; nil when none exists.
    private func actor(near index: Int, ofKinds kinds: [String], choice: Int) -> Int? {
        let offsets = (0..<10).filter { kinds.contains(Self.kind($0)) }
        let offset = offsets[choice % offsets.count]
        let candidate = index - index % 10 + offset
        if candidate < actors { return candidate }
        return offsets.first { $0 < actors }
    }

    private mutating func drawRecord() -> Record {
        // Skew: squaring a uniform draw sends most evidence to the low-numbered actors.
        let u = random.unit()
        let actor = min(actors - 1, Int(u * u * Double(actors)))
        let type = Self.drawnTypes[draw(Self.drawnTypes.count)]
        let span = end.daysSinceEpoch - start.daysSinceEpoch
        let occurredDay = start.daysSinceEpoch + draw(span - 90)
        let occurred = CalendarDate(daysSinceEpoch: occurredDay)
        let published = CalendarDate(daysSinceEpoch: min(end.daysSinceEpoch, occurredDay + draw(90)))
        let precision: String
        switch draw(10) {
        case 0: precision = "year"
        case 1, 2: precision = "month"
        default: precision = "day"
        }
        var counterpart: Int? = nil
        if draw(3) != 0 {
            let other = draw(actors)
            if other != actor { counterpart = other }
        }
        let provision = draw(4) == 0 ? "instrument-\(draw(5)).\(Self.principles[draw(4)])" : ""
        let severity = 1 + draw(5)
        let certainty = Self.certainties[draw(3)]
        let restricted = draw(20) == 0
        let sources = drawSources()
        var record = Record(actor: actor, type: type, occurred: occurred, precision: precision, published: published,
                            counterpart: counterpart, provision: provision, severity: severity, certainty: certainty,
                            restricted: restricted, sources: sources, eventID: nil, ends: nil, endsOn: nil)
        if Self.measureTypes.contains(type) {
            // A measure: imposed by a state or an organisation on a vendor or an investor, dated to the day.
            let choice = draw(10)
            if let imposer = self.actor(near: actor, ofKinds: Self.measureActorKinds, choice: choice),
               let target = self.actor(near: counterpart ?? draw(actors), ofKinds: Self.measureCounterpartKinds, choice: choice) {
                record.actor = imposer
                record.counterpart = target
                record.precision = "day"
                if draw(6) == 0 { record.endsOn = CalendarDate(daysSinceEpoch: occurredDay + 180 + draw(720)) }
            } else {
                record.type = "court_ruling"  // too few actors for a measure's roles
            }
        }
        return record
    }

    /// Another record of the act `first` reports: for a measure, the same designation of another
    /// counterpart; for any other act, the same act reported later by another source.
    private mutating func anotherRecord(of first: Record) -> Record {
        var record = first
        record.sources = drawSources()
        record.restricted = draw(20) == 0
        record.endsOn = nil
        if Self.measureTypes.contains(first.type) {
            let target = actor(near: draw(actors), ofKinds: Self.measureCounterpartKinds, choice: draw(10))
            record.counterpart = target ?? first.counterpart
        } else {
            record.published = CalendarDate(daysSinceEpoch: min(end.daysSinceEpoch, first.published.daysSinceEpoch + draw(60)))
            record.severity = max(1, min(5, first.severity + draw(3) - 1))
            record.certainty = Self.certainties[draw(3)]
        }
        return record
    }

    private mutating func remember(id: String, _ record: Record) {
        guard let counterpart = record.counterpart else { return }
        let entry = (id: id, actor: record.actor, counterpart: counterpart, day: record.occurred.daysSinceEpoch)
        if liftable.count < Self.liftableCapacity { liftable.append(entry) } else { liftable[draw(Self.liftableCapacity)] = entry }
    }

    /// A record lifting one of the recent measures (which is then no longer liftable), dated after
    /// it; nil when that measure is too recent to have been lifted before the data's end.
    private mutating func drawLift() -> Record? {
        let position = draw(liftable.count)
        let measure = liftable[position]
        liftable.swapAt(position, liftable.count - 1)
        liftable.removeLast()
        let room = end.daysSinceEpoch - 30 - measure.day - 30
        guard room > 0 else { return nil }
        let day = measure.day + 30 + draw(min(room, 900))
        return Record(actor: measure.actor, type: Self.liftType, occurred: CalendarDate(daysSinceEpoch: day), precision: "day",
                      published: CalendarDate(daysSinceEpoch: min(end.daysSinceEpoch, day + draw(30))),
                      counterpart: measure.counterpart, provision: "", severity: 1 + draw(5), certainty: Self.certainties[draw(3)],
                      restricted: draw(20) == 0, sources: drawSources(), eventID: nil, ends: measure.id, endsOn: nil)
    }
}
