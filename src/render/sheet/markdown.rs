//! `render --format markdown`: GitHub-flavoured Markdown, every piece of sheet text
//! escaped so it cannot turn into markup (or raw HTML) in a Markdown viewer.

use super::{ItemLayout, SheetLayout, SheetLayouts};
use crate::i18n::authoring::{self, Label};
use crate::i18n::Lang;
use crate::render::markdown::esc;

pub fn render(report: &SheetLayouts, lang: Lang) -> String {
    let mut out = String::new();
    for (i, sheet) in report.sheets.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        render_sheet(&mut out, sheet, lang);
    }
    out
}

fn render_sheet(out: &mut String, s: &SheetLayout, lang: Lang) {
    let blank = Label::Blank.get(lang);
    let push = |out: &mut String, line: &str| {
        out.push_str(line);
        out.push('\n');
    };

    push(out, &format!("# {} {}", esc(&s.prefecture), esc(&s.region)));
    push(out, "");
    let [first, second] =
        authoring::heading_lines(lang, &s.era, &s.fiscal_year, s.meeting.as_deref());
    push(out, &format!("{}  ", esc(&first)));
    push(out, &esc(&second));
    push(out, "");
    let mut meta = Vec::new();
    if let Some(theme) = &s.theme {
        meta.push(format!("**{}**: {}", Label::Theme.get(lang), esc(theme)));
    }
    if let Some(as_of) = &s.as_of {
        meta.push(format!("**{}**: {}", Label::AsOf.get(lang), esc(as_of)));
    }
    if !meta.is_empty() {
        push(out, &meta.join("  \n"));
        push(out, "");
    }
    if let Some(summary) = &s.summary {
        push(out, &format!("> {}", esc(summary)));
        push(out, "");
    }

    // １ 達成目標と進捗
    push(
        out,
        &format!("## {}", authoring::section1(&s.era, s.start_year, lang)),
    );
    push(out, "");
    push(
        out,
        &row(&[
            authoring::goals_column(&s.era, s.start_year, lang),
            Label::Progress.get(lang).to_string(),
        ]),
    );
    push(out, "| --- | --- |");
    if s.goals.is_empty() {
        push(out, &row(&[blank.to_string(), blank.to_string()]));
    }
    for g in &s.goals {
        let progress = if g.progress.is_empty() {
            blank.to_string()
        } else {
            g.progress
                .iter()
                .map(|p| format!("・{}", item(p, lang)))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        push(
            out,
            &row(&[format!("{}{}", g.number, esc(&g.text)), progress]),
        );
    }
    push(out, "");

    // ２ 強みと課題
    push(out, &format!("## {}", Label::Section2.get(lang)));
    push(out, "");
    push(out, &format!("**{}**", Label::Strengths.get(lang)));
    push(out, "");
    if s.strengths.is_empty() {
        push(out, blank);
    }
    for (i, t) in s.strengths.iter().enumerate() {
        push(out, &format!("{}. {}", i + 1, esc(t)));
    }
    push(out, "");
    let mut head = vec![
        Label::Challenge.get(lang).to_string(),
        Label::Actions.get(lang).to_string(),
    ];
    head.extend(
        crate::core::model::View::ALL
            .iter()
            .map(|v| authoring::view_label(*v, lang).to_string()),
    );
    push(out, &format!("**{}**", Label::Views.get(lang)));
    push(out, "");
    push(out, &row(&head));
    push(out, "| --- | --- | --- | --- | --- | --- |");
    if s.challenges.is_empty() {
        push(out, &row(&vec![blank.to_string(); 6]));
    }
    for c in &s.challenges {
        let mut cells = vec![esc(&c.text), bullets(&c.actions, blank)];
        cells.extend(c.views.iter().map(|v| lines_cell(&v.lines, blank)));
        push(out, &row(&cells));
    }
    push(out, "");
    push(out, &format!("**{}**", Label::Indicator.get(lang)));
    push(out, "");
    push(
        out,
        &row(&[
            Label::Indicator.get(lang).to_string(),
            Label::Reason.get(lang).to_string(),
            Label::Baseline.get(lang).to_string(),
            Label::Current.get(lang).to_string(),
            Label::Target.get(lang).to_string(),
        ]),
    );
    push(out, "| --- | --- | ---: | ---: | ---: |");
    if s.indicators.is_empty() {
        push(out, &row(&vec![blank.to_string(); 5]));
    }
    for ind in &s.indicators {
        let cell = |v: &Option<String>| v.as_deref().map_or_else(|| blank.to_string(), esc);
        push(
            out,
            &row(&[
                format!("{}{}", ind.number, esc(&ind.name)),
                cell(&ind.reason),
                cell(&ind.baseline),
                cell(&ind.current),
                cell(&ind.target),
            ]),
        );
    }
    push(out, "");

    // ３ 病院との連携
    push(out, &format!("## {}", Label::Section3.get(lang)));
    push(out, "");
    if s.hospital_collaboration.is_empty() {
        push(out, blank);
    }
    for h in &s.hospital_collaboration {
        push(out, &format!("- {}", item(h, lang)));
    }
    push(out, "");

    // ４ 課題・悩み、質問
    push(out, &format!("## {}", Label::Section4.get(lang)));
    push(out, "");
    for (label, items) in [
        (Label::Concerns, &s.concerns),
        (Label::Questions, &s.questions),
    ] {
        push(out, &format!("**{}**", label.get(lang)));
        push(out, "");
        if items.is_empty() {
            push(out, blank);
        }
        for t in items.iter() {
            push(out, &format!("- {}", esc(t)));
        }
        push(out, "");
    }
}

/// A progress item or a collaboration on one line:
/// `11月2日 ［予定］ 第1回地域連絡会（当初 9/4）（補足: …）`.
fn item(i: &ItemLayout, lang: Lang) -> String {
    let mut line = String::new();
    if let Some(d) = &i.date {
        line.push_str(&esc(d));
        line.push(' ');
    }
    if let Some(s) = &i.status {
        line.push_str(&esc(&lang.pick(format!("［{s}］"), format!("[{s}] "))));
    }
    line.push_str(&esc(&i.text));
    let mut aside = |label: Label, v: &Option<String>| {
        if let Some(v) = v {
            line.push_str(&esc(&lang.pick(
                format!("（{}：{v}）", label.get(lang)),
                format!(" ({}: {v})", label.get(lang)),
            )));
        }
    };
    aside(Label::Organizer, &i.organizer);
    aside(Label::Originally, &i.rescheduled_from);
    aside(Label::Note, &i.note);
    line
}

fn row(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

fn bullets(items: &[String], blank: &str) -> String {
    if items.is_empty() {
        return blank.to_string();
    }
    items
        .iter()
        .map(|t| format!("・{}", esc(t)))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn lines_cell(items: &[String], blank: &str) -> String {
    match items {
        [] => blank.to_string(),
        [one] => esc(one),
        many => bullets(many, blank),
    }
}
