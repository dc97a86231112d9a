//! The event-cue list of `assets/timeline/events.txt`, parsed once: the patterns, the kind of
//! each (or none, for the phrases that cancel a cue: "calling for"), the kinds' labels, and
//! the patterns by their first word.
//!
//! It sits below the tokens: the word table ([`super::words`]) numbers each word by the
//! patterns it begins ([`first_words`]), and [`super::cues`] reads the cues of a sentence from
//! those numbers. This module imports neither; it only parses the list.

use super::lexicon::{EVENTS, entries};
use crate::model::EventKind;
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
    pub(super) single: Vec<usize>,
    /// Longer patterns beginning with this word.
    pub(super) longer: Vec<usize>,
}

/// The cue list, parsed (no automaton).
pub(super) struct List {
    pub(super) patterns: Vec<&'static str>,
    /// A cue kind, or `None` for phrases that cancel a cue ("calling for").
    pub(super) kinds: Vec<Option<EventKind>>,
    pub(super) labels: HashMap<EventKind, String>,
    /// By lower-cased first word; [`super::words::Facts::cue`] is an index here plus one.
    pub(super) first_words: Vec<(String, FirstWord)>,
    /// The first words of longer patterns, with those patterns, by the last byte (ASCII
    /// lower-cased) of the first word: 256 lists.
    pub(super) by_last_byte: Vec<Vec<(&'static str, Vec<usize>)>>,
    /// The bytes a longer pattern's rest can begin with (after its first word).
    pub(super) rest_starts: [bool; 256],
    /// Whether [`super::cues::cues_in`] may read tokens (see the rules of [`super::cues`]).
    pub(super) tokens_ok: bool,
}

/// Length of a pattern's first word: its leading alphanumeric characters.
fn first_word_len(p: &str) -> usize {
    p.find(|c: char| !c.is_alphanumeric()).unwrap_or(p.len())
}

pub(super) static LIST: LazyLock<List> = LazyLock::new(|| {
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
