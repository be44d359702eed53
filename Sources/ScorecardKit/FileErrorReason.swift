import Foundation

/// The system's reason for a failed file operation ("No space left on device"), from the errno that
/// Foundation wraps, instead of Foundation's rendering of its own error
/// (`Error Domain=NSCocoaErrorDomain Code=256 "(null)"`), which tells a monitor nothing.
enum FileErrorReason {
    static func of(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return "the system gave no reason (\(error.domain) \(error.code))"
    }
}
