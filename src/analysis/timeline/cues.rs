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
//! [`super::words::Facts::cue`], an index into [`super::cue_list`]); a match that starts inside a word is always rejected and
//! matters only if it runs past the end of the word (and so hides the next word). That needs a
//! pattern whose first word is a proper ending of the word and whose rest follows it
//! ("…on the phone" after "Lisbon"): such a sentence, rare, is read with the automaton.
//! When the list itself breaks these conditions (two patterns equal but for case, a pattern
//! not starting with a word of letters), every sentence is read with the automaton.
//!
//! The list itself is parsed in [`super::cue_list`], below the tokens, so that the word table
//! ([`super::words`]) can index it without importing this module.
//!
//! This module never decides an event; it only finds cue words.

use super::cue_list::{LIST, List};
use super::tokens::{Tok, TokKind};
use crate::model::EventKind;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

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
