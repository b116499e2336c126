//! Indicator arithmetic (SPEC §3): what a target means, whether it is achieved, and
//! how far the current value has moved from the baseline towards it.

use serde::Serialize;

use crate::core::model::{Better, Indicator, Value};
use crate::core::text;
use crate::core::value;

/// The word for an undetermined value.
pub const UNDETERMINED: &str = "未定";

/// What a target says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// A number to reach, in the indicator's direction.
    Number(f64),
    /// `"316以上"` / `"16人以上"`: a number, and the direction it implies.
    Bound(f64, Better),
    /// `"増加"` / `"減少"`: a direction only, judged against the baseline.
    Direction(Better),
    /// `未定` (or `-`, `未設定`, …) or missing.
    Undetermined,
    /// Any other text (定性的な文言).
    Qualitative,
}

/// Reads a target value.
pub fn target_of(value: Option<&Value>) -> Target {
    match value {
        None => Target::Undetermined,
        Some(Value::Integer(i)) => Target::Number(*i as f64),
        Some(Value::Float(f)) => Target::Number(*f),
        Some(Value::Written(w)) => match w.bound {
            Some(better) => Target::Bound(w.number, better),
            None => Target::Number(w.number),
        },
        Some(Value::Text(t)) => {
            if text::is_blank(t) || value::is_undetermined_text(t) {
                return Target::Undetermined;
            }
            match text::normalize(t).as_str() {
                "増加" => Target::Direction(Better::Higher),
                "減少" => Target::Direction(Better::Lower),
                _ => Target::Qualitative,
            }
        }
    }
}

/// The number a target stands for (`3`, or 316 for `"316以上"`), if any.
pub fn target_number(value: Option<&Value>) -> Option<f64> {
    match target_of(value) {
        Target::Number(x) | Target::Bound(x, _) => Some(x),
        _ => None,
    }
}

/// The direction a target implies (`以上`/`増加` higher, `以下`/`減少` lower).
pub fn implied_direction(target: &Value) -> Option<Better> {
    match target_of(Some(target)) {
        Target::Bound(_, b) | Target::Direction(b) => Some(b),
        _ => None,
    }
}

/// A value is undetermined when it is the text `未定` or one of its kin (`未設定`,
/// `-`, `―`; full-width/half-width alike).
pub fn is_undetermined(value: Option<&Value>) -> bool {
    matches!(value, Some(Value::Text(t)) if value::is_undetermined_text(t))
}

/// Everything a report shows about one indicator, computed once.
#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub better: Better,
    /// current and target are numbers (a bound like `"316以上"` counts as its number).
    pub numeric: bool,
    pub achieved: Option<bool>,
    /// 100 × (current − baseline) ÷ (target − baseline). Null when a value is not a
    /// number, when target = baseline, and when the baseline already meets the
    /// target (`target_already_met`, shown as 当初から達成): 11 → 13 against a target
    /// of 3 would read −25%, which means nothing (SPEC §3, revision 2).
    pub progress_pct: Option<f64>,
    /// 100 × current ÷ target, as hledger's budget report shows actual against goal
    /// (`11 [367% of 3]`); when both are numbers and the target is not 0.
    pub pct_of_target: Option<f64>,
    /// The baseline is a number and already meets the target (SPEC §3); the
    /// warning `target-already-met`, and 当初から達成 where the progress would be.
    pub target_already_met: bool,
    /// Lacks a target or holds `未定` anywhere.
    pub undetermined: bool,
}

impl Indicator {
    /// The direction in force: written, else implied by the target, else higher.
    pub fn better(&self) -> Better {
        self.better_written
            .or_else(|| match target_of(self.target.as_ref()) {
                Target::Bound(_, b) | Target::Direction(b) => Some(b),
                _ => None,
            })
            .unwrap_or_default()
    }

    /// Applies SPEC §3.
    pub fn assess(&self) -> Assessment {
        let better = self.better();
        let baseline = self.baseline.as_ref().and_then(Value::as_number);
        let current = self.current.as_ref().and_then(Value::as_number);
        let target = target_of(self.target.as_ref());
        let meets = |value: f64, goal: f64| match better {
            Better::Higher => value >= goal,
            Better::Lower => value <= goal,
        };
        let goal = match target {
            Target::Number(x) | Target::Bound(x, _) => Some(x),
            _ => None,
        };
        let (numeric, achieved) = match (target, current, baseline) {
            (Target::Number(t) | Target::Bound(t, _), Some(c), _) => (true, Some(meets(c, t))),
            (Target::Direction(dir), Some(c), Some(b)) => (
                false,
                Some(match dir {
                    Better::Higher => c > b,
                    Better::Lower => c < b,
                }),
            ),
            _ => (false, None),
        };
        let target_already_met = matches!((baseline, goal), (Some(b), Some(t)) if meets(b, t));
        let progress_pct = match (baseline, current, goal) {
            (Some(b), Some(c), Some(t)) if t != b && !target_already_met => {
                let pct = 100.0 * (c - b) / (t - b);
                // Never -0.0 (SPEC §4.1), never NaN or infinite.
                pct.is_finite()
                    .then_some(if pct == 0.0 { 0.0 } else { pct })
            }
            _ => None,
        };
        let pct_of_target = match (current, goal) {
            (Some(c), Some(t)) if t != 0.0 => {
                let pct = 100.0 * c / t;
                pct.is_finite()
                    .then_some(if pct == 0.0 { 0.0 } else { pct })
            }
            _ => None,
        };
        let undetermined = matches!(target, Target::Undetermined)
            || [&self.baseline, &self.current, &self.target]
                .into_iter()
                .any(|v| is_undetermined(v.as_ref()));
        Assessment {
            better,
            numeric,
            achieved,
            progress_pct,
            pct_of_target,
            target_already_met,
            undetermined,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::place::Place;

    fn ind(baseline: Option<Value>, current: Option<Value>, target: Option<Value>) -> Indicator {
        Indicator {
            name: "x".into(),
            reason: None,
            unit: None,
            better_written: None,
            baseline,
            current,
            target,
            place: Place::default(),
            name_place: Place::default(),
            target_place: None,
            baseline_place: None,
            current_place: None,
        }
    }
    use Value::{Float as F, Integer as I, Text as T};

    #[test]
    fn minami_kaga_example() {
        let a = ind(Some(I(11)), Some(I(11)), Some(I(3))).assess();
        assert_eq!(a.achieved, Some(true));
        // The baseline already meets the target: no ratio (SPEC §3, revision 2).
        assert_eq!(a.progress_pct, None);
        // hledger's `11 [367% of 3]`.
        assert_eq!(a.pct_of_target.map(|p| p.round()), Some(367.0));
        assert!(a.target_already_met);
        assert!(!a.undetermined);
    }

    #[test]
    fn lower_is_better() {
        let mut i = ind(Some(I(100)), Some(I(80)), Some(I(60)));
        i.better_written = Some(Better::Lower);
        let a = i.assess();
        assert_eq!(a.achieved, Some(false));
        assert_eq!(a.progress_pct, Some(50.0));
        assert!(!a.target_already_met);
    }

    #[test]
    fn bounds_imply_direction() {
        let a = ind(
            Some(I(300)),
            Some(I(320)),
            Some(Value::from_text("316以上", true)),
        )
        .assess();
        assert_eq!(a.better, Better::Higher);
        assert_eq!(a.achieved, Some(true));
        assert_eq!(a.progress_pct, Some(125.0));
        let a = ind(
            Some(I(400)),
            Some(I(350)),
            Some(Value::from_text("３１６以下", true)),
        )
        .assess();
        assert_eq!(a.better, Better::Lower);
        assert_eq!(a.achieved, Some(false));
        assert!(a.numeric);
    }

    /// Issue 17: 11 → 13 against a target of 3 read "−25%"; the baseline already met
    /// the target, so there is no progress ratio, and the row says so.
    #[test]
    fn progress_is_null_when_the_baseline_already_meets_the_target() {
        let a = ind(Some(I(11)), Some(I(13)), Some(I(3))).assess();
        assert_eq!(a.progress_pct, None);
        assert!(a.target_already_met);
        assert_eq!(a.achieved, Some(true));
        let mut i = ind(Some(I(2)), Some(I(5)), Some(I(4)));
        i.better_written = Some(Better::Lower);
        let a = i.assess();
        assert_eq!((a.progress_pct, a.target_already_met), (None, true));
        // Not met at baseline: the ratio as before.
        let a = ind(Some(I(1)), Some(I(2)), Some(I(5))).assess();
        assert_eq!((a.progress_pct, a.target_already_met), (Some(25.0), false));
    }

    /// Issue 17: numbers written as text count exactly as if written bare.
    #[test]
    fn numbers_written_as_text_count_as_numbers() {
        let text = |s: &str| Some(Value::from_text(s, false));
        let a = ind(
            text("１１人"),
            text("13人"),
            Some(Value::from_text("16人以上", true)),
        )
        .assess();
        let bare = ind(Some(I(11)), Some(I(13)), Some(I(16))).assess();
        assert!(a.numeric);
        assert_eq!(a.achieved, Some(false));
        assert_eq!(a.progress_pct, bare.progress_pct);
        assert_eq!(a.pct_of_target, bare.pct_of_target);
        assert_eq!(a.better, Better::Higher);
        let a = ind(text("約15人"), text("11人（H29年度～現時点）"), Some(I(10))).assess();
        assert_eq!(a.achieved, Some(true));
        assert!(a.target_already_met);
        // Targets are shown as written.
        assert_eq!(I(3).written(), "3");
        assert_eq!(Value::from_text("16人以上", true).written(), "16人以上");
        assert_eq!(Value::from_text("16人以上", true).to_string(), "16人以上");
        assert_eq!(Value::from_text("13人", false).as_number(), Some(13.0));
    }

    #[test]
    fn every_undetermined_word_is_undetermined() {
        for w in ["未定", "未設定", "-", "－", "―"] {
            let a = ind(Some(I(1)), Some(I(2)), Some(T(w.into()))).assess();
            assert!(a.undetermined, "{w}");
            assert_eq!(target_of(Some(&T(w.into()))), Target::Undetermined, "{w}");
            let a = ind(Some(T(w.into())), Some(I(2)), Some(I(3))).assess();
            assert!(a.undetermined, "{w}");
        }
    }

    #[test]
    fn direction_only_targets() {
        let a = ind(Some(I(5)), Some(I(7)), Some(T("増加".into()))).assess();
        assert_eq!(a.achieved, Some(true));
        assert_eq!(a.progress_pct, None);
        let a = ind(Some(I(5)), Some(I(7)), Some(T("減少".into()))).assess();
        assert_eq!(a.achieved, Some(false));
        assert_eq!(a.better, Better::Lower);
        let a = ind(None, Some(I(7)), Some(T("減少".into()))).assess();
        assert_eq!(a.achieved, None);
    }

    #[test]
    fn qualitative_and_undetermined() {
        let a = ind(
            Some(T("未実施".into())),
            Some(T("検討中".into())),
            Some(T("実施".into())),
        )
        .assess();
        assert_eq!(a.achieved, None);
        assert!(!a.numeric);
        assert!(!a.undetermined);
        let a = ind(None, Some(I(1)), Some(T("未定".into()))).assess();
        assert!(a.undetermined);
        assert_eq!(a.achieved, None);
        let a = ind(Some(I(1)), Some(I(2)), None).assess();
        assert!(a.undetermined);
        let a = ind(Some(T("未定".into())), Some(I(2)), Some(I(3))).assess();
        assert!(a.undetermined);
        assert_eq!(a.achieved, Some(false));
    }

    #[test]
    fn negative_and_over_100_percent() {
        let a = ind(Some(I(10)), Some(I(5)), Some(I(20))).assess();
        assert_eq!(a.progress_pct, Some(-50.0));
        let a = ind(Some(F(1.0)), Some(F(4.0)), Some(F(2.0))).assess();
        assert_eq!(a.progress_pct, Some(300.0));
        let a = ind(Some(I(3)), Some(I(3)), Some(I(3))).assess();
        assert_eq!(a.progress_pct, None);
        assert_eq!(a.achieved, Some(true));
    }

    #[test]
    fn negative_zero_is_plain_zero() {
        let mut i = ind(Some(I(10)), Some(I(10)), Some(I(5)));
        i.better_written = Some(Better::Lower);
        let pct = i.assess().progress_pct.unwrap();
        assert!(pct == 0.0 && pct.is_sign_positive());
    }
}
