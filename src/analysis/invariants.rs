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
//! It never panics, whatever the analysis holds: a broken invariant is an `Err` ([`Broken`]),
//! whose message names the rule and where it broke.

use crate::model::{Analysis, Side};

/// A broken invariant: which rule, and where. `what` names the span's owner ("sentence 3
/// speaker", "paragraph 0"); `sentence` and `paragraph` are indices.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Broken {
    #[error("{what}: span {start}..{end} outside the input (len {len})")]
    SpanOutside {
        what: String,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("{what}: span {start}..{end} not on char boundaries")]
    SpanNotOnChars {
        what: String,
        start: usize,
        end: usize,
    },
    #[error("the analysis's source is not the input")]
    SourceNotInput,
    #[error("paragraph {paragraph} has index {index}")]
    ParagraphIndex { paragraph: usize, index: usize },
    #[error("paragraph {0} starts before the body")]
    ParagraphBeforeBody(usize),
    /// More than two parties, this many.
    #[error("{0} parties; an interaction has two")]
    TooManyParties(usize),
    #[error("sentence {sentence} has index {index}")]
    SentenceIndex { sentence: usize, index: usize },
    #[error("sentence {0} is empty")]
    EmptySentence(usize),
    #[error("sentence {sentence} is not trimmed: {text:?}")]
    Untrimmed { sentence: usize, text: String },
    /// A sentence starts before `covered`, the end of the previous one (or the body's start).
    #[error(
        "sentence {sentence} starts at {start} before the previous sentence (or the body) ends at {covered}"
    )]
    Overlap {
        sentence: usize,
        start: usize,
        covered: usize,
    },
    /// Text that is not whitespace lies before a sentence, after the previous one.
    #[error("text between sentences is lost: {gap:?} before sentence {sentence}")]
    LostBetween { gap: String, sentence: usize },
    #[error("sentence {sentence} is in paragraph {paragraph} which does not exist")]
    NoParagraph { sentence: usize, paragraph: usize },
    #[error(
        "sentence {sentence} ({start}..{end}) lies outside its paragraph {paragraph} ({paragraph_start}..{paragraph_end})"
    )]
    OutsideParagraph {
        sentence: usize,
        start: usize,
        end: usize,
        paragraph: usize,
        paragraph_start: usize,
        paragraph_end: usize,
    },
    #[error("sentence {sentence} is on side {side:?} but only {parties} parties exist")]
    SideWithoutParty {
        sentence: usize,
        side: Side,
        parties: usize,
    },
    #[error("sentence {sentence} points at event {event} which does not exist")]
    NoEvent { sentence: usize, event: usize },
    #[error("sentence {sentence} has counterpart {counterpart} which does not exist")]
    NoCounterpart { sentence: usize, counterpart: usize },
    #[error("text after the last sentence is lost: {0:?}")]
    LostAfter(String),
    #[error("event {event} names sentence {sentence} which does not exist")]
    EventSentence { event: usize, sentence: usize },
}

/// Checks `analysis` of `text` whose body starts at `body_start`.
pub fn check(text: &str, body_start: usize, analysis: &Analysis) -> Result<(), Broken> {
    let span = |what: &dyn Fn() -> String, start: usize, end: usize| -> Result<&str, Broken> {
        if start > end || end > text.len() {
            return Err(Broken::SpanOutside {
                what: what(),
                start,
                end,
                len: text.len(),
            });
        }
        text.get(start..end).ok_or_else(|| Broken::SpanNotOnChars {
            what: what(),
            start,
            end,
        })
    };
    if !analysis.source.is_empty() && *analysis.source != *text {
        return Err(Broken::SourceNotInput);
    }

    for (i, p) in analysis.paragraphs.iter().enumerate() {
        if p.index != i {
            return Err(Broken::ParagraphIndex {
                paragraph: i,
                index: p.index,
            });
        }
        span(&|| format!("paragraph {i}"), p.start, p.end)?;
        if p.start < body_start {
            return Err(Broken::ParagraphBeforeBody(i));
        }
    }

    let parties = analysis.parties.len();
    if parties > 2 {
        return Err(Broken::TooManyParties(parties));
    }
    let mut covered = body_start;
    for (i, s) in analysis.sentences.iter().enumerate() {
        if s.index != i {
            return Err(Broken::SentenceIndex {
                sentence: i,
                index: s.index,
            });
        }
        let sentence = span(&|| format!("sentence {i}"), s.start, s.end)?;
        if sentence.is_empty() {
            return Err(Broken::EmptySentence(i));
        }
        if sentence.trim() != sentence {
            return Err(Broken::Untrimmed {
                sentence: i,
                text: sentence.to_string(),
            });
        }
        if s.start < covered {
            return Err(Broken::Overlap {
                sentence: i,
                start: s.start,
                covered,
            });
        }
        let gap = &text[covered..s.start];
        if !gap.trim().is_empty() {
            return Err(Broken::LostBetween {
                gap: gap.to_string(),
                sentence: i,
            });
        }
        covered = s.end;
        let Some(p) = analysis.paragraphs.get(s.paragraph) else {
            return Err(Broken::NoParagraph {
                sentence: i,
                paragraph: s.paragraph,
            });
        };
        if s.start < p.start || s.end > p.end {
            return Err(Broken::OutsideParagraph {
                sentence: i,
                start: s.start,
                end: s.end,
                paragraph: s.paragraph,
                paragraph_start: p.start,
                paragraph_end: p.end,
            });
        }
        let needed = match s.side {
            Side::A => 1,
            Side::B => 2,
            Side::Both | Side::Neither => 0,
        };
        if parties < needed {
            return Err(Broken::SideWithoutParty {
                sentence: i,
                side: s.side,
                parties,
            });
        }
        let ev = &s.evidence;
        for (name, m) in [("speaker", &ev.speaker), ("cue", &ev.cue)] {
            if let Some(m) = m {
                span(&|| format!("sentence {i} {name}"), m.start, m.end)?;
            }
        }
        for (j, m) in ev.hedges.iter().enumerate() {
            span(&|| format!("sentence {i} hedge {j}"), m.start, m.end)?;
        }
        for (j, d) in s.dates.iter().enumerate() {
            span(&|| format!("sentence {i} date {j}"), d.start, d.end)?;
        }
        if let Some(e) = s.event
            && e >= analysis.events.len()
        {
            return Err(Broken::NoEvent {
                sentence: i,
                event: e,
            });
        }
        if let Some(c) = s.counterpart
            && c >= analysis.sentences.len()
        {
            return Err(Broken::NoCounterpart {
                sentence: i,
                counterpart: c,
            });
        }
    }
    if !text[covered.min(text.len())..].trim().is_empty() && covered >= body_start {
        return Err(Broken::LostAfter(text[covered..].to_string()));
    }
    for (i, e) in analysis.events.iter().enumerate() {
        if let Some(&s) = e.sentences.iter().find(|&&s| s >= analysis.sentences.len()) {
            return Err(Broken::EventSentence {
                event: i,
                sentence: s,
            });
        }
    }
    Ok(())
}
