//! Tense around a date mention: does the text look back or forward from the reference date?
//!
//! News convention (as HeidelTime's news mode): an underspecified date ("on the 10th",
//! "Friday", "in August") is resolved towards the past unless the sentence says future.
//! Rules, in order:
//! 1. Every token gets a tag: *future* (`will`, `'ll`, `expected to`, `due`, `set to`, `is to`,
//!    `until`… from `assets/timeline/tense.txt`), *past* (auxiliaries `was`/`had`/`did`,
//!    irregular past forms, and words ending in `-ed` that are not in the `not_past` list and do
//!    not follow `be`/`been`/`is`/`has`/`to`… nor precede `by`, which makes them passive or
//!    perfect forms or participles), or
//!    *reporting* (`said`, `told`…).
//! 2. The nearest tagged token *before* the mention decides, scanning back to the start of the
//!    clause (a comma, `;` or sentence start, at most 40 tokens); `to` before a bare verb
//!    ends the search with no tense ("asked it to respond by Oct. 31" is not past). A reporting verb decides only when it is within four
//!    tokens of the date ("said Friday"), because the clause it introduces has its own tense
//!    ("said it will meet on the 20th" is future).
//! 3. Otherwise the nearest tagged token within six tokens *after* the mention decides (up to a
//!    comma), and failing that the nearest one before the comma that ended step 2
//!    ("they had met on 4 June, after the clashes of May" is past).
//! 4. Otherwise the tense is unknown and the resolver applies its own default.
//!
//! This module never resolves a date; it only reads words.

use super::lexicon::LEXICON;
use super::tokens::{Tok, TokKind};
use super::words::flag;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    None,
    Past,
    Future,
    Reporting,
    /// `to` before a bare verb: the clause has no tense of its own ("asked it to respond by").
    Infinitive,
}

const PASSIVE_OR_PERFECT: &[&str] = &[
    "be", "been", "being", "is", "are", "am", "to", "has", "have", "having", "will", "would",
    "get", "gets", "getting", "s",
];

/// Tags every token (see the module rules).
pub fn tags(toks: &[Tok<'_>]) -> Vec<Tag> {
    let mut out = Vec::new();
    tags_into(toks, &mut out);
    out
}

/// [`tags`] into `out` (its contents replaced). Word facts come with the tokens
/// ([`super::words`]): a word is matched against the future cues only when it begins one.
pub fn tags_into(toks: &[Tok<'_>], out: &mut Vec<Tag>) {
    let lex = &*LEXICON;
    out.clear();
    out.resize(toks.len(), Tag::None);
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.kind != TokKind::Word {
            continue;
        }
        let next_apostrophe = toks
            .get(i + 1)
            .is_some_and(|n| !n.space_before && (n.is_punct('\'') || n.is_punct('’')));
        let after_apostrophe =
            i > 0 && !t.space_before && (toks[i - 1].is_punct('\'') || toks[i - 1].is_punct('’'));
        // Contractions: "'ll" and "won't" look forward; "didn't", "wasn't" look back.
        if after_apostrophe && t.lower == "ll" || t.lower == "won" && next_apostrophe {
            out[i] = Tag::Future;
            continue;
        }
        if next_apostrophe && matches!(t.lower.as_ref(), "didn" | "wasn" | "weren" | "hadn") {
            out[i] = Tag::Past;
            continue;
        }
        // Multi-word future cues are tagged on their first word.
        let future = t.has(flag::FUTURE)
            && lex.future.iter().any(|cue| {
                cue.iter().enumerate().all(|(k, w)| {
                    toks.get(i + k)
                        .is_some_and(|x| x.kind == TokKind::Word && x.lower == *w)
                })
            });
        if future {
            out[i] = Tag::Future;
            continue;
        }
        let w = t.lower.as_ref();
        if t.has(flag::REPORTING) {
            out[i] = Tag::Reporting;
        } else if t.has(flag::PAST) {
            // "will be held", "has been set": participles, not past tenses.
            let prev = i
                .checked_sub(1)
                .map(|p| toks[p].lower.as_ref())
                .unwrap_or("");
            if !PASSIVE_OR_PERFECT.contains(&prev) {
                out[i] = Tag::Past;
            }
        } else if w.len() >= 5 && w.ends_with("ed") && !t.has(flag::NOT_PAST) {
            let prev = i
                .checked_sub(1)
                .map(|p| toks[p].lower.as_ref())
                .unwrap_or("");
            // "shares tendered by holders": a participle, not a past tense.
            let by_next = toks.get(i + 1).is_some_and(|n| n.lower == "by") && !by_date(toks, i + 2);
            if !PASSIVE_OR_PERFECT.contains(&prev) && !by_next {
                out[i] = Tag::Past;
            }
        }
    }
    // "to" + bare verb, unless it belongs to a future cue ("due to", "is to").
    for i in 1..toks.len() {
        if toks[i].lower == "to"
            && out[i] == Tag::None
            && out[i - 1] != Tag::Future
            && !LEXICON
                .future
                .iter()
                .any(|cue| cue.len() > 1 && cue[1] == "to" && toks[i - 1].lower == cue[0])
            && toks.get(i + 1).is_some_and(|n| {
                n.kind == TokKind::Word
                    && !n.capitalized()
                    && !NOT_VERBS.contains(&n.lower.as_ref())
            })
        {
            out[i] = Tag::Infinitive;
        }
    }
}

/// Whether the words at `k` (after "by") start a date rather than an agent: "peaked by the end
/// of the year", "fell by March" (but "tendered by shareholders").
fn by_date(toks: &[Tok<'_>], k: usize) -> bool {
    let starts_date = |t: &Tok<'_>| {
        matches!(t.kind, TokKind::Num | TokKind::Ord)
            || matches!(
                t.lower.as_ref(),
                "end"
                    | "beginning"
                    | "start"
                    | "middle"
                    | "early"
                    | "late"
                    | "mid"
                    | "then"
                    | "now"
            )
            || t.facts
                .is_some_and(|f| f.month.is_some() || f.weekday.is_some())
    };
    match toks.get(k) {
        Some(t) if t.lower == "the" => toks.get(k + 1).is_some_and(starts_date),
        Some(t) => starts_date(t),
        None => false,
    }
}

/// Words after `to` that show it is a preposition, not an infinitive marker.
const NOT_VERBS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "be", "date", "day", "early", "late", "mid", "about", "around", "some", "all", "each",
    "every", "no", "more", "less", "than", "them", "him", "us", "me", "it", "what", "which",
    "whom", "where", "when", "one", "two", "three", "four", "five", "six", "ten", "and", "or",
];

/// The tense governing the mention spanning tokens `first..last` (exclusive).
pub fn tense_at(toks: &[Tok<'_>], tags: &[Tag], first: usize, last: usize) -> Tense {
    // Bounded: a clause longer than this says nothing more about the date's tense.
    let floor = first.saturating_sub(40);
    let mut i = first;
    let mut comma: Option<usize> = None;
    while i > floor {
        i -= 1;
        if toks[i].is_punct(';') {
            break;
        }
        if toks[i].is_punct(',') {
            comma = Some(i);
            break;
        }
        match tags[i] {
            Tag::Past => return Tense::Past,
            Tag::Future => return Tense::Future,
            Tag::Reporting if first - i <= 4 => return Tense::Past,
            Tag::Infinitive => return Tense::Unknown,
            _ => {}
        }
    }
    for j in last..toks.len().min(last + 6) {
        if toks[j].is_punct(';') || toks[j].is_punct('.') || toks[j].is_punct(',') {
            break;
        }
        match tags[j] {
            Tag::Past | Tag::Reporting => return Tense::Past,
            Tag::Future => return Tense::Future,
            Tag::None | Tag::Infinitive => {}
        }
    }
    // Nothing in the date's own clause: the tense of the clause before it, if any.
    if let Some(mut i) = comma {
        while i > floor {
            i -= 1;
            if toks[i].is_punct(';') {
                break;
            }
            match tags[i] {
                Tag::Past => return Tense::Past,
                Tag::Future => return Tense::Future,
                _ => {}
            }
        }
    }
    Tense::Unknown
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn tense_of(text: &str, word: &str) -> Tense {
        let toks = tokenize(text);
        let tags = tags(&toks);
        let i = toks.iter().position(|t| t.text == word).unwrap();
        tense_at(&toks, &tags, i, i + 1)
    }

    #[test]
    fn future_and_past_cues() {
        assert_eq!(
            tense_of("They will meet on Friday.", "Friday"),
            Tense::Future
        );
        assert_eq!(tense_of("They met on Friday.", "Friday"), Tense::Past);
        assert_eq!(tense_of("The ban was lifted in May.", "May"), Tense::Past);
        assert_eq!(
            tense_of("The book is due to be published in May.", "May"),
            Tense::Future
        );
        assert_eq!(tense_of("They'll vote Monday.", "Monday"), Tense::Future);
        assert_eq!(
            tense_of("It will be held on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense_of("The shares tendered by Monday.", "Monday"),
            Tense::Past
        );
    }

    #[test]
    fn reporting_verb_only_counts_beside_the_date() {
        assert_eq!(
            tense_of(
                "Officials said the talks will resume on Tuesday.",
                "Tuesday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense_of("The ministry said Tuesday.", "Tuesday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("The rights, which expire Nov, can be exercised.", "Nov"),
            Tense::Unknown
        );
    }
}
