/// The message catalogue: every label and generated sentence of a published edition, in each
/// language the project ships (English and French: the Pall Mall Process is Franco-British).
///
/// A message is defined once, with every language beside it (`pick`), so no language can lack one;
/// renderers never hold their own words. The catalogue is split by page into extensions
/// (`Messages+Methodology.swift`, …), one idea per file. Numbers and dates are never translated
/// (`ReportNumber.text`, ISO dates): the same figures read the same in every language.
public struct Messages: Sendable, Equatable {
    public enum Language: String, Sendable, CaseIterable, Equatable {
        case en, fr

        /// The BCP 47 tag, for `<html lang>`.
        public var tag: String { rawValue }
    }

    public let language: Language

    public init(_ language: Language = .en) { self.language = language }

    public static let english = Messages(.en)
    public static let french = Messages(.fr)

    /// The message in this catalogue's language.
    @inline(__always)
    func pick(_ en: String, _ fr: String) -> String {
        switch language {
        case .en: return en
        case .fr: return fr
        }
    }
}
