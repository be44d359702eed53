/// The colours of an edition's pages and charts, named once: the stylesheet and the charts take
/// them from here, and a test computes the WCAG contrast ratio of every pair in `textPairs` and
/// `graphicPairs` (AA: 4.5 for text, 3 for the marks of a chart, WCAG 2.1 1.4.3 and 1.4.11).
public enum Palette {
    public static let paper = "#ffffff"
    public static let ink = "#1b1b1f"
    public static let muted = "#52525b"
    /// Even table rows and the plot areas.
    public static let band = "#f4f4f6"
    /// Rules and grid lines: decoration, no contrast asked of them.
    public static let rule = "#c4c4cc"
    public static let grid = "#dcdce2"
    public static let link = "#0a4f9e"
    public static let focus = "#b45309"
    /// A notice (provisional, restated): a pale background under ink.
    public static let flag = "#fff4e5"
    public static let up = "#1a7f37"
    public static let down = "#b42318"
    /// The two faces: positive solid, negative hatched (they differ by pattern and side, not colour alone).
    public static let positive = "#0072B2"
    public static let negative = "#b42318"
    /// Series and categories; each also has its own dash pattern and marker shape (`Charts`).
    public static let series = ["#0072B2", "#b45309", "#00786a", "#a8326e", "#6b3fa0", "#52525b", "#1b1b1f"]

    /// Text colour on background colour, as the stylesheet and the charts use them.
    public static let textPairs: [(name: String, foreground: String, background: String)] = [
        ("body text", ink, paper), ("body text on a band", ink, band), ("muted text", muted, paper),
        ("muted text on a band", muted, band), ("links", link, paper), ("links on a band", link, band),
        ("text on a notice", ink, flag), ("up", up, paper), ("up on a band", up, band),
        ("down", down, paper), ("down on a band", down, band), ("chart text", ink, paper), ("chart text on the plot", ink, band),
        ("chart notes", muted, band), ("print", "#000000", paper),
    ]

    /// Marks of the charts and the focus ring on their backgrounds.
    public static let graphicPairs: [(name: String, foreground: String, background: String)] =
        [("focus ring", focus, paper), ("positive bar", positive, paper), ("negative bar", negative, paper),
         ("positive point", positive, band), ("negative point", negative, band), ("no-evidence mark", muted, paper)]
        + series.enumerated().flatMap { index, colour in
            [("series \(index + 1)", colour, paper), ("series \(index + 1) on the plot", colour, band)]
        }
}

/// The default stylesheet of an edition, written as `style.css` (`EditionLayout.stylesheet`): a
/// publication's look (a serif for prose at about 70 characters a line, tables with clear headers and
/// right-aligned tabular figures), wide tables scrolling inside a wrapper (`HTMLPage.scrollingTable`)
/// rather than overflowing the column, a visible focus, and a print stylesheet. A monitor's own
/// `custom.css` comes after it and overrides what it likes.
public enum EditionStylesheet {
    public static let css = """
        /* Scorecard edition: default stylesheet. A custom.css (scorecard.yaml) is loaded after it. */
        :root {
          color-scheme: light;
          --paper: \(Palette.paper); --ink: \(Palette.ink); --muted: \(Palette.muted); --band: \(Palette.band);
          --rule: \(Palette.rule); --link: \(Palette.link); --focus: \(Palette.focus); --flag: \(Palette.flag);
          --up: \(Palette.up); --down: \(Palette.down); --positive: \(Palette.positive); --negative: \(Palette.negative);
          --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, "Noto Serif", "DejaVu Serif", Georgia, serif;
          --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
          --mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
          --measure: 70ch;
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: var(--paper); font: 1.0625rem/1.55 var(--serif);
               overflow-wrap: break-word; }
        .page { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }

        /* Skip link: off screen until focused. */
        .skip-link { position: absolute; left: .5rem; top: -4rem; z-index: 10; padding: .5rem .75rem;
                     background: var(--paper); color: var(--link); border: 2px solid var(--focus); }
        .skip-link:focus { top: .5rem; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        a { color: var(--link); text-underline-offset: .15em; }
        a:hover { text-decoration-thickness: 2px; }

        /* Header, navigation, footer. */
        .site-header { border-bottom: 3px solid var(--ink); padding: 1.25rem 0 0; }
        .site-title { display: flex; align-items: center; gap: .75rem; margin: 0; font: 700 1.05rem/1.3 var(--sans);
                      letter-spacing: .02em; text-transform: uppercase; }
        .site-title a { color: var(--ink); text-decoration: none; }
        .site-logo { max-height: 3rem; width: auto; }
        .introduction { max-width: var(--measure); color: var(--muted); margin: .5rem 0 0; }
        .site-nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; list-style: none; margin: .75rem 0 0; padding: .5rem 0;
                       font: 600 .95rem/1.4 var(--sans); }
        .site-nav a { text-decoration: none; }
        .site-nav a[aria-current="page"] { color: var(--ink); border-bottom: 3px solid var(--ink); }
        .site-footer { margin: 3rem 0 0; padding: .75rem 0 2rem; border-top: 1px solid var(--rule); color: var(--muted);
                       font: .85rem/1.5 var(--sans); }
        .site-footer dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .1rem 1rem; margin: 0 0 .5rem; }
        .site-footer dt { font-weight: 600; }
        .site-footer dd { margin: 0; min-width: 0; }

        /* Prose and headings. */
        main { display: block; padding: 1rem 0 0; }
        h1, h2, h3, h4 { font-family: var(--sans); line-height: 1.2; break-after: avoid; }
        h1 { font-size: 2rem; margin: 1rem 0 .5rem; }
        h2 { font-size: 1.45rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
        h3 { font-size: 1.15rem; margin: 1.75rem 0 .5rem; }
        h4 { font-size: 1rem; margin: 1.25rem 0 .4rem; }
        p, li, dd, blockquote, figcaption { max-width: var(--measure); }
        p { margin: .6rem 0; }
        .lede { font-size: 1.15rem; color: var(--muted); }
        .muted { color: var(--muted); }
        .flag { display: inline-block; padding: 0 .4rem; background: var(--flag); border: 1px solid var(--focus); }
        code, kbd, .mono { font-family: var(--mono); font-size: .88em; }
        .mono, .digest { overflow-wrap: anywhere; word-break: break-all; }
        pre { max-width: 100%; overflow-x: auto; padding: .75rem 1rem; background: var(--band); border-left: 3px solid var(--rule);
              font: .88rem/1.5 var(--mono); }
        dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; margin: .5rem 0 1rem; }
        dl.facts dt { font: 600 .95rem/1.55 var(--sans); }
        dl.facts dd { margin: 0; min-width: 0; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%);
                           white-space: nowrap; }
        .up { color: var(--up); }
        .down { color: var(--down); }
        .state { color: var(--muted); font-style: italic; }

        /* Tables: clear headers, figures right-aligned in tabular digits; wide ones scroll in their wrapper. */
        .table-scroll { max-width: 100%; overflow-x: auto; margin: .75rem 0 1.25rem; }
        .table-scroll:focus-visible { outline-offset: 0; }
        table { border-collapse: collapse; font: .92rem/1.4 var(--sans); }
        .table-scroll > table { width: 100%; margin: 0; }
        caption { caption-side: top; text-align: left; font-weight: 700; padding: 0 0 .35rem; }
        th, td { padding: .35rem .6rem; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
        thead th { vertical-align: bottom; border-bottom: 2px solid var(--ink); }
        tbody th { font-weight: 600; }
        tbody tr:nth-child(even) { background: var(--band); }
        .num, td.num, th.num { text-align: right; font-variant-numeric: tabular-nums lining-nums; white-space: nowrap; }

        /* Charts: inline SVG, scaled down to the column, never wider. */
        figure { margin: 1.25rem 0; max-width: 100%; }
        figure.chart svg { display: block; max-width: 100%; height: auto; }
        figcaption { font: .88rem/1.45 var(--sans); color: var(--muted); margin-top: .35rem; }
        svg text { font-family: var(--sans); }

        /* Report cards and sections that print as a block. */
        .card { border-top: 3px solid var(--ink); margin: 2rem 0; padding-top: .5rem; }

        @media (max-width: 40rem) {
          body { font-size: 1rem; }
          h1 { font-size: 1.6rem; }
          dl.facts, .site-footer dl { grid-template-columns: minmax(0, 1fr); }
          dl.facts dd, .site-footer dd { margin-bottom: .35rem; }
        }

        @media print {
          @page { margin: 15mm 14mm; }
          :root { --ink: #000000; --muted: #000000; --link: #000000; --band: #ffffff; --paper: #ffffff; }
          body { font: 10pt/1.4 var(--serif); color: #000000; background: #ffffff; }
          .page { max-width: none; padding: 0; }
          .site-nav, .skip-link { display: none; }
          a { color: #000000; text-decoration: none; }
          main a[href]:not([href^="#"])::after { content: " (" attr(href) ")"; font-size: 8pt; overflow-wrap: anywhere; }
          .table-scroll { overflow: visible; }
          thead { display: table-header-group; }
          tr, figure, .card, dl.facts, pre { break-inside: avoid; }
          h1, h2, h3, h4 { break-after: avoid; }
          tbody tr:nth-child(even) { background: none; }
          svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }

        """
}
