//! Sentences of the command output that are not diagnostics.

use crate::i18n::Lang;

/// Builders of whole sentences.
pub struct Ui;

impl Ui {
    /// Said on stderr when a sheet with errors is left out of a report.
    pub fn skipped(lang: Lang, file: &str) -> String {
        match lang {
            Lang::Ja => format!(
                "sheet: {file} はエラーがあるため除外しました（sheet validate で確認できます）"
            ),
            Lang::En => format!("sheet: skipped {file}: it has errors (see sheet validate)"),
        }
    }

    /// Said on stderr when `render` has no sheet left to lay out.
    pub fn nothing_to_render(lang: Lang) -> String {
        match lang {
            Lang::Ja => "sheet: 表示できるシートがないため、何も書き出しませんでした".to_string(),
            Lang::En => "sheet: no sheet to render; nothing was written".to_string(),
        }
    }

    /// The last line of `validate`, ending in the verdict the exit status gives:
    /// under `--strict` a warning fails the run, and the line says so.
    pub fn summary(
        lang: Lang,
        files: usize,
        errors: usize,
        warnings: usize,
        strict: bool,
    ) -> String {
        let fails_on_warnings = errors == 0 && strict && warnings > 0;
        match lang {
            Lang::Ja => {
                let verdict = if errors > 0 {
                    "要修正"
                } else if fails_on_warnings {
                    "--strict のため注意があると不合格"
                } else {
                    "問題なし"
                };
                format!(
                    "{files} ファイルを検査: エラー {errors} 件、注意 {warnings} 件（{verdict}）"
                )
            }
            Lang::En => {
                let plural =
                    |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
                let verdict = if errors > 0 {
                    "failed"
                } else if fails_on_warnings {
                    "failed: --strict counts warnings"
                } else {
                    "passed"
                };
                format!(
                    "checked {}: {}, {} ({verdict})",
                    plural(files, "file"),
                    plural(errors, "error"),
                    plural(warnings, "warning")
                )
            }
        }
    }
}
