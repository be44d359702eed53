import Postgres

/// The edition's `data/` folder. Placeholder until the data package lands (branch `data`).
public enum EditionData {
    public static func emit(_ connection: Connection, run: ScoreRuns.Run, into sink: EditionFileSink) throws {}
}
