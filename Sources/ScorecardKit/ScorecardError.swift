/// A failure the user can act on, with the exit code it maps to.
public protocol ScorecardError: Error, CustomStringConvertible {
    var exitCode: ExitCode { get }
}
