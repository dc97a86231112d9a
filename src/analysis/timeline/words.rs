//! One table of what the timeline knows about a (lower-cased) word, looked up once per word
//! token by [`super::tokens`], so the date parser and the tense tagger never hash a word again.
//!
//! Rules:
//! - The table is derived from the word lists of [`super::lexicon::LEXICON`] (months,
//!   weekdays, number words, ordinal words, holidays, tense cues, counted nouns) plus the few
//!   words the parser's rules name in code (`the`, `last`, `yesterday`…). A word's [`Facts`]
//!   say exactly what the separate lists say: `facts(w).month` is `LEXICON.months.get(w)`, a
//!   flag is set exactly when `w` is in that list. Keys are the lists' items as written.
//! - [`flag::STARTER`] marks every word a date expression can begin with (see
//!   [`super::expressions`]): the parser tries its forms only at those words and at numbers.
//!   Adding a form that begins with another word means adding that word here.
//! - [`Facts::cue`] names the event-cue patterns beginning with the word ([`super::cue_list`]).
//! - [`flag::DURATION`] and [`flag::ORDINAL`] mark the key words of the event attributes
//!   ([`super::events::attributes`]): a plain sentence without one cannot state an attribute.
//! - Built once ([`LazyLock`]); a few hundred entries, cheap at start-up.
//!
//! This module only describes words; it never looks at a text.

use super::lexicon::{LEXICON, Name};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// Bits of [`Facts::flags`].
pub mod flag {
    /// A date expression may begin with this word.
    pub const STARTER: u16 = 1;
    /// The first word of a holiday's name.
    pub const HOLIDAY: u16 = 1 << 1;
    /// A counted noun: a number before it is a quantity (`2000 troops`).
    pub const COUNTED: u16 = 1 << 2;
    /// A capitalised word that makes a following weekday a name (`Good Friday`).
    pub const NOT_WEEKDAY_BEFORE: u16 = 1 << 3;
    /// The first word of a future cue (`will`, `expected to`).
    pub const FUTURE: u16 = 1 << 4;
    /// An irregular past form or past auxiliary.
    pub const PAST: u16 = 1 << 5;
    /// A reporting verb.
    pub const REPORTING: u16 = 1 << 6;
    /// An `-ed` word that is no past verb.
    pub const NOT_PAST: u16 = 1 << 7;
    /// A duration's unit (`minutes`, `hour`).
    pub const DURATION: u16 = 1 << 8;
    /// An ordinal attribute's ordinal (`second`, `latest`).
    pub const ORDINAL: u16 = 1 << 9;
}

/// What the timeline knows about one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    pub month: Option<Name>,
    pub weekday: Option<Name>,
    /// Its value as a number word (`a` = 1, `twenty` = 20).
    pub number: Option<u32>,
    /// Its value as an ordinal word (`first` = 1, `last` = -1).
    pub ordinal: Option<i8>,
    /// The first word of event cues: an index into [`super::cue_list::first_words`] plus one
    /// (zero: none).
    pub cue: u16,
    pub flags: u16,
}

impl Facts {
    pub fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// Words the parser's forms begin with besides the listed names and numbers
/// (see [`super::expressions`]'s `Parser::at`).
const STARTER_WORDS: &[&str] = &[
    "the",
    "that",
    "this",
    "last",
    "next",
    "current",
    "end",
    "beginning",
    "start",
    "middle",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "eighteen",
    "nineteen",
];

/// Units of the duration attribute (`minutes?|hours?`).
const DURATION_WORDS: &[&str] = &["minute", "minutes", "hour", "hours"];
/// Ordinals of the ordinal attribute.
const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "latest", "previous",
];

struct Table {
    /// Keys of at most 16 ASCII bytes, by [`pack`]: the key as written and its facts.
    short: HashMap<u128, (&'static str, Facts)>,
    /// The other keys.
    long: HashMap<&'static str, Facts>,
    longest: usize,
}

/// An ASCII word of at most 16 bytes as one integer (little-endian, zero-padded); words
/// have no zero byte, so the packing is one-to-one.
pub fn pack(word: &[u8]) -> Option<u128> {
    if word.len() > 16 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    Some(u128::from_le_bytes(buf))
}

static WORDS: LazyLock<Table> = LazyLock::new(|| {
    let lex = &*LEXICON;
    let mut map: HashMap<&'static str, Facts> = HashMap::default();
    let mut set = |w: &'static str, f: &mut dyn FnMut(&mut Facts)| f(map.entry(w).or_default());
    for (&w, &m) in &lex.months {
        set(w, &mut |f| f.month = Some(m));
    }
    for (&w, &d) in &lex.weekdays {
        set(w, &mut |f| f.weekday = Some(d));
    }
    for (&w, &n) in &lex.numbers {
        set(w, &mut |f| f.number = Some(n));
    }
    for (&w, &o) in &lex.ordinals {
        set(w, &mut |f| f.ordinal = Some(o));
    }
    for (i, w) in super::cue_list::first_words().enumerate() {
        let i = u16::try_from(i + 1).unwrap_or(0);
        set(w, &mut |f| f.cue = i);
    }
    let mut flag_all = |words: &mut dyn Iterator<Item = &'static str>, bit: u16| {
        for w in words {
            set(w, &mut |f| f.flags |= bit);
        }
    };
    flag_all(
        &mut lex.holidays.iter().filter_map(|(w, _)| w.first().copied()),
        flag::HOLIDAY,
    );
    flag_all(&mut lex.counted.keys().copied(), flag::COUNTED);
    flag_all(
        &mut lex.not_weekday_before.keys().copied(),
        flag::NOT_WEEKDAY_BEFORE,
    );
    flag_all(
        &mut lex.future.iter().filter_map(|cue| cue.first().copied()),
        flag::FUTURE,
    );
    flag_all(&mut lex.past.keys().copied(), flag::PAST);
    flag_all(&mut lex.reporting.keys().copied(), flag::REPORTING);
    flag_all(&mut lex.not_past.keys().copied(), flag::NOT_PAST);
    flag_all(&mut DURATION_WORDS.iter().copied(), flag::DURATION);
    flag_all(&mut ORDINAL_WORDS.iter().copied(), flag::ORDINAL);
    flag_all(&mut STARTER_WORDS.iter().copied(), flag::STARTER);
    for f in map.values_mut() {
        let names = f.month.is_some() || f.weekday.is_some() || f.number.is_some();
        if names || f.has(flag::HOLIDAY) {
            f.flags |= flag::STARTER;
        }
    }
    let longest = map.keys().map(|k| k.len()).max().unwrap_or(0);
    let mut short = HashMap::default();
    let mut long = HashMap::default();
    for (k, f) in map {
        match pack(k.as_bytes()) {
            Some(p) if !k.as_bytes().contains(&0) => {
                short.insert(p, (k, f));
            }
            _ => {
                long.insert(k, f);
            }
        }
    }
    Table {
        short,
        long,
        longest,
    }
});

/// The facts of a lower-cased word, if the timeline knows it.
pub fn facts(lower: &str) -> Option<&'static Facts> {
    let table: &'static Table = &WORDS;
    if lower.len() > table.longest {
        return None;
    }
    match pack(lower.as_bytes()) {
        Some(p) if !lower.as_bytes().contains(&0) => table.short.get(&p).map(|(_, f)| f),
        _ => table.long.get(lower),
    }
}

/// [`facts`] of a word given as [`pack`] of its lower-cased bytes (no zero byte), with the
/// key as written in the table.
pub fn facts_packed(key: u128) -> Option<(&'static str, &'static Facts)> {
    let table: &'static Table = &WORDS;
    table.short.get(&key).map(|(k, f)| (*k, f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_agree_with_the_lists() {
        let lex = &*LEXICON;
        for (w, m) in &lex.months {
            assert_eq!(facts(w).and_then(|f| f.month), Some(*m));
        }
        assert_eq!(
            facts("sunday").and_then(|f| f.weekday.map(|d| d.number)),
            Some(7)
        );
        assert_eq!(facts("twenty").and_then(|f| f.number), Some(20));
        assert_eq!(facts("last").and_then(|f| f.ordinal), Some(-1));
        assert!(facts("will").is_some_and(|f| f.has(flag::FUTURE)));
        assert!(facts("expected").is_some_and(|f| f.has(flag::FUTURE | flag::NOT_PAST)));
        assert!(facts("said").is_some_and(|f| f.has(flag::REPORTING)));
        assert!(facts("troops").is_some_and(|f| f.has(flag::COUNTED)));
        assert!(facts("thanksgiving").is_some_and(|f| f.has(flag::HOLIDAY | flag::STARTER)));
        // "a" can begin "a year ago"; "may" is a month; "people" begins nothing.
        assert!(facts("a").is_some_and(|f| f.has(flag::STARTER)));
        assert!(facts("may").is_some_and(|f| f.has(flag::STARTER)));
        assert!(!facts("people").is_some_and(|f| f.has(flag::STARTER)));
        assert!(facts("ministry").is_none());
        // Every holiday has a first word (an empty name would match anywhere).
        assert!(lex.holidays.iter().all(|(w, _)| !w.is_empty()));
    }
}
