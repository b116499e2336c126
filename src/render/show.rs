//! A sheet as stable plain text (`sheet show --canonical`), one line per field,
//! sections in a fixed order (that of the original 事前課題 sheet), labels in the
//! output language. Made for git's `textconv`, so `git diff` and `git log -p` show
//! what changed in words a reviewer reads. Each item starts with a `[section] text`
//! line, which a `xfuncname` of `^\[` turns into the hunk header.

use crate::core::diag::{FileReport, Severity};
use crate::core::model::{DateValue, Event, Sheet, Value, View};
use crate::core::place::Position;
use crate::i18n::review::{self as words, field, section, status, W};
use crate::i18n::Lang;
use crate::render::terminal::clean;
use crate::report::diff::Section;

/// Builds the canonical text.
struct Canon {
    out: String,
    lang: Lang,
}

impl Canon {
    fn header(&mut self, label: &str, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push('[');
        self.out.push_str(label);
        self.out.push(']');
        if !text.is_empty() {
            self.out.push(' ');
            self.push_value(text, "");
        }
        self.out.push('\n');
    }

    /// `indent label: value`, continuation lines of a multi-line value indented.
    fn line(&mut self, indent: &str, key: &str, value: &str) {
        self.out.push_str(indent);
        self.out.push_str(&field(key, self.lang));
        self.out.push_str(": ");
        self.push_value(value, indent);
        self.out.push('\n');
    }

    /// An optional field, left out when absent or blank (`meeting = ""`), as
    /// every other output leaves it out.
    fn opt(&mut self, indent: &str, key: &str, value: Option<&str>) {
        if let Some(v) = value.filter(|v| !crate::core::text::is_blank(v)) {
            self.line(indent, key, v);
        }
    }

    fn item(&mut self, indent: &str, value: &str) {
        self.out.push_str(indent);
        self.out.push_str("- ");
        self.push_value(value, indent);
        self.out.push('\n');
    }

    fn push_value(&mut self, value: &str, indent: &str) {
        let value = clean(value).replace('\r', "");
        let mut lines = value.split('\n');
        self.out.push_str(lines.next().unwrap_or_default());
        for l in lines {
            self.out.push('\n');
            self.out.push_str(indent);
            self.out.push_str("    ");
            self.out.push_str(l);
        }
    }

    /// A date (with its precision word), `未定` when written so, nothing when absent.
    fn date(&self, d: Option<&DateValue>, undetermined: bool) -> Option<String> {
        (d.is_some() || undetermined).then(|| crate::render::date_text(d, undetermined, self.lang))
    }

    fn event(&mut self, indent: &str, e: &Event) {
        let date = self.date(e.date.as_ref(), e.date_undetermined);
        self.opt(indent, "date", date.as_deref());
        let st = e.status.map(|s| status(s.as_str(), self.lang));
        self.opt(indent, "status", st.as_deref());
        let moved = self.date(e.rescheduled_from.as_ref(), false);
        self.opt(indent, "rescheduled_from", moved.as_deref());
        self.opt(indent, "note", e.note.as_deref());
        self.opt(indent, "organizer", e.organizer.as_deref());
    }

    fn list(&mut self, label: &str, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.header(label, "");
        for s in items {
            self.item("", s);
        }
    }
}

/// The canonical text of a sheet.
pub fn canonical(sheet: &Sheet, lang: Lang) -> String {
    let mut c = Canon {
        out: String::new(),
        lang,
    };
    let fy = match lang {
        Lang::Ja => sheet.fiscal_year.display_ja(),
        Lang::En => sheet.fiscal_year.display_en(),
    };
    c.header(W::SheetWord.get(lang), "");
    c.line("", "prefecture", &sheet.prefecture);
    c.line("", "region", &sheet.region);
    c.line("", "fiscal_year", &fy);
    c.opt("", "meeting", sheet.meeting.as_deref());
    let as_of = c.date(sheet.as_of.as_ref(), false);
    c.opt("", "as_of", as_of.as_deref());
    c.opt("", "theme", sheet.theme.as_deref());
    c.opt("", "summary", sheet.summary.as_deref());
    c.list(&field("strengths", lang), &sheet.strengths);

    let goal = section(Section::Goals, lang);
    let progress = section(Section::Progress, lang);
    for g in &sheet.goals {
        c.header(goal, &g.text);
        c.opt("", "id", g.id.as_deref());
        c.opt("", "indicator", g.indicator.as_deref());
        for p in &g.progress {
            c.out.push_str("  [");
            c.out.push_str(progress);
            c.out.push_str("] ");
            c.push_value(&p.text, "  ");
            c.out.push('\n');
            c.event("  ", p);
        }
    }

    let challenge = section(Section::Challenges, lang);
    for ch in &sheet.challenges {
        c.header(challenge, &ch.text);
        c.opt("", "id", ch.id.as_deref());
        if !ch.actions.is_empty() {
            c.out.push_str(&field("actions", lang));
            c.out.push_str(":\n");
            for a in &ch.actions {
                c.item("", a);
            }
        }
        for v in View::ALL {
            let said: Vec<&String> = ch
                .views
                .get(v)
                .iter()
                .filter(|s| !crate::core::text::is_blank(s))
                .collect();
            let key = format!("{} {}", field("views", lang), field(v.key(), lang));
            match said.as_slice() {
                // A word, not `-`, which a view could hold as its text: as git's
                // textconv, `show` must tell a blank view from one that says `-`.
                [] => c.out.push_str(&format!(
                    "{key}: {}\n",
                    crate::i18n::report::W::NothingWritten.get(lang)
                )),
                [one] => {
                    c.out.push_str(&format!("{key}: "));
                    c.push_value(one, "");
                    c.out.push('\n');
                }
                many => {
                    c.out.push_str(&format!("{key}:\n"));
                    for s in many {
                        c.item("", s);
                    }
                }
            }
        }
    }

    let indicator = section(Section::Indicators, lang);
    for i in &sheet.indicators {
        c.header(indicator, &i.name);
        c.opt("", "reason", i.reason.as_deref());
        c.opt("", "unit", i.unit.as_deref());
        c.line("", "better", &status(i.better().as_str(), lang));
        let show = |v: &Option<Value>| v.as_ref().map(Value::to_string);
        c.opt("", "baseline", show(&i.baseline).as_deref());
        c.opt("", "current", show(&i.current).as_deref());
        c.opt("", "target", show(&i.target).as_deref());
        let judged = crate::render::judged(&crate::report::Standing::of(i), lang);
        if !judged.is_empty() {
            let label = lang.pick("評価", "assessment");
            c.out.push_str(&format!(
                "{label}: {}\n",
                judged.join(lang.pick("、", ", "))
            ));
        }
    }

    let hospital = section(Section::HospitalCollaboration, lang);
    for h in &sheet.hospital_collaboration {
        c.header(hospital, &h.text);
        c.event("", h);
    }
    c.list(&field("concerns", lang), &sheet.concerns);
    c.list(&field("questions", lang), &sheet.questions);
    c.out
}

/// A sheet that does not load, for git's textconv: comment lines saying why (each
/// error with its place), then the text as written, so the reader of `git diff`
/// sees both and git goes on.
pub fn as_written(report: &FileReport, bytes: &[u8], lang: Lang) -> String {
    let mut out = format!("# sheet: {}\n", words::shown_as_written(lang));
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
    {
        let at = match report.position(d) {
            Position::Line { line, column } => format!(" {line}:{column}"),
            Position::Cell(cell) => format!(" {cell}"),
            Position::File => String::new(),
        };
        let message = crate::render::diag::message(d, lang).replace(['\n', '\r'], " ");
        out.push_str(&format!("# sheet: {}{at}: {message}\n", d.code().as_str()));
    }
    // A workbook (no text) is not shown: its bytes are a zip.
    if report.source.is_some() {
        out.push_str(&String::from_utf8_lossy(bytes));
    }
    clean(&out)
}
