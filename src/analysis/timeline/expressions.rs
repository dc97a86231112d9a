//! Finding temporal expressions in a piece of text (a sentence or a line).
//!
//! The finder turns text into [`Found`] items: a byte span and an unresolved [`Expr`] plus the
//! tense around it. It never looks at a reference date; [`super::resolve`] does that.
//!
//! Forms recognised, and the rules that keep ordinary words out:
//! - Numeric dates, by one regex built once: `2023-10-16` (with an optional ISO time),
//!   `2012/8/10`, `10/16/2023` (month/day/year, or day/month/year when the first number is
//!   above 12; both at most 12 is ambiguous and skipped), `06/2004`, `2014-10` (a month unless
//!   it reads as a season, `2011-12`), and year ranges `2009-2010`, `1957-58`.
//! - Calendar dates in words: `October 16`, `Oct. 16, 2023`, `16 October 2023`, `31st Oct 1974`,
//!   `October 16th`, `the 16th of October`, `2018 March 18`, `May 2010`, `August, 2012`, with
//!   an optional weekday before (`Sunday, Feb 10`, `Friday Oct. 13`) that must agree with the date.
//! - Month names alone only when they are capitalised full names. `May` and `March` (a modal
//!   and a verb) need a preposition-like word before them (`in May`, `since March`, `mid-March`).
//!   Other months alone are refused before a capitalised word unless a preposition comes first
//!   (`June Carter` is a name). Abbreviations alone (`Jan`, `Dec`) are never dates.
//! - Weekdays: full names, optionally with `last`/`next`/`this`, or `Monday of this week`. A
//!   weekday followed by a capitalised word with no preposition before it is a name (`the
//!   Sunday Times`). Abbreviations (`Sun`) only before a date.
//! - Day of month alone: an ordinal after `the` (`on the 10th`, `the 16th and 17th of this
//!   month`, `the 20th of the previous month`), refused when a noun follows (`the 10th
//!   anniversary`, `the 456th person`).
//! - Relative: `today`, `tonight`, `this morning`, `yesterday`, `tomorrow`, `the day before
//!   yesterday`, `last/this/next week|month|year` (also `earlier this month`, `last year's`),
//!   `two days ago`, `six weeks ago`, `a year ago`; `last July`, `this September`, `last Oct. 23`;
//!   `the end of the month`, `the beginning of this week`, `the end of the year` (a past end of
//!   the year, early in a year, is the previous one).
//! - Years: four digits alone (`in 2022`, `the 1987 crash`) unless the number is a quantity:
//!   digits joined by a comma or point (`2,023 people`, `1462.93`), a currency or `#` before,
//!   an approximation word before (`about 1500`) or a counted noun after (`2000 troops`).
//!   Years in words: `nineteen ninety-six`.
//! - Anaphora: `that day`, `the same day`, `the next day`, `the day before`, `that week`…
//!   resolved against the last date in context.
//!
//! Mechanism: the numeric regex runs over the stretches of the text a numeric date can lie in
//! (digits, separators and spaces; only if the text has a digit); the word forms are parsed
//! over the tokens of [`super::tokens`] (the text layer's tokens as the dates read them), tried only at a token that can begin one (a number, an
//! ordinal, or a word marked as a starter in [`super::words`]: a month, weekday, number word,
//! holiday, `the`, `this`, `last`, `yesterday`…). A new form that begins with another word
//! must add that word to the starters; a test checks that the parser finds nothing elsewhere.

use super::lean;
use super::lexicon::{Holiday, LEXICON, Name};
use super::tense::{self, Tense};
#[cfg(test)]
use super::tokens::tokenize;
use super::tokens::{Summary, Tok, TokKind, tokenize_into};
use super::words::{Facts, flag};

/// A modifier that picks an occurrence: `last July`, `next Friday`, `this September`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shift {
    None,
    Last,
    This,
    Next,
}

/// A unit of relative time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// An unresolved temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Calendar fields as written; any may be missing. `month_rel` is a month counted from the
    /// reference ("of this month" = 0, "of the previous month" = -1).
    Calendar {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
        weekday: Option<u8>,
        month_rel: Option<i32>,
        shift: Shift,
    },
    /// An offset from the reference date in a unit, kept at that unit's granularity
    /// (`yesterday` = day −1, `last week` = week −1); `as_day` keeps day granularity
    /// (`a week ago` is a day).
    Relative {
        unit: Unit,
        offset: i32,
        as_day: bool,
    },
    /// A weekday in a week counted from the reference's (`Monday of this week`).
    WeekdayOfWeek { weekday: u8, week_offset: i32 },
    /// A date taken from context (`that day`, `the next day`); `or_reference`: with no date in
    /// context, count from the reference date instead (`a year earlier`).
    Anaphor {
        unit: Unit,
        offset: i32,
        or_reference: bool,
    },
    /// A named holiday (`Thanksgiving`, `last Christmas`).
    Holiday { holiday: Holiday, shift: Shift },
    /// `the first Monday of this month`, `the last Friday in May`.
    NthWeekday {
        nth: i8,
        weekday: u8,
        year: Option<i32>,
        month: Option<u8>,
        month_rel: Option<i32>,
    },
    /// `the end of the year`.
    YearEnd,
}

/// One expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub tense: Tense,
    /// The expression comes right after `since`: a boundary, not the sentence's own event.
    pub since: bool,
}

fn cal(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Expr {
    Expr::Calendar {
        year,
        month,
        day,
        weekday: None,
        month_rel: None,
        shift: Shift::None,
    }
}

/// Numeric date forms, written with `\d` (Unicode decimal digits, as the `regex` crate
/// reads it); [`lean::Digits`] uses `[0-9]` on texts where both match the same.
static NUMERIC: lean::Digits = lean::Digits::new(
    r"(?x)
        \b(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})
            (?:T\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b
        | \b(?P<sy>\d{4})/(?P<sm>\d{1,2})/(?P<sd>\d{1,2})\b
        | \b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<c>\d{4}|\d{2})\b
        | \b(?P<mm>\d{1,2})/(?P<my>\d{4})\b
        | \b(?P<ry>\d{4})\s?[-–](?P<rz>\d{4}|\d{2})\b
        ",
);

fn valid_day(y: i32, m: u32, d: u32) -> bool {
    (1..=12).contains(&m)
        && d >= 1
        && i16::try_from(y)
            .ok()
            .and_then(|y| jiff::civil::Date::new(y, m as i8, d as i8).ok())
            .is_some()
}

fn plausible_year(y: u32) -> bool {
    (1000..=2199).contains(&y)
}

fn two_digit_year(y: u32) -> i32 {
    if y < 50 {
        2000 + y as i32
    } else {
        1900 + y as i32
    }
}

/// Whether a match of [`NUMERIC`] can hold `c`: a digit (any numeric character, a superset
/// of Unicode `\d`), whitespace, or a separator its forms write (`-` `/` `–` `:` `.` `+`,
/// `T` and `Z` of an ISO time).
fn in_numeric(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c, '-' | '/' | '–' | ':' | '.' | '+' | 'T' | 'Z')
        || c.is_whitespace()
        || !c.is_ascii() && c.is_numeric()
}

/// The maximal stretches of `text` made of characters [`in_numeric`] with a digit among
/// them: every match of [`NUMERIC`] lies inside one of them.
fn numeric_stretches(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (start, c) = chars.next()?;
            if !in_numeric(c) {
                continue;
            }
            let mut digit = c.is_numeric();
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                if !in_numeric(c) {
                    break;
                }
                digit |= c.is_numeric();
                end = i + c.len_utf8();
                chars.next();
            }
            if digit {
                return Some(start..end);
            }
        }
    })
}

/// Numeric forms: appends found items, returns the covered byte ranges.
///
/// The regex is run only on the stretches of the text that a match can lie in
/// ([`numeric_stretches`]), each searched as a span of the whole text (so `\b` still sees the
/// characters around it): the same matches as one search of the whole text, without running
/// the regex's slow engine (which Unicode `\b` needs on a non-ASCII sentence) over words.
fn numeric(text: &str, out: &mut Vec<(usize, usize, Expr)>) -> Vec<(usize, usize)> {
    let mut covered = Vec::new();
    let regex = NUMERIC.for_text(text);
    let matches = numeric_stretches(text)
        .flat_map(|stretch| regex.captures_iter(regex_automata::Input::new(text).span(stretch)));
    for c in matches {
        let whole = c
            .get_match()
            .map(|m| (m.start(), m.end()))
            .unwrap_or((0, 0));
        // A numeric form glued to more digits or a decimal point is something else.
        let before = text[..whole.0].chars().next_back();
        let after = text[whole.1..].chars().next();
        if before.is_some_and(|ch| ch == '/' || ch == '.' || ch == '$' || ch.is_ascii_digit())
            || after.is_some_and(|ch| ch == '/' || ch == '%' || ch.is_ascii_digit())
        {
            continue;
        }
        let g = |name: &str| lean::group(&c, text, name);
        let n = |name: &str| g(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let mut push = |s: usize, e: usize, x: Expr| out.push((s, e, x));
        if let (Some(y), Some(m), Some(d)) = (n("iy"), n("im"), n("id")) {
            if valid_day(y as i32, m, d) {
                push(
                    whole.0,
                    whole.1,
                    cal(Some(y as i32), Some(m as u8), Some(d as u8)),
                );
            }
        } else if let (Some(y), Some(m), Some(d)) = (n("sy"), n("sm"), n("sd")) {
            if valid_day(y as i32, m, d) {
                push(
                    whole.0,
                    whole.1,
                    cal(Some(y as i32), Some(m as u8), Some(d as u8)),
                );
            }
        } else if let (Some(a), Some(b), Some(cy)) = (n("a"), n("b"), n("c")) {
            let y = if g("c").is_some_and(|m| m.as_str().len() == 2) {
                two_digit_year(cy)
            } else {
                cy as i32
            };
            // Month/day/year unless the first number cannot be a month.
            let (m, d) = if a > 12 && b <= 12 { (b, a) } else { (a, b) };
            if (a <= 12 && b <= 12 && a != b) || !valid_day(y, m, d) {
                continue;
            }
            push(whole.0, whole.1, cal(Some(y), Some(m as u8), Some(d as u8)));
        } else if let (Some(m), Some(y)) = (n("mm"), n("my")) {
            if (1..=12).contains(&m) && plausible_year(y) {
                push(whole.0, whole.1, cal(Some(y as i32), Some(m as u8), None));
            }
        } else if let (Some(y), Some(z), Some(zm)) = (n("ry"), n("rz"), g("rz")) {
            if !plausible_year(y) {
                continue;
            }
            let short = zm.as_str().len() == 2;
            let second = if short {
                (y / 100 * 100 + z) as i32
            } else {
                z as i32
            };
            let is_range = second > y as i32 && second - (y as i32) < 100;
            if short && (1..=12).contains(&z) && second != y as i32 + 1 {
                // `2014-10`: a month.
                push(whole.0, whole.1, cal(Some(y as i32), Some(z as u8), None));
            } else if is_range {
                let first_end = whole.0 + 4;
                push(whole.0, first_end, cal(Some(y as i32), None, None));
                push(zm.start(), zm.end(), cal(Some(second), None, None));
            } else {
                continue;
            }
        } else {
            continue;
        }
        covered.push(whole);
    }
    covered
}

const MONTH_PREPS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "to",
    "through",
    "during",
    "of",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "before",
    "after",
    "between",
    "and",
    "or",
    "end",
    "beginning",
    "start",
    "middle",
    "on",
    "throughout",
    "into",
    "for",
    "as",
    "that",
];
const WEEKDAY_PREPS: &[&str] = &[
    "on", "by", "since", "until", "till", "last", "next", "this", "from", "before", "after", "of",
    "early", "late", "and", "or", "through", "to", "said", "says", "that", "until",
];
const ORDINAL_FOLLOWERS: &[&str] = &[
    "of",
    "and",
    "or",
    "to",
    "through",
    "until",
    "till",
    "in",
    "at",
    "when",
    "this",
    "last",
    "next",
    "local",
    "as",
    "after",
    "before",
    "but",
    "while",
    "with",
    "from",
    "on",
    "by",
    "that",
    "which",
    "where",
    "the",
    "a",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "is",
    "was",
    "will",
    "would",
    "were",
    "are",
    "had",
    "has",
    "have",
    "said",
    "says",
    "following",
];

/// (end token, year, month, day, index of the month token).
type CalendarMatch = (usize, Option<i32>, u8, Option<u8>, usize);
/// (start token, end token, expression).
type Item = (usize, usize, Expr);

struct Parser<'a, 't> {
    toks: &'t [Tok<'a>],
}

impl Parser<'_, '_> {
    fn tok(&self, i: usize) -> Option<&Tok<'_>> {
        self.toks.get(i)
    }
    fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| t.lower.as_ref())
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.toks.get(i).is_some_and(|t| t.is_punct(c))
    }
    /// Skips an optional comma.
    fn comma(&self, i: usize) -> usize {
        if self.punct(i, ',') { i + 1 } else { i }
    }

    /// The facts of the word at `i` (none for other tokens).
    fn facts(&self, i: usize) -> Option<&'static Facts> {
        self.toks
            .get(i)
            .filter(|t| t.kind == TokKind::Word)
            .and_then(|t| t.facts)
    }
    fn has(&self, i: usize, flag: u16) -> bool {
        self.facts(i).is_some_and(|f| f.has(flag))
    }

    fn name(&self, i: usize, pick: fn(&Facts) -> Option<Name>) -> Option<(Name, usize)> {
        let name = pick(self.facts(i)?)?;
        let mut end = i + 1;
        if name.abbreviation
            && self.punct(end, '.')
            && self.tok(end).is_some_and(|t| !t.space_before)
        {
            end += 1;
        }
        Some((name, end))
    }
    fn month(&self, i: usize) -> Option<(Name, usize)> {
        self.name(i, |f| f.month)
    }
    fn weekday(&self, i: usize) -> Option<(Name, usize)> {
        self.name(i, |f| f.weekday)
    }

    /// A day number 1–31 (digits or ordinal) that is not part of a bigger number or a time.
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if !matches!(t.kind, TokKind::Num | TokKind::Ord) || t.text.len() > 4 {
            return None;
        }
        let v = t.value()?;
        if !(1..=31).contains(&v) {
            return None;
        }
        if let Some(n) = self.tok(i + 1)
            && !n.space_before
            && (n.is_punct(':') && self.num_at(i + 2)
                || n.is_punct('%')
                || n.is_punct('.') && self.num_at(i + 2))
        {
            return None;
        }
        if t.kind == TokKind::Num
            && self.punct(i + 1, ',')
            && self
                .tok(i + 2)
                .is_some_and(|n| n.kind == TokKind::Num && !n.space_before)
        {
            return None;
        }
        Some((v as u8, i + 1))
    }
    fn num_at(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Num && !t.space_before)
    }

    /// A four-digit year that is not glued to more digits.
    fn year4(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.kind != TokKind::Num || t.text.len() != 4 {
            return None;
        }
        let v = t.value()?;
        if !plausible_year(v) {
            return None;
        }
        if let Some(n) = self.tok(i + 1)
            && !n.space_before
            && (n.is_punct(',') || n.is_punct('.') || n.is_punct(':'))
            && self.num_at(i + 2)
        {
            return None;
        }
        if i > 1
            && !t.space_before
            && (self.punct(i - 1, '/')
                || self.punct(i - 1, '-') && self.toks[i - 2].kind == TokKind::Num)
        {
            return None;
        }
        if i > 0 {
            let p = &self.toks[i - 1];
            if !t.space_before
                && (p.kind == TokKind::Punct && (p.text == "," || p.text == ".")
                    || p.kind == TokKind::Num)
            {
                return None;
            }
        }
        Some((v as i32, i + 1))
    }

    /// `Month [day][,] [year]`, `day [of] Month[,] [year]`, `year Month day`.
    /// Returns (end, year, month, day, month token index).
    fn calendar(&self, i: usize) -> Option<CalendarMatch> {
        // Month first.
        if let Some((m, j)) = self.month(i) {
            if let Some((d, k)) = self.day(j)
                && !self.counted_after(k)
            {
                let k2 = self.comma(k);
                if let Some((y, e)) = self.year4(k2) {
                    return Some((e, Some(y), m.number, Some(d), i));
                }
                return Some((k, None, m.number, Some(d), i));
            }
            let j2 = self.comma(j);
            if let Some((y, e)) = self.year4(j2) {
                return Some((e, Some(y), m.number, None, i));
            }
            return Some((j, None, m.number, None, i));
        }
        // Day first.
        if let Some((d, j)) = self.day(i) {
            let is_ord = self.toks[i].kind == TokKind::Ord;
            let j = if is_ord && self.is(j, "of") { j + 1 } else { j };
            if let Some((m, k)) = self.month(j) {
                let k2 = self.comma(k);
                if let Some((y, e)) = self.year4(k2) {
                    return Some((e, Some(y), m.number, Some(d), j));
                }
                if let Some(t) = self.tok(k)
                    && t.kind == TokKind::Num
                    && t.text.len() == 2
                {
                    let y = two_digit_year(t.value()?);
                    return Some((k + 1, Some(y), m.number, Some(d), j));
                }
                return Some((k, None, m.number, Some(d), j));
            }
        }
        // Year first: `2018 March 18`.
        if let Some((y, j)) = self.year4(i)
            && let Some((m, k)) = self.month(j)
            && let Some((d, e)) = self.day(k)
        {
            return Some((e, Some(y), m.number, Some(d), j));
        }
        None
    }

    /// A capitalised holiday name at `i` (apostrophes skipped): (holiday, end).
    fn holiday(&self, i: usize) -> Option<(Holiday, usize)> {
        if !self.tok(i)?.capitalized() || !self.has(i, flag::HOLIDAY) {
            return None;
        }
        let mut best: Option<(Holiday, usize)> = None;
        let first = self.word(i);
        for (words, h) in &LEXICON.holidays {
            // Cheap reject: the first word must be this one (token `i` is capitalised, so it
            // is no apostrophe to skip).
            if words.first().is_some_and(|w| first != Some(*w)) {
                continue;
            }
            let mut j = i;
            let mut ok = true;
            for w in words {
                while self
                    .tok(j)
                    .is_some_and(|t| t.is_punct('\'') || t.is_punct('’'))
                {
                    j += 1;
                }
                if !self.is(j, w) {
                    ok = false;
                    break;
                }
                j += 1;
            }
            if ok && best.is_none_or(|(_, e)| j > e) {
                best = Some((*h, j));
            }
        }
        best
    }

    /// `of this month`, `of the previous month`… at `k`: (month offset, end).
    fn month_rel(&self, k: usize) -> Option<(i32, usize)> {
        let (k, the) = if self.is(k, "of") || self.is(k, "in") {
            (k + 1, false)
        } else {
            return None;
        };
        let _ = the;
        let (rel, len) = match (self.word(k), self.word(k + 1), self.word(k + 2)) {
            (Some("this" | "that"), Some("month"), _) => (0, 2),
            (Some("last"), Some("month"), _) => (-1, 2),
            (Some("next"), Some("month"), _) => (1, 2),
            (Some("the"), Some("previous" | "preceding" | "last"), Some("month")) => (-1, 3),
            (Some("the"), Some("following" | "next"), Some("month")) => (1, 3),
            (Some("the"), Some("same" | "current"), Some("month")) => (0, 3),
            _ => return None,
        };
        Some((rel, k + len))
    }

    fn counted_after(&self, i: usize) -> bool {
        self.has(i, flag::COUNTED)
    }

    fn prev_word_in(&self, i: usize, list: &[&str]) -> bool {
        // Skips a hyphen: "mid-March".
        let mut p = i;
        if p > 0 && self.punct(p - 1, '-') {
            p -= 1;
        }
        p > 0 && self.word(p - 1).is_some_and(|w| list.contains(&w))
    }

    /// Whether a month name standing alone at `i` is a date.
    fn month_alone_ok(&self, i: usize, m: Name) -> bool {
        let t = &self.toks[i];
        if m.abbreviation || !t.capitalized() {
            return false;
        }
        let prep = self.prev_word_in(i, MONTH_PREPS);
        if matches!(t.lower.as_ref(), "may" | "march") {
            return prep;
        }
        let next_cap = self
            .tok(i + 1)
            .is_some_and(|n| n.kind == TokKind::Word && n.capitalized());
        prep || !next_cap
    }

    fn weekday_alone_ok(&self, i: usize, end: usize) -> bool {
        let Some((w, _)) = self.weekday(i) else {
            return false;
        };
        if w.abbreviation {
            return false;
        }
        // "Bloody Sunday", "Good Friday": a name.
        if i > 0 && self.toks[i - 1].capitalized() && self.has(i - 1, flag::NOT_WEEKDAY_BEFORE) {
            return false;
        }
        let prep = self.prev_word_in(i, WEEKDAY_PREPS);
        let next_name = self.tok(end).is_some_and(|n| {
            n.kind == TokKind::Word
                && n.capitalized()
                && n.facts.is_none_or(|f| f.month.is_none())
                && n.space_before
        });
        !next_name || prep
    }

    /// Number of a count: digits or a number word ("two", "a", "twenty-five").
    fn count(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind == TokKind::Num && t.text.len() <= 3 {
            return Some((t.value()?, i + 1));
        }
        let v = self.facts(i)?.number?;
        if v >= 20
            && self.punct(i + 1, '-')
            && let Some(u) = self.facts(i + 2).and_then(|f| f.number)
            && u < 10
        {
            return Some((v + u, i + 3));
        }
        Some((v, i + 1))
    }

    fn unit(&self, i: usize) -> Option<(Unit, usize)> {
        let u = match self.word(i)? {
            "day" | "days" => Unit::Day,
            "week" | "weeks" => Unit::Week,
            "month" | "months" => Unit::Month,
            "year" | "years" => Unit::Year,
            _ => return None,
        };
        Some((u, i + 1))
    }

    fn shift(&self, i: usize) -> Option<Shift> {
        Some(match self.word(i)? {
            "last" => Shift::Last,
            "this" => Shift::This,
            "next" => Shift::Next,
            _ => return None,
        })
    }

    /// Tries every form at token `i`; returns (end token, items as (start tok, end tok, expr)).
    fn at(&self, i: usize) -> Option<(usize, Vec<Item>)> {
        let one = |end: usize, e: Expr| Some((end, vec![(i, end, e)]));
        let w = self.word(i);

        // "the first Monday of this month", "the last Friday in May 2023".
        if w == Some("the")
            && let Some(nth) = self.facts(i + 1).and_then(|f| f.ordinal)
            && let Some((wd, j)) = self.weekday(i + 2)
            && !wd.abbreviation
        {
            if let Some((rel, end)) = self.month_rel(j) {
                return one(
                    end,
                    Expr::NthWeekday {
                        nth,
                        weekday: wd.number,
                        year: None,
                        month: None,
                        month_rel: Some(rel),
                    },
                );
            }
            if (self.is(j, "of") || self.is(j, "in"))
                && let Some((m, k)) = self.month(j + 1)
            {
                let k2 = self.comma(k);
                let (year, end) = match self.year4(k2) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, k),
                };
                return one(
                    end,
                    Expr::NthWeekday {
                        nth,
                        weekday: wd.number,
                        year,
                        month: Some(m.number),
                        month_rel: None,
                    },
                );
            }
        }

        // "the end of the month", "the beginning of this week", "the end of the year".
        if matches!(w, Some("end" | "beginning" | "start" | "middle")) && self.is(i + 1, "of") {
            let this = matches!(self.word(i + 2), Some("the" | "this"));
            let j = if this { i + 3 } else { i + 2 };
            match self.word(j) {
                Some("year") if w == Some("end") && !self.is(i + 2, "this") => {
                    return one(j + 1, Expr::YearEnd);
                }
                Some("year") => {
                    return one(
                        j + 1,
                        Expr::Relative {
                            unit: Unit::Year,
                            offset: 0,
                            as_day: false,
                        },
                    );
                }
                Some("month") if this => {
                    return one(
                        j + 1,
                        Expr::Relative {
                            unit: Unit::Month,
                            offset: 0,
                            as_day: false,
                        },
                    );
                }
                Some("week") if this => {
                    return one(
                        j + 1,
                        Expr::Relative {
                            unit: Unit::Week,
                            offset: 0,
                            as_day: false,
                        },
                    );
                }
                _ => {}
            }
        }

        // Holidays: "Thanksgiving", "New Year's Day".
        if let Some((holiday, end)) = self.holiday(i) {
            return one(
                end,
                Expr::Holiday {
                    holiday,
                    shift: Shift::None,
                },
            );
        }

        // Anaphora and day-relative phrases.
        if let Some(w) = w {
            match w {
                "today" | "tonight" => {
                    return one(
                        i + 1,
                        Expr::Relative {
                            unit: Unit::Day,
                            offset: 0,
                            as_day: true,
                        },
                    );
                }
                "yesterday" => {
                    return one(
                        i + 1,
                        Expr::Relative {
                            unit: Unit::Day,
                            offset: -1,
                            as_day: true,
                        },
                    );
                }
                "tomorrow" => {
                    return one(
                        i + 1,
                        Expr::Relative {
                            unit: Unit::Day,
                            offset: 1,
                            as_day: true,
                        },
                    );
                }
                "the" if self.is(i + 1, "day") => {
                    let (off, end) = match (self.word(i + 2), self.word(i + 3)) {
                        (Some("before"), Some("yesterday")) => (-2, i + 4),
                        (Some("after"), Some("tomorrow")) => (2, i + 4),
                        (Some("before"), _) => {
                            return one(
                                i + 3,
                                Expr::Anaphor {
                                    or_reference: false,
                                    unit: Unit::Day,
                                    offset: -1,
                                },
                            );
                        }
                        (Some("after"), _) => {
                            return one(
                                i + 3,
                                Expr::Anaphor {
                                    or_reference: false,
                                    unit: Unit::Day,
                                    offset: 1,
                                },
                            );
                        }
                        _ => return None,
                    };
                    return one(
                        end,
                        Expr::Relative {
                            unit: Unit::Day,
                            offset: off,
                            as_day: true,
                        },
                    );
                }
                "this" if matches!(self.word(i + 1), Some("morning" | "afternoon" | "evening")) => {
                    return one(
                        i + 2,
                        Expr::Relative {
                            unit: Unit::Day,
                            offset: 0,
                            as_day: true,
                        },
                    );
                }
                "that" | "the" => {
                    let mut j = i + 1;
                    let mut offset = 0;
                    match self.word(j) {
                        Some("same") => j += 1,
                        Some("following" | "next") if w == "the" => {
                            offset = 1;
                            j += 1;
                        }
                        Some("previous" | "preceding") if w == "the" => {
                            offset = -1;
                            j += 1;
                        }
                        // "the year before", "the week after".
                        Some(u @ ("week" | "month" | "year")) if w == "the" => {
                            let unit = match u {
                                "week" => Unit::Week,
                                "month" => Unit::Month,
                                _ => Unit::Year,
                            };
                            let offset = match self.word(j + 1) {
                                Some("before" | "earlier") => -1,
                                Some("after" | "later") => 1,
                                _ => return None,
                            };
                            if matches!(self.word(j + 2), Some("than" | "that")) {
                                return None;
                            }
                            return one(
                                j + 2,
                                Expr::Anaphor {
                                    unit,
                                    offset,
                                    or_reference: false,
                                },
                            );
                        }
                        _ if w == "the" => return None,
                        _ => {}
                    }
                    if let Some((unit, end)) = self.unit(j)
                        && self.word(j).is_some_and(|u| !u.ends_with('s'))
                    {
                        return one(
                            end,
                            Expr::Anaphor {
                                unit,
                                offset,
                                or_reference: false,
                            },
                        );
                    }
                }
                _ => {}
            }
        }

        // last/this/next + week/month/year (+ weekday / month / month-day).
        if let Some(shift) = self
            .shift(i)
            .or_else(|| (w == Some("current")).then_some(Shift::This))
        {
            let j = i + 1;
            if let Some((unit, end)) = self.unit(j)
                && self.word(j).is_some_and(|u| !u.ends_with('s'))
                && unit != Unit::Day
            {
                let offset = match shift {
                    Shift::Last => -1,
                    Shift::Next => 1,
                    _ => 0,
                };
                return one(
                    end,
                    Expr::Relative {
                        unit,
                        offset,
                        as_day: false,
                    },
                );
            }
            if shift != Shift::None {
                if let Some((holiday, end)) = self.holiday(j) {
                    return one(end, Expr::Holiday { holiday, shift });
                }
                if let Some((wd, end)) = self.weekday(j)
                    && !wd.abbreviation
                {
                    return one(
                        end,
                        Expr::Calendar {
                            year: None,
                            month: None,
                            day: None,
                            weekday: Some(wd.number),
                            month_rel: None,
                            shift,
                        },
                    );
                }
                if let Some((end, year, month, day, _)) = self.calendar(j)
                    && self.toks[j].capitalized()
                    && self.month(j).is_some()
                {
                    let ok_alone =
                        day.is_some() || year.is_some() || !self.month(j)?.0.abbreviation;
                    if ok_alone && year.is_none() {
                        return one(
                            end,
                            Expr::Calendar {
                                year,
                                month: Some(month),
                                day,
                                weekday: None,
                                month_rel: None,
                                shift,
                            },
                        );
                    }
                }
            }
        }

        // "a year earlier", "two years later": from the date in context.
        if let Some((n, j)) = self.count(i)
            && let Some((Unit::Year, k)) = self.unit(j)
            && matches!(self.word(k), Some("earlier" | "before" | "later"))
            && !self.is(k + 1, "than")
            && !self.is(k + 1, "that")
        {
            let sign = if self.is(k, "later") { 1 } else { -1 };
            return one(
                k + 1,
                Expr::Anaphor {
                    unit: Unit::Year,
                    offset: sign * n as i32,
                    or_reference: true,
                },
            );
        }

        // N units ago.
        if let Some((n, j)) = self.count(i)
            && let Some((unit, k)) = self.unit(j)
            && self.is(k, "ago")
        {
            let n = n as i32;
            let (unit, offset, as_day) = match unit {
                Unit::Week => (Unit::Day, -7 * n, true),
                u => (u, -n, u == Unit::Day),
            };
            return one(
                k + 1,
                Expr::Relative {
                    unit,
                    offset,
                    as_day,
                },
            );
        }

        // Weekday, possibly leading a date or `of this week`.
        if let Some((wd, j)) = self.weekday(i) {
            let k = self.comma(j);
            let k_the = if self.is(k, "the") { k + 1 } else { k };
            if let Some((end, year, month, day, _)) = self.calendar(k)
                && day.is_some()
            {
                return one(
                    end,
                    Expr::Calendar {
                        year,
                        month: Some(month),
                        day,
                        weekday: Some(wd.number),
                        month_rel: None,
                        shift: Shift::None,
                    },
                );
            }
            if k_the > k
                && let Some((d, end)) = self.day(k_the)
                && self.toks[k_the].kind == TokKind::Ord
            {
                return one(
                    end,
                    Expr::Calendar {
                        year: None,
                        month: None,
                        day: Some(d),
                        weekday: Some(wd.number),
                        month_rel: None,
                        shift: Shift::None,
                    },
                );
            }
            if self.is(j, "of")
                && let Some(shift) = self.shift(j + 1)
                && self.is(j + 2, "week")
            {
                let week_offset = match shift {
                    Shift::Last => -1,
                    Shift::Next => 1,
                    _ => 0,
                };
                return one(
                    j + 3,
                    Expr::WeekdayOfWeek {
                        weekday: wd.number,
                        week_offset,
                    },
                );
            }
            if self.weekday_alone_ok(i, j) {
                return one(
                    j,
                    Expr::Calendar {
                        year: None,
                        month: None,
                        day: None,
                        weekday: Some(wd.number),
                        month_rel: None,
                        shift: Shift::None,
                    },
                );
            }
            return None;
        }

        // Ordinal day alone after "the": "the 10th", "the 16th and 17th of this month".
        let after_the = i > 0 && self.is(i - 1, "the");
        if self.toks[i].kind == TokKind::Ord && (after_the || self.is(i + 1, "of")) {
            let first = if after_the { i - 1 } else { i };
            let mut days = vec![(first, i, self.day(i)?.0)];
            let mut j = i + 1;
            while (self.is(j, "and")
                || self.is(j, "or")
                || self.punct(j, ',')
                || self.punct(j, '-'))
                && self.tok(j + 1).is_some_and(|t| t.kind == TokKind::Ord)
            {
                let Some((d, _)) = self.day(j + 1) else { break };
                days.push((j + 1, j + 1, d));
                j += 2;
            }
            // Followed by a month: hand over to the calendar form.
            if self.is(j, "of")
                && let Some((m, k)) = self.month(j + 1)
            {
                let k2 = self.comma(k);
                let (year, end) = match self.year4(k2) {
                    Some((y, e)) => (Some(y), e),
                    None => (None, k),
                };
                let items = days
                    .iter()
                    .map(|&(s, t, d)| (s, t + 1, cal(year, Some(m.number), Some(d))))
                    .collect::<Vec<_>>();
                return Some((end, fix_last_end(items, end)));
            }
            let (month_rel, end) = match self.month_rel(j) {
                Some((rel, end)) => (Some(rel), end),
                None if !after_the => return None,
                None => (None, j),
            };
            if month_rel.is_none() {
                let ok = match self.tok(j) {
                    None => true,
                    Some(t) if t.kind == TokKind::Punct => !t.is_punct('-'),
                    Some(t) if t.kind == TokKind::Word => {
                        ORDINAL_FOLLOWERS.contains(&t.lower.as_ref())
                    }
                    _ => false,
                };
                if !ok {
                    return None;
                }
            }
            let items = days
                .iter()
                .map(|&(s, t, d)| {
                    (
                        s,
                        t + 1,
                        Expr::Calendar {
                            year: None,
                            month: None,
                            day: Some(d),
                            weekday: None,
                            month_rel,
                            shift: Shift::None,
                        },
                    )
                })
                .collect::<Vec<_>>();
            return Some((end, fix_last_end(items, end)));
        }

        // Calendar dates (month first, day first, year first).
        if let Some((end, year, month, day, mi)) = self.calendar(i) {
            if day.is_none() && year.is_none() {
                let (m, _) = self.month(mi)?;
                if !self.month_alone_ok(mi, m) {
                    return None;
                }
            } else if day.is_some() && year.is_none() && mi == i {
                // "May 5" needs a capital M; "march 3rd" is fine only with an ordinal.
                let t = &self.toks[i];
                if !t.capitalized() && self.toks[i + 1..end].iter().all(|t| t.kind != TokKind::Ord)
                {
                    return None;
                }
                if matches!(t.lower.as_ref(), "may" | "march") && !t.capitalized() {
                    return None;
                }
            }
            return one(end, cal(year, Some(month), day));
        }

        // A year alone.
        if let Some((y, end)) = self.year4(i) {
            if i > 0 {
                let p = &self.toks[i - 1];
                if p.kind == TokKind::Punct && matches!(p.text, "$" | "#" | "£" | "€" | "¥") {
                    return None;
                }
                if p.kind == TokKind::Word
                    && (LEXICON.approx.contains_key(p.text)
                        || LEXICON.approx.contains_key(p.lower.as_ref()))
                {
                    return None;
                }
            }
            if self.counted_after(end) || self.punct(end, '%') {
                return None;
            }
            if let Some(n) = self.tok(end)
                && !n.space_before
                && n.kind == TokKind::Punct
                && matches!(n.text, "-" | "/")
                && self.tok(end + 1).is_some_and(|x| x.kind != TokKind::Word)
            {
                return None;
            }
            return one(end, cal(Some(y), None, None));
        }

        // Years in words: "nineteen ninety-six".
        if let Some(w) = w
            && matches!(w, "eighteen" | "nineteen")
        {
            let century = if w == "eighteen" { 1800 } else { 1900 };
            if let Some((n, end)) = self.count(i + 1)
                && (10..100).contains(&n)
                && self.word(i + 1).is_some()
            {
                return one(end, cal(Some(century + n as i32), None, None));
            }
        }
        None
    }
}

/// Stretches the last item of a list to cover a trailing "of this month".
fn fix_last_end(mut items: Vec<(usize, usize, Expr)>, end: usize) -> Vec<(usize, usize, Expr)> {
    if let Some(last) = items.last_mut() {
        last.1 = end;
    }
    items
}

/// Buffers [`find_with`] reuses from one text to the next (tokens, tense tags).
#[derive(Debug, Default)]
pub struct Scratch<'a> {
    /// The tokens of the last text read.
    pub toks: Vec<Tok<'a>>,
    /// What the view saw in it.
    pub summary: Summary,
    /// The text layer's tokens of the last text read.
    spans: Vec<(u32, u32)>,
    tags: Vec<tense::Tag>,
}

/// Whether a date form can begin at this token: a number or ordinal, or a word marked
/// [`flag::STARTER`] (names, number words, `the`, `last`, `yesterday`…). `Parser::at` finds
/// nothing anywhere else, so it is not tried there.
fn may_start(t: &Tok<'_>) -> bool {
    match t.kind {
        TokKind::Num | TokKind::Ord => true,
        TokKind::Word => t.has(flag::STARTER),
        TokKind::Mixed | TokKind::Punct => false,
    }
}

/// Finds the temporal expressions of `text`, in text order.
pub fn find(text: &str) -> Vec<Found> {
    find_with(text, &mut Scratch::default())
}

/// [`find`], reusing `scratch`'s buffers; afterwards `scratch.toks` holds the text's tokens.
///
/// The parser is tried only at tokens that can begin a date ([`may_start`]); tense tags are
/// computed only for a text that has at least one expression (most sentences have none), and
/// the numeric regex runs only on a text with a character its `\d` (Unicode decimal digits)
/// can match: an ASCII digit or a numeric character outside ASCII ([`Summary::numeric`], a
/// superset, so no miss).
pub fn find_with<'a>(text: &'a str, scratch: &mut Scratch<'a>) -> Vec<Found> {
    scratch.summary = tokenize_into(text, &mut scratch.spans, &mut scratch.toks);
    let toks = &scratch.toks;
    let mut raw: Vec<(usize, usize, Expr)> = Vec::new();
    let covered = if scratch.summary.numeric {
        numeric(text, &mut raw)
    } else {
        Vec::new()
    };
    // (first token, end token, start byte, end byte, expression), in the order found.
    let mut spans: Vec<(usize, usize, usize, usize, Expr)> = Vec::new();
    let tok_index = |byte: usize| toks.partition_point(|t| t.start < byte);
    for (s, e, expr) in raw.drain(..) {
        let first = tok_index(s);
        let last = tok_index(e);
        spans.push((first, last.max(first + 1), s, e, expr));
    }
    let parser = Parser { toks };
    let mut c = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        while c < covered.len() && covered[c].1 <= t.start {
            c += 1;
        }
        if c < covered.len() && covered[c].0 <= t.start || !may_start(t) {
            i += 1;
            continue;
        }
        match parser.at(i) {
            Some((end, items)) if end > i => {
                // Never run into a numeric form.
                let limit = covered.get(c).map(|r| r.0).unwrap_or(usize::MAX);
                for (a, b, expr) in items {
                    let b = b.max(a + 1);
                    let start = toks[a].start;
                    let stop = toks[b - 1].end.min(limit.max(start + 1));
                    spans.push((a, b, start, stop, expr));
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    if spans.is_empty() {
        return Vec::new();
    }
    let tags = &mut scratch.tags;
    tense::tags_into(toks, tags);
    let mut found: Vec<Found> = spans
        .into_iter()
        .map(|(a, b, start, stop, expr)| make(toks, tags, a, b, start, stop, expr))
        .collect();
    found.sort_by_key(|f| (f.start, f.end));
    found
}

fn make(
    toks: &[Tok<'_>],
    tags: &[tense::Tag],
    first: usize,
    last: usize,
    start: usize,
    end: usize,
    expr: Expr,
) -> Found {
    let mut tense = tense::tense_at(toks, tags, first, last.min(toks.len()));
    // "last"/"next"/"ago" inside the expression decide by themselves; the shift is kept.
    // A date inside a since-clause ("since the war broke out on October 7") is a boundary.
    let mut since = false;
    let mut k = first;
    while k > 0 && first - k < 12 {
        k -= 1;
        let t = &toks[k];
        if t.kind == TokKind::Punct && matches!(t.text, "," | ";" | ":" | "(" | "\u{201c}" | "\"") {
            break;
        }
        if t.lower == "since" {
            since = true;
            break;
        }
    }
    if since {
        tense = Tense::Past;
    }
    Found {
        start,
        end,
        expr,
        tense,
        since,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        find(s).iter().map(|f| &s[f.start..f.end]).collect()
    }

    #[test]
    fn full_dates_in_english_forms() {
        assert_eq!(texts("They met on October 16."), vec!["October 16"]);
        assert_eq!(texts("On Oct. 16, 2023, they met."), vec!["Oct. 16, 2023"]);
        assert_eq!(
            texts("On 16 October 2023 they met."),
            vec!["16 October 2023"]
        );
        assert_eq!(
            texts("By October 16th, 2023 it ended."),
            vec!["October 16th, 2023"]
        );
        assert_eq!(
            texts("Filed 2023-10-16 and 10/16/2023."),
            vec!["2023-10-16", "10/16/2023"]
        );
        assert!(texts("Filed 05/06/2023.").is_empty(), "ambiguous day/month");
    }

    #[test]
    fn traps_are_not_dates() {
        assert!(texts("You may leave now. May I ask?").is_empty());
        assert!(texts("March on the capital, they said.").is_empty());
        assert!(texts("He writes for the Sunday Times.").is_empty());
        assert!(texts("Some 2,023 people came.").is_empty());
        assert!(texts("It marked the 10th anniversary of the pact.").is_empty());
        assert!(texts("He was the 456th person to sign.").is_empty());
        assert!(texts("About 1500 troops and 2000 people left.").is_empty());
        assert!(texts("It cost $2000.").is_empty());
    }

    #[test]
    fn month_names_with_context() {
        assert_eq!(texts("It happened in May."), vec!["May"]);
        assert_eq!(texts("They marched in March 2022."), vec!["March 2022"]);
        assert_eq!(texts("Since mid-March, prices rose."), vec!["March"]);
    }

    #[test]
    fn day_of_month_alone() {
        assert_eq!(
            texts("They spoke on the 10th (local time)."),
            vec!["the 10th"]
        );
        assert_eq!(
            texts("Talks on the 16th and 17th of this month."),
            vec!["the 16th", "17th of this month"]
        );
        let f = find("on the 16th and 17th of this month");
        assert!(matches!(
            f[0].expr,
            Expr::Calendar {
                month_rel: Some(0),
                day: Some(16),
                ..
            }
        ));
    }

    #[test]
    fn relative_and_anaphora() {
        assert_eq!(
            texts("Two days ago and last week."),
            vec!["Two days ago", "last week"]
        );
        assert_eq!(texts("He said that day."), vec!["that day"]);
        assert_eq!(
            texts("Earlier this month, next month."),
            vec!["this month", "next month"]
        );
        assert_eq!(
            texts("A year ago, in 1957-58."),
            vec!["A year ago", "1957", "58"]
        );
        assert_eq!(
            texts("The day before yesterday."),
            vec!["The day before yesterday"]
        );
    }

    #[test]
    fn the_parser_finds_nothing_where_no_date_can_start() {
        let texts = [
            "On the 16th and 17th of this month they met; a year earlier, two days ago.",
            "The first Monday of this month, the end of the year, New Year's Day, last Christmas.",
            "Current year, this morning, that week, the day before yesterday, the week after.",
            "Nineteen ninety-six, 16 October 2023, Oct. 16, Sunday, Feb 10, 2018 March 18.",
            "He said Tuesday that the 10th anniversary of Bloody Sunday fell in mid-March.",
        ];
        for text in texts {
            let toks = tokenize(text);
            let parser = Parser { toks: &toks };
            let mut starts = 0;
            for (i, t) in toks.iter().enumerate() {
                let found = parser.at(i).is_some_and(|(end, _)| end > i);
                if found {
                    starts += 1;
                }
                assert!(
                    may_start(t) || !found,
                    "{:?} starts a date in {text:?}",
                    t.text
                );
            }
            assert!(starts > 0, "{text:?}");
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(texts("They met on Tuesday."), vec!["Tuesday"]);
        assert_eq!(texts("Sunday, Feb 10"), vec!["Sunday, Feb 10"]);
        assert_eq!(texts("last sunday"), vec!["last sunday"]);
        let f = find("since the war broke out on October 7");
        assert!(f[0].since);
    }
}
