/// Where each file of an edition folder lives, relative to the folder (docs/reports.md, "The edition
/// folder"). The folder is self-contained: pages link only to each other, by these relative paths,
/// so a monitor can put it on any static web host as it is.
///
///     <methodology>-<period>/
///       index.html  index.txt  index.md  index.json      the summary
///       methodology.html                                  the method, from the methodology file
///       style.css  [custom.css]  [logo]                   the look (custom.css, logo: scorecard.yaml)
///       actors/<id>.html  .txt  .md  .json                one report card per actor
///       data/datapackage.json                             the figures, as a Frictionless data package
///       data/actors.csv  pillars.csv  indicators.csv  contributions.csv  actors.ndjson
///       SHA256SUMS                                        every file above
public enum EditionLayout {
    /// The edition's folder inside the output folder: `pall-mall-2025-Q4`.
    public static func folder(methodologyID: String, period: String) -> String { "\(methodologyID)-\(period)" }

    public static func index(_ format: ReportFormat) -> String { "index.\(format.fileExtension)" }
    public static let methodologyPage = "methodology.html"
    public static let stylesheet = "style.css"
    public static let customStylesheet = "custom.css"
    public static let actorsFolder = "actors"
    public static let dataFolder = "data"
    public static let checksums = "SHA256SUMS"

    /// An actor's report card. Actor ids match `DatasetSchema`'s id pattern (`^[a-z0-9][a-z0-9._-]*$`): safe as file names.
    public static func card(_ actorID: String, _ format: ReportFormat) -> String { "\(actorsFolder)/\(actorID).\(format.fileExtension)" }

    /// A data file: `data/actors.csv`.
    public static func data(_ name: String) -> String { "\(dataFolder)/\(name)" }

    /// The relative link from a page at `from` to the file at `to` (both edition-relative paths).
    public static func link(from: String, to: String) -> String {
        let depth = from.split(separator: "/").count - 1
        return String(repeating: "../", count: depth) + to
    }
}
