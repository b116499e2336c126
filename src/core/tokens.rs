//! The small tokenizer shared by fiscal years and dates (SPEC 1.2, 1.3), and the
//! Japanese eras both are written in.
//!
//! Input is NFKC normalised (full-width digits, letters, slashes and parentheses
//! become ASCII), whitespace between tokens is ignored, and runs of ASCII digits
//! become numbers that saturate instead of overflowing, so no input can make the
//! parsers panic.

/// The Japanese eras (元号) a sheet may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Era {
    Meiji,
    Taisho,
    Showa,
    Heisei,
    Reiwa,
}

impl Era {
    pub(crate) const ALL: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    pub(crate) fn name(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The one-letter abbreviation (JIS X 0301).
    pub(crate) fn letter(self) -> char {
        match self {
            Era::Meiji => 'M',
            Era::Taisho => 'T',
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    /// The Gregorian year of 元年.
    pub(crate) fn first_year(self) -> i32 {
        match self {
            Era::Meiji => 1868,
            Era::Taisho => 1912,
            Era::Showa => 1926,
            Era::Heisei => 1989,
            Era::Reiwa => 2019,
        }
    }

    /// The last fiscal year that began (on 1 April) while the era was still in force;
    /// a later one written with this era is an era overflow. 平成 ended on 30 April
    /// 2019, so 平成31年度 is legitimate; 昭和 ended on 7 January 1989, so 昭和64年度 is not.
    pub(crate) fn last_fiscal_year(self) -> Option<i32> {
        match self {
            Era::Meiji => Some(1912),  // ended 30 July 1912
            Era::Taisho => Some(1926), // ended 25 December 1926
            Era::Showa => Some(1988),  // ended 7 January 1989
            Era::Heisei => Some(2019), // ended 30 April 2019
            Era::Reiwa => None,
        }
    }

    /// The era that names the calendar year `year` (the one in force at its end).
    pub(crate) fn naming_year(year: i32) -> Era {
        Era::ALL
            .iter()
            .rev()
            .copied()
            .find(|era| year >= era.first_year())
            .unwrap_or(Era::Meiji)
    }

    /// The Gregorian year of era year `n`, saturating on absurd input.
    pub(crate) fn gregorian_year(self, n: u64) -> i64 {
        i64::from(self.first_year() - 1).saturating_add(saturating_i64(n))
    }
}

/// A run of ASCII digits. `value` saturates at `u64::MAX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    pub(crate) value: u64,
    pub(crate) digits: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Num(Number),
    Char(char),
}

/// A cursor over the tokens of an NFKC-normalised string: digit runs and single
/// characters, whitespace dropped (it only separates tokens).
#[derive(Debug, Clone)]
pub(crate) struct Cursor {
    tokens: Vec<Token>,
    pos: usize,
}

impl Cursor {
    pub(crate) fn new(s: &str) -> Cursor {
        let normalized = super::text::nfkc(s);
        let mut tokens = Vec::new();
        let mut number: Option<Number> = None;
        for ch in normalized.chars() {
            if let Some(digit) = ch.to_digit(10) {
                let current = number.get_or_insert(Number {
                    value: 0,
                    digits: 0,
                });
                current.value = current
                    .value
                    .saturating_mul(10)
                    .saturating_add(u64::from(digit));
                current.digits = current.digits.saturating_add(1);
                continue;
            }
            if let Some(n) = number.take() {
                tokens.push(Token::Num(n));
            }
            if !ch.is_whitespace() {
                tokens.push(Token::Char(ch));
            }
        }
        if let Some(n) = number {
            tokens.push(Token::Num(n));
        }
        Cursor { tokens, pos: 0 }
    }

    pub(crate) fn is_at_end(&self) -> bool {
        self.pos >= self.tokens.len()
    }

    pub(crate) fn position(&self) -> usize {
        self.pos
    }

    pub(crate) fn reset(&mut self, pos: usize) {
        self.pos = pos;
    }

    fn peek(&self) -> Option<Token> {
        self.tokens.get(self.pos).copied()
    }

    /// Whether the last tokens are the characters of `s`.
    pub(crate) fn ends_with_str(&self, s: &str) -> bool {
        let n = s.chars().count();
        self.tokens.len().checked_sub(n).is_some_and(|at| {
            self.tokens[at..]
                .iter()
                .zip(s.chars())
                .all(|(t, c)| *t == Token::Char(c))
        })
    }

    /// Remove the last tokens when they are the characters of `s`.
    pub(crate) fn strip_last_str(&mut self, s: &str) -> bool {
        let matches = self.ends_with_str(s);
        if matches {
            let n = s.chars().count();
            self.tokens.truncate(self.tokens.len() - n);
        }
        matches
    }

    pub(crate) fn eat_char(&mut self, c: char) -> bool {
        self.eat_char_where(|x| x == c)
    }

    fn eat_char_where(&mut self, matches: impl Fn(char) -> bool) -> bool {
        match self.peek() {
            Some(Token::Char(x)) if matches(x) => {
                self.pos += 1;
                true
            }
            _ => false,
        }
    }

    /// Consume the first of `chars` found at the cursor.
    pub(crate) fn eat_one_of(&mut self, chars: &[char]) -> Option<char> {
        match self.peek() {
            Some(Token::Char(x)) if chars.contains(&x) => {
                self.pos += 1;
                Some(x)
            }
            _ => None,
        }
    }

    /// Consume the characters of `s` in order, or nothing.
    pub(crate) fn eat_str(&mut self, s: &str) -> bool {
        let start = self.pos;
        if s.chars().all(|c| self.eat_char(c)) {
            true
        } else {
            self.pos = start;
            false
        }
    }

    pub(crate) fn eat_str_ignore_case(&mut self, s: &str) -> bool {
        let start = self.pos;
        if s.chars()
            .all(|c| self.eat_char_where(|x| x.eq_ignore_ascii_case(&c)))
        {
            true
        } else {
            self.pos = start;
            false
        }
    }

    pub(crate) fn eat_num(&mut self) -> Option<Number> {
        match self.peek() {
            Some(Token::Num(n)) => {
                self.pos += 1;
                Some(n)
            }
            _ => None,
        }
    }

    /// An era name (`平成`) or letter (`H` / `h`).
    pub(crate) fn eat_era(&mut self) -> Option<Era> {
        Era::ALL.into_iter().find(|era| {
            self.eat_str(era.name())
                || self.eat_char_where(|x| x.eq_ignore_ascii_case(&era.letter()))
        })
    }

    /// An era year: a number, or 元 for 1.
    pub(crate) fn eat_era_year(&mut self) -> Option<u64> {
        if self.eat_char('元') {
            Some(1)
        } else {
            self.eat_num().map(|n| n.value)
        }
    }
}

/// `n` as an `i64`, saturating.
pub(crate) fn saturating_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
