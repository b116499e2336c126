//! Turning reports into text people read: what the renderers of every command share,
//! and the renderers of `progress` and `compare`.

pub mod compare;
pub mod indicator;
pub mod progress;

pub mod chart;
pub mod diag;
pub mod diff;
pub mod history;
pub mod markdown;
pub mod sheet;
pub mod show;
pub mod terminal;
pub mod xlsx;

/// A percentage for people: whole numbers without decimals, else one decimal;
/// never `-0%`.
pub fn percent(pct: f64) -> String {
    let rounded = (pct * 10.0).round() / 10.0;
    if rounded == 0.0 {
        return "0%".to_string();
    }
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}%")
    } else {
        format!("{rounded:.1}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages() {
        assert_eq!(percent(0.0), "0%");
        assert_eq!(percent(-0.01), "0%");
        assert_eq!(percent(50.0), "50%");
        assert_eq!(percent(66.666), "66.7%");
        assert_eq!(percent(-50.0), "-50%");
        assert_eq!(percent(12.5), "12.5%");
    }
}
