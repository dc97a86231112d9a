//! The invariants every [`Analysis`] must hold, as one checker for tests, properties and the
//! fuzzer.
//!
//! Rules checked (each names the broken rule in its error):
//! - **lossless spans**: every sentence, paragraph, mention and date span lies on char
//!   boundaries inside the input, and the analysis's `source` (when it has one: an analysis
//!   read back from JSON has none) is the input;
//! - sentences are non-empty, trimmed, in text order, non-overlapping, inside the body (never
//!   in the front matter) and inside their paragraph; every byte of the body outside the
//!   sentences is whitespace, so nothing the reader pasted is lost;
//! - `index` fields match positions; every index (paragraph, event, counterpart, event
//!   sentences) points at something that exists;
//! - **one side per sentence**, and a side names a party that exists (`A` needs one party,
//!   `B` two).
//!
//! It never panics, whatever the analysis holds: a broken invariant is an `Err` with a message.

use crate::model::{Analysis, Side};

/// Checks `analysis` of `text` whose body starts at `body_start`.
pub fn check(text: &str, body_start: usize, analysis: &Analysis) -> Result<(), String> {
    let span = |what: &str, start: usize, end: usize| -> Result<&str, String> {
        if start > end || end > text.len() {
            return Err(format!(
                "{what}: span {start}..{end} outside the input (len {})",
                text.len()
            ));
        }
        text.get(start..end)
            .ok_or_else(|| format!("{what}: span {start}..{end} not on char boundaries"))
    };
    if !analysis.source.is_empty() && *analysis.source != *text {
        return Err("the analysis's source is not the input".to_string());
    }

    for (i, p) in analysis.paragraphs.iter().enumerate() {
        if p.index != i {
            return Err(format!("paragraph {i} has index {}", p.index));
        }
        span(&format!("paragraph {i}"), p.start, p.end)?;
        if p.start < body_start {
            return Err(format!("paragraph {i} starts before the body"));
        }
    }

    let parties = analysis.parties.len();
    if parties > 2 {
        return Err(format!("{parties} parties; an interaction has two"));
    }
    let mut covered = body_start;
    for (i, s) in analysis.sentences.iter().enumerate() {
        let what = format!("sentence {i}");
        if s.index != i {
            return Err(format!("{what} has index {}", s.index));
        }
        let sentence = span(&what, s.start, s.end)?;
        if sentence.is_empty() {
            return Err(format!("{what} is empty"));
        }
        if sentence.trim() != sentence {
            return Err(format!("{what} is not trimmed: {sentence:?}"));
        }
        if s.start < covered {
            return Err(format!(
                "{what} starts at {} before the previous sentence (or the body) ends at {covered}",
                s.start
            ));
        }
        let gap = &text[covered..s.start];
        if !gap.trim().is_empty() {
            return Err(format!(
                "text between sentences is lost: {:?} before {what}",
                gap
            ));
        }
        covered = s.end;
        let Some(p) = analysis.paragraphs.get(s.paragraph) else {
            return Err(format!(
                "{what} is in paragraph {} which does not exist",
                s.paragraph
            ));
        };
        if s.start < p.start || s.end > p.end {
            return Err(format!(
                "{what} ({}..{}) lies outside its paragraph {} ({}..{})",
                s.start, s.end, s.paragraph, p.start, p.end
            ));
        }
        let needed = match s.side {
            Side::A => 1,
            Side::B => 2,
            Side::Both | Side::Neither => 0,
        };
        if parties < needed {
            return Err(format!(
                "{what} is on side {:?} but only {parties} parties exist",
                s.side
            ));
        }
        let ev = &s.evidence;
        for (name, m) in [("speaker", &ev.speaker), ("cue", &ev.cue)] {
            if let Some(m) = m {
                span(&format!("{what} {name}"), m.start, m.end)?;
            }
        }
        for (j, m) in ev.hedges.iter().enumerate() {
            span(&format!("{what} hedge {j}"), m.start, m.end)?;
        }
        for (j, d) in s.dates.iter().enumerate() {
            span(&format!("{what} date {j}"), d.start, d.end)?;
        }
        if let Some(e) = s.event
            && e >= analysis.events.len()
        {
            return Err(format!("{what} points at event {e} which does not exist"));
        }
        if let Some(c) = s.counterpart
            && c >= analysis.sentences.len()
        {
            return Err(format!("{what} has counterpart {c} which does not exist"));
        }
    }
    if !text[covered.min(text.len())..].trim().is_empty() && covered >= body_start {
        return Err(format!(
            "text after the last sentence is lost: {:?}",
            &text[covered..]
        ));
    }
    for (i, e) in analysis.events.iter().enumerate() {
        if let Some(&s) = e.sentences.iter().find(|&&s| s >= analysis.sentences.len()) {
            return Err(format!("event {i} names sentence {s} which does not exist"));
        }
    }
    Ok(())
}
