//! Words of `diff`, `history` and `show`: reviewing edits in git.

use crate::i18n::Lang;
use crate::report::diff::semantic::{Kind, Section};

crate::words! {
    /// Labels of the review commands.
    pub enum W {
        WorkingTree => "作業ツリー", "working tree";
        Added => "追加", "added";
        Removed => "削除", "removed";
        Changed => "変更", "changed";
        Notes => "注記", "notes";
        Achieved => "達成", "achieved";
        NotAchieved => "未達成", "not achieved";
        ProgressPct => "進捗", "progress";
        TargetWord => "目標", "target";
        SheetWord => "シート", "sheet";
        Inline => "差分", "inline";
        Date => "日付", "date";
        Commit => "コミット", "commit";
        Subject => "件名", "subject";
        Indicator => "指標", "indicator";
        Baseline => "第1回会議時", "baseline";
        Current => "今回", "current";
        Target => "目標値", "target";
        Assessment => "評価", "assessment";
        Error => "エラー", "error";
        Unparsable => "読み込めない版", "does not load";
        Deleted => "ファイル削除", "file deleted";
        NoIndicators => "指標なし", "no indicators";
        NotInClone => "手元にない版（部分クローン）", "not in this clone";
        TooLargeVersion => "4 MiB を超える版（読みません）", "over 4 MiB (not read)";
        Unmerged => "未マージ", "unmerged";
    }
}

/// The label of a section.
pub fn section(s: Section, lang: Lang) -> &'static str {
    match s {
        Section::Sheet => lang.pick("シート", "sheet"),
        Section::Goals => lang.pick("達成目標", "goal"),
        Section::Progress => lang.pick("進捗状況", "progress"),
        Section::Challenges => lang.pick("課題", "challenge"),
        Section::Views => lang.pick("視点別の認識", "views"),
        Section::Indicators => lang.pick("指標", "indicator"),
        Section::HospitalCollaboration => lang.pick("病院との連携", "hospital collaboration"),
        Section::Strengths => lang.pick("特徴（強み）", "strength"),
        Section::Concerns => lang.pick("課題・悩み", "concern"),
        Section::Questions => lang.pick("他自治体への質問", "question"),
    }
}

/// The label of a field key; an unknown key is shown as written.
pub fn field(key: &str, lang: Lang) -> String {
    let (ja, en) = match key {
        "prefecture" => ("都道府県", "prefecture"),
        "region" => ("圏域", "region"),
        "fiscal_year" => ("年度", "fiscal year"),
        "meeting" => ("会議", "meeting"),
        "as_of" => ("現時点", "as of"),
        "theme" => ("テーマ", "theme"),
        "summary" => ("概要", "summary"),
        "strengths" => ("特徴（強み）", "strengths"),
        "concerns" => ("課題・悩み", "concerns"),
        "questions" => ("他自治体への質問", "questions"),
        "id" => ("ID", "id"),
        "text" => ("内容", "text"),
        "indicator" => ("指標", "indicator"),
        "progress" => ("進捗状況", "progress"),
        "date" => ("日付", "date"),
        "status" => ("状況", "status"),
        "rescheduled_from" => ("当初の予定日", "rescheduled from"),
        "note" => ("備考", "note"),
        "organizer" => ("主催", "organizer"),
        "actions" => ("取組方針", "actions"),
        "views" => ("視点別の認識", "views"),
        "administration" => ("行政側", "administration"),
        "medical" => ("医療側", "medical"),
        "providers" => ("事業者側", "providers"),
        "community" => ("関係機関・住民等", "community"),
        "name" => ("指標名", "name"),
        "reason" => ("設定理由", "reason"),
        "unit" => ("単位", "unit"),
        "better" => ("良い方向", "better"),
        "baseline" => ("現状値（第1回会議時）", "baseline"),
        "current" => ("現状値（今回）", "current"),
        "target" => ("目標値", "target"),
        other => return other.to_string(),
    };
    lang.pick(ja, en).to_string()
}

/// A status word as shown (`予定` / `planned`, the words of
/// [`super::status_word`]); an unknown word as written.
pub fn status(word: &str, lang: Lang) -> String {
    if let Some(s) = crate::core::model::Status::ALL
        .into_iter()
        .find(|s| s.as_str() == word)
    {
        return super::status_word(s, lang).to_string();
    }
    if lang == Lang::En {
        return word.replace('_', " ");
    }
    match word {
        "higher" => "高いほど良い",
        "lower" => "低いほど良い",
        other => other,
    }
    .to_string()
}

pub fn kind(k: Kind, lang: Lang) -> &'static str {
    match k {
        Kind::Added => W::Added.get(lang),
        Kind::Removed => W::Removed.get(lang),
        Kind::Changed => W::Changed.get(lang),
    }
}

/// What the summary line of `diff` counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffCounts {
    pub changes: usize,
    pub changed: usize,
    pub added: usize,
    pub removed: usize,
    /// Sheets not compared because a version does not load.
    pub unloadable: usize,
}

/// The one-line summary of `diff`. It never says "no differences" when a sheet
/// was not compared.
pub fn diff_summary(lang: Lang, old: &str, new: &str, n: DiffCounts) -> String {
    // As git's external diff both sides carry the file's name: say it once.
    let span = match lang {
        _ if old == new => old.to_string(),
        Lang::Ja => format!("{old} から {new} へ"),
        Lang::En => format!("{old} -> {new}"),
    };
    let DiffCounts {
        changes,
        changed,
        added,
        removed,
        unloadable,
    } = n;
    match lang {
        Lang::Ja if changes == 0 && unloadable == 0 => format!("{span}: 違いはありません"),
        Lang::Ja if changes == 0 => {
            format!("{span}: 比べられませんでした（読み込めない版のあるシート {unloadable}）")
        }
        Lang::Ja => {
            let mut s = format!(
                "{span}: {changes} 件の違い（変更されたシート {changed}、追加 {added}、削除 {removed}"
            );
            if unloadable > 0 {
                s.push_str(&format!("、読み込めず比べられなかったシート {unloadable}"));
            }
            s.push('）');
            s
        }
        Lang::En if changes == 0 && unloadable == 0 => format!("{span}: no differences"),
        Lang::En if changes == 0 => format!(
            "{span}: not compared ({unloadable} sheet{} with a version that does not load)",
            plural(unloadable)
        ),
        Lang::En => {
            let mut s = format!(
                "{span}: {changes} difference{} ({changed} sheet{} changed, {added} added, {removed} removed",
                plural(changes),
                plural(changed)
            );
            if unloadable > 0 {
                s.push_str(&format!(", {unloadable} not compared: does not load"));
            }
            s.push(')');
            s
        }
    }
}

/// Heads the errors of a version that does not load, in git's external diff.
pub fn version_does_not_load(lang: Lang, old: bool, file: &str) -> String {
    match (lang, old) {
        (Lang::Ja, true) => format!("{file} の古い版は読み込めません:"),
        (Lang::Ja, false) => format!("{file} の新しい版は読み込めません:"),
        (Lang::En, true) => format!("the old version of {file} does not load:"),
        (Lang::En, false) => format!("the new version of {file} does not load:"),
    }
}

/// Heads the text as written, old and new, marked as a line diff.
pub fn as_written(lang: Lang) -> &'static str {
    lang.pick(
        "書かれたままのテキスト（- 古い版、+ 新しい版）:",
        "the text as written (- old, + new):",
    )
}

/// The first line `show --raw-on-error` prints before a sheet that does not load.
pub fn shown_as_written(lang: Lang) -> &'static str {
    lang.pick(
        "このシートは読み込めないため、書かれたままを示します",
        "this sheet does not load; shown as written",
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// A note that a list's order changed.
pub fn order_changed(lang: Lang, region: &str, what: &str) -> String {
    match lang {
        Lang::Ja => format!("{region}: {what}の順序が変わりました（内容の変更ではありません）"),
        Lang::En => format!("{region}: order changed in {what} (not a change of content)"),
    }
}

/// A note that a sheet's file was renamed.
pub fn renamed(lang: Lang, region: &str, old: &str, new: &str) -> String {
    match lang {
        Lang::Ja => format!("{region}: ファイル名が {old} から {new} に変わりました"),
        Lang::En => format!("{region}: file renamed from {old} to {new}"),
    }
}

/// Said on stderr when one side of a pair does not load.
pub fn side_skipped(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Ja => format!("sheet: {file} はエラーがあるため比較から除外しました"),
        Lang::En => format!("sheet: left {file} out of the comparison: it has errors"),
    }
}

/// The title above the `history` table: the region, the year of the file followed
/// (when it loads) and the file.
pub fn history_title(lang: Lang, region: &str, year: Option<&str>, file: &str) -> String {
    match (lang, year) {
        (Lang::Ja, Some(y)) => {
            format!("{region} {y} の指標の推移（git の履歴、古い順）: {file}")
        }
        (Lang::Ja, None) => format!("{region}の指標の推移（git の履歴、古い順）: {file}"),
        (Lang::En, Some(y)) => {
            format!("{region}, {y}: indicators over the git history, oldest first: {file}")
        }
        (Lang::En, None) => {
            format!("{region}: indicators over the git history, oldest first: {file}")
        }
    }
}

/// A sheet of the region of another year, below the title of `history`; `year`
/// is the year for people and its start year for `--fiscal-year`.
pub fn other_year(lang: Lang, file: &str, year: Option<(String, i32)>) -> String {
    match (lang, year) {
        (Lang::Ja, Some((y, n))) => {
            format!("（ほかの年度: {y} は {file}。--fiscal-year {n} で追えます）")
        }
        (Lang::Ja, None) => format!("（ほかのファイル: {file}。いまは読み込めません）"),
        (Lang::En, Some((y, n))) => {
            format!("(another year: {y} is {file}; follow it with --fiscal-year {n})")
        }
        (Lang::En, None) => format!("(another file: {file}; it does not load now)"),
    }
}

/// After `no_history`, when the region has sheets of other years.
pub fn try_other_year(lang: Lang, year: Option<i32>) -> String {
    match (lang, year) {
        (Lang::Ja, Some(n)) => {
            format!("ほかの年度のシートの履歴は --fiscal-year で選べます（例: --fiscal-year {n}）")
        }
        (Lang::Ja, None) => "ほかのシートの履歴は --fiscal-year で選べます".to_string(),
        (Lang::En, Some(n)) => format!(
            "choose the history of another year's sheet with --fiscal-year (e.g. --fiscal-year {n})"
        ),
        (Lang::En, None) => "choose another sheet's history with --fiscal-year".to_string(),
    }
}

/// `history` when git knows no commit of the file.
pub fn no_history(lang: Lang, file: &str) -> String {
    match lang {
        Lang::Ja => format!("{file} はまだコミットされていません"),
        Lang::En => format!("{file} has no commits yet"),
    }
}

/// An unknown `--indicator`.
pub fn unknown_indicator(lang: Lang, name: &str, known: &[String]) -> String {
    match lang {
        Lang::Ja => format!(
            "指標「{name}」はこの圏域の履歴にありません。ある指標: {}",
            known.join("、")
        ),
        Lang::En => format!(
            "no indicator \"{name}\" in this region's history; known: {}",
            known.join(", ")
        ),
    }
}

/// Bad use of `sheet diff`.
pub fn diff_usage(lang: Lang) -> String {
    lang.pick(
        "使い方: sheet diff OLD.toml NEW.toml | sheet diff REV [REV2] [-- PATH...]",
        "usage: sheet diff OLD.toml NEW.toml | sheet diff REV [REV2] [-- PATH...]",
    )
    .to_string()
}

/// `-- PATH` given with two files.
pub fn paths_with_files(lang: Lang) -> String {
    lang.pick(
        "2 つのファイルを比べるときは -- PATH を付けません",
        "-- PATH goes with revisions, not with two files",
    )
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_summary_with_sheets_not_compared_never_says_no_differences() {
        let none = DiffCounts::default();
        assert_eq!(
            diff_summary(Lang::Ja, "a", "b", none),
            "a から b へ: 違いはありません"
        );
        let broken = DiffCounts {
            unloadable: 1,
            ..none
        };
        assert_eq!(
            diff_summary(Lang::En, "x.toml", "x.toml", broken),
            "x.toml: not compared (1 sheet with a version that does not load)"
        );
        let both = DiffCounts {
            changes: 2,
            changed: 1,
            unloadable: 2,
            ..none
        };
        assert_eq!(
            diff_summary(Lang::Ja, "HEAD", "作業ツリー", both),
            "HEAD から 作業ツリー へ: 2 件の違い（変更されたシート 1、追加 0、削除 0、読み込めず比べられなかったシート 2）"
        );
        assert_eq!(
            diff_summary(Lang::En, "HEAD", "working tree", both),
            "HEAD -> working tree: 2 differences (1 sheet changed, 0 added, 0 removed, 2 not compared: does not load)"
        );
    }
}
