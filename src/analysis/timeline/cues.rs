//! Event-kind cues in a sentence ("phone call", "met", "voted", "said"), from
//! `assets/timeline/events.txt`.
//!
//! Rules (the meaning of a cue list; [`cues`] is the reference):
//! - Cues are found by one ASCII case-insensitive, leftmost-longest, non-overlapping scan of
//!   the sentence; a match counts only when it stands as a whole word (no alphanumeric
//!   character touching either end). A rejected match still consumes its text.
//! - `not_call` phrases ("calling for", "so-called") are matched like cues and then dropped,
//!   so they hide the call cue inside them.
//!
//! Mechanism: [`cues_in`] reads the same cues from the sentence's tokens, without the
//! automaton. It is exactly [`cues`] because every cue pattern begins with a letter and its
//! first word is all letters: a match that starts at a word can only be the pattern equal to
//! that word, or a longer pattern whose first word is that word (found through the word's
//! [`super::words::Facts::cue`]); a match that starts inside a word is always rejected and
//! matters only if it runs past the end of the word (and so hides the next word). That needs a
//! pattern whose first word is a proper ending of the word and whose rest follows it
//! ("…on the phone" after "Lisbon"): such a sentence, rare, is read with the automaton.
//! When the list itself breaks these conditions (two patterns equal but for case, a pattern
//! not starting with a word of letters), every sentence is read with the automaton.
//!
//! This module never decides an event; it only finds cue words.

use super::lexicon::{EVENTS, entries};
use super::tokens::{Tok, TokKind};
use crate::model::EventKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::LazyLock;

fn kind_named(name: &str) -> Option<EventKind> {
    Some(match name {
        "call" => EventKind::Call,
        "meeting" => EventKind::Meeting,
        "talks" => EventKind::Talks,
        "vote" => EventKind::Vote,
        "attack" => EventKind::Attack,
        "statement" => EventKind::Statement,
        "other" => EventKind::Other,
        _ => return None,
    })
}

/// The patterns of one first word (lower-cased): pattern ids.
#[derive(Debug, Default)]
pub struct FirstWord {
    /// Patterns that are this one word.
    single: Vec<usize>,
    /// Longer patterns beginning with this word.
    longer: Vec<usize>,
}

/// The cue list, parsed (no automaton).
struct List {
    patterns: Vec<&'static str>,
    /// A cue kind, or `None` for phrases that cancel a cue ("calling for").
    kinds: Vec<Option<EventKind>>,
    labels: HashMap<EventKind, String>,
    /// By lower-cased first word; [`super::words::Facts::cue`] is an index here plus one.
    first_words: Vec<(String, FirstWord)>,
    /// The first words of longer patterns, with those patterns, by the last byte (ASCII
    /// lower-cased) of the first word: 256 lists.
    by_last_byte: Vec<Vec<(&'static str, Vec<usize>)>>,
    /// The bytes a longer pattern's rest can begin with (after its first word).
    rest_starts: [bool; 256],
    /// Whether [`cues_in`] may read tokens (see the module rules).
    tokens_ok: bool,
}

/// Length of a pattern's first word: its leading alphanumeric characters.
fn first_word_len(p: &str) -> usize {
    p.find(|c: char| !c.is_alphanumeric()).unwrap_or(p.len())
}

static LIST: LazyLock<List> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    let mut kinds = Vec::new();
    let mut labels = HashMap::new();
    for (key, items) in entries(EVENTS) {
        if let Some(k) = key.strip_prefix("label ") {
            if let (Some(kind), Some(label)) = (kind_named(k.trim()), items.first()) {
                labels.insert(kind, label.to_string());
            }
            continue;
        }
        let kind = if key == "not_call" {
            None
        } else {
            match kind_named(key) {
                Some(k) => Some(k),
                None => continue,
            }
        };
        for item in items {
            patterns.push(item);
            kinds.push(kind);
        }
    }
    let mut tokens_ok = true;
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut first_words: Vec<(String, FirstWord)> = Vec::new();
    let mut by_last_byte: Vec<Vec<(&'static str, Vec<usize>)>> = vec![Vec::new(); 256];
    let mut rest_starts = [false; 256];
    let first_len: Vec<usize> = patterns.iter().map(|p| first_word_len(p)).collect();
    let mut seen: FxHashMap<String, ()> = FxHashMap::default();
    for (id, p) in patterns.iter().enumerate() {
        let n = first_len[id];
        let first = &p[..n];
        if n == 0 || !first.chars().all(char::is_alphabetic) {
            tokens_ok = false;
            continue;
        }
        if seen.insert(p.to_ascii_lowercase(), ()).is_some() {
            tokens_ok = false;
        }
        let key = first.to_lowercase();
        let at = *index.entry(key.clone()).or_insert_with(|| {
            first_words.push((key, FirstWord::default()));
            first_words.len() - 1
        });
        if n == p.len() {
            first_words[at].1.single.push(id);
        } else {
            first_words[at].1.longer.push(id);
            let last = first.as_bytes()[n - 1].to_ascii_lowercase();
            let list = &mut by_last_byte[usize::from(last)];
            match list.iter_mut().find(|(w, _)| w.eq_ignore_ascii_case(first)) {
                Some((_, ids)) => ids.push(id),
                None => list.push((first, vec![id])),
            }
            rest_starts[usize::from(p.as_bytes()[n])] = true;
        }
    }
    // Facts::cue counts first words in a u16.
    if first_words.len() >= usize::from(u16::MAX) {
        tokens_ok = false;
    }
    List {
        patterns,
        kinds,
        labels,
        first_words,
        by_last_byte,
        rest_starts,
        tokens_ok,
    }
});

/// The lower-cased first words of the cue patterns, in the order [`super::words::Facts::cue`]
/// counts them.
pub fn first_words() -> impl Iterator<Item = &'static str> {
    let list: &'static List = &LIST;
    list.first_words.iter().map(|(w, _)| w.as_str())
}

/// The short label of each kind.
pub fn labels() -> &'static HashMap<EventKind, String> {
    &LIST.labels
}

static AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&LIST.patterns)
        .expect("event cue automaton")
});

/// A cue found in a sentence: kind and byte span (sentence-relative).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    pub kind: EventKind,
    pub start: usize,
    pub end: usize,
}

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Event cues of a sentence, in order ("calling for" and the like removed), by the automaton.
pub fn cues(s: &str) -> Vec<Cue> {
    let list = &*LIST;
    AUTOMATON
        .find_iter(s)
        .filter(|m| {
            !word_char(s[..m.start()].chars().next_back())
                && !word_char(s[m.end()..].chars().next())
        })
        .filter_map(|m| {
            list.kinds[m.pattern().as_usize()].map(|kind| Cue {
                kind,
                start: m.start(),
                end: m.end(),
            })
        })
        .collect()
}

/// Whether `pattern` is at byte `at` of `s`, ASCII case-insensitively.
fn pattern_at(s: &str, at: usize, pattern: &str) -> bool {
    s.as_bytes()
        .get(at..at + pattern.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(pattern.as_bytes()))
}

/// Whether a match starting inside a token could run past its end (see the module rules).
fn inner_match_runs_on(list: &List, s: &str, t: &Tok<'_>) -> bool {
    let (Some(&last), Some(&next)) = (t.text.as_bytes().last(), s.as_bytes().get(t.end)) else {
        return false;
    };
    if !list.rest_starts[usize::from(next)] {
        return false;
    }
    let text = t.text.as_bytes();
    list.by_last_byte[usize::from(last.to_ascii_lowercase())]
        .iter()
        .any(|(first, ids)| {
            let n = first.len();
            text.len() > n
                && text[text.len() - n..].eq_ignore_ascii_case(first.as_bytes())
                && ids
                    .iter()
                    .any(|&id| pattern_at(s, t.end, &list.patterns[id][n..]))
        })
}

/// [`cues`] of sentence `s` read from its tokens `toks` (from [`super::tokens`]), appended
/// to `out`; the same cues, in the same order (see the module rules).
pub fn cues_in(s: &str, toks: &[Tok<'_>], out: &mut Vec<Cue>) {
    let list = &*LIST;
    if !list.tokens_ok
        || toks
            .iter()
            .any(|t| t.kind != TokKind::Punct && inner_match_runs_on(list, s, t))
    {
        out.extend(cues(s));
        return;
    }
    let mut pos = 0;
    for t in toks {
        if t.start < pos {
            continue;
        }
        let Some(cue) = t.facts.map(|f| f.cue).filter(|&c| c > 0) else {
            continue;
        };
        let Some((_, first)) = list.first_words.get(usize::from(cue) - 1) else {
            continue;
        };
        let mut best: Option<(usize, usize)> = None;
        for &id in &first.longer {
            let p = list.patterns[id];
            if pattern_at(s, t.start, p) && best.is_none_or(|(len, _)| p.len() > len) {
                best = Some((p.len(), id));
            }
        }
        let best = best.or_else(|| {
            first
                .single
                .iter()
                .find(|&&id| t.text.eq_ignore_ascii_case(list.patterns[id]))
                .map(|&id| (list.patterns[id].len(), id))
        });
        let Some((len, id)) = best else { continue };
        let end = t.start + len;
        pos = end;
        if !word_char(s.get(end..).and_then(|r| r.chars().next()))
            && let Some(kind) = list.kinds[id]
        {
            out.push(Cue {
                kind,
                start: t.start,
                end,
            });
        }
    }
}

/// The kind a date mention at `start..end` gets from the cues of its sentence (sorted by
/// position): the nearest specific cue, else the nearest statement cue, else `Other`.
/// Looks only at the neighbours of the mention (binary search), so it is cheap in long text.
pub fn kind_near(cues: &[Cue], start: usize, end: usize) -> EventKind {
    let dist = |c: &Cue| {
        if c.end <= start {
            start - c.end
        } else {
            c.start.saturating_sub(end)
        }
    };
    let at = cues.partition_point(|c| c.end <= start);
    let nearest = |specific: bool| {
        let wanted = |c: &&Cue| (c.kind != EventKind::Statement) == specific;
        let before = cues[..at].iter().rev().find(wanted);
        let after = cues[at..].iter().find(wanted);
        match (before, after) {
            (Some(b), Some(a)) => Some(if dist(a) < dist(b) { a } else { b }),
            (b, a) => b.or(a),
        }
    };
    nearest(true)
        .or_else(|| nearest(false))
        .map(|c| c.kind)
        .unwrap_or(EventKind::Other)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn from_tokens(s: &str) -> Vec<Cue> {
        let mut out = Vec::new();
        cues_in(s, &tokenize(s), &mut out);
        out
    }

    #[test]
    fn tokens_give_the_automaton_s_cues() {
        assert!(LIST.tokens_ok);
        let texts = [
            "They spoke by phone on Tuesday and met in person; the talks were calling for calm.",
            "A PHONE CALL, phone calls, phone callers, the so-called truce, voters voted.",
            "In Lisbon on the phone, nearby phone lines, recalled for talks, postwar began.",
            "The smartphone call was a telephone conversation; face-to-face, Face-To-Faces.",
            "Communiqué, COMMUNIQUÉ, communiqués; the vote’s result, a veto—vetoed.",
            "Talks (peace talks) and round of talks, call off, called it, callsign on the phone.",
            "He said: “We met.” She told, announced; according to reports, the readout said.",
            "",
            "call",
        ];
        for s in texts {
            assert_eq!(from_tokens(s), cues(s), "{s:?}");
        }
        // Inside a word, a longer pattern can hide the next word: "smartphone call" has no
        // "call" cue, "Lisbon on the phone" none but "phone"-less ones.
        assert!(cues("a smartphone call").is_empty());
        assert_eq!(from_tokens("a smartphone call"), cues("a smartphone call"));
    }

    #[test]
    fn tokens_give_the_automaton_s_cues_on_the_test_articles() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles");
        let mut lines = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
            for line in text.lines() {
                assert_eq!(from_tokens(line), cues(line), "{line:?}");
                lines += 1;
            }
        }
        assert!(lines > 0);
    }

    #[test]
    fn kind_from_nearest_cue() {
        let s = "This is the second phone call since the war broke out on October 7.";
        let c = cues(s);
        let at = s.find("October").unwrap();
        assert_eq!(kind_near(&c, at, at + 9), EventKind::Attack);
        let s = "The leader spoke on the phone with his peer on the 10th and expressed dismay.";
        let at = s.find("the 10th").unwrap();
        assert_eq!(kind_near(&cues(s), at, at + 8), EventKind::Call);
        let s = "The council voted for a resolution calling for a ceasefire on the 8th.";
        let at = s.find("the 8th").unwrap();
        assert_eq!(kind_near(&cues(s), at, at + 7), EventKind::Vote);
    }
}
