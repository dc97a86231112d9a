//! Dates as the reader prints them: "Oct 16", "day 10", "week 41 2023" for events and date
//! mentions, "11 Dec 2023" for the publication date.
//!
//! Pure formatting shared by the view state (messages name an event by its date) and the
//! widgets (timeline band, detail pane, header): it knows neither, so the state never imports a
//! widget. Values from the analysis go through `escape_controls` when they are not a date.

use crate::model::Granularity;
use crate::view::sanitize::escape_controls;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month(m: &str) -> Option<&'static str> {
    let n: usize = m.parse().ok()?;
    MONTHS.get(n.checked_sub(1)?).copied()
}

/// A short date for the band: "Oct 16", "Oct 2023", "2023", "week 41", "day 10".
pub fn short_date(value: &str, granularity: Granularity) -> String {
    let parts: Vec<&str> = value.split('-').collect();
    let known = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    match (granularity, parts.as_slice()) {
        (Granularity::Day, [_, m, d]) if known(m) && known(d) => match month(m) {
            Some(m) => format!("{m} {}", d.trim_start_matches('0')),
            None => escape_controls(value).into_owned(),
        },
        (Granularity::Day, [_, _, d]) if known(d) => format!("day {}", d.trim_start_matches('0')),
        (Granularity::Month, [y, m]) if known(m) => match month(m) {
            Some(m) if known(y) => format!("{m} {y}"),
            Some(m) => m.to_string(),
            None => escape_controls(value).into_owned(),
        },
        (Granularity::Week, [y, w]) => {
            format!(
                "week {}{}",
                w.trim_start_matches(['W', '0']),
                if known(y) {
                    format!(" {y}")
                } else {
                    String::new()
                }
            )
        }
        _ => escape_controls(value).into_owned(),
    }
}

/// The publication date for the header: "11 Dec 2023".
pub fn long_date(value: &str) -> String {
    match value.split('-').collect::<Vec<_>>().as_slice() {
        [y, m, d] if month(m).is_some() => {
            format!(
                "{} {} {y}",
                d.trim_start_matches('0'),
                month(m).unwrap_or("")
            )
        }
        _ => escape_controls(value).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_like_dates() {
        assert_eq!(short_date("2023-10-07", Granularity::Day), "Oct 7");
        assert_eq!(short_date("2023-12-10", Granularity::Day), "Dec 10");
        assert_eq!(short_date("XXXX-XX-10", Granularity::Day), "day 10");
        assert_eq!(short_date("XXXX-10-16", Granularity::Day), "Oct 16");
        assert_eq!(short_date("2023-10", Granularity::Month), "Oct 2023");
        assert_eq!(short_date("2023", Granularity::Year), "2023");
        assert_eq!(short_date("2023-W41", Granularity::Week), "week 41 2023");
        assert_eq!(short_date("2023-13-01", Granularity::Day), "2023-13-01");
        assert_eq!(short_date("\u{1b}[2J", Granularity::Day), "␛[2J");
        assert_eq!(long_date("2023-12-11"), "11 Dec 2023");
    }
}
