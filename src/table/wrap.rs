//! Line breaking by display width. Where a line may break comes from Unicode line
//! breaking (UAX #14, `unicode-linebreak`), which already keeps 。、」）・ー, small
//! kana and closing brackets off the start of a line (kinsoku), keeps ASCII words
//! and numbers such as `-37.5%` whole, and breaks between any two kanji or kana.
//! On top of it:
//! - rather than filling a line to the last character, break between phrases
//!   (at a space, after 、 or 。, before an opening bracket) when the line keeps
//!   at least half its width (`南加賀:` / `地域移行数` / `12人`);
//! - a number stays with the character after it (`2名`, `4日`);
//! - figures are kept whole when asked (`16以上`, `2018年11月中旬`).

use unicode_linebreak::{break_property, linebreaks, BreakClass};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The spaces a line is broken at, dropped at the end of a line.
const SPACES: [char; 2] = [' ', '\u{3000}'];
/// A word that starts with a digit and is at most this wide is a figure
/// (`16以上`, `2018-10-01`, `2018年11月中旬`, `[3の367%]`).
pub const FIGURE: usize = 16;

/// Lines of `text` at most `width` display cells wide (the text's own lines when
/// `width` is `None`): broken where Unicode allows (not inside a figure that fits
/// the width when `figures` are kept whole), and a run with no break in it that is
/// wider than `width` (a long URL) cut where it reaches the width.
pub fn fit(text: &str, width: Option<usize>, figures: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    for line in text.split('\n') {
        match width {
            Some(width) if line.width() > width => {
                let width = width.max(1);
                let whole = if figures { width } else { 0 };
                wrap_line(line, width, breaks(line, whole), &mut lines)
            }
            _ => lines.push(line),
        }
    }
    lines
}

/// [`fit`] for a short phrase that reads as one, such as a verdict: broken only
/// between its words ([`word_breaks`]), a word wider than `width` where it
/// reaches the width. Phrases joined into one (`達成、当初から達成`,
/// `achieved, met at baseline`) break between them when each fits the width.
pub fn fit_words(text: &str, width: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    for line in text.split('\n') {
        if line.width() > width {
            let joins = phrase_breaks(line);
            let mut start = 0;
            let each_fits = joins.iter().all(|&at| {
                let fits = line[start..at].trim_end_matches(SPACES).width() <= width;
                start = at;
                fits
            });
            let breaks = if each_fits {
                joins
            } else {
                word_breaks(line, true)
            };
            wrap_line(line, width.max(1), breaks, &mut lines);
        } else {
            lines.push(line);
        }
    }
    lines
}

/// Whether a phrase of a list ends with `c` (`、` `，` `。`, or a comma before a
/// space).
fn ends_phrase(c: char) -> bool {
    matches!(c, '、' | '，' | '。' | '．')
}

/// Where phrases joined into one part (the end of the line included): after
/// 、，。, and after the spaces that follow a comma or come before an opening
/// bracket (`読み込めない版` / `(syntax 102:1)`).
fn phrase_breaks(line: &str) -> Vec<usize> {
    let mut at_breaks: Vec<usize> = line
        .char_indices()
        .zip(line.chars().skip(1))
        .filter(|((at, c), next)| {
            (ends_phrase(*c) && !SPACES.contains(next))
                || (SPACES.contains(c)
                    && !SPACES.contains(next)
                    && (line[..*at].trim_end_matches(SPACES).ends_with(',')
                        || starts_with_opening(&line[at + c.len_utf8()..])))
        })
        .map(|((at, c), _)| at + c.len_utf8())
        .collect();
    at_breaks.push(line.len());
    at_breaks
}

/// The widest word of `line` (see [`word_breaks`]): Japanese words apart only
/// when `kana` says so, else only what spaces part.
pub fn widest_word(line: &str, kana: bool) -> usize {
    let mut start = 0;
    let mut widest = 0;
    for at in word_breaks(line, kana) {
        widest = widest.max(line[start..at].trim_end_matches(SPACES).width());
        start = at;
    }
    widest
}

/// Where a short phrase may break between its words (the end of the line
/// included): after a space or a 、 (`未達成、` / `進捗 -264%`), and (with `kana`)
/// where hiragana end before a kanji (`当初から` / `達成`), the way a Japanese
/// phrase falls into words; never inside a word (`未達成`, `baseline`).
fn word_breaks(line: &str, kana: bool) -> Vec<usize> {
    let is_kana = |c: char| ('\u{3041}'..='\u{309F}').contains(&c);
    let is_kanji = |c: char| {
        ('\u{4E00}'..='\u{9FFF}').contains(&c)
            || ('\u{3400}'..='\u{4DBF}').contains(&c)
            || c == '々'
    };
    let mut at_breaks: Vec<usize> = line
        .char_indices()
        .zip(line.chars().skip(1))
        .filter(|((_, c), next)| {
            ((SPACES.contains(c) || ends_phrase(*c)) && !SPACES.contains(next))
                || (kana && is_kana(*c) && is_kanji(*next))
        })
        .map(|((at, c), _)| at + c.len_utf8())
        .collect();
    at_breaks.push(line.len());
    at_breaks
}

/// The widest run of `line` that no break may split (a word, a number with its
/// sign and unit sign, a kanji with the 。 after it; a figure when `figures` are
/// kept whole).
pub fn widest_run(line: &str, figures: bool) -> usize {
    let mut start = 0;
    let mut widest = 0;
    for at in breaks(line, if figures { FIGURE } else { 0 }) {
        widest = widest.max(line[start..at].trim_end_matches(SPACES).width());
        start = at;
    }
    widest
}

/// A word that reads as a number or a date: it starts with a digit (after a sign
/// or an opening bracket), is short, and is no phrase (no 、 or 。 in it).
pub fn is_figure(word: &str) -> bool {
    let digits = word.trim_start_matches(['-', '+', '−', '－', '(', '[', '（']);
    digits.starts_with(is_digit)
        && word.width() <= FIGURE
        && !word.contains(['、', '。', '，', '．'])
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Where `line` may break (the end of the line included): UAX #14's break
/// opportunities, less those inside a figure at most `whole` wide.
fn breaks(line: &str, whole: usize) -> Vec<usize> {
    let mut figure_spans = Vec::new();
    if whole > 0 {
        let mut start = None;
        for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
            match (start, SPACES.contains(&c)) {
                (None, false) => start = Some(i),
                (Some(s), true) => {
                    let word = &line[s..i];
                    if is_figure(word) && word.width() <= whole {
                        figure_spans.push(s..i);
                    }
                    start = None;
                }
                _ => {}
            }
        }
    }
    // Both in order: the figure that may hold a break is the first not ended by it.
    let mut figures = figure_spans.iter().peekable();
    linebreaks(line)
        .map(|(at, _)| at)
        // A number stays with what follows it (`2名`, `4日`), as in JIS X 4051.
        .filter(|&at| !line[..at].ends_with(is_digit) || at == line.len())
        .filter(|&at| {
            while figures.next_if(|f| f.end <= at).is_some() {}
            figures.peek().is_none_or(|f| at <= f.start)
        })
        .collect()
}

/// Breaks `line` at `breaks` (in order, the end of the line last) into lines at
/// most `width` wide.
fn wrap_line<'a>(line: &'a str, width: usize, breaks: Vec<usize>, lines: &mut Vec<&'a str>) {
    let mut start = 0;
    // The next break to try.
    let mut k = 0;
    // The width of `line[start..prev]`, `prev` the last break tried where the
    // line fits (added up segment by segment: a line is measured once).
    let (mut prev, mut used) = (0, 0);
    // Of the breaks tried since `start` where the line fits (as `(k, at)`): the
    // last one, the last between phrases (after a space, 、 or 。, before an
    // opening bracket), the last after an ideographic space.
    let (mut fits, mut phrase, mut wide_space) = (None, None, None);
    while let Some(&at) = breaks.get(k) {
        let segment = &line[prev..at];
        let trimmed = segment.trim_end_matches(SPACES).width();
        if used + trimmed <= width {
            (prev, used) = (at, used + segment.width());
            fits = Some((k, at));
            if line[..at].ends_with('\u{3000}') {
                wide_space = Some((k, at));
            } else if line[..at].ends_with(' ')
                || line[..at].ends_with(['、', '。', '，', '．'])
                || starts_with_opening(&line[at..])
            {
                phrase = Some((k, at));
            }
            k += 1;
            continue;
        }
        match fits {
            Some(greedy) => {
                // Japanese text breaks best after closing punctuation, then at an
                // ideographic space, then between earlier phrases, rather than at
                // the last character that fits — when the line keeps half its width.
                let keeps_half = |&(_, end): &(usize, usize)| {
                    let kept = line[start..end].trim_end_matches(SPACES);
                    !kept.is_empty() && kept.width() * 2 >= width
                };
                let before = &line[start..greedy.1];
                let (last, end) = if ends_with_closing(before) {
                    greedy
                } else if let Some(wide) = wide_space.filter(keeps_half) {
                    wide
                } else if before.ends_with(SPACES) {
                    greedy
                } else {
                    phrase.filter(keeps_half).unwrap_or(greedy)
                };
                lines.push(line[start..end].trim_end_matches(SPACES));
                start = end;
                k = last + 1;
            }
            None => {
                let run = line[start..at].trim_end_matches(SPACES);
                match cut(run, width, lines) {
                    // A character wider than the line: alone on its line.
                    0 => {
                        lines.push(run);
                        start = at;
                        k += 1;
                    }
                    // A run wider than the line on its own: cut where it reaches
                    // the width; its last piece starts the next line.
                    last => start += last,
                }
            }
        }
        (prev, used) = (start, 0);
        (fits, phrase, wide_space) = (None, None, None);
    }
    let last = line[start..].trim_end_matches(SPACES);
    if !last.is_empty() || start == 0 {
        lines.push(last);
    }
}

/// The text starts with opening punctuation (「（).
fn starts_with_opening(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| break_property(c as u32) == BreakClass::OpenPunctuation)
}

/// The text ends with closing punctuation (、。」）).
fn ends_with_closing(text: &str) -> bool {
    text.trim_end_matches(SPACES)
        .chars()
        .next_back()
        .is_some_and(|c| {
            matches!(
                break_property(c as u32),
                BreakClass::ClosePunctuation | BreakClass::CloseParenthesis
            )
        })
}

/// Cuts a run with no break in it into lines of at most `width`, between grapheme
/// clusters (each line at least one, however wide): all but the last piece go to
/// `lines`, and where the last one starts in `run` is returned.
fn cut<'a>(run: &'a str, width: usize, lines: &mut Vec<&'a str>) -> usize {
    let (mut start, mut used) = (0, 0);
    for (at, g) in run.grapheme_indices(true) {
        let w = g.width();
        if used + w > width && at > start {
            lines.push(&run[start..at]);
            (start, used) = (at, 0);
        }
        used += w;
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrap(text: &str, width: usize) -> Vec<&str> {
        fit(text, Some(width), true)
    }

    #[test]
    fn wraps_japanese_by_width() {
        assert_eq!(
            wrap("あいうえおかきくけこ", 8),
            ["あいうえ", "おかきく", "けこ"]
        );
    }

    #[test]
    fn no_line_starts_with_closing_punctuation_or_small_kana() {
        assert_eq!(wrap("あいう。えお", 6), ["あい", "う。", "えお"]);
        for c in "、。，．」』）】〕〉》・ー！？っゃゅょッャュョ),.:;!?".chars()
        {
            let text = format!("あいう{c}えお");
            for width in 4..10 {
                for line in wrap(&text, width).iter().skip(1) {
                    assert!(!line.starts_with(c), "{text:?} at {width}: {line:?}");
                }
            }
        }
    }

    #[test]
    fn runs_of_closing_punctuation_come_down_together() {
        assert_eq!(wrap("あいうえ(1)）。", 12), ["あいうえ", "(1)）。"]);
        assert_eq!(wrap("年度 (2019)）。", 12), ["年度", "(2019)）。"]);
    }

    #[test]
    fn wraps_english_at_spaces() {
        assert_eq!(wrap("the quick brown fox", 10), ["the quick", "brown fox"]);
    }

    #[test]
    fn breaks_japanese_at_a_space_that_keeps_half_the_line() {
        assert_eq!(
            wrap("南加賀: 地域移行数 12人", 11),
            ["南加賀:", "地域移行数", "12人"]
        );
        // A space too far back is not used: the line is filled instead.
        assert_eq!(
            wrap("a あいうえおかきくけこ", 10),
            ["a あいうえ", "おかきくけ", "こ"]
        );
        // The ideographic space separates phrases too.
        assert_eq!(
            wrap("目標 33以上　進捗 17.6%", 16),
            ["目標 33以上", "進捗 17.6%"]
        );
        assert_eq!(wrap("第1回 31　今回 43", 16), ["第1回 31", "今回 43"]);
        // After 、 the line breaks where it is, not at an earlier space.
        assert_eq!(
            wrap("あいうえ (2019)、令和", 17),
            ["あいうえ (2019)、", "令和"]
        );
    }

    #[test]
    fn a_run_wider_than_the_line_is_cut() {
        assert_eq!(
            wrap("see https://example.org/x", 10),
            ["see", "https://", "example.or", "g/x"]
        );
        let lines = wrap("(2019)）。(2020)）。", 6);
        assert!(lines.iter().all(|l| l.width() <= 6), "{lines:?}");
        assert_eq!(lines.concat(), "(2019)）。(2020)）。");
    }

    #[test]
    fn line_ends_are_kept_and_no_width_is_no_wrap() {
        assert_eq!(fit("a\nb", None, true), ["a", "b"]);
        assert_eq!(fit("あいう\nえ", Some(4), true), ["あい", "う", "え"]);
        assert_eq!(fit("", Some(4), true), [""]);
    }

    #[test]
    fn widest_runs() {
        assert_eq!(widest_run("第1回会議時", true), 3);
        assert_eq!(widest_run("progress item", true), 8);
        assert_eq!(widest_run("-37.5%", false), 6);
        assert_eq!(widest_run("(2019)）。", false), 10);
        assert_eq!(widest_run("11 [3の367%]", false), 5);
        assert_eq!(widest_run("11 [3の367%]", true), 9);
    }

    /// Issue: at 60 columns `当初から達成` was drawn `当初か` / `ら達成`.
    #[test]
    fn a_phrase_breaks_only_between_its_words() {
        assert_eq!(fit_words("当初から達成", 12), ["当初から達成"]);
        assert_eq!(fit_words("当初から達成", 8), ["当初から", "達成"]);
        assert_eq!(widest_word("当初から達成", true), 8);
        assert_eq!(widest_word("当初から達成", false), 12);
        assert_eq!(widest_word("未達成", true), 6);
        assert_eq!(fit_words("未達成", 4), ["未達", "成"]);
        assert_eq!(fit_words("met at baseline", 8), ["met at", "baseline"]);
        assert_eq!(widest_word("met at baseline", false), 8);
    }

    /// Issue: the assessment of `history` broke `達成、当初から` / `達成` and
    /// `achieved, met at` / `baseline` where each phrase fitted a line.
    #[test]
    fn joined_phrases_break_between_them() {
        assert_eq!(
            fit_words("達成、当初から達成", 17),
            ["達成、", "当初から達成"]
        );
        assert_eq!(
            fit_words("未達成、進捗 -264%", 12),
            ["未達成、", "進捗 -264%"]
        );
        assert_eq!(
            fit_words("achieved, met at baseline", 20),
            ["achieved,", "met at baseline"]
        );
        assert_eq!(
            fit_words("読み込めない版 (syntax 102:1)", 22),
            ["読み込めない版", "(syntax 102:1)"]
        );
        // A phrase wider than the line: between words, after 、 too.
        assert_eq!(
            fit_words("未達成、進捗 -264%", 8),
            ["未達成、", "進捗", "-264%"]
        );
        assert_eq!(widest_word("未達成、進捗 -264%", false), 8);
        assert_eq!(widest_word("達成、当初から達成", false), 12);
    }

    #[test]
    fn figures_are_kept_whole_when_asked() {
        assert_eq!(fit("16以上", Some(4), false), ["16以", "上"]);
        assert_eq!(
            fit("ピアサポーター2名に", Some(16), false),
            ["ピアサポーター", "2名に"]
        );
        assert_eq!(
            fit("目標 16以上 です", Some(8), true),
            ["目標", "16以上", "です"]
        );
        assert_eq!(fit("11 [3の367%]", Some(10), true), ["11", "[3の367%]"]);
        assert_eq!(
            fit("2018年11月中旬", Some(10), true),
            ["2018年11月", "中旬"]
        );
        // A figure wider than the line breaks where Unicode allows.
        assert_eq!(
            fit("2018年11月中旬", Some(7), true),
            ["2018年", "11月中", "旬"]
        );
        // Prose that starts with a digit is no figure.
        let prose = "9/4開催予定であったが、台風21号の影響";
        assert_eq!(fit(prose, Some(20), true), fit(prose, Some(20), false));
    }

    proptest::proptest! {
        /// Every line fits; the lines are the text in order, less the spaces it was
        /// broken at; no line but the first starts with a character that UAX #14
        /// keeps off the start of a line.
        #[test]
        fn lines_fit_and_keep_the_text(
            s in "[a-z0-9 　あいうえおかき漢字、。」ー・（）(),.!\n-]{0,40}",
            width in 1usize..20,
        ) {
            let lines = fit(&s, Some(width), true);
            for line in &lines {
                // A wide character is wider than a line of one cell.
                let fits = line.width() <= width || line.chars().count() == 1;
                proptest::prop_assert!(fits, "{:?} in {:?}", line, lines);
            }
            let squeeze = |t: &str| t.chars().filter(|c| !SPACES.contains(c) && *c != '\n').collect::<String>();
            proptest::prop_assert_eq!(squeeze(&lines.concat()), squeeze(&s));
        }
    }
}
