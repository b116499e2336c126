//! What the small SVG charts of `sheet` share (the briefing's indicators, the
//! history's lines): a linear scale with round ticks, numbers as people read them,
//! and the colours of the series. Charts are written with maud, so every piece of
//! sheet text in them is escaped; every SVG element is closed explicitly (an
//! unclosed `<circle>` inside HTML would swallow its followers).

/// Colours of the series and marks.
pub mod colors {
    pub const BASELINE: &str = "#8a8a8a";
    pub const CURRENT: &str = "#1f5fa8";
    pub const TARGET: &str = "#2e7d32";
    pub const BETTER: &str = "#2e7d32";
    pub const WORSE: &str = "#c62828";
    pub const SAME: &str = "#6b6b6b";
    pub const GRID: &str = "#dddddd";
    pub const MEETS: &str = "#e3f1e4";
}

/// A linear map from values to pixels, over a range with round ends.
///
/// Every value a sheet can hold is finite, but two of them may lie further apart
/// than `f64` reaches (`-1e308` and `1.7e308`), and a round end beyond the largest
/// value may not exist (`2e308`): spans are therefore taken by halves, and ends and
/// ticks that would overflow stay at the values, so that a scale made from finite
/// values maps every finite value to a finite pixel.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// The values at the two ends.
    pub lo: f64,
    pub hi: f64,
    /// The pixels of `lo` and `hi` (`to` may be less than `from`, for y axes).
    from: f64,
    to: f64,
    /// The distance between ticks.
    pub step: f64,
}

impl Scale {
    /// A scale that holds every value (and 0 when all are on one side of it, as
    /// counts are), with about `ticks` round ticks; `None` without a finite value
    /// or with pixels that are not finite.
    pub fn new(values: &[f64], from: f64, to: f64, ticks: usize) -> Option<Scale> {
        if !(from.is_finite() && to.is_finite()) {
            return None;
        }
        let finite = values.iter().copied().filter(|v| v.is_finite());
        let (mut lo, mut hi) = finite.fold(None, |acc: Option<(f64, f64)>, v| match acc {
            None => Some((v, v)),
            Some((a, b)) => Some((a.min(v), b.max(v))),
        })?;
        lo = lo.min(0.0);
        hi = hi.max(0.0);
        if half_span(lo, hi) < f64::EPSILON / 2.0 {
            // Both within EPSILON of 0, as `lo <= 0 <= hi`.
            hi = lo + 1.0;
        }
        // (hi - lo) / ticks, at most the largest finite value.
        let raw = (half_span(lo, hi) / ticks.max(1) as f64 * 2.0).min(f64::MAX);
        let step = nice_step(raw);
        let round = |v: f64, end: fn(f64) -> f64| {
            let r = end(v / step) * step;
            if r.is_finite() {
                r
            } else {
                v
            }
        };
        Some(Scale {
            lo: round(lo, f64::floor),
            hi: round(hi, f64::ceil),
            from,
            to,
            step,
        })
    }

    /// The pixel of a value: finite for every finite value.
    pub fn at(&self, v: f64) -> f64 {
        self.from + half_span(self.lo, v) / half_span(self.lo, self.hi) * (self.to - self.from)
    }

    /// The tick values, the multiples of the step from `lo` to `hi` (at most 51).
    pub fn ticks(&self) -> Vec<f64> {
        // Quotients of finite values by a step of at least the smallest positive
        // one: finite, or the loop below does not run.
        let first = (self.lo / self.step).ceil();
        let last = (self.hi / self.step).floor();
        let mut out = Vec::new();
        let mut k = first;
        while k <= last && out.len() <= 50 {
            // `k * step` lies between `lo` and `hi`: finite.
            out.push(k * self.step);
            k += 1.0;
        }
        out
    }
}

/// Half of `hi - lo`, which cannot overflow where `hi - lo` would.
fn half_span(lo: f64, hi: f64) -> f64 {
    hi / 2.0 - lo / 2.0
}

/// 1, 2 or 5 times a power of ten, at least `raw` (but never more than the largest
/// finite value: `1e308` for a `raw` above it).
fn nice_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    let scaled = raw / power;
    let nice = if scaled <= 1.0 {
        1.0
    } else if scaled <= 2.0 {
        2.0
    } else if scaled <= 5.0 {
        5.0
    } else {
        10.0
    };
    let step = nice * power;
    if step.is_finite() && step > 0.0 {
        step
    } else if power.is_finite() && power > 0.0 {
        power
    } else {
        // A power of ten too small to be held (subnormal `raw`).
        raw
    }
}

/// A number as people read it: integers without `.0`, else at most two decimals;
/// from 10^15 on, three digits and the power of ten (`1.7e308`, not 309 digits).
/// Only finite numbers are charted: anything else gives an empty string.
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        String::new()
    } else if x.abs() >= 1e15 {
        let s = format!("{x:.2e}");
        let (digits, power) = s.split_once('e').unwrap_or((&s, "0"));
        let digits = digits.trim_end_matches('0').trim_end_matches('.');
        format!("{digits}e{power}")
    } else if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A pixel coordinate for an attribute: one decimal is enough. A scale maps
/// finite values to finite pixels; should anything else come, it is written as
/// 0 rather than as `NaN` or `inf`, which no SVG reader accepts.
pub fn px(x: f64) -> String {
    if x.is_finite() {
        format!("{:.1}", x)
    } else {
        "0".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_start_at_zero_and_end_on_a_round_tick() {
        let s = Scale::new(&[11.0, 3.0, 13.0], 0.0, 100.0, 4).unwrap();
        assert_eq!((s.lo, s.hi, s.step), (0.0, 15.0, 5.0));
        assert_eq!(s.ticks(), [0.0, 5.0, 10.0, 15.0]);
        assert_eq!(s.at(7.5), 50.0);
        let neg = Scale::new(&[-3.0, 2.0], 100.0, 0.0, 5).unwrap();
        assert!(neg.lo <= -3.0 && neg.hi >= 2.0);
        assert!(neg.at(neg.lo) == 100.0 && neg.at(neg.hi) == 0.0);
        assert!(Scale::new(&[], 0.0, 1.0, 4).is_none());
        assert!(Scale::new(&[f64::NAN], 0.0, 1.0, 4).is_none());
        let flat = Scale::new(&[0.0, 0.0], 0.0, 10.0, 4).unwrap();
        assert!(flat.hi > flat.lo);
    }

    /// Finite values as far apart as `f64` allows: every end, tick and pixel is
    /// finite, in order, and within the pixels of the scale.
    #[test]
    fn scales_of_huge_values_stay_finite() {
        let cases: [&[f64]; 7] = [
            &[0.0, 1e308, 1.7e308],
            &[-1e308, 1.7e308, 1e307],
            &[f64::MAX, -f64::MAX],
            &[f64::MAX],
            &[-f64::MAX, -1.0],
            &[1e-320, 5e-324],
            &[1e300, 1e300 * (1.0 + f64::EPSILON)],
        ];
        for values in cases {
            for ticks in [1, 4, 5] {
                let s = Scale::new(values, 380.0, 110.0, ticks).unwrap();
                let what = format!("{values:?} / {ticks}: {s:?}");
                assert!(
                    s.lo.is_finite() && s.hi.is_finite() && s.lo < s.hi,
                    "{what}"
                );
                assert!(s.step.is_finite() && s.step > 0.0, "{what}");
                assert!(values.iter().all(|v| s.lo <= *v && *v <= s.hi), "{what}");
                let ticks = s.ticks();
                assert!(!ticks.is_empty(), "{what}");
                assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{what}: {ticks:?}");
                for v in ticks.iter().chain(values).chain([&s.lo, &s.hi]) {
                    let p = s.at(*v);
                    assert!((110.0..=380.0).contains(&p), "{what}: {v} at {p}");
                    assert!(!num(*v).is_empty() && !num(*v).contains("inf"), "{v}");
                }
                assert_eq!(s.at(s.lo), 380.0, "{what}");
                assert_eq!(s.at(s.hi), 110.0, "{what}");
            }
        }
        let s = Scale::new(&[-1e308, 1.7e308, 1e307], 0.0, 100.0, 4).unwrap();
        assert_eq!(s.ticks(), [-1e308, 0.0, 1e308]);
        assert!(s.at(-1e308) < s.at(0.0) && s.at(0.0) < s.at(1e307));
        assert!(s.at(1e307) < s.at(1e308) && s.at(1e308) < s.at(1.7e308));
        assert!(Scale::new(&[1.0], f64::NAN, 1.0, 4).is_none());
    }

    #[test]
    fn pixels_and_numbers_are_never_nan_or_infinite() {
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(px(x), "0");
            assert_eq!(num(x), "");
        }
        assert_eq!(px(12.345), "12.3");
        assert_eq!(num(1e308), "1e308");
        assert_eq!(num(1.7e308), "1.7e308");
        assert_eq!(num(-f64::MAX), "-1.8e308");
        assert_eq!(num(1e15), "1e15");
        assert_eq!(num(123_456_789_012_345.0), "123456789012345");
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(num(11.0), "11");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-4.0), "-4");
    }
}
