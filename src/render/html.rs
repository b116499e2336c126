//! What every printed page of `sheet` shares (the sheet of `render`, the briefing
//! of `compare`): the page around the content, its look, and the head of a table
//! with its column widths.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::i18n::Lang;

/// The look every printed page of `sheet` shares (the sheet, the briefing): fonts,
/// headings, tables, status marks. Text breaks anywhere when it must: one long
/// unbroken string (a URL) would otherwise widen the page, and Chromium shrinks
/// the whole printout to fit it and still cuts it off.
pub const BASE_CSS: &str = r#"
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: #111; font-size: 9.5pt; line-height: 1.5;
  font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN",
    "Hiragino Sans", "Yu Gothic", "YuGothic", "Meiryo", sans-serif;
  overflow-wrap: anywhere; word-break: normal;
}
h1, h2, h3, p, li, td, th, span, div { overflow-wrap: anywhere; min-width: 0; }
section { margin-top: 5mm; }
h2 { margin: 0 0 2mm; padding: .5mm 2mm; font-size: 11.5pt;
  border-left: 5px solid #111; background: #ececec; break-after: avoid; }
h3 { margin: 3mm 0 1mm; font-size: 10pt; break-after: avoid; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 2mm; }
th, td { border: 1px solid #444; padding: 1mm 1.5mm; vertical-align: top;
  white-space: pre-line; overflow-wrap: anywhere; }
th { background: #e4e4e4; font-weight: bold; text-align: center; font-size: 8.5pt;
  white-space: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
ul { margin: 0; padding-left: 1.1em; list-style-type: "・"; }
ul.plain { padding-left: 0; list-style: none; }
ol { margin: 0; padding-left: 1.6em; }
li { white-space: pre-line; break-inside: avoid; }
li + li { margin-top: .8mm; }
.date { font-weight: bold; margin-right: .3em; }
.status { display: inline-block; margin-right: .3em; padding: 0 .3em; line-height: 1.3;
  border: 1px solid #333; border-radius: 2px; font-size: 8pt; }
.status.done { background: #dff0d8; }
.status.planned { background: #fff; }
.status.in_progress { background: #fcf3cf; }
.status.postponed, .status.cancelled { background: #f6dcdc; }
.aside { display: block; font-size: 8.5pt; color: #333; }
"#;

/// A whole page: `css` on top of [`BASE_CSS`], `title` (escaped), and `body`.
pub fn document(lang: Lang, title: &str, css: &str, body: Markup) -> String {
    let page: Markup = html! {
        (DOCTYPE)
        html lang=(lang.pick("ja", "en")) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) }
                style { (PreEscaped(BASE_CSS)) (PreEscaped(css)) }
            }
            body { (body) }
        }
    };
    let mut text = page.into_string();
    text.push('\n');
    text
}

/// The widths (percent of the table) and headers of a table's columns.
pub fn table_head(columns: &[(u8, &str)]) -> Markup {
    html! {
        colgroup {
            @for (width, _) in columns { col style={ "width: " (width) "%" }; }
        }
        thead {
            tr {
                @for (_, header) in columns { th { (header) } }
            }
        }
    }
}
