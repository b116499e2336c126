//! Turning reports into text people read: what the renderers of every command share,
//! and the renderers of `progress` and `compare`.

pub mod compare;
pub mod indicator;
pub mod progress;

pub mod chart;
pub mod diag;
pub mod diff;
pub mod history;
pub mod html;
pub mod markdown;
pub mod sheet;
pub mod show;
pub mod terminal;
pub mod xlsx;

use crate::core::model::{DateValue, Event};
use crate::i18n::report::W;
use crate::i18n::Lang;
use crate::report::Standing;

/// A date for people: the one form every output shows (`progress`, `history`,
/// `diff`, `show`, `render` in English, `compare`): with the precision word written
/// (`2018年11月中旬`, `2018年度末`; `2018-11 (mid)`), `未定` for a date written so
/// (`undetermined`), `-` when there is none. Never the bare month when a precision
/// word was written (SPEC §1.3).
pub fn date_text(date: Option<&DateValue>, undetermined: bool, lang: Lang) -> String {
    match date {
        Some(d) => d.display(lang == Lang::Ja),
        None if undetermined => W::DateUndetermined.get(lang).to_string(),
        None => W::Missing.get(lang).to_string(),
    }
}

/// [`date_text`] of a progress item or hospital collaboration.
pub fn event_date(e: &Event, lang: Lang) -> String {
    date_text(e.date.as_ref(), e.date_undetermined, lang)
}

/// A date as the official wrote it, for `render` (the paper form shows `11月2日`,
/// `10月中旬`): the text written in Japanese, [`date_text`] for a TOML date and in
/// English; `None` when there is no date and none was announced.
pub fn date_as_written(date: Option<&DateValue>, undetermined: bool, lang: Lang) -> Option<String> {
    match date {
        Some(d) if lang == Lang::Ja && d.written.trim() != d.date.to_iso() => {
            Some(terminal::clean(d.written.trim()))
        }
        None if !undetermined => None,
        _ => Some(date_text(date, undetermined, lang)),
    }
}

/// An indicator's standing in words, as the review outputs (`diff`, `history`,
/// `show`) say it: 達成 or 未達成, then 当初から達成 or the progress (`進捗 50%`).
pub fn judged(s: &Standing, lang: Lang) -> Vec<String> {
    use crate::i18n::review::W as R;
    let mut judged = Vec::new();
    match s.achieved {
        Some(true) => judged.push(R::Achieved.get(lang).to_string()),
        Some(false) => judged.push(R::NotAchieved.get(lang).to_string()),
        None => {}
    }
    // Beside a judgement only: with no current value, 当初から達成 alone would read
    // as achieved.
    if s.target_already_met && s.achieved.is_some() {
        judged.push(W::MetAtBaseline.get(lang).to_string());
    } else if let Some(p) = s.progress_pct {
        judged.push(format!("{} {}", R::ProgressPct.get(lang), percent(p)));
    }
    judged
}

/// A percentage for people: whole numbers without decimals, else one decimal;
/// never `-0%`.
pub fn percent(pct: f64) -> String {
    let rounded = (pct * 10.0).round() / 10.0;
    if rounded == 0.0 {
        return "0%".to_string();
    }
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}%")
    } else {
        format!("{rounded:.1}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_keep_their_precision_word() {
        use crate::core::date::read_date;
        use crate::core::fiscal::FiscalYear;
        let fy = FiscalYear::new(2018);
        let value = |s: &str| {
            let w = read_date(s, fy).unwrap();
            DateValue {
                date: w.date,
                written: s.to_string(),
                weekday: w.weekday,
                place: Default::default(),
            }
        };
        let shown = |s: &str, lang| date_text(Some(&value(s)), false, lang);
        assert_eq!(shown("11月中旬", Lang::Ja), "2018年11月中旬");
        assert_eq!(shown("11月中旬", Lang::En), "2018-11 (mid)");
        assert_eq!(shown("年度末", Lang::Ja), "2018年度末");
        assert_eq!(shown("10月15日(月)", Lang::Ja), "2018年10月15日");
        assert_eq!(shown("11月", Lang::Ja), "2018年11月");
        assert_eq!(date_text(None, true, Lang::Ja), "未定");
        assert_eq!(date_text(None, false, Lang::Ja), "-");
        assert_eq!(
            date_as_written(Some(&value("11月中旬")), false, Lang::Ja).as_deref(),
            Some("11月中旬")
        );
        assert_eq!(
            date_as_written(Some(&value("2018-11-02")), false, Lang::Ja).as_deref(),
            Some("2018年11月2日")
        );
        assert_eq!(
            date_as_written(Some(&value("11月中旬")), false, Lang::En).as_deref(),
            Some("2018-11 (mid)")
        );
        assert_eq!(
            date_as_written(None, true, Lang::Ja).as_deref(),
            Some("未定")
        );
        assert_eq!(date_as_written(None, false, Lang::Ja), None);
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(-0.01), "0%");
        assert_eq!(percent(50.0), "50%");
        assert_eq!(percent(66.666), "66.7%");
        assert_eq!(percent(-50.0), "-50%");
        assert_eq!(percent(12.5), "12.5%");
    }
}
