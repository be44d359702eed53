/// Told which phase a long job is in (scoring, publishing, rendering, …), for a display on a
/// terminal; the loader's own progress (`LoadProgress`) tells the records read.
public protocol PhaseProgress: AnyObject {
    /// The job entered this phase; nil: it is over, clear the display.
    func phase(_ description: String?)
}
