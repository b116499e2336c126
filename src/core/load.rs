//! Text to a [`Sheet`]: parse TOML keeping spans, then walk every table, reporting
//! each unknown key, wrong type and unreadable value instead of stopping at the first.

use std::borrow::Cow;
use std::ops::Range;

use chrono::NaiveDate;
use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

use crate::core::check;
use crate::core::date::{self, DateError};
use crate::core::diag::{Diagnostic, FileReport, Msg, TypeName};
use crate::core::fiscal::{self, FiscalYear};
use crate::core::keys::Table;
use crate::core::model::{
    Better, Challenge, DateValue, Event, Goal, Indicator, Sheet, SheetPlaces, Status, Value, View,
    Views,
};
use crate::core::source::Source;
use crate::core::syntax;
use crate::core::text;
use crate::core::value::{self, Reading};

/// A byte span of the text being loaded.
type Span = Range<usize>;

/// Reads a sheet file's bytes: decodes, loads and runs every per-sheet check (all
/// but `duplicate-region`, which needs the other files of the run). The sheet is
/// there whenever it could be built, even with errors (see
/// [`FileReport::has_errors`]).
pub fn load_file(name: &str, bytes: Vec<u8>, today: NaiveDate) -> (FileReport, Option<Sheet>) {
    let source = match Source::from_vec(name, bytes) {
        Ok(s) => s,
        Err(err) => {
            let source = Source::new(name, &err.prefix);
            let at = source.text.len();
            let report = FileReport {
                name: name.to_string(),
                source: Some(source),
                diagnostics: vec![Diagnostic::new(at..at, Msg::Encoding(err.problem))],
            };
            return (report, None);
        }
    };
    let parsed = parse(&source);
    let mut report = FileReport {
        name: name.to_string(),
        diagnostics: parsed.diagnostics,
        source: None,
    };
    if let Some(sheet) = &parsed.sheet {
        report
            .diagnostics
            .extend(check::check_sheet(sheet, Some(&source), today));
    }
    report.source = Some(source);
    report.sort();
    (report, parsed.sheet)
}

/// What the loader made of a text: the sheet when it could be built, and every
/// finding of the loader (semantic checks come later, in [`check`]).
#[derive(Debug)]
struct Parsed {
    sheet: Option<Sheet>,
    diagnostics: Vec<Diagnostic>,
}

/// Parses and reads a sheet's text.
fn parse(source: &Source) -> Parsed {
    let (root, errors) = DeTable::parse_recoverable(&source.text);
    // A native TOML date that does not exist (2018-02-30) is a date problem, not a
    // syntax one, for the person fixing it; the rest of the file is still read.
    let (date_errors, syntax_errors): (Vec<_>, Vec<_>) = errors
        .iter()
        .partition(|e| e.message().starts_with("invalid date"));
    let mut diagnostics: Vec<Diagnostic> = date_errors
        .iter()
        .map(|e| {
            let span = e.span().unwrap_or(0..0);
            let written = source.slice(span.clone()).unwrap_or_default().to_string();
            Diagnostic::new(
                span,
                Msg::BadDate {
                    written,
                    err: DateError::Impossible,
                    year: None,
                    may_be_undetermined: false,
                },
            )
        })
        .collect();
    if let Some(err) = syntax_errors.first() {
        // After a real syntax error the recovered table is a guess: report the
        // first error only, as rustc does for a file it cannot parse.
        let (span, error) = syntax::explain(source, err.message(), err.span().unwrap_or(0..0));
        diagnostics.push(Diagnostic::new(span, Msg::Syntax(error)));
        return Parsed {
            sheet: None,
            diagnostics,
        };
    }
    let mut walker = Walker { diags: diagnostics };
    let sheet = walker.root(root.get_ref(), source);
    Parsed {
        sheet,
        diagnostics: walker.diags,
    }
}

struct Walker {
    diags: Vec<Diagnostic>,
}

type Entry<'a, 'i> = (&'a Spanned<Cow<'i, str>>, &'a Spanned<DeValue<'i>>);

/// A key's entry in a table. A sheet's tables hold a few keys each, which a scan
/// compares faster than the map hashes the key (SipHash: 4% of the instructions of
/// `compare` on the national corpus went to these lookups); a table of many keys
/// (a broken or hostile file) is looked up by the map's index.
fn entry<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Option<Entry<'a, 'i>> {
    if t.len() <= 16 {
        t.iter().find(|(k, _)| k.get_ref().as_ref() == key)
    } else {
        t.get_key_value(key)
    }
}

/// The value of a key in a table: see [`entry`].
fn get<'a, 'i>(t: &'a DeTable<'i>, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    entry(t, key).map(|(_, v)| v)
}

impl Walker {
    fn push(&mut self, span: Span, msg: Msg) {
        self.diags.push(Diagnostic::new(span, msg));
    }

    /// Reports keys of `table` that `kind` does not have.
    fn check_keys(&mut self, table: &DeTable<'_>, kind: Table) {
        for (key, _) in table.iter() {
            if !kind.keys().contains(&key.get_ref().as_ref()) {
                self.push(
                    key.span(),
                    Msg::UnknownKey {
                        key: key.get_ref().to_string(),
                        table: kind,
                    },
                );
            }
        }
    }

    fn root(&mut self, root: &DeTable<'_>, source: &Source) -> Option<Sheet> {
        self.check_keys(root, Table::Top);
        if let Some((_, v)) = entry(root, "format") {
            match v.get_ref() {
                DeValue::Integer(i) if i.as_str() == "1" && i.radix() == 10 => {}
                DeValue::Integer(i) => self.push(v.span(), Msg::BadFormat(i.to_string())),
                other => self.type_error(v.span(), "format", TypeName::Integer, other),
            }
        }

        let Some((sheet_key, sheet_value)) = entry(root, "sheet") else {
            self.push(
                0..0,
                Msg::Missing {
                    key: "sheet",
                    table: Table::Top,
                },
            );
            // Still read the rest for unknown keys and types.
            self.rest(root, None);
            return None;
        };
        let DeValue::Table(sheet_table) = sheet_value.get_ref() else {
            self.type_error(
                sheet_key.span(),
                "sheet",
                TypeName::Table,
                sheet_value.get_ref(),
            );
            self.rest(root, None);
            return None;
        };
        let header = sheet_value.span();
        self.check_keys(sheet_table, Table::Sheet);

        let prefecture = self.required_str(sheet_table, "prefecture", Table::Sheet, &header);
        let region = self.required_str(sheet_table, "region", Table::Sheet, &header);
        let (fiscal_year, fy_span) = self.fiscal_year(sheet_table, &header);
        let meeting = self.optional_str(sheet_table, "meeting");
        let theme = self.optional_str(sheet_table, "theme");
        let summary = self.optional_str(sheet_table, "summary");
        let as_of = self.optional_date(sheet_table, "as_of", fiscal_year, false);
        let strengths = self.str_list(sheet_table, "strengths");
        let concerns = self.str_list(sheet_table, "concerns");
        let questions = self.str_list(sheet_table, "questions");

        let (goals, challenges, indicators, hospital_collaboration) = self.rest(root, fiscal_year);

        let (prefecture, prefecture_span) = prefecture?;
        let (region, region_span) = region?;
        Some(Sheet {
            file: source.name.clone(),
            prefecture,
            region,
            fiscal_year: fiscal_year?,
            meeting,
            as_of,
            theme,
            summary,
            strengths,
            concerns,
            questions,
            goals,
            challenges,
            indicators,
            hospital_collaboration,
            places: SheetPlaces {
                header: header.into(),
                prefecture: prefecture_span.into(),
                region: region_span.into(),
                fiscal_year: fy_span.into(),
                goals_written: entry(root, "goals").is_some(),
                challenges_written: entry(root, "challenges").is_some(),
                as_of_written: entry(sheet_table, "as_of").is_some(),
            },
        })
    }

    #[allow(clippy::type_complexity)]
    fn rest(
        &mut self,
        root: &DeTable<'_>,
        fy: Option<FiscalYear>,
    ) -> (Vec<Goal>, Vec<Challenge>, Vec<Indicator>, Vec<Event>) {
        let goals = self
            .array_of_tables(root, "goals")
            .into_iter()
            .filter_map(|(t, span)| self.goal(t, span, fy))
            .collect();
        let challenges = self
            .array_of_tables(root, "challenges")
            .into_iter()
            .filter_map(|(t, span)| self.challenge(t, span))
            .collect();
        let indicators = self
            .array_of_tables(root, "indicators")
            .into_iter()
            .filter_map(|(t, span)| self.indicator(t, span))
            .collect();
        let hospital = self
            .array_of_tables(root, "hospital_collaboration")
            .into_iter()
            .filter_map(|(t, span)| self.event(t, span, fy, Table::Hospital))
            .collect();
        (goals, challenges, indicators, hospital)
    }

    fn goal(&mut self, t: &DeTable<'_>, span: Span, fy: Option<FiscalYear>) -> Option<Goal> {
        self.check_keys(t, Table::Goal);
        let text = self.required_str(t, "text", Table::Goal, &span);
        let id = self.optional_str(t, "id");
        let indicator = self.optional_str_spanned(t, "indicator");
        let progress = self
            .array_of_tables(t, "progress")
            .into_iter()
            .filter_map(|(p, span)| self.event(p, span, fy, Table::Progress))
            .collect();
        let (indicator, indicator_span) = match indicator {
            Some((name, s)) => (Some(name), Some(s)),
            None => (None, None),
        };
        Some(Goal {
            id,
            text: text?.0,
            indicator,
            indicator_place: indicator_span.map(Into::into),
            progress,
            place: span.into(),
        })
    }

    fn event(
        &mut self,
        t: &DeTable<'_>,
        span: Span,
        fy: Option<FiscalYear>,
        kind: Table,
    ) -> Option<Event> {
        self.check_keys(t, kind);
        let text = self.required_str(t, "text", kind, &span);
        // `date = "未定"`: not fixed yet, no date (SPEC 1.3).
        let date_undetermined = matches!(
            get(t, "date").map(Spanned::get_ref),
            Some(DeValue::String(s)) if date::is_undetermined(s)
        );
        let date = if date_undetermined {
            None
        } else {
            self.optional_date(t, "date", fy, true)
        };
        let rescheduled_from = self.optional_date(t, "rescheduled_from", fy, false);
        let note = self.optional_str(t, "note");
        let organizer = self.optional_str(t, "organizer");
        let mut status = None;
        let mut status_span = span.clone();
        if let Some((word, s)) = self.optional_str_spanned(t, "status") {
            status_span = s.clone();
            match Status::parse(&word) {
                Some(st) => status = Some(st),
                None => self.push(s, Msg::BadStatus(word)),
            }
        }
        Some(Event {
            text: text?.0,
            date,
            status,
            rescheduled_from,
            note,
            organizer,
            date_undetermined,
            place: span.into(),
            status_place: status_span.into(),
        })
    }

    fn challenge(&mut self, t: &DeTable<'_>, span: Span) -> Option<Challenge> {
        self.check_keys(t, Table::Challenge);
        // A view key written under [[challenges]] itself: the unknown-key error says
        // where it belongs, and the views are not also reported blank.
        let misplaced_view = t
            .iter()
            .any(|(k, _)| Table::Views.keys().contains(&k.get_ref().as_ref()));
        let text = self.required_str(t, "text", Table::Challenge, &span);
        let id = self.optional_str(t, "id");
        let actions = self.str_list(t, "actions");
        let errors_before = self.error_count();
        let mut views = Views::default();
        let mut view_spans = [None, None, None, None];
        let mut views_span = span.clone();
        if let Some((key, v)) = entry(t, "views") {
            match v.get_ref() {
                DeValue::Table(vt) => {
                    views_span = v.span();
                    self.check_keys(vt, Table::Views);
                    for (i, view) in View::ALL.into_iter().enumerate() {
                        if let Some((vk, vv)) = entry(vt, view.key()) {
                            view_spans[i] = Some(vk.span());
                            *views.get_mut(view) = self.str_or_list(vk, vv);
                        }
                    }
                }
                other => self.type_error(key.span(), "views", TypeName::Table, other),
            }
        }
        let views_in_error = misplaced_view || self.error_count() > errors_before;
        Some(Challenge {
            id,
            text: text?.0,
            actions,
            views,
            place: span.into(),
            views_place: views_span.into(),
            view_places: view_spans.map(|s| s.map(Into::into)),
            views_in_error,
        })
    }

    fn error_count(&self) -> usize {
        self.diags
            .iter()
            .filter(|d| d.severity() == crate::core::diag::Severity::Error)
            .count()
    }

    fn indicator(&mut self, t: &DeTable<'_>, span: Span) -> Option<Indicator> {
        self.check_keys(t, Table::Indicator);
        let name = self.required_str(t, "name", Table::Indicator, &span);
        let reason = self.optional_str(t, "reason");
        let unit = self.optional_str(t, "unit");
        let mut better_written = None;
        if let Some((word, s)) = self.optional_str_spanned(t, "better") {
            match text::normalize(&word).as_str() {
                "higher" => better_written = Some(Better::Higher),
                "lower" => better_written = Some(Better::Lower),
                _ => self.push(s, Msg::BadBetter(word)),
            }
        }
        // A blank `unit` is no unit: a value's unit may fill it.
        let mut unit = unit.filter(|u| !text::is_blank(u));
        let add_unit = unit.is_none();
        let baseline = self.value(t, "baseline", add_unit);
        let current = self.value(t, "current", add_unit);
        let target = self.value(t, "target", add_unit);
        // Said once the units are checked: a value whose unit is wrong draws that
        // error only, not also how to write it bare.
        let mut how_written: Vec<(Span, Msg)> = Vec::new();
        let [baseline, current, target] = [baseline, current, target].map(|v| {
            v.map(|(value, span, note)| {
                if let Some(msg) = note {
                    how_written.push((span.clone(), msg));
                }
                (value, span)
            })
        });

        // SPEC §1.5: a value's unit becomes the indicator's when it has none; a
        // different one, from the indicator or from another value, is an error.
        let mut unit_from: Option<(&'static str, String)> = None;
        for (key, v) in [
            ("baseline", &baseline),
            ("current", &current),
            ("target", &target),
        ] {
            let Some((Value::Written(w), span)) = v else {
                continue;
            };
            let Some(u) = &w.unit else {
                continue;
            };
            match &unit {
                None => {
                    unit = Some(u.clone());
                    unit_from = Some((key, w.text.clone()));
                }
                Some(expected) if text::normalize(expected) != text::normalize(u) => {
                    how_written.retain(|(s, _)| s != span);
                    self.push(
                        span.clone(),
                        Msg::UnitMismatch {
                            key,
                            written: w.text.clone(),
                            unit: u.clone(),
                            expected: expected.clone(),
                            expected_from: unit_from.clone(),
                        },
                    );
                }
                Some(_) => {}
            }
        }

        for (span, msg) in how_written {
            self.push(span, msg);
        }
        let target_span = target.as_ref().map(|(_, s)| s.clone());
        let baseline_span = baseline.as_ref().map(|(_, s)| s.clone());
        let current_span = current.as_ref().map(|(_, s)| s.clone());
        if let (Some((target, s)), Some(written)) = (&target, better_written) {
            if let Some(implied) = crate::core::indicator::implied_direction(target) {
                if implied != written {
                    self.push(
                        s.clone(),
                        Msg::ConflictingBetter {
                            target: target.written().into_owned(),
                            better: written,
                            number: target.as_written_number().map(|w| w.number_text()),
                        },
                    );
                }
            }
        }
        let (name, name_span) = name?;
        Some(Indicator {
            name,
            reason,
            unit,
            better_written,
            baseline: baseline.map(|(v, _)| v),
            current: current.map(|(v, _)| v),
            target: target.map(|(v, _)| v),
            place: span.into(),
            name_place: name_span.into(),
            target_place: target_span.map(Into::into),
            baseline_place: baseline_span.map(Into::into),
            current_place: current_span.map(Into::into),
        })
    }

    /// An indicator value and its span. A string is read by SPEC §1.5: a number
    /// written as text, `未定`, or qualitative text.
    ///
    /// One value draws at most one of the warnings about how it is written:
    /// `fullwidth-number` for a string that is only a number in full-width digits
    /// (`"１１"`, what that warning has always covered), else `number-as-text` for
    /// any other number written as text (`"１１人"`, `"13人"`, `"11"`), except the
    /// bound `"316以上"` SPEC §3 describes; `qualitative-number` for text with
    /// digits that is not read as a number.
    ///
    /// Returns the value, its span, and the warning on how it is written, which the
    /// caller gives once the units are checked.
    fn value(
        &mut self,
        t: &DeTable<'_>,
        key: &'static str,
        add_unit: bool,
    ) -> Option<(Value, Span, Option<Msg>)> {
        let v = get(t, key)?;
        let span = v.span();
        let mut note = None;
        let value = match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Value::Integer(n),
                Err(_) => {
                    self.push(span, Msg::BadNumber(i.to_string()));
                    return None;
                }
            },
            DeValue::Float(f) => match f.as_str().parse::<f64>() {
                Ok(x) if x.is_finite() => Value::Float(x),
                _ => {
                    self.push(span, Msg::BadNumber(f.as_str().to_string()));
                    return None;
                }
            },
            DeValue::String(s) => {
                let s = clean_string(s);
                match value::read(&s, key == "target") {
                    Reading::Number(w) => {
                        if text::is_fullwidth_number(&s) {
                            note = Some(Msg::FullwidthNumber(s));
                        } else if !w.is_plain_bound() {
                            note = Some(Msg::NumberAsText {
                                key,
                                value: w.clone(),
                                add_unit: add_unit && w.unit.is_some(),
                            });
                        }
                        Value::Written(w)
                    }
                    Reading::Qualitative { has_digits } => {
                        if has_digits {
                            self.push(
                                span.clone(),
                                Msg::QualitativeNumber {
                                    key,
                                    written: s.clone(),
                                },
                            );
                        }
                        Value::Text(s)
                    }
                    Reading::Undetermined => Value::Text(s),
                    Reading::TooLarge => {
                        self.push(span, Msg::BadNumber(s));
                        return None;
                    }
                }
            }
            other => {
                self.type_error(span, key, TypeName::NumberOrString, other);
                return None;
            }
        };
        Some((value, span, note))
    }

    fn fiscal_year(&mut self, t: &DeTable<'_>, header: &Span) -> (Option<FiscalYear>, Span) {
        let Some(v) = get(t, "fiscal_year") else {
            self.push(
                header.clone(),
                Msg::Missing {
                    key: "fiscal_year",
                    table: Table::Sheet,
                },
            );
            return (None, header.clone());
        };
        let span = v.span();
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => fiscal::fiscal_year_from_int(n)
                    .map(|year| fiscal::ParsedFiscalYear {
                        year,
                        era_overflow: false,
                    })
                    .map_err(|_| i.to_string()),
                Err(_) => Err(i.to_string()),
            },
            DeValue::String(s) => fiscal::parse_fiscal_year(s).map_err(|_| s.to_string()),
            other => {
                self.type_error(
                    span.clone(),
                    "fiscal_year",
                    TypeName::IntegerOrString,
                    other,
                );
                return (None, span);
            }
        };
        match parsed {
            Ok(p) => {
                if p.era_overflow {
                    if let DeValue::String(s) = v.get_ref() {
                        self.push(
                            span.clone(),
                            Msg::EraOverflow {
                                written: s.to_string(),
                                year: p.year,
                            },
                        );
                    }
                }
                (Some(p.year), span)
            }
            Err(written) => {
                self.push(span.clone(), Msg::BadFiscalYear(written));
                (None, span)
            }
        }
    }

    /// A date; `may_be_undetermined` where `未定` is allowed (it is read before,
    /// and only named in the hint here).
    fn optional_date(
        &mut self,
        t: &DeTable<'_>,
        key: &'static str,
        fy: Option<FiscalYear>,
        may_be_undetermined: bool,
    ) -> Option<DateValue> {
        let v = get(t, key)?;
        let span = v.span();
        let (parsed, written) = match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                // A date the parser could not read: already reported as bad-date.
                (None, None, None) => return None,
                (Some(d), None, None) => (
                    date::date_from_ymd(d.year.into(), d.month.into(), d.day.into()).map(|date| {
                        date::WrittenDate {
                            date,
                            weekday: None,
                        }
                    }),
                    dt.to_string(),
                ),
                _ => {
                    self.push(span, Msg::DateWithTime(dt.to_string()));
                    return None;
                }
            },
            DeValue::String(s) => (date::read_date(s, fy), s.to_string()),
            other => {
                self.type_error(span, key, TypeName::Date, other);
                return None;
            }
        };
        match parsed {
            Ok(read) => {
                if let Some((weekday, actual)) = read.weekday_mismatch() {
                    self.push(
                        span.clone(),
                        Msg::WeekdayMismatch {
                            written: written.clone(),
                            date: read.date,
                            weekday,
                            actual,
                        },
                    );
                }
                Some(DateValue {
                    date: read.date,
                    written,
                    weekday: read.weekday,
                    place: span.into(),
                })
            }
            // The fiscal year is already reported as unreadable or missing.
            Err(DateError::NeedsFiscalYear) if fy.is_none() => None,
            Err(err) => {
                self.push(
                    span,
                    Msg::BadDate {
                        written,
                        err,
                        year: fy,
                        may_be_undetermined,
                    },
                );
                None
            }
        }
    }

    fn required_str(
        &mut self,
        t: &DeTable<'_>,
        key: &'static str,
        table: Table,
        header: &Span,
    ) -> Option<(String, Span)> {
        match entry(t, key) {
            None => {
                self.push(header.clone(), Msg::Missing { key, table });
                None
            }
            Some(_) => {
                let (s, span) = self.optional_str_spanned(t, key)?;
                if text::is_blank(&s) {
                    self.push(span.clone(), Msg::Empty { key, table });
                }
                Some((s, span))
            }
        }
    }

    fn optional_str(&mut self, t: &DeTable<'_>, key: &'static str) -> Option<String> {
        self.optional_str_spanned(t, key).map(|(s, _)| s)
    }

    fn optional_str_spanned(
        &mut self,
        t: &DeTable<'_>,
        key: &'static str,
    ) -> Option<(String, Span)> {
        let v = get(t, key)?;
        match v.get_ref() {
            DeValue::String(s) => {
                let s = clean_string(s);
                self.fullwidth(&s, v.span());
                Some((s, v.span()))
            }
            other => {
                self.type_error(v.span(), key, TypeName::String, other);
                None
            }
        }
    }

    fn str_list(&mut self, t: &DeTable<'_>, key: &'static str) -> Vec<String> {
        let Some(v) = get(t, key) else {
            return Vec::new();
        };
        match v.get_ref() {
            DeValue::Array(items) => self.strings_of(key, items),
            DeValue::String(_) => {
                self.push(v.span(), Msg::StringForList(key));
                Vec::new()
            }
            other => {
                self.type_error(v.span(), key, TypeName::StringList, other);
                Vec::new()
            }
        }
    }

    /// A view: one string or an array of strings.
    fn str_or_list(
        &mut self,
        key: &Spanned<Cow<'_, str>>,
        v: &Spanned<DeValue<'_>>,
    ) -> Vec<String> {
        match v.get_ref() {
            DeValue::String(s) => {
                let s = clean_string(s);
                self.fullwidth(&s, v.span());
                vec![s]
            }
            DeValue::Array(items) => self.strings_of(key.get_ref(), items),
            other => {
                self.type_error(v.span(), key.get_ref(), TypeName::StringOrList, other);
                Vec::new()
            }
        }
    }

    fn strings_of(&mut self, key: &str, items: &DeArray<'_>) -> Vec<String> {
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => {
                    let s = clean_string(s);
                    self.fullwidth(&s, item.span());
                    out.push(s);
                }
                other => self.type_error(item.span(), key, TypeName::String, other),
            }
        }
        out
    }

    /// The tables of an array of tables (`[[goals]]`), with their header spans.
    fn array_of_tables<'a, 'i>(
        &mut self,
        t: &'a DeTable<'i>,
        key: &'static str,
    ) -> Vec<(&'a DeTable<'i>, Span)> {
        let Some((k, v)) = entry(t, key) else {
            return Vec::new();
        };
        let entry: Entry<'a, 'i> = (k, v);
        match entry.1.get_ref() {
            DeValue::Array(items) => {
                let mut out = Vec::new();
                for item in items.iter() {
                    match item.get_ref() {
                        DeValue::Table(table) => out.push((table, item.span())),
                        other => self.type_error(item.span(), key, TypeName::Table, other),
                    }
                }
                out
            }
            DeValue::Table(_) => {
                self.push(entry.0.span(), Msg::TableForArray(key));
                Vec::new()
            }
            other => {
                self.type_error(entry.1.span(), key, TypeName::TableList, other);
                Vec::new()
            }
        }
    }

    fn fullwidth(&mut self, s: &str, span: Span) {
        if text::is_fullwidth_number(s) {
            self.push(span, Msg::FullwidthNumber(s.to_string()));
        }
    }

    fn type_error(&mut self, span: Span, key: &str, expected: TypeName, found: &DeValue<'_>) {
        self.push(
            span,
            Msg::Type {
                key: key.to_string(),
                expected,
                found: TypeName::of(found),
            },
        );
    }
}

/// Multi-line strings keep `\r\n` from CRLF files: store `\n`.
fn clean_string(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n")
    } else {
        s.to_string()
    }
}
