//! Words of `themes.toml` problems.

use crate::i18n::Lang;
use crate::themes::{limits, ThemesProblem};

/// What is wrong with a `themes.toml`.
pub fn themes_problem(lang: Lang, problem: &ThemesProblem) -> String {
    let example = "[themes]\n\"ピアサポート\" = [\"ピアサポ\"]";
    let example = example.replace('\n', "  ");
    match (lang, problem) {
        (Lang::Ja, ThemesProblem::Encoding) => {
            "UTF-8 のテキストではありません（UTF-8 で保存し直してください）".to_string()
        }
        (Lang::En, ThemesProblem::Encoding) => {
            "not UTF-8 text (save it again as UTF-8)".to_string()
        }
        (
            Lang::Ja,
            ThemesProblem::Syntax {
                line,
                column,
                message,
                unquoted_key,
            },
        ) => {
            let hint = if *unquoted_key {
                format!("。日本語のテーマ名は引用符で囲んでください（例: {example}）")
            } else {
                String::new()
            };
            format!("{line} 行 {column} 列: TOML として読めません（{message}）{hint}")
        }
        (
            Lang::En,
            ThemesProblem::Syntax {
                line,
                column,
                message,
                unquoted_key,
            },
        ) => {
            let hint = if *unquoted_key {
                format!("; put a Japanese theme name in quotes (example: {example})")
            } else {
                String::new()
            };
            format!("line {line}, column {column}: not valid TOML ({message}){hint}")
        }
        (Lang::Ja, ThemesProblem::NoThemesTable) => {
            format!("[themes] の表がありません（例: {example}）")
        }
        (Lang::En, ThemesProblem::NoThemesTable) => {
            format!("no [themes] table (example: {example})")
        }
        (Lang::Ja, ThemesProblem::UnknownKey(k)) => {
            format!("知らないキー \"{k}\"（[themes] の表だけを書けます）")
        }
        (Lang::En, ThemesProblem::UnknownKey(k)) => {
            format!("unknown key \"{k}\" (only a [themes] table is allowed)")
        }
        (Lang::Ja, ThemesProblem::NotATable) => {
            format!("themes は表にしてください（例: {example}）")
        }
        (Lang::En, ThemesProblem::NotATable) => {
            format!("themes must be a table (example: {example})")
        }
        (Lang::Ja, ThemesProblem::NotAList(t)) => {
            format!("テーマ \"{t}\" の値はキーワード（文字列）の配列にしてください")
        }
        (Lang::En, ThemesProblem::NotAList(t)) => {
            format!("theme \"{t}\" must be an array of keyword strings")
        }
        (Lang::Ja, ThemesProblem::BlankKeyword(t)) => {
            format!("テーマ \"{t}\" に空のキーワードがあるか、キーワードがありません")
        }
        (Lang::En, ThemesProblem::BlankKeyword(t)) => {
            format!("theme \"{t}\" has a blank keyword or none at all")
        }
        (Lang::Ja, ThemesProblem::NoThemes) => "テーマが 1 つもありません".to_string(),
        (Lang::En, ThemesProblem::NoThemes) => "defines no theme".to_string(),
        (Lang::Ja, ThemesProblem::TooMany { themes, keywords }) => format!(
            "テーマ {themes} 個・キーワード {keywords} 個は多すぎます（テーマは {} 個、キーワードは合わせて {} 個まで）",
            limits::THEMES, limits::KEYWORDS
        ),
        (Lang::En, ThemesProblem::TooMany { themes, keywords }) => format!(
            "{themes} themes with {keywords} keywords are too many (at most {} themes and {} keywords in all)",
            limits::THEMES, limits::KEYWORDS
        ),
        (Lang::Ja, ThemesProblem::LongKeyword(t)) => format!(
            "テーマ \"{t}\" のキーワードが長すぎます（{} 文字まで）",
            limits::KEYWORD_CHARS
        ),
        (Lang::En, ThemesProblem::LongKeyword(t)) => format!(
            "theme \"{t}\" has a keyword longer than {} characters",
            limits::KEYWORD_CHARS
        ),
    }
}
