//! Normalising a found expression against a reference date (calendar arithmetic with `jiff`).
//!
//! Values keep the granularity the text gives: day `YYYY-MM-DD`, ISO week `YYYY-Www`, month
//! `YYYY-MM`, year `YYYY`.
//!
//! Rules for underspecified dates (news convention, as HeidelTime's news mode):
//! - A date with its year is taken as written; a weekday named with it does not change it.
//! - Month and day without a year (`October 16`): `last`/`next` pick the occurrence strictly
//!   before/after the reference; past tense picks the latest on or before it, future tense
//!   the earliest on or after it; with no tense, the nearest occurrence. A weekday named with
//!   the date must agree, so it picks the year among the candidates.
//! - Month alone (`in August`): the same, by month.
//! - Day of month alone (`on the 10th`): the latest such day on or before the reference unless
//!   the tense is future (then the earliest on or after); `of this month` / `of the previous
//!   month` fix the month. A weekday named with it picks the month where it agrees.
//! - Weekday alone (`on Tuesday`): the latest on or before the reference unless future;
//!   `last`/`next` exclude the reference day itself.
//! - `last week`/`next month`…: the reference's period moved by one, at that granularity.
//! - `a week ago`, `three weeks ago`: a day (as most test suites and readers count them).
//! - Anaphora (`that day`) take the last date in context at day granularity; none → nothing.
//! - Without a reference date only fully written dates are resolved; other calendar forms keep
//!   what the text says with `X` for the unknown parts (`XXXX-XX-10`, `XXXX-10-16`), and
//!   purely relative forms (`yesterday`, `Tuesday`) get no value.
//!
//! This module never panics: out-of-range arithmetic gives no value.

use super::expressions::{Expr, Shift, Unit};
use super::lexicon::Holiday;
use super::tense::Tense;
use crate::model::Granularity;
use jiff::Span;
use jiff::civil::{Date, Weekday};

/// A normalised value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub value: String,
    pub granularity: Granularity,
    /// First day of the period, when known (for ordering and anaphora).
    pub first_day: Option<Date>,
}

/// Parses `YYYY-MM-DD`.
pub fn parse_reference(s: &str) -> Option<Date> {
    let s = s.trim();
    let s = s.get(..10).unwrap_or(s);
    s.parse::<Date>().ok()
}

/// `format!("{:04}-{:02}-{:02}", y, m, d)` (month and day optional), written digit by digit
/// for the usual years 0–9999 (the formatter is much slower); other years use `format!`.
fn ymd(y: i32, m: Option<i8>, d: Option<i8>) -> String {
    let two = |v: i8| (0..=99).contains(&v);
    if !(0..=9999).contains(&y) || !m.is_none_or(two) || !d.is_none_or(two) {
        return match (m, d) {
            (Some(m), Some(d)) => format!("{:04}-{:02}-{:02}", y, m, d),
            (Some(m), None) => format!("{:04}-{:02}", y, m),
            _ => format!("{:04}", y),
        };
    }
    let digit = |v: i32| char::from(b'0' + (v % 10) as u8);
    let mut out = String::with_capacity(10);
    for div in [1000, 100, 10, 1] {
        out.push(digit(y / div));
    }
    for v in [m, d].into_iter().flatten() {
        out.push('-');
        out.push(digit(i32::from(v) / 10));
        out.push(digit(i32::from(v)));
    }
    out
}

fn day(d: Date) -> Resolved {
    Resolved {
        value: ymd(i32::from(d.year()), Some(d.month()), Some(d.day())),
        granularity: Granularity::Day,
        first_day: Some(d),
    }
}

fn month(y: i32, m: i8) -> Option<Resolved> {
    let first = Date::new(i16::try_from(y).ok()?, m, 1).ok()?;
    Some(Resolved {
        value: ymd(y, Some(m), None),
        granularity: Granularity::Month,
        first_day: Some(first),
    })
}

fn year(y: i32) -> Option<Resolved> {
    let first = Date::new(i16::try_from(y).ok()?, 1, 1).ok()?;
    Some(Resolved {
        value: format!("{:04}", y),
        granularity: Granularity::Year,
        first_day: Some(first),
    })
}

fn week(d: Date) -> Resolved {
    let iso = d.iso_week_date();
    let monday = d
        .checked_sub(Span::new().days(i64::from(d.weekday().to_monday_one_offset() - 1)))
        .unwrap_or(d);
    Resolved {
        value: format!("{:04}-W{:02}", iso.year(), iso.week()),
        granularity: Granularity::Week,
        first_day: Some(monday),
    }
}

fn unknown(value: String, granularity: Granularity) -> Resolved {
    Resolved {
        value,
        granularity,
        first_day: None,
    }
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(Span::new().days(n)).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.first_of_month().checked_add(Span::new().months(n)).ok()
}

/// Picks among candidates (sorted ascending) by shift and tense; `key` orders against `r`.
fn pick<T: Copy + Ord>(
    cands: &[T],
    r: T,
    shift: Shift,
    tense: Tense,
    nearest: impl Fn(T) -> i64,
) -> Option<T> {
    let before_eq = cands.iter().rev().find(|&&c| c <= r).copied();
    let after_eq = cands.iter().find(|&&c| c >= r).copied();
    match shift {
        Shift::Last => return cands.iter().rev().find(|&&c| c < r).copied(),
        Shift::Next => return cands.iter().find(|&&c| c > r).copied(),
        _ => {}
    }
    match tense {
        Tense::Past => before_eq,
        Tense::Future => after_eq,
        Tense::Unknown => match (before_eq, after_eq) {
            (Some(b), Some(a)) => Some(if nearest(a) < nearest(b) { a } else { b }),
            (b, a) => b.or(a),
        },
    }
}

fn weekday_of(n: u8) -> Option<Weekday> {
    Weekday::from_monday_one_offset(n as i8).ok()
}

/// Resolves one expression. `context` is the last resolved date before it in the text.
pub fn resolve(
    expr: &Expr,
    tense: Tense,
    reference: Option<Date>,
    context: Option<&Resolved>,
) -> Option<Resolved> {
    match *expr {
        Expr::Calendar {
            year: y,
            month: m,
            day: d,
            weekday,
            month_rel,
            shift,
        } => calendar(y, m, d, weekday, month_rel, shift, tense, reference),
        Expr::Relative {
            unit,
            offset,
            as_day,
        } => {
            let r = reference?;
            let off = i64::from(offset);
            match unit {
                Unit::Day => add_days(r, off).map(day),
                Unit::Week if as_day => add_days(r, off * 7).map(day),
                Unit::Week => add_days(r, off * 7).map(week),
                Unit::Month => {
                    let f = add_months(r, off)?;
                    month(i32::from(f.year()), f.month())
                }
                Unit::Year => year(i32::from(r.year()) + offset),
            }
        }
        Expr::WeekdayOfWeek {
            weekday,
            week_offset,
        } => {
            let r = reference?;
            let monday = add_days(r, -i64::from(r.weekday().to_monday_one_offset() - 1))?;
            add_days(monday, i64::from(week_offset) * 7 + i64::from(weekday) - 1).map(day)
        }
        Expr::Holiday { holiday, shift } => {
            let on = |y: i16| -> Option<Date> {
                match holiday {
                    Holiday::Fixed { month, day } => Date::new(y, month as i8, day as i8).ok(),
                    Holiday::NthWeekday {
                        month,
                        nth,
                        weekday,
                    } => Date::new(y, month as i8, 1)
                        .ok()?
                        .nth_weekday_of_month(nth, weekday_of(weekday)?)
                        .ok(),
                }
            };
            let Some(r) = reference else {
                return match holiday {
                    Holiday::Fixed { month, day } => Some(unknown(
                        format!("XXXX-{:02}-{:02}", month, day),
                        Granularity::Day,
                    )),
                    Holiday::NthWeekday { .. } => None,
                };
            };
            let cands: Vec<Date> = (-1..=1)
                .filter_map(|k| on(r.year().checked_add(k)?))
                .collect();
            if shift == Shift::This {
                return on(r.year()).map(day);
            }
            pick(&cands, r, shift, tense, |c| (c - r).get_days().abs() as i64).map(day)
        }
        Expr::NthWeekday {
            nth,
            weekday,
            year: y,
            month: m,
            month_rel,
        } => {
            let w = weekday_of(weekday)?;
            let (y, m) = match (y, m, month_rel, reference) {
                (Some(y), Some(m), _, _) => (i16::try_from(y).ok()?, m as i8),
                (_, _, Some(rel), Some(r)) => {
                    let f = add_months(r, i64::from(rel))?;
                    (f.year(), f.month())
                }
                (None, Some(m), _, Some(r)) => {
                    let ry = i32::from(r.year());
                    let rk = ry * 12 + i32::from(r.month()) - 1;
                    let cands: Vec<i32> =
                        (-1..=1).map(|k| (ry + k) * 12 + i32::from(m) - 1).collect();
                    let k = pick(&cands, rk, Shift::None, tense, |c| {
                        i64::from((c - rk).abs())
                    })?;
                    (
                        i16::try_from(k.div_euclid(12)).ok()?,
                        (k.rem_euclid(12) + 1) as i8,
                    )
                }
                _ => return None,
            };
            Date::new(y, m, 1)
                .ok()?
                .nth_weekday_of_month(nth, w)
                .ok()
                .map(day)
        }
        Expr::YearEnd => {
            let r = reference?;
            let y = i32::from(r.year());
            // In the first half of a year, a past "end of the year" is the previous one.
            if tense == Tense::Past && r.month() <= 6 {
                year(y - 1)
            } else {
                year(y)
            }
        }
        Expr::Anaphor {
            unit,
            offset,
            or_reference,
        } => {
            let fallback = reference.filter(|_| or_reference).map(day);
            let c = context.or(fallback.as_ref())?;
            let Some(first) = c.first_day else {
                // Without a reference, "that day" repeats what the text said before.
                let same = offset == 0
                    && matches!(
                        (unit, c.granularity),
                        (Unit::Day, Granularity::Day)
                            | (Unit::Month, Granularity::Month)
                            | (Unit::Year, Granularity::Year)
                    );
                return same.then(|| c.clone());
            };
            match (unit, c.granularity) {
                (Unit::Day, Granularity::Day) => add_days(first, i64::from(offset)).map(day),
                (Unit::Week, Granularity::Day | Granularity::Week) => {
                    add_days(first, i64::from(offset) * 7).map(week)
                }
                (Unit::Month, Granularity::Day | Granularity::Month) => {
                    let f = add_months(first, i64::from(offset))?;
                    month(i32::from(f.year()), f.month())
                }
                (Unit::Year, _) => year(i32::from(first.year()) + offset),
                _ => None,
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn calendar(
    y: Option<i32>,
    m: Option<u8>,
    d: Option<u8>,
    weekday: Option<u8>,
    month_rel: Option<i32>,
    shift: Shift,
    tense: Tense,
    reference: Option<Date>,
) -> Option<Resolved> {
    let wd = weekday.and_then(weekday_of);
    match (y, m, d) {
        (Some(y), Some(m), Some(d)) => Date::new(i16::try_from(y).ok()?, m as i8, d as i8)
            .ok()
            .map(day),
        (Some(y), Some(m), None) => month(y, m as i8),
        (Some(y), None, _) => year(y),
        (None, Some(m), Some(d)) => {
            let Some(r) = reference else {
                return Some(unknown(format!("XXXX-{:02}-{:02}", m, d), Granularity::Day));
            };
            let mut cands: Vec<Date> = (-1..=1)
                .filter_map(|k| Date::new(r.year().checked_add(k)?, m as i8, d as i8).ok())
                .collect();
            if let Some(w) = wd
                && cands.iter().any(|c| c.weekday() == w)
            {
                // The weekday decides the year; the tense then only breaks ties.
                cands.retain(|c| c.weekday() == w);
                return pick(&cands, r, shift, Tense::Unknown, |c| {
                    (c - r).get_days().abs() as i64
                })
                .map(day);
            }
            if shift == Shift::This {
                return cands
                    .iter()
                    .find(|c| c.year() == r.year())
                    .copied()
                    .map(day);
            }
            pick(&cands, r, shift, tense, |c| (c - r).get_days().abs() as i64).map(day)
        }
        (None, Some(m), None) => {
            let Some(r) = reference else {
                return Some(unknown(format!("XXXX-{:02}", m), Granularity::Month));
            };
            let ry = i32::from(r.year());
            if shift == Shift::This {
                return month(ry, m as i8);
            }
            let rk = ry * 12 + i32::from(r.month()) - 1;
            let cands: Vec<i32> = (-1..=1).map(|k| (ry + k) * 12 + i32::from(m) - 1).collect();
            let k = pick(&cands, rk, shift, tense, |c| i64::from((c - rk).abs()))?;
            month(k.div_euclid(12), (k.rem_euclid(12) + 1) as i8)
        }
        (None, None, Some(d)) => {
            let Some(r) = reference else {
                return Some(unknown(format!("XXXX-XX-{:02}", d), Granularity::Day));
            };
            if let Some(rel) = month_rel {
                let f = add_months(r, i64::from(rel))?;
                return Date::new(f.year(), f.month(), d as i8).ok().map(day);
            }
            let mut cands: Vec<Date> = (-2..=2)
                .filter_map(|k| {
                    let f = add_months(r, k)?;
                    Date::new(f.year(), f.month(), d as i8).ok()
                })
                .collect();
            if let Some(w) = wd {
                let agreeing: Vec<Date> = (-12..=12)
                    .filter_map(|k| {
                        let f = add_months(r, k)?;
                        Date::new(f.year(), f.month(), d as i8).ok()
                    })
                    .filter(|c| c.weekday() == w)
                    .collect();
                if !agreeing.is_empty() {
                    cands = agreeing;
                }
            }
            let t = if tense == Tense::Future {
                Tense::Future
            } else {
                Tense::Past
            };
            pick(&cands, r, shift, t, |c| (c - r).get_days().abs() as i64).map(day)
        }
        (None, None, None) => {
            let w = wd?;
            let r = reference?;
            // The days within a week either side that fall on `w`: r + k for k ≡ (w − r's
            // weekday) mod 7, −7 ≤ k ≤ 7, in order.
            let first = i64::from(
                (w.to_monday_zero_offset() - r.weekday().to_monday_zero_offset()).rem_euclid(7),
            ) - 7;
            let cands: Vec<Date> = [first, first + 7, first + 14]
                .into_iter()
                .filter(|k| (-7..=7).contains(k))
                .filter_map(|k| add_days(r, k))
                .filter(|c| c.weekday() == w)
                .collect();
            if shift == Shift::This {
                let monday = add_days(r, -i64::from(r.weekday().to_monday_one_offset() - 1))?;
                return add_days(monday, i64::from(w.to_monday_one_offset() - 1)).map(day);
            }
            let t = if tense == Tense::Future {
                Tense::Future
            } else {
                Tense::Past
            };
            pick(&cands, r, shift, t, |c| (c - r).get_days().abs() as i64).map(day)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, reference: &str) -> Vec<String> {
        let mut context = None;
        super::super::dates_in(text, parse_reference(reference), &mut context)
            .into_iter()
            .map(|d| d.resolved.value)
            .collect()
    }

    #[test]
    fn values_are_written_like_format() {
        for (y, m, d) in [
            (2023, 12, 10),
            (7, 1, 2),
            (0, 9, 30),
            (9999, 12, 31),
            (-44, 3, 15),
        ] {
            let date = Date::new(y, m, d).unwrap();
            assert_eq!(
                day(date).value,
                format!("{:04}-{:02}-{:02}", y, m, d),
                "{date}"
            );
            assert_eq!(
                month(y.into(), m).unwrap().value,
                format!("{:04}-{:02}", y, m)
            );
        }
    }

    #[test]
    fn granularity_is_kept() {
        assert_eq!(values("in 2022", "2023-12-11"), vec!["2022"]);
        assert_eq!(values("in March 2022", "2023-12-11"), vec!["2022-03"]);
        assert_eq!(values("last week", "2013-02-12"), vec!["2013-W06"]);
        assert_eq!(values("next month", "2023-12-11"), vec!["2024-01"]);
        assert_eq!(values("1957-58", "2013-03-22"), vec!["1957", "1958"]);
    }

    #[test]
    fn news_convention_for_underspecified_dates() {
        // Past by default, future when the tense says so.
        assert_eq!(
            values("They spoke on the 10th.", "2023-12-11"),
            vec!["2023-12-10"]
        );
        assert_eq!(
            values("They spoke on the 20th.", "2023-12-11"),
            vec!["2023-11-20"]
        );
        assert_eq!(
            values("They will meet on the 20th.", "2023-12-11"),
            vec!["2023-12-20"]
        );
        assert_eq!(
            values("The war broke out on October 7.", "2023-12-11"),
            vec!["2023-10-07"]
        );
        assert_eq!(
            values("He was fired in July.", "2013-03-22"),
            vec!["2012-07"]
        );
        assert_eq!(
            values("It will open in May.", "2013-03-22"),
            vec!["2013-05"]
        );
        assert_eq!(
            values("They met on Tuesday.", "2023-12-14"),
            vec!["2023-12-12"]
        );
        assert_eq!(
            values("They will meet on Tuesday.", "2023-12-14"),
            vec!["2023-12-19"]
        );
    }

    #[test]
    fn weekday_must_agree_with_the_date() {
        // 10 Feb 2013 was a Sunday.
        assert_eq!(values("Sunday, Feb 10", "2013-02-12"), vec!["2013-02-10"]);
        // Friday the 13th: the nearest past month where the 13th is a Friday.
        assert_eq!(
            values("It was Friday the 13th.", "2023-12-11"),
            vec!["2023-10-13"]
        );
    }

    #[test]
    fn relative_days_and_anaphora() {
        assert_eq!(values("yesterday", "2013-02-12"), vec!["2013-02-11"]);
        assert_eq!(values("two days ago", "2013-02-12"), vec!["2013-02-10"]);
        assert_eq!(values("last year", "2013-02-12"), vec!["2012"]);
        assert_eq!(
            values("They met on the 8th and spoke the next day.", "2023-12-11"),
            vec!["2023-12-08", "2023-12-09"]
        );
        assert!(values("He left that day.", "2023-12-11").is_empty());
    }

    #[test]
    fn holidays_nth_weekdays_and_year_ends() {
        assert_eq!(
            values("They met last Thanksgiving.", "2024-02-10"),
            vec!["2023-11-23"]
        );
        assert_eq!(
            values("on New Year's Day", "2024-02-10"),
            vec!["2024-01-01"]
        );
        assert_eq!(
            values("the first Monday of this month", "2024-02-10"),
            vec!["2024-02-05"]
        );
        assert_eq!(
            values("the last Friday in May 2023", "2024-02-10"),
            vec!["2023-05-26"]
        );
        assert_eq!(
            values("the 20th of the previous month", "2024-02-10"),
            vec!["2024-01-20"]
        );
        assert_eq!(values("a year earlier", "2024-02-10"), vec!["2023"]);
        assert_eq!(
            values("It will end by the end of the year.", "2024-02-10"),
            vec!["2024"]
        );
        // "Good Friday" is a name, not last Friday.
        assert!(values("The Good Friday accord held.", "2024-02-10").is_empty());
    }

    #[test]
    fn since_dates_are_not_the_context_of_that_day() {
        assert_eq!(
            values(
                "They met on the 8th, the first time since the 3rd, and signed that day.",
                "2024-03-14"
            ),
            vec!["2024-03-08", "2024-03-03", "2024-03-08"]
        );
    }

    #[test]
    fn without_reference_keep_what_the_text_says() {
        assert_eq!(values("on the 10th", ""), vec!["XXXX-XX-10"]);
        assert_eq!(values("on October 16", ""), vec!["XXXX-10-16"]);
        assert_eq!(values("on 16 October 2023", ""), vec!["2023-10-16"]);
        assert!(values("yesterday", "").is_empty());
    }
}
