//! Every word the tool shows a person, in Japanese and English.
//!
//! Labels are grouped per area in submodules; each is a `words!` table so a label
//! cannot exist in one language only. Diagnostic messages live in [`diag`].

pub mod authoring;
pub mod diag;
pub mod failure;
pub mod help;
pub mod report;
pub mod review;
pub mod themes;
pub mod ui;
pub mod workbook;

/// The language of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// 日本語
    #[default]
    Ja,
    /// English
    En,
}

impl Lang {
    /// Pick the Japanese or the English text.
    pub fn pick<T>(self, ja: T, en: T) -> T {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// Declares an enum of labels, each with its Japanese and English text.
#[macro_export]
macro_rules! words {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident => $ja:expr, $en:expr;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name { $($variant),* }
        impl $name {
            /// The label in the given language.
            pub fn get(self, lang: $crate::i18n::Lang) -> &'static str {
                match self {
                    $($name::$variant => lang.pick($ja, $en)),*
                }
            }
        }
    };
}
