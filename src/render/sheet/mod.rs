//! A region's sheet laid out as the original 事前課題 sheet — four sections, the
//! views as a table of four columns, the indicators with their three values — for
//! `sheet render`: [`SheetLayouts`] holds the text of every cell, already
//! formatted; [`html`] and [`markdown`] only lay it out.

pub mod html;
pub mod markdown;

use serde::Serialize;

use crate::core::model::{Event, Sheet, Value, View};
use crate::core::value::WrittenNumber;
use crate::i18n::Lang;
use crate::render::date_as_written;
use crate::render::terminal::clean;

/// Everything `render` prints.
#[derive(Debug, Clone, Serialize)]
pub struct SheetLayouts {
    pub sheets: Vec<SheetLayout>,
}

/// One sheet, cell by cell.
#[derive(Debug, Clone, Serialize)]
pub struct SheetLayout {
    pub prefecture: String,
    pub region: String,
    /// `平成30年度`.
    pub era: String,
    /// `平成30年度 (2018)`.
    pub fiscal_year: String,
    pub start_year: i32,
    pub meeting: Option<String>,
    pub theme: Option<String>,
    pub summary: Option<String>,
    pub as_of: Option<String>,
    pub goals: Vec<GoalLayout>,
    pub strengths: Vec<String>,
    pub challenges: Vec<ChallengeLayout>,
    pub indicators: Vec<IndicatorLayout>,
    pub hospital_collaboration: Vec<ItemLayout>,
    pub concerns: Vec<String>,
    pub questions: Vec<String>,
}

/// A goal and its progress items.
#[derive(Debug, Clone, Serialize)]
pub struct GoalLayout {
    /// `１．` / `1.`.
    pub number: String,
    pub text: String,
    pub progress: Vec<ItemLayout>,
}

/// A progress item or a collaboration with hospitals.
#[derive(Debug, Clone, Serialize)]
pub struct ItemLayout {
    pub date: Option<String>,
    /// The status word (`予定`), when the item has one.
    pub status: Option<String>,
    /// The canonical status (`planned`), for styling.
    pub status_key: Option<&'static str>,
    pub text: String,
    pub organizer: Option<String>,
    pub rescheduled_from: Option<String>,
    pub note: Option<String>,
}

/// A challenge: its text, its actions and the four views (blank = empty list).
#[derive(Debug, Clone, Serialize)]
pub struct ChallengeLayout {
    pub text: String,
    pub actions: Vec<String>,
    pub views: Vec<ViewCell>,
}

/// One view of a challenge.
#[derive(Debug, Clone, Serialize)]
pub struct ViewCell {
    pub view: View,
    /// The statements; empty when the view was left blank.
    pub lines: Vec<String>,
}

/// An indicator with its values as shown (`11人`); `None` = blank cell.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorLayout {
    pub number: String,
    pub name: String,
    pub reason: Option<String>,
    pub baseline: Option<String>,
    pub current: Option<String>,
    pub target: Option<String>,
}

impl SheetLayouts {
    pub fn new(sheets: &[&Sheet], lang: Lang) -> SheetLayouts {
        SheetLayouts {
            sheets: sheets.iter().map(|s| SheetLayout::new(s, lang)).collect(),
        }
    }
}

impl SheetLayout {
    pub fn new(sheet: &Sheet, lang: Lang) -> SheetLayout {
        let fy = sheet.fiscal_year;
        SheetLayout {
            prefecture: clean(&sheet.prefecture),
            region: clean(&sheet.region),
            era: fy.era_ja(),
            fiscal_year: match lang {
                Lang::Ja => fy.display_ja(),
                Lang::En => fy.display_en(),
            },
            start_year: fy.start_year(),
            meeting: nonblank(sheet.meeting.as_deref()),
            theme: nonblank(sheet.theme.as_deref()),
            summary: nonblank(sheet.summary.as_deref()),
            as_of: date_as_written(sheet.as_of.as_ref(), false, lang),
            goals: sheet
                .goals
                .iter()
                .enumerate()
                .map(|(i, g)| GoalLayout {
                    number: number(i + 1, lang),
                    text: clean(&g.text),
                    progress: g
                        .progress
                        .iter()
                        .map(|e| ItemLayout::new(e, lang))
                        .collect(),
                })
                .collect(),
            strengths: lines(&sheet.strengths),
            challenges: sheet
                .challenges
                .iter()
                .map(|c| ChallengeLayout {
                    text: clean(&c.text),
                    actions: lines(&c.actions),
                    views: View::ALL
                        .into_iter()
                        .map(|view| ViewCell {
                            view,
                            lines: lines(c.views.get(view)),
                        })
                        .collect(),
                })
                .collect(),
            indicators: sheet
                .indicators
                .iter()
                .enumerate()
                .map(|(i, ind)| {
                    let unit = ind.unit.as_deref();
                    IndicatorLayout {
                        number: number(i + 1, lang),
                        name: clean(&ind.name),
                        reason: nonblank(ind.reason.as_deref()),
                        baseline: ind.baseline.as_ref().and_then(|v| value_text(v, unit)),
                        current: ind.current.as_ref().and_then(|v| value_text(v, unit)),
                        target: ind.target.as_ref().and_then(|v| value_text(v, unit)),
                    }
                })
                .collect(),
            hospital_collaboration: sheet
                .hospital_collaboration
                .iter()
                .map(|e| ItemLayout::new(e, lang))
                .collect(),
            concerns: lines(&sheet.concerns),
            questions: lines(&sheet.questions),
        }
    }
}

impl ItemLayout {
    fn new(e: &Event, lang: Lang) -> ItemLayout {
        ItemLayout {
            date: date_as_written(e.date.as_ref(), e.date_undetermined, lang),
            status: e
                .status
                .map(|s| crate::i18n::status_word(s, lang).to_string()),
            status_key: e.status.map(|s| s.as_str()),
            text: clean(&e.text),
            organizer: nonblank(e.organizer.as_deref()),
            rescheduled_from: date_as_written(e.rescheduled_from.as_ref(), false, lang),
            note: nonblank(e.note.as_deref()),
        }
    }
}

/// The statements that are not blank, made safe for a terminal.
fn lines(items: &[String]) -> Vec<String> {
    items
        .iter()
        .filter(|s| !crate::core::text::is_blank(s))
        .map(|s| clean(s.trim()))
        .collect()
}

fn nonblank(s: Option<&str>) -> Option<String> {
    s.filter(|s| !crate::core::text::is_blank(s))
        .map(|s| clean(s.trim()))
}

/// A value with its unit when it is a number (`11人`); text as written; blank = none.
pub(crate) fn value_text(v: &Value, unit: Option<&str>) -> Option<String> {
    match v {
        // Written with its unit already (`"13人"`): as written.
        Value::Text(t) | Value::Written(WrittenNumber { text: t, .. }) => nonblank(Some(t)),
        number => Some(format!(
            "{number}{}",
            unit.map(|u| clean(u.trim())).unwrap_or_default()
        )),
    }
}

/// `１．` in Japanese (full-width, as on the sheet), `1.` in English.
pub(crate) fn number(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            let digits: String = n
                .to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
                .collect();
            format!("{digits}．")
        }
        Lang::En => format!("{n}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(number(1, Lang::Ja), "１．");
        assert_eq!(number(12, Lang::Ja), "１２．");
        assert_eq!(number(3, Lang::En), "3.");
    }

    #[test]
    fn values_carry_units_only_when_numeric() {
        assert_eq!(
            value_text(&Value::Integer(11), Some("人")),
            Some("11人".into())
        );
        assert_eq!(value_text(&Value::Float(3.5), None), Some("3.5".into()));
        assert_eq!(
            value_text(&Value::Text("316以上".into()), Some("人")),
            Some("316以上".into())
        );
        assert_eq!(value_text(&Value::Text(" ".into()), Some("人")), None);
    }
}
