//! Timeline: date mentions normalised against a reference date, events, sentence ↔ event.
//!
//! Stages, one file each:
//! - [`expressions`] finds temporal expressions in a sentence (with [`tokens`], [`words`] and
//!   [`tense`]); [`tokens`] is the timeline's view of the text layer's tokens
//!   ([`crate::analysis::text::tokenize`], the one tokenizer): each token's alphanumeric runs
//!   and punctuation, with the per-word date facts of [`words`];
//! - [`resolve`] normalises them against the reference date (`published`) with `jiff`;
//! - [`events`] groups the mentions into events and ties every sentence to at most one, by the
//!   event-kind [`cues`] read from the sentence's tokens (the cue list itself is parsed in
//!   [`cue_list`], which the word table indexes: `words` never imports `cues`).
//!
//! Rules kept here:
//! - The reference date is the article's publication date (`YYYY-MM-DD`). Without one, the
//!   timeline keeps what the text says (`XXXX-XX-10`), orders events by the text, and says so in
//!   [`Timeline::notes`] instead of guessing.
//! - Anaphora (`that day`, `the same day`) resolve to the last date before them in the article,
//!   across sentences (the seed's "said in a statement that day" follows "on the 10th"); a date
//!   in a `since` clause is a boundary and never that context.
//! - Every sentence is read once; nothing here rescans the text per sentence, and all regexes and
//!   automata are built once ([`std::sync::LazyLock`]). The token and tag buffers are reused
//!   from one sentence to the next ([`expressions::Scratch`]).
//!
//! This stage never changes a sentence's side or text; it only reads them.

pub mod cue_list;
pub mod cues;
pub mod events;
pub mod expressions;
mod lean;
pub mod lexicon;
mod reference;
pub mod resolve;
pub mod tense;
pub mod tokens;
pub mod words;

use super::attribute::Attribution;
use super::parties::Parties;
use super::segment::Span;
use crate::model::{DateMention, Event, Role, Side};
use events::{MentionInfo, SentenceInfo};
pub use reference::{ReferenceDate, reference_date};
use resolve::Resolved;

#[derive(Debug, Clone, Default)]
pub struct Timeline {
    /// Date mentions per sentence.
    pub dates: Vec<Vec<DateMention>>,
    pub events: Vec<Event>,
    /// The event of each sentence.
    pub event_of: Vec<Option<usize>>,
    pub notes: Vec<String>,
}

/// A date found in a piece of text, resolved against `reference`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    pub start: usize,
    pub end: usize,
    pub resolved: Resolved,
    pub since: bool,
}

/// Finds and resolves the dates of `text`; `context` carries the last date across calls
/// (for `that day`) and is updated.
pub fn dates_in(
    text: &str,
    reference: Option<jiff::civil::Date>,
    context: &mut Option<Resolved>,
) -> Vec<Dated> {
    dates_with(
        text,
        reference,
        context,
        &mut expressions::Scratch::default(),
    )
}

/// [`dates_in`], reusing `scratch`'s buffers (which then hold `text`'s tokens).
fn dates_with<'a>(
    text: &'a str,
    reference: Option<jiff::civil::Date>,
    context: &mut Option<Resolved>,
    scratch: &mut expressions::Scratch<'a>,
) -> Vec<Dated> {
    let mut out = Vec::new();
    for f in expressions::find_with(text, scratch) {
        if let Some(r) = resolve::resolve(&f.expr, f.tense, reference, context.as_ref()) {
            // A since-boundary is not what "that day" points back to.
            if !f.since {
                *context = Some(r.clone());
            }
            out.push(Dated {
                start: f.start,
                end: f.end,
                resolved: r,
                since: f.since,
            });
        }
    }
    out
}

pub fn build(
    text: &str,
    sentences: &[Span],
    roles: &[Role],
    attributions: &[Attribution],
    parties: &Parties,
    published: Option<&str>,
) -> Timeline {
    let mut notes = Vec::new();
    let reference = published.and_then(resolve::parse_reference);
    match (published, reference) {
        (None, _) => notes.push(
            "no publication date: give one with --published YYYY-MM-DD; until then dates such \
             as \"on the 10th\" or \"yesterday\" are kept as written (X for unknown parts) and \
             events follow the text"
                .to_string(),
        ),
        (Some(p), None) => notes.push(format!(
            "publication date {p:?} is not YYYY-MM-DD: dates are kept as written and events \
             are ordered by the text"
        )),
        _ => {}
    }

    let mut dates: Vec<Vec<DateMention>> = Vec::with_capacity(sentences.len());
    let mut mentions: Vec<MentionInfo> = Vec::new();
    let mut infos: Vec<SentenceInfo<'_>> = Vec::with_capacity(sentences.len());
    let mut context: Option<Resolved> = None;
    let mut scratch = expressions::Scratch::default();
    let mut cue_store: Vec<cues::Cue> = Vec::new();
    for (i, span) in sentences.iter().enumerate() {
        let s = text.get(span.start..span.end).unwrap_or("");
        let role = roles.get(i).copied().unwrap_or(Role::Body);
        let side = attributions.get(i).map(|a| a.side).unwrap_or(Side::Neither);
        let mut list = Vec::new();
        let found = dates_with(s, reference, &mut context, &mut scratch);
        let first_cue = cue_store.len();
        cues::cues_in(s, &scratch.toks, &mut cue_store);
        infos.push(SentenceInfo {
            text: s,
            role,
            side,
            hints: events::Hints::of(scratch.summary),
            cues: first_cue..cue_store.len(),
        });
        for d in found {
            list.push(DateMention {
                start: span.start + d.start,
                end: span.start + d.end,
                value: d.resolved.value.clone(),
                granularity: d.resolved.granularity,
            });
            mentions.push(MentionInfo {
                sentence: i,
                start: d.start,
                end: d.end,
                value: d.resolved.value,
                granularity: d.resolved.granularity,
                first_day: d.resolved.first_day,
                since: d.since,
            });
        }
        dates.push(list);
    }
    let grouped = events::group(&infos, &cue_store, &mentions, &parties.parties, reference);
    notes.extend(grouped.notes);
    Timeline {
        dates,
        events: grouped.events,
        event_of: grouped.event_of,
        notes,
    }
}
