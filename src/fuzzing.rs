//! Entry points shared by the fuzz targets (`fuzz/`) and the test that replays their
//! corpus, so both exercise exactly the same code.

use chrono::NaiveDate;

use crate::i18n::Lang;

/// Loads bytes as a sheet, runs every check, and renders the findings both ways.
pub fn load_validate(data: &[u8]) {
    let today = NaiveDate::from_ymd_opt(2018, 9, 30).unwrap_or_default();
    let (report, sheet) = crate::workspace::load_text("fuzz.toml", data, today);
    for lang in [Lang::Ja, Lang::En] {
        let _ = crate::render::diag::render_human(&report, lang, false);
        for d in &report.diagnostics {
            let _ = crate::render::diag::JsonDiagnostic::new(&report, d, lang);
        }
    }
    if let Some(sheet) = sheet {
        for i in &sheet.indicators {
            let _ = i.assess();
        }
    }
}

/// Parses a string as a fiscal year, as a date (with its weekday and precision
/// word) and as an indicator value (SPEC 1.5), and displays what it read.
pub fn dates(s: &str) {
    if let Ok(p) = crate::core::fiscal::parse_fiscal_year(s) {
        let _ = (p.year.display_ja(), p.year.display_en(), p.year.era_short());
    }
    for fy in [
        None,
        crate::core::fiscal::FiscalYear::new(1900),
        crate::core::fiscal::FiscalYear::new(2018),
        crate::core::fiscal::FiscalYear::new(2200),
    ] {
        if let Ok(w) = crate::core::date::read_date(s, fy) {
            let d = w.date;
            let _ = (
                d.to_iso(),
                d.first_day(),
                d.last_day(),
                w.weekday_mismatch(),
            );
            let _ = (d.display(true), d.display(false));
        }
    }
    let _ = crate::core::date::is_undetermined(s);
    for is_target in [false, true] {
        if let crate::core::value::Reading::Number(w) = crate::core::value::read(s, is_target) {
            let _ = (w.number_text(), w.is_plain_bound());
        }
    }
}
