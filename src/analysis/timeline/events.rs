//! Grouping date mentions into events: kind, label, participants, attributes, main event.
//!
//! Rules:
//! - **One event per normalised value.** Mentions that resolve to the same value
//!   (`on the 10th` and `that day` → `2023-12-10`) are one event. Dateline, byline and source
//!   lines make no events (a dateline's date is the publication, not a happening).
//! - **Kind** comes from the cue words around each mention (`assets/timeline/events.txt`):
//!   the cue nearest to the date in its sentence wins, among call / meeting / talks / vote /
//!   attack cues; `statement` cues count only when none of those is in the sentence (so "spoke
//!   on the phone on the 10th and expressed…" is a call, not a statement). "calling for" is no
//!   call. An event takes the first specific kind any of its mentions gives.
//! - **Sentence ↔ event.** A sentence with a date of its own belongs to the event of that date
//!   (a day-precise one first). A date inside a `since` clause is a boundary ("the second call
//!   since the war broke out on October 7"): it makes or joins its event, but the sentence
//!   counts as undated. An undated sentence that reports a side's statement (side A, B or both)
//!   belongs to the main event; an undated `neither` sentence belongs to it only when it names
//!   the main event's kind ("The phone call … lasted about 50 minutes"). Bylines and source
//!   lines belong to no event.
//! - **Main event**: the event the article reports on — the latest call, meeting or talks on
//!   or before the reference date; failing that, the latest dated event of another kind
//!   (without a reference: the first in text).
//! - **Attributes** are read from the sentences tied to an event: durations ("lasted about 50
//!   minutes" → `about 50 minutes`, "a 40-minute call" → `40 minutes`) and ordinals ("the
//!   second time", "their first phone call").
//! - **Participants**: the sides whose name, alias or person is written in the event's sentences;
//!   both sides when a sentence tied to the event names them together ("the two leaders",
//!   `both:` in the asset).
//! - Events are ordered by date; without a reference date, by first mention in the text.
//!
//! Cost: every sentence's cues come with it, read from the tokens the date finder already
//! made ([`super::cues::cues_in`]); attributes are read only for the sentences that need them
//! (an undated one that does not report a side, a sentence tied to an event), at most once
//! each; the attribute regexes run only where a key word is ([`Hints`], from the same tokens)
//! and, on text with curly quotes or dashes, over an ASCII stand-in so they keep their fast
//! engine ([`attributes_with`]).
//!
//! This module never resolves dates and never changes a sentence's side.

use super::cues::{self, Cue, kind_near};
use super::lean;
use super::lexicon::{EVENTS, entries};
use super::tokens::Summary;
use super::words::flag;
use crate::model::{Event, EventKind, Party, Role, Side};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use jiff::civil::Date;
use regex_automata::meta::Regex;
use std::sync::LazyLock;

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

static BOTH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let phrases: Vec<&str> = entries(EVENTS)
        .filter(|(k, _)| *k == "both")
        .flat_map(|(_, items)| items)
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(phrases)
        .expect("both-sides automaton")
});

/// Whether a sentence names both sides together ("the two leaders").
fn names_both(s: &str) -> bool {
    BOTH.find_iter(s).any(|m| {
        !word_char(s[..m.start()].chars().next_back()) && !word_char(s[m.end()..].chars().next())
    })
}

/// Durations ("lasted about an hour", "a 90-minute call"), written with Unicode `\d`
/// ([`lean::Digits`] uses `[0-9]` where that matches the same).
static DURATION: lean::Digits = lean::Digits::new(
    r"(?ix)\b(?:lasted|lasting|went\ on\ for|continued\ for|took)\s+
        (?P<q>(?:about|around|nearly|almost|more\ than|over|some|roughly|approximately|just\ over|just\ under|less\ than|up\ to)\s+)?
        (?P<n>\d+|an?|one|two|three|four|five|six|ten|twenty|thirty|forty|fifty|sixty|ninety|half\ an)\s+
        (?P<u>minutes?|hours?)\b
        | \b(?P<n2>\d+)-(?P<u2>minute|hour)\b",
);

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    lean::build(
        r"(?ix)\b(?:the|their|its|a|his|her)\s+
        (?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|previous)\s+
        (?P<w>time|phone\ call|telephone\ call|video\ call|call|conversation|meeting|visit|round|summit|contact|talks)\b",
    )
});

/// Words one of which every [`DURATION`] match contains, and every [`ORDINAL`] match: a
/// sentence without any of them skips that regex (most sentences do). The regexes are
/// Unicode case-insensitive, where `k` and `s` also match `K` (Kelvin) and `ſ` (long s); the
/// needles therefore avoid those two letters ("econd" for "second"), so an ASCII
/// case-insensitive search never misses a sentence the regex would match.
const DURATION_NEEDLES: &[&str] = &["minute", "hour"];
const ORDINAL_NEEDLES: &[&str] = &[
    "fir", "econd", "third", "fourth", "fifth", "ixth", "eventh", "eighth", "ninth", "tenth",
    "late", "previou",
];

/// One automaton for both needle lists: pattern ids below `DURATION_NEEDLES.len()` are
/// durations, the rest ordinals.
static NEEDLES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(DURATION_NEEDLES.iter().chain(ORDINAL_NEEDLES))
        .expect("attribute needle automaton")
});

/// What the tokenizer saw of a sentence's attribute key words ([`super::words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hints {
    /// The sentence has no non-ASCII alphanumeric character, so its words are whole tokens
    /// and the two flags below are exact.
    pub plain: bool,
    /// A token is a duration unit (`minute`, `hours`).
    pub duration: bool,
    /// A token is an attribute ordinal (`second`, `latest`).
    pub ordinal: bool,
}

impl Hints {
    /// The hints of a sentence from what the tokenizer saw in it.
    pub fn of(summary: Summary) -> Hints {
        Hints {
            plain: !summary.non_ascii_run,
            duration: summary.flags & flag::DURATION != 0,
            ordinal: summary.flags & flag::ORDINAL != 0,
        }
    }

    /// Nothing known: [`attributes_with`] looks for the key words itself.
    pub const UNKNOWN: Hints = Hints {
        plain: false,
        duration: true,
        ordinal: true,
    };
}

/// Attributes stated in a sentence: durations and ordinals.
pub fn attributes(s: &str) -> Vec<String> {
    attributes_with(s, Hints::UNKNOWN)
}

/// [`attributes`], skipping what `hints` rule out.
///
/// Rules that keep this exactly [`attributes`]:
/// - In a plain sentence (no non-ASCII alphanumeric character) every match of [`DURATION`]
///   has a token that is a unit, and every match of [`ORDINAL`] one that is an ordinal: their
///   key words stand between whitespace (or `-`) and a word boundary, which are token
///   boundaries there, and case folding is ASCII (no `ſ`, no Kelvin sign). Otherwise the
///   needle automaton decides, as before.
/// - A sentence with non-ASCII characters sends the regexes (Unicode `\b`) to their slow
///   engines. In a plain sentence whose non-ASCII characters are all whitespace or known
///   punctuation ([`ascii_stand_in`]), the regexes read a copy where each such character is
///   replaced, byte for byte, by tabs (whitespace: `\s`, never the pattern's literal space) or
///   `#` (no word character, in no pattern): the same matches at the same offsets, found by
///   the fast engine; the text is taken from the sentence itself.
pub fn attributes_with(s: &str, hints: Hints) -> Vec<String> {
    let mut out = Vec::new();
    let (mut duration, mut ordinal) = (false, false);
    if hints.plain {
        (duration, ordinal) = (hints.duration, hints.ordinal);
    } else {
        for m in NEEDLES.find_overlapping_iter(s) {
            if m.pattern().as_usize() < DURATION_NEEDLES.len() {
                duration = true;
            } else {
                ordinal = true;
            }
            if duration && ordinal {
                break;
            }
        }
    }
    if !duration && !ordinal {
        return out;
    }
    let stand_in = if hints.plain && !s.is_ascii() {
        ascii_stand_in(s)
    } else {
        None
    };
    let hay: &str = stand_in.as_deref().unwrap_or(s);
    let durations = duration
        .then(|| DURATION.for_text(s).captures_iter(hay))
        .into_iter()
        .flatten();
    for c in durations {
        let g = |name: &str| lean::group(&c, s, name);
        if let (Some(n), Some(u)) = (g("n"), g("u")) {
            let q = g("q")
                .map(|q| q.as_str().to_lowercase())
                .unwrap_or_default();
            out.push(format!(
                "{q}{} {}",
                n.as_str().to_lowercase(),
                u.as_str().to_lowercase()
            ));
        } else if let (Some(n), Some(u)) = (g("n2"), g("u2")) {
            out.push(format!("{} {}s", n.as_str(), u.as_str().to_lowercase()));
        }
    }
    let ordinals = ordinal
        .then(|| ORDINAL.captures_iter(hay))
        .into_iter()
        .flatten();
    for c in ordinals {
        let g = |name: &str| lean::group(&c, s, name);
        if let (Some(o), Some(w)) = (g("o"), g("w")) {
            out.push(format!(
                "{} {}",
                o.as_str().to_lowercase(),
                w.as_str().to_lowercase()
            ));
        }
    }
    out
}

/// `s` with every non-ASCII character replaced by as many ASCII bytes: tabs for whitespace,
/// `#` for punctuation and symbols known to be no word character (Latin-1 punctuation, the
/// General Punctuation block but its connectors, currency signs). `None` when `s` has any
/// other non-ASCII character (a letter, a mark, a connector: the caller keeps the text).
fn ascii_stand_in(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let fill = if c.is_ascii() {
            out.push(c as u8);
            continue;
        } else if c.is_whitespace() {
            b'\t'
        } else if !c.is_alphanumeric()
            && matches!(c, '\u{a1}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2010}'..='\u{203e}'
                | '\u{2041}'..='\u{2053}' | '\u{2055}'..='\u{205e}' | '\u{20a0}'..='\u{20c0}')
        {
            b'#'
        } else {
            return None;
        };
        out.extend(std::iter::repeat_n(fill, c.len_utf8()));
    }
    String::from_utf8(out).ok()
}

/// What the grouping needs to know about one date mention.
#[derive(Debug, Clone)]
pub struct MentionInfo {
    pub sentence: usize,
    /// Byte span relative to the sentence.
    pub start: usize,
    pub end: usize,
    pub value: String,
    pub granularity: crate::model::Granularity,
    pub first_day: Option<Date>,
    pub since: bool,
}

/// Inputs of [`group`], one entry per sentence.
pub struct SentenceInfo<'a> {
    pub text: &'a str,
    pub role: Role,
    pub side: Side,
    pub hints: Hints,
    /// Its cues ([`super::cues::cues_in`]): a range of the `cue_store` given to [`group`].
    pub cues: std::ops::Range<usize>,
}

pub struct Grouped {
    pub events: Vec<Event>,
    pub event_of: Vec<Option<usize>>,
}

fn interaction(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Call | EventKind::Meeting | EventKind::Talks
    )
}

/// Groups mentions into events and ties sentences to them (see the module rules).
pub fn group(
    sentences: &[SentenceInfo<'_>],
    cue_store: &[Cue],
    mentions: &[MentionInfo],
    parties: &[Party],
    reference: Option<Date>,
) -> Grouped {
    let n = sentences.len();
    // Cues and attributes are read only for the sentences that need them, once each.
    let mut attribute_cache: Vec<Option<Vec<String>>> = vec![None; n];

    struct Draft {
        value: String,
        granularity: crate::model::Granularity,
        first_day: Option<Date>,
        kind: EventKind,
        first_mention: usize,
        mentioning: Vec<usize>,
    }
    let mut drafts: Vec<Draft> = Vec::new();
    let mut by_value: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut own: Vec<Vec<(usize, crate::model::Granularity)>> = vec![Vec::new(); n];
    for (mi, m) in mentions.iter().enumerate() {
        let Some(s) = sentences.get(m.sentence) else {
            continue;
        };
        if matches!(s.role, Role::Dateline | Role::Byline | Role::Source) {
            continue;
        }
        let kind = kind_near(&cue_store[s.cues.clone()], m.start, m.end);
        let id = *by_value.entry(m.value.as_str()).or_insert_with(|| {
            drafts.push(Draft {
                value: m.value.clone(),
                granularity: m.granularity,
                first_day: m.first_day,
                kind: EventKind::Other,
                first_mention: mi,
                mentioning: Vec::new(),
            });
            drafts.len() - 1
        });
        let d = &mut drafts[id];
        let specific = |k: EventKind| !matches!(k, EventKind::Other | EventKind::Statement);
        if specific(kind) && !specific(d.kind)
            || d.kind == EventKind::Other && kind == EventKind::Statement
        {
            d.kind = kind;
        }
        if d.mentioning.last() != Some(&m.sentence) {
            d.mentioning.push(m.sentence);
        }
        if !m.since {
            own[m.sentence].push((id, m.granularity));
        }
    }

    // Main event.
    let eligible = |d: &Draft| match (reference, d.first_day) {
        (Some(r), Some(f)) => f <= r,
        (None, _) => true,
        _ => false,
    };
    let latest = |pred: &dyn Fn(&Draft) -> bool| -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, d) in drafts.iter().enumerate() {
            if !pred(d) || !eligible(d) {
                continue;
            }
            best = match best {
                None => Some(i),
                Some(b) if reference.is_none() => Some(b),
                Some(b) => {
                    let key = |x: &Draft| (x.first_day, std::cmp::Reverse(x.first_mention));
                    Some(if key(d) > key(&drafts[b]) { i } else { b })
                }
            };
        }
        best
    };
    let main = latest(&|d| interaction(d.kind))
        .or_else(|| {
            latest(&|d| {
                d.kind != EventKind::Other && d.granularity == crate::model::Granularity::Day
            })
        })
        .or_else(|| latest(&|d| d.granularity == crate::model::Granularity::Day));

    // Sentence ↔ event.
    let mut event_of: Vec<Option<usize>> = vec![None; n];
    for (i, s) in sentences.iter().enumerate() {
        if matches!(s.role, Role::Byline | Role::Source) {
            continue;
        }
        if let Some(&(id, _)) = own[i]
            .iter()
            .find(|(_, g)| *g == crate::model::Granularity::Day)
            .or_else(|| own[i].first())
        {
            event_of[i] = Some(id);
            continue;
        }
        let Some(m) = main else { continue };
        let reports = matches!(s.side, Side::A | Side::B | Side::Both);
        let main_kind = drafts[m].kind;
        let mut names_kind = || {
            cue_store[s.cues.clone()]
                .iter()
                .any(|c| c.kind == main_kind && c.kind != EventKind::Statement)
                || interaction(main_kind)
                    && !cached(&mut attribute_cache, i, || attributes_with(s.text, s.hints))
                        .is_empty()
        };
        if reports || names_kind() {
            event_of[i] = Some(m);
        }
    }

    // Order: by date, or by text without a reference.
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    if reference.is_some() {
        order.sort_by_key(|&i| (drafts[i].first_day, drafts[i].first_mention));
    } else {
        order.sort_by_key(|&i| drafts[i].first_mention);
    }
    let mut new_id = vec![0; drafts.len()];
    for (pos, &old) in order.iter().enumerate() {
        new_id[old] = pos;
    }
    for e in event_of.iter_mut().flatten() {
        *e = new_id[*e];
    }

    let surface: Vec<(String, Vec<String>)> = parties
        .iter()
        .map(|p| {
            let mut forms = vec![p.name.clone()];
            forms.extend(p.aliases.iter().cloned());
            for person in &p.people {
                forms.push(person.name.clone());
                if let Some(last) = person.name.split_whitespace().last() {
                    forms.push(last.to_string());
                }
            }
            forms.retain(|f| f.chars().count() >= 2);
            (p.name.clone(), forms)
        })
        .collect();
    let labels = cues::labels();
    let mut tied_lists: Vec<Vec<usize>> = vec![Vec::new(); drafts.len()];
    for (i, e) in event_of.iter().enumerate() {
        if let Some(e) = e {
            tied_lists[*e].push(i);
        }
    }
    let mut events: Vec<Event> = Vec::with_capacity(drafts.len());
    for (pos, &old) in order.iter().enumerate() {
        let d = &drafts[old];
        let mut tied = std::mem::take(&mut tied_lists[pos]);
        let mut all = tied.clone();
        all.extend(d.mentioning.iter().copied());
        all.sort_unstable();
        all.dedup();
        let mut attributes_found: Vec<String> = Vec::new();
        tied.sort_unstable();
        for &i in &tied {
            let s = &sentences[i];
            for a in cached(&mut attribute_cache, i, || attributes_with(s.text, s.hints)) {
                if !attributes_found.contains(a) {
                    attributes_found.push(a.clone());
                }
            }
        }
        let both = tied.iter().any(|&i| names_both(sentences[i].text));
        let participants = surface
            .iter()
            .filter(|(_, forms)| {
                both || all
                    .iter()
                    .any(|&i| forms.iter().any(|f| contains_word(sentences[i].text, f)))
            })
            .map(|(name, _)| name.clone())
            .collect();
        events.push(Event {
            id: pos,
            date: d.value.clone(),
            granularity: d.granularity,
            kind: d.kind,
            label: labels
                .get(&d.kind)
                .cloned()
                .unwrap_or_else(|| "event".into()),
            main: Some(old) == main,
            participants,
            attributes: attributes_found,
            sentences: all,
        });
    }
    Grouped { events, event_of }
}

/// `cache[i]`, made by `make` the first time it is asked for.
fn cached<T>(cache: &mut [Option<T>], i: usize, make: impl FnOnce() -> T) -> &T {
    cache[i].get_or_insert_with(make)
}

/// Whether `needle` occurs in `hay` as a whole word (case-sensitive).
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        !word_char(hay[..i].chars().next_back())
            && !word_char(hay[i + needle.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_never_change_attributes() {
        let texts = [
            "The call lasted about 50 minutes.",
            "The call lasted\u{a0}about 50 minutes \u{2014} “their second phone call”.",
            "It was a 40-minute call; the latest round’s talks took two hours…",
            "The meeting laſted an hour; the ſecond time, the ſixth visit.",
            "Talks went\u{a0}on for 3 hours, the café’s FIRST  Meeting.",
            "Nothing here, only “quotes” — and 40\u{2011}minute breaks.",
            "It lasted 90 minutes\u{301} and the first\u{2009}time.",
            "A 40-minute² call; their fifth meeting",
        ];
        for s in texts {
            let summary = super::super::tokens::tokenize_into(s, &mut Vec::new());
            assert_eq!(
                attributes_with(s, Hints::of(summary)),
                attributes(s),
                "{s:?}"
            );
        }
        let plain = Hints::of(super::super::tokens::tokenize_into(
            "about “50” minutes",
            &mut Vec::new(),
        ));
        assert!(plain.plain && plain.duration && !plain.ordinal);
        assert_eq!(
            ascii_stand_in("a “b”\u{a0}c").as_deref(),
            Some("a ###b###\t\tc")
        );
        assert_eq!(ascii_stand_in("café"), None);
    }

    #[test]
    fn attributes_are_read() {
        assert_eq!(
            attributes("The call lasted about 50 minutes."),
            vec!["about 50 minutes"]
        );
        assert_eq!(attributes("It was a 40-minute call."), vec!["40 minutes"]);
        assert_eq!(
            attributes("This is the second time they spoke; their first phone call was brief."),
            vec!["second time", "first phone call"]
        );
    }
}
