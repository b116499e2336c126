//! The texts of an indicator row, shared by the renderers of `progress` and
//! `compare`.

use crate::core::model::{Better, Value};
use crate::i18n::report::{self as words, W};
use crate::i18n::Lang;
use crate::report::{IndicatorRow, Verdict};
use crate::table::Color;

/// A value as shown (`-` when absent or blank, as `current = ""` in a sheet just
/// started).
pub fn value_text(v: Option<&Value>, lang: Lang) -> String {
    match v {
        Some(Value::Text(t)) if crate::core::text::is_blank(t) => W::Missing.get(lang).to_string(),
        Some(v) => v.to_string(),
        None => W::Missing.get(lang).to_string(),
    }
}

/// `text`, the value `v` as shown, followed by `unit` when the value is a bare
/// number (`11` → `11人`); a number written with its unit (`13件`) or in words
/// already says what it counts.
pub fn unit_after_number(text: String, v: Option<&Value>, unit: Option<&str>) -> String {
    match (v, unit) {
        (Some(Value::Integer(_) | Value::Float(_)), Some(u)) => format!("{text}{u}"),
        _ => text,
    }
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

/// The target as the sheet wrote it (`3`, `"16人以上"`, `未定`): a bare number gets
/// no `以上` (SPEC §3); the direction shows with the name ([`name_text`]).
pub fn target_text(row: &IndicatorRow, lang: Lang) -> String {
    value_text(row.target.as_ref(), lang)
}

/// The indicator's name, with its direction below it when lower is better (higher,
/// the default, goes without saying).
pub fn name_text(row: &IndicatorRow, lang: Lang) -> String {
    match row.better {
        Better::Lower => format!("{}\n{}", row.name, words::lower_is_better(lang)),
        Better::Higher => row.name.clone(),
    }
}

/// The verdict. 当初から達成 (`target-already-met`) is said where the progress is
/// ([`pct_text`]), once.
pub fn verdict_text(row: &IndicatorRow, lang: Lang) -> String {
    words::verdict(lang, row.verdict).to_string()
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

/// The progress from the baseline; 当初から達成 when the baseline already met the
/// target (SPEC §3: the ratio would mean nothing) and the current value is judged;
/// `-` when there is none (a blank current value beside 判定できず is not 達成).
pub fn pct_text(row: &IndicatorRow, lang: Lang) -> String {
    if row.target_already_met && row.verdict != Verdict::NotJudged {
        return W::MetAtBaseline.get(lang).to_string();
    }
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
    // As in JSON: a number written as text is its number; its text is a field of
    // its own.
    let v = |x: Option<&Value>| match x {
        Some(Value::Written(w)) => w.number_text(),
        Some(x) => x.to_string(),
        None => String::new(),
    };
    let t = |x: &Option<String>| x.clone().unwrap_or_default();
    vec![
        ("unit", row.unit.clone().unwrap_or_default()),
        ("better", row.better.as_str().to_string()),
        ("baseline", v(row.baseline.as_ref())),
        ("current", v(row.current.as_ref())),
        ("target", v(row.target.as_ref())),
        ("baseline_text", t(&row.texts.baseline_text)),
        ("current_text", t(&row.texts.current_text)),
        ("target_text", t(&row.texts.target_text)),
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
