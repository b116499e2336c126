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
    /// counts are), with about `ticks` round ticks; `None` without a finite value.
    pub fn new(values: &[f64], from: f64, to: f64, ticks: usize) -> Option<Scale> {
        let finite = values.iter().copied().filter(|v| v.is_finite());
        let (mut lo, mut hi) = finite.fold(None, |acc: Option<(f64, f64)>, v| match acc {
            None => Some((v, v)),
            Some((a, b)) => Some((a.min(v), b.max(v))),
        })?;
        lo = lo.min(0.0);
        hi = hi.max(0.0);
        if (hi - lo).abs() < f64::EPSILON {
            hi = lo + 1.0;
        }
        let step = nice_step((hi - lo) / ticks.max(1) as f64);
        let lo = (lo / step).floor() * step;
        let hi = (hi / step).ceil() * step;
        Some(Scale {
            lo,
            hi,
            from,
            to,
            step,
        })
    }

    /// The pixel of a value.
    pub fn at(&self, v: f64) -> f64 {
        self.from + (v - self.lo) / (self.hi - self.lo) * (self.to - self.from)
    }

    /// The tick values, `lo` to `hi`.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n.min(50))
            .map(|i| self.lo + i as f64 * self.step)
            .collect()
    }
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
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
    nice * power
}

/// A number as people read it: integers without `.0`, else at most two decimals.
pub fn num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A pixel coordinate for an attribute: one decimal is enough.
pub fn px(x: f64) -> String {
    format!("{:.1}", x)
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

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(num(11.0), "11");
        assert_eq!(num(2.5), "2.5");
        assert_eq!(num(1.0 / 3.0), "0.33");
        assert_eq!(num(-4.0), "-4");
    }
}
