//! Words of `progress` and `compare`.

use chrono::NaiveDate;

use crate::core::fiscal::FiscalYear;
use crate::core::model::{Better, Status, View};
use crate::i18n::Lang;
use crate::report::{AsOfSource, Verdict};
use crate::words;

words! {
    /// Labels of the reports.
    pub enum W {
        Goal => "目標", "Goal";
        Indicator => "指標", "Indicator";
        Indicators => "指標", "Indicators";
        Date => "日付", "Date";
        Status => "状況", "Status";
        ProgressItem => "進捗状況", "Progress";
        NoProgress => "（進捗の記載なし）", "(no progress written)";
        NoGoals => "（達成目標の記載なし）", "(no goals written)";
        NoIndicators => "（指標の記載なし）", "(no indicators written)";
        NoRegions => "（表示する圏域がありません）", "(no regions to show)";
        Unit => "単位", "Unit";
        Baseline => "第1回", "Baseline";
        Current => "今回", "Current";
        Target => "目標", "Target";
        Verdict => "判定", "Achieved";
        ProgressPct => "進捗率", "Progress";
        MetAtBaseline => "当初から達成", "met at baseline";
        Missing => "-", "-";
        DateUndetermined => "未定", "not fixed (未定)";
        Note => "備考", "note";
        Overview => "概要", "Overview";
        BlankViews => "視点別の空欄", "Blank views";
        BlankViewsNote => "数字は、その視点が空欄の課題の数です。", "Figures: challenges that leave the view blank.";
        IndicatorsAcross => "指標の比較", "Indicators side by side";
        Themes => "テーマ", "Themes";
        Theme => "テーマ", "Theme";
        ThemesNote => "数字は、そのテーマに触れている記述の数です。", "Figures: text fields that mention the theme.";
        Questions => "他自治体への質問", "Questions to other municipalities";
        NoQuestions => "（他自治体への質問の記載なし）", "(no questions written)";
        Region => "圏域", "Region";
        Question => "質問", "Question";
        Ask => "聞く相手", "Ask";
        AskNote => "聞く相手: 強み・進捗・病院との連携でそのテーマに触れている圏域（括弧内は記述の数）。", "Ask: regions whose strengths, progress or hospital collaboration mention the themes (mentions in brackets).";
        NoneFound => "（該当なし）", "(none)";
        Item => "項目", "Item";
        Challenges => "課題", "Challenges";
        RowGoals => "達成目標", "Goals";
        RowDone => "進捗: 実施", "Progress: done";
        RowPlanned => "進捗: 予定", "Progress: planned";
        RowInProgress => "進捗: 実施中", "Progress: in progress";
        RowPostponed => "進捗: 延期", "Progress: postponed";
        RowCancelled => "進捗: 中止", "Progress: cancelled";
        RowNote => "進捗: 状況なし", "Progress: no status";
        RowOverdue => "進捗: 期限超過", "Progress: overdue";
        RowChallenges => "課題", "Challenges";
        RowViewsFilled => "視点: 記入あり", "Views: filled";
        RowViewsEmpty => "視点: 空欄", "Views: blank";
        RowIndicators => "指標", "Indicators";
        RowNumeric => "指標: 数値", "Indicators: numeric";
        RowAchieved => "指標: 達成", "Indicators: achieved";
        RowUndetermined => "指標: 未定", "Indicators: undetermined";
        RowConcerns => "課題・悩み", "Concerns";
        RowQuestions => "他自治体への質問", "Questions";
        BuiltinThemes => "組み込みの用語集", "built-in glossary";
        Texts => "各圏域の記述", "What each region wrote";
        Strengths => "特徴（強み）", "Strengths";
        Latest => "最新の進捗", "Latest";
        NothingWritten => "（記載なし）", "(nothing written)";
        Timeline => "予定と期限超過", "Timeline: overdue and next";
        TimelineAll => "日程", "Timeline";
        OverdueItems => "期限超過", "Overdue";
        NextItems => "今後の予定", "Coming next";
        UndatedItems => "日付未定の予定", "Planned, no date yet";
        NoItems => "（なし）", "(none)";
        What => "内容", "What";
        HospitalItem => "病院との連携", "Hospital collaboration";
        Shared => "同じ課題", "Shares the problem";
        SharedNote => "同じ課題: 答えられる圏域がないとき、課題・悩みなどで同じテーマに触れている圏域。", "Shares the problem: where no region can answer, the regions that mention the themes elsewhere (concerns, challenges).";
        Organizer => "主催", "organizer";
        Briefing => "事前資料", "Briefing";
        Standing => "各圏域の現況", "Where each region stands";
        ProgressBar => "進捗の状況", "Progress items";
        NextItem => "次の予定", "Next";
        IndicatorFigures => "指標（達成／数値／全体）", "Indicators (achieved / numeric / all)";
        BlankViewsShort => "空欄の視点", "Blank views";
        ChartsTitle => "指標：第1回から今回へ、目標と比べて", "Indicators: baseline to current, against the target";
        ChartsNote => "〇 第1回　● 今回　| 目標　網掛けは目標を満たす範囲。数値でない値は文字のまま示します。", "o baseline, ● current, | target; the shaded band meets the target. Values that are not numbers are shown as written.";
        NotNumeric => "数値でない指標", "Indicators that are not numbers";
        BetterHigher => "高いほど良い", "higher is better";
        BetterLower => "低いほど良い", "lower is better";
        HeatNote => "色が濃いほど多い。", "Darker is more.";
        AsOfMark => "現時点", "as of";
        HistoryTitle => "指標の推移（git の履歴）", "Indicators over the git history";
        Commits => "コミット", "Commits";
        TextsSideBySide => "各圏域の記述（並べて）", "What each region wrote, side by side";
    }
}

/// The direction an indicator improves in.
pub fn better(lang: Lang, b: Better) -> &'static str {
    match b {
        Better::Higher => W::BetterHigher.get(lang),
        Better::Lower => W::BetterLower.get(lang),
    }
}

/// A heading with a count: `期限超過（2件）` / `Overdue (2)`.
pub fn counted(lang: Lang, title: &str, n: usize) -> String {
    match lang {
        Lang::Ja => format!("{title}（{n}件）"),
        Lang::En => format!("{title} ({n})"),
    }
}

/// A region's heading among the texts: `《南加賀》` / `-- 南加賀 --`.
pub fn region_heading(lang: Lang, label: &str) -> String {
    match lang {
        Lang::Ja => format!("《{label}》"),
        Lang::En => format!("-- {label} --"),
    }
}

/// An indicator's heading, with its unit when all regions share it.
pub fn indicator_heading(lang: Lang, name: &str, unit: Option<&str>) -> String {
    match (lang, unit) {
        (Lang::Ja, Some(u)) => format!("＜{name}＞（単位: {u}）"),
        (Lang::Ja, None) => format!("＜{name}＞"),
        (Lang::En, Some(u)) => format!("<{name}> (unit: {u})"),
        (Lang::En, None) => format!("<{name}>"),
    }
}

/// A status in words; `None` is a plain note.
pub fn status(lang: Lang, status: Option<Status>) -> &'static str {
    match status {
        Some(s) => super::status_word(s, lang),
        None => lang.pick("メモ", "note"),
    }
}

/// The mark of an overdue item.
pub fn overdue(lang: Lang) -> &'static str {
    lang.pick("期限超過", "overdue")
}

/// A party whose view a challenge records.
pub fn view(lang: Lang, view: View) -> &'static str {
    match lang {
        Lang::Ja => view.label_ja(),
        Lang::En => match view {
            View::Administration => "Administration",
            View::Medical => "Medical",
            View::Providers => "Providers",
            View::Community => "Community",
        },
    }
}

/// The verdict on an indicator.
pub fn verdict(lang: Lang, v: Verdict) -> &'static str {
    match v {
        Verdict::Achieved => lang.pick("達成", "achieved"),
        Verdict::NotAchieved => lang.pick("未達成", "not achieved"),
        Verdict::Undetermined => lang.pick("未定", "undetermined"),
        Verdict::Qualitative => lang.pick("定性的な目標", "qualitative"),
        Verdict::NotJudged => lang.pick("判定できず", "cannot judge"),
    }
}

/// The direction of an indicator whose lower values are better, shown with it.
pub fn lower_is_better(lang: Lang) -> String {
    let words = better(lang, Better::Lower);
    lang.pick(format!("（{words}）"), format!("({words})"))
}

/// A current value against its target, the way hledger's budget report shows
/// actual against goal: `11 [367% of 3]` / `11 [3の367%]`.
pub fn of_target(lang: Lang, current: &str, pct: &str, goal: &str) -> String {
    match lang {
        Lang::Ja => format!("{current} [{goal}の{pct}]"),
        Lang::En => format!("{current} [{pct} of {goal}]"),
    }
}

/// A fiscal year for people: `平成30年度 (2018)` / `FY2018 (平成30年度)`.
pub fn fiscal_year(lang: Lang, fy: FiscalYear) -> String {
    match lang {
        Lang::Ja => fy.display_ja(),
        Lang::En => fy.display_en(),
    }
}

/// A day for people: `2018年9月30日` / `2018-09-30`.
pub fn day(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Ja => d.format("%Y年%-m月%-d日").to_string(),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

/// `2018年9月30日時点` with where the date came from.
pub fn as_of(lang: Lang, d: NaiveDate, source: AsOfSource) -> String {
    let when = day(lang, d);
    match (lang, source) {
        (Lang::Ja, AsOfSource::Sheet) => format!("{when}時点"),
        (Lang::Ja, AsOfSource::Option) => format!("{when}時点（--as-of）"),
        (Lang::Ja, AsOfSource::Today) => format!("{when}時点（今日）"),
        (Lang::En, AsOfSource::Sheet) => format!("as of {when}"),
        (Lang::En, AsOfSource::Option) => format!("as of {when} (--as-of)"),
        (Lang::En, AsOfSource::Today) => format!("as of {when} (today)"),
    }
}

/// The title line of a region.
pub fn region_title(
    lang: Lang,
    prefecture: &str,
    region: &str,
    fy: FiscalYear,
    as_of_text: &str,
) -> String {
    match lang {
        Lang::Ja => format!(
            "{prefecture} {region}　{}　{as_of_text}",
            fiscal_year(lang, fy)
        ),
        Lang::En => format!(
            "{prefecture} {region}, {}, {as_of_text}",
            fiscal_year(lang, fy)
        ),
    }
}

/// The name of a goal: `目標1` / `Goal 1`.
pub fn goal_label(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("目標{n}"),
        Lang::En => format!("Goal {n}"),
    }
}

/// The heading of a goal before its text: `【目標1】` / `Goal 1: `.
pub fn goal_heading(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("【{}】", goal_label(lang, n)),
        Lang::En => format!("{}: ", goal_label(lang, n)),
    }
}

/// The indicator a goal names.
pub fn goal_indicator(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Ja => format!("（指標: {name}）"),
        Lang::En => format!(" (indicator: {name})"),
    }
}

/// A section heading in a terminal: `【概要】` / `Overview`.
pub fn section(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Ja => format!("【{title}】"),
        Lang::En => format!("== {title} =="),
    }
}

/// The original date of a moved item.
pub fn rescheduled_from(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Ja => format!("元の予定：{date}"),
        Lang::En => format!("moved from {date}"),
    }
}

/// A note on an item.
pub fn note(lang: Lang, text: &str) -> String {
    match lang {
        // No space after a full-width colon, so a table cell wraps the text rather than
        // leaving the label alone on its line.
        Lang::Ja => format!("{}：{text}", W::Note.get(lang)),
        // A no-break space: the label stays with the start of the text.
        Lang::En => format!("{}:\u{a0}{text}", W::Note.get(lang)),
    }
}

/// The title of `compare`; `scope` (prefecture, fiscal year) may be empty. `sheets`
/// is more than `regions` when a region has sheets of several years.
pub fn compare_title(
    lang: Lang,
    regions: usize,
    sheets: usize,
    scope: &str,
    as_of_text: &str,
) -> String {
    match lang {
        Lang::Ja => {
            let count = if sheets == regions {
                format!("{regions} 圏域")
            } else {
                format!("{regions} 圏域・{sheets} 枚")
            };
            if scope.is_empty() {
                format!("圏域の比較（{count}）　{as_of_text}")
            } else {
                format!("圏域の比較（{count}）　{scope}　{as_of_text}")
            }
        }
        Lang::En => {
            let plural = if regions == 1 { "" } else { "s" };
            let count = if sheets == regions {
                format!("{regions} region{plural}")
            } else {
                format!("{sheets} sheets of {regions} region{plural}")
            };
            if scope.is_empty() {
                format!("Comparing {count}, {as_of_text}")
            } else {
                format!("Comparing {count}: {scope}, {as_of_text}")
            }
        }
    }
}

/// When regions were judged at different dates.
pub fn as_of_per_region(lang: Lang) -> &'static str {
    lang.pick("時点は圏域ごと", "as of each sheet's date")
}

/// Said when the sheets compared come from different prefectures.
pub fn mixed_prefectures(lang: Lang, names: &[String]) -> String {
    match lang {
        Lang::Ja => format!(
            "注意: 異なる都道府県のシートを比較しています（{}）。",
            names.join("、")
        ),
        Lang::En => format!(
            "Note: comparing sheets of different prefectures ({}).",
            names.join(", ")
        ),
    }
}

/// Said when the sheets compared are of different fiscal years.
pub fn mixed_fiscal_years(lang: Lang, years: &[FiscalYear]) -> String {
    let shown: Vec<String> = years.iter().map(|y| fiscal_year(lang, *y)).collect();
    match lang {
        Lang::Ja => format!(
            "注意: 異なる年度のシートを比較しています（{}）。",
            shown.join("、")
        ),
        Lang::En => format!(
            "Note: comparing sheets of different fiscal years ({}).",
            shown.join(", ")
        ),
    }
}

/// Where the themes came from.
pub fn themes_source(lang: Lang, file: Option<&str>) -> String {
    let source = file.unwrap_or(W::BuiltinThemes.get(lang));
    match lang {
        Lang::Ja => format!("テーマの定義: {source}"),
        Lang::En => format!("Themes from: {source}"),
    }
}

/// A region to ask, with its number of mentions.
pub fn ask_entry(lang: Lang, label: &str, mentions: usize) -> String {
    match lang {
        Lang::Ja => format!("{label}（{mentions}）"),
        Lang::En => format!("{label} ({mentions})"),
    }
}

/// The separator of lists inside a cell.
pub fn list_sep(lang: Lang) -> &'static str {
    lang.pick("、", ", ")
}
