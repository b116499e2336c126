//! Words of `themes.toml` problems.

use crate::i18n::Lang;
use crate::themes::{limits, ThemesProblem};

/// What is wrong with a `themes.toml`.
pub fn themes_problem(lang: Lang, problem: &ThemesProblem) -> String {
    let example = "[themes]\n\"ピアサポート\" = [\"ピアサポ\"]";
    let example = example.replace('\n', "  ");
    let ja = lang == Lang::Ja;
    match problem {
        ThemesProblem::Encoding => lang
            .pick(
                "UTF-8 のテキストではありません（UTF-8 で保存し直してください）",
                "not UTF-8 text (save it again as UTF-8)",
            )
            .to_string(),
        ThemesProblem::Syntax {
            line,
            column,
            message,
            unquoted_key,
        } => {
            let hint = match (unquoted_key, ja) {
                (false, _) => String::new(),
                (true, true) => {
                    format!("。日本語のテーマ名は引用符で囲んでください（例: {example}）")
                }
                (true, false) => {
                    format!("; put a Japanese theme name in quotes (example: {example})")
                }
            };
            if ja {
                format!("{line} 行 {column} 列: TOML として読めません（{message}）{hint}")
            } else {
                format!("line {line}, column {column}: not valid TOML ({message}){hint}")
            }
        }
        ThemesProblem::NoThemesTable => {
            if ja {
                format!("[themes] の表がありません（例: {example}）")
            } else {
                format!("no [themes] table (example: {example})")
            }
        }
        ThemesProblem::UnknownKey(k) => {
            if ja {
                format!("知らないキー \"{k}\"（[themes] の表だけを書けます）")
            } else {
                format!("unknown key \"{k}\" (only a [themes] table is allowed)")
            }
        }
        ThemesProblem::NotATable => {
            if ja {
                format!("themes は表にしてください（例: {example}）")
            } else {
                format!("themes must be a table (example: {example})")
            }
        }
        ThemesProblem::NotAList(t) => {
            if ja {
                format!("テーマ \"{t}\" の値はキーワード（文字列）の配列にしてください")
            } else {
                format!("theme \"{t}\" must be an array of keyword strings")
            }
        }
        ThemesProblem::BlankKeyword(t) => {
            if ja {
                format!("テーマ \"{t}\" に空のキーワードがあるか、キーワードがありません")
            } else {
                format!("theme \"{t}\" has a blank keyword or none at all")
            }
        }
        ThemesProblem::NoThemes => lang
            .pick("テーマが 1 つもありません", "defines no theme")
            .to_string(),
        ThemesProblem::TooMany { themes, keywords } => {
            let (most, all) = (limits::THEMES, limits::KEYWORDS);
            if ja {
                format!("テーマ {themes} 個・キーワード {keywords} 個は多すぎます（テーマは {most} 個、キーワードは合わせて {all} 個まで）")
            } else {
                format!("{themes} themes with {keywords} keywords are too many (at most {most} themes and {all} keywords in all)")
            }
        }
        ThemesProblem::LongKeyword(t) => {
            let most = limits::KEYWORD_CHARS;
            if ja {
                format!("テーマ \"{t}\" のキーワードが長すぎます（{most} 文字まで）")
            } else {
                format!("theme \"{t}\" has a keyword longer than {most} characters")
            }
        }
    }
}
