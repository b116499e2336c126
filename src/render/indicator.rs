//! The texts of an indicator row, shared by the renderers of `progress` and
//! `compare`.

use crate::core::model::Value;
use crate::i18n::report::{self as words, W};
use crate::i18n::Lang;
use crate::report::{IndicatorRow, Verdict};
use crate::table::Color;

/// A value as shown (`-` when absent).
pub fn value_text(v: Option<&Value>, lang: Lang) -> String {
    v.map_or_else(|| W::Missing.get(lang).to_string(), ToString::to_string)
}

/// The current value against the target, as hledger's budget report shows actual
/// against goal: `11 [367% of 3]`.
pub fn current_text(row: &IndicatorRow, lang: Lang) -> String {
    let current = value_text(row.current.as_ref(), lang);
    match (row.pct_of_target, &row.target) {
        (Some(pct), Some(_)) => {
            let goal = crate::core::indicator::target_number(row.target.as_ref())
                .map(format_number)
                .unwrap_or_default();
            // Whole percent, as hledger shows it.
            words::of_target(lang, &current, &format!("{pct:.0}%"), &goal)
        }
        _ => current,
    }
}

fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The target with its direction when it is a bare number (`3以上`).
pub fn target_text(row: &IndicatorRow, lang: Lang) -> String {
    match &row.target {
        Some(t) if row.bare_number_target => words::bounded(lang, &t.to_string(), row.better),
        other => value_text(other.as_ref(), lang),
    }
}

/// The verdict, with the `target-already-met` flag on a second line.
pub fn verdict_text(row: &IndicatorRow, lang: Lang) -> String {
    let mut s = words::verdict(lang, row.verdict).to_string();
    if row.target_already_met {
        s.push('\n');
        s.push_str(W::MetAtBaseline.get(lang));
    }
    s
}

pub fn verdict_color(row: &IndicatorRow) -> Option<Color> {
    if row.target_already_met {
        return Some(Color::Yellow);
    }
    match row.verdict {
        Verdict::Achieved => Some(Color::Green),
        Verdict::NotAchieved => Some(Color::Yellow),
        Verdict::Undetermined => Some(Color::Magenta),
        Verdict::Qualitative | Verdict::NotJudged => None,
    }
}

/// The progress from the baseline (`-` when there is none).
pub fn pct_text(row: &IndicatorRow, lang: Lang) -> String {
    row.progress_pct
        .map_or_else(|| W::Missing.get(lang).to_string(), super::percent)
}

pub fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

/// The fields of an indicator for tidy CSV, as in JSON (empty for null).
pub fn csv_fields(row: &IndicatorRow) -> Vec<(&'static str, String)> {
    let v = |x: Option<&Value>| x.map(ToString::to_string).unwrap_or_default();
    vec![
        ("unit", row.unit.clone().unwrap_or_default()),
        ("better", row.better.as_str().to_string()),
        ("baseline", v(row.baseline.as_ref())),
        ("current", v(row.current.as_ref())),
        ("target", v(row.target.as_ref())),
        (
            "achieved",
            row.achieved.map(bool_text).unwrap_or_default().to_string(),
        ),
        (
            "progress_pct",
            row.progress_pct.map(|p| p.to_string()).unwrap_or_default(),
        ),
        ("numeric", bool_text(row.numeric).to_string()),
        ("undetermined", bool_text(row.undetermined).to_string()),
        (
            "target_already_met",
            bool_text(row.target_already_met).to_string(),
        ),
    ]
}
