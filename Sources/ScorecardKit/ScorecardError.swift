/// A failure the user can act on, with the exit code it maps to (sysexits).
public protocol ScorecardError: Error, CustomStringConvertible {
    var exitCode: Int32 { get }
}
