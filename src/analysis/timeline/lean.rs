//! Regexes that are cheap to build: the timeline's few regexes run on one sentence at a time
//! (and only when a cheaper check says they may match), so start-up dominates their cost.
//!
//! Rules:
//! - [`build`] compiles with the `regex` crate's own engine (`regex_automata::meta`) and the
//!   same syntax defaults as `regex::Regex::new` (Unicode on), so the match set is identical;
//!   only the literal prefilters (prefix, reverse-suffix and reverse-inner searches) are off.
//!   Those are what cost most to build (literal extraction over case-insensitive
//!   alternations, an extra automaton) and gain nothing on a sentence-sized haystack.
//! - [`group`] reads a capture group by name as a `regex::Match`-like `(start, end, text)`.
//! - Never build one of these per sentence: keep them in a [`std::sync::LazyLock`] (or a
//!   static [`Digits`], which builds its forms once each).
//! - An ASCII class (`[0-9]` for `\d`) is used only where the text has no character it
//!   would treat differently ([`has_other_digits`]); [`Digits`] holds both forms of a pattern
//!   and picks one per text.

use regex_automata::meta::{Config, Regex};
use regex_automata::util::captures::Captures;
use std::sync::OnceLock;

/// Builds `pattern` (a constant written in this crate) without literal prefilters.
pub fn build(pattern: &str) -> Regex {
    Regex::builder()
        .configure(Config::new().auto_prefilter(false))
        .build(pattern)
        .expect("timeline regex builds")
}

/// A pattern written with Unicode `\d`, built lazily in two forms: with `[0-9]` (far cheaper
/// to build) for texts without a non-ASCII numeric character, where both match the same, and
/// as written for the others (built only when such a text comes).
pub struct Digits {
    pattern: &'static str,
    ascii: OnceLock<Regex>,
    unicode: OnceLock<Regex>,
}

impl Digits {
    pub const fn new(pattern: &'static str) -> Digits {
        Digits {
            pattern,
            ascii: OnceLock::new(),
            unicode: OnceLock::new(),
        }
    }

    /// The form that matches in `text` exactly as the pattern as written.
    pub fn for_text(&self, text: &str) -> &Regex {
        if has_other_digits(text) {
            self.unicode.get_or_init(|| build(self.pattern))
        } else {
            self.ascii
                .get_or_init(|| build(&self.pattern.replace(r"\d", "[0-9]")))
        }
    }
}

/// Group `name` of a match in `haystack`: its byte span and text.
pub fn group<'h>(caps: &Captures, haystack: &'h str, name: &str) -> Option<Group<'h>> {
    let span = caps.get_group_by_name(name)?;
    Some(Group {
        start: span.start,
        end: span.end,
        text: haystack.get(span.start..span.end)?,
    })
}

/// One matched capture group.
#[derive(Debug, Clone, Copy)]
pub struct Group<'h> {
    pub start: usize,
    pub end: usize,
    pub text: &'h str,
}

impl<'h> Group<'h> {
    pub fn as_str(&self) -> &'h str {
        self.text
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
}

/// Whether `text` has a numeric character outside ASCII (a superset of the non-ASCII
/// decimal digits Unicode `\d` matches). Without one, `\d` and `[0-9]` match the same.
pub fn has_other_digits(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && c.is_numeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_matches_as_the_regex_crate() {
        let p = r"(?i)\b(?P<w>first|second)\s+(?P<n>\d+)\b";
        let ours = build(p);
        let theirs = regex::Regex::new(p).unwrap();
        let text = "The FIRST 12, the ſecond 7, first٣ and second 4x, First\u{a0}9.";
        let a: Vec<(usize, usize)> = ours.find_iter(text).map(|m| (m.start(), m.end())).collect();
        let b: Vec<(usize, usize)> = theirs
            .find_iter(text)
            .map(|m| (m.start(), m.end()))
            .collect();
        assert_eq!(a, b);
        assert_eq!(a.len(), 3);
        let caps: Vec<&str> = ours
            .captures_iter(text)
            .filter_map(|c| group(&c, text, "n").map(|g| g.as_str()))
            .collect();
        assert_eq!(caps, ["12", "7", "9"]);
    }

    #[test]
    fn digits_picks_the_form_that_matches_like_the_pattern() {
        let d = Digits::new(r"\d+");
        let t = "\u{663}4 and 56";
        let theirs = regex::Regex::new(r"\d+").unwrap();
        let ranges = |text: &str| -> Vec<_> {
            d.for_text(text)
                .find_iter(text)
                .map(|m| m.range())
                .collect()
        };
        let expected: Vec<_> = theirs.find_iter(t).map(|m| m.range()).collect();
        assert_eq!(ranges(t), expected);
        assert_eq!(ranges(t), [0..3, 8..10]);
        assert_eq!(ranges("4 and 56"), [0..1, 6..8]);
    }

    #[test]
    fn other_digits() {
        assert!(!has_other_digits("2023-12-10 café"));
        assert!(has_other_digits("٢٠٢٣"));
        assert!(has_other_digits("x ½"));
    }
}
