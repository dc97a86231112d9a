//! The timeline's word lists, read once from `assets/timeline/*.txt`.
//!
//! Every list is knowledge, not code: month and weekday names, number words, tense cues,
//! count nouns that make a four-digit number a quantity, and event-kind cue words. Each file
//! uses the same small format, `key: item, item, ...` with `#` comments, parsed once into a
//! [`LazyLock`]. This module only looks words up; it never decides anything about a text.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

const CALENDAR: &str = include_str!("../../../assets/timeline/calendar.txt");
const NUMBERS: &str = include_str!("../../../assets/timeline/numbers.txt");
const TENSE: &str = include_str!("../../../assets/timeline/tense.txt");
const NUMBER_CONTEXT: &str = include_str!("../../../assets/timeline/number_context.txt");
pub(crate) const EVENTS: &str = include_str!("../../../assets/timeline/events.txt");

/// `(key, items)` for each non-comment line of a `key: a, b, c` file.
pub(crate) fn entries(
    file: &'static str,
) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    crate::assets::entries(file).filter_map(|line| {
        let (key, rest) = line.split_once(':')?;
        let items = rest
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        Some((key.trim(), items))
    })
}

/// A month or weekday name: its number and whether the surface form is an abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    pub number: u8,
    pub abbreviation: bool,
}

/// A holiday: a fixed day, or the n-th weekday of a month (`nth` = -1 for the last).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Fixed { month: u8, day: u8 },
    NthWeekday { month: u8, nth: i8, weekday: u8 },
}

fn parse_holiday(spec: &str) -> Option<Holiday> {
    let (m, rest) = spec.split_once('-')?;
    let month: u8 = m.parse().ok()?;
    match rest.rsplit_once('-') {
        Some((nth, w)) if !nth.is_empty() => Some(Holiday::NthWeekday {
            month,
            nth: nth.parse().ok()?,
            weekday: w.parse().ok()?,
        }),
        _ => Some(Holiday::Fixed {
            month,
            day: rest.parse().ok()?,
        }),
    }
}

pub struct Lexicon {
    /// Holiday names as word sequences (apostrophes dropped: "new year s day"; never empty).
    pub holidays: Vec<(Vec<&'static str>, Holiday)>,
    pub not_weekday_before: HashMap<&'static str, ()>,
    pub ordinals: HashMap<&'static str, i8>,
    pub months: HashMap<&'static str, Name>,
    pub weekdays: HashMap<&'static str, Name>,
    pub numbers: HashMap<&'static str, u32>,
    pub future: Vec<Vec<&'static str>>,
    pub past: HashMap<&'static str, ()>,
    pub reporting: HashMap<&'static str, ()>,
    pub not_past: HashMap<&'static str, ()>,
    pub approx: HashMap<&'static str, ()>,
    pub counted: HashMap<&'static str, ()>,
}

fn set(items: Vec<&'static str>) -> HashMap<&'static str, ()> {
    items.into_iter().map(|w| (w, ())).collect()
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut months = HashMap::default();
    let mut weekdays = HashMap::default();
    let mut holidays = Vec::new();
    let mut not_weekday_before = HashMap::default();
    for (key, items) in entries(CALENDAR) {
        if key == "not_weekday_before" {
            not_weekday_before = set(items);
            continue;
        }
        if let Some(spec) = key.strip_prefix("holiday ") {
            if let Some(h) = parse_holiday(spec.trim()) {
                for item in items {
                    let words: Vec<&str> = item
                        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                        .filter(|w| !w.is_empty())
                        .collect();
                    // A name of apostrophes only has no words and is no holiday.
                    if !words.is_empty() {
                        holidays.push((words, h));
                    }
                }
            }
            continue;
        }
        let (kind, n) = key.split_once(' ').unwrap_or((key, "0"));
        let number: u8 = n.trim().parse().unwrap_or(0);
        let table = match kind {
            "month" => &mut months,
            "weekday" => &mut weekdays,
            _ => continue,
        };
        for (i, item) in items.into_iter().enumerate() {
            table.insert(
                item,
                Name {
                    number,
                    abbreviation: i > 0,
                },
            );
        }
    }
    let mut numbers = HashMap::default();
    let mut ordinals = HashMap::default();
    for (key, items) in entries(NUMBERS) {
        if let Some(n) = key
            .strip_prefix("ord ")
            .and_then(|n| n.trim().parse::<i8>().ok())
        {
            for item in items {
                ordinals.insert(item, n);
            }
            continue;
        }
        if let Ok(value) = key.parse::<u32>() {
            for item in items {
                numbers.insert(item, value);
            }
        }
    }
    let mut lex = Lexicon {
        holidays,
        not_weekday_before,
        ordinals,
        months,
        weekdays,
        numbers,
        future: Vec::new(),
        past: HashMap::default(),
        reporting: HashMap::default(),
        not_past: HashMap::default(),
        approx: HashMap::default(),
        counted: HashMap::default(),
    };
    for (key, items) in entries(TENSE) {
        match key {
            "future" => {
                lex.future = items
                    .into_iter()
                    .map(|p| p.split_whitespace().collect())
                    .collect()
            }
            "past" => lex.past = set(items),
            "reporting" => lex.reporting = set(items),
            "not_past" => lex.not_past = set(items),
            _ => {}
        }
    }
    for (key, items) in entries(NUMBER_CONTEXT) {
        match key {
            "approx" => lex.approx = set(items),
            "counted" => lex.counted = set(items),
            _ => {}
        }
    }
    lex
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_loaded() {
        assert_eq!(LEXICON.months["sept"].number, 9);
        assert!(LEXICON.months["sept"].abbreviation);
        assert!(!LEXICON.months["may"].abbreviation);
        assert_eq!(LEXICON.weekdays["sunday"].number, 7);
        assert_eq!(LEXICON.numbers["twenty"], 20);
        assert!(LEXICON.future.iter().any(|p| p == &["will"]));
        assert!(LEXICON.counted.contains_key("people"));
        assert_eq!(LEXICON.ordinals["last"], -1);
        assert!(
            LEXICON
                .holidays
                .iter()
                .any(|(w, h)| w == &["new", "year", "s", "day"]
                    && *h == Holiday::Fixed { month: 1, day: 1 })
        );
        assert!(
            LEXICON
                .holidays
                .iter()
                .any(|(w, h)| w == &["memorial", "day"]
                    && *h
                        == Holiday::NthWeekday {
                            month: 5,
                            nth: -1,
                            weekday: 1
                        })
        );
    }
}
