//! The analysis pipeline: a [`Source`] (the text and what the reader found around it) in, an
//! [`Analysis`] out. It knows nothing of how the text was read: the orchestrator
//! ([`crate::analyze`]) lends it the reader's document.
//!
//! Each stage is a function of the stages before it and never reaches back:
//!
//! ```text
//! segment ─▶ structure ─▶ clauses ─▶ parties ─▶ attribute ─▶ timeline ─▶ align
//! (spans)    (roles)      (speech,   (sides)    (side+evidence) (dates, events) (counterparts)
//!                          acts)
//! ```
//!
//! A module imports only the stages before it, and the modules below every stage: [`text`]
//! (tokens, tagger, parser), [`lexicon`] and [`gazetteer`] (the word lists of `assets/`). Each
//! stage returns its own output and only reads the others'; this orchestrator alone moves data
//! between them (it takes the per-sentence facts out of the parties for attribution) and
//! assembles the [`Analysis`]. The header's reference date is read by the timeline's
//! [`timeline::reference_date`] while the metadata is completed, before the other stages.
//!
//! The whole analysis is linear in the input: no stage may compile a regex per sentence or
//! scan the text once per sentence.
//!
//! Memory is linear too, and the peak is set by the per-sentence facts of `parties` (tokens,
//! mentions, frames), which attribution needs for every sentence: they are compact (u32
//! offsets, boxed slices, sparse indices), attribution frees them as it goes, and the freed
//! memory is handed back to the system before the output is built, so the model (spans only,
//! no copy of the text: [`Analysis::source`] shares the input) never adds to them. That memory
//! policy lives here only (`release_freed_memory`, `collect_releasing`): the stages free
//! what they are done with, and never call the allocator themselves.

pub mod align;
pub mod attribute;
pub mod clauses;
pub mod gazetteer;
pub mod invariants;
pub mod lexicon;
pub mod parties;
pub mod segment;
pub mod structure;
pub mod text;
pub mod timeline;

use crate::model::{Analysis, GivenParty, Meta, SCHEMA_VERSION, Sentence};
use std::sync::Arc;

/// What the analysis reads of a document: the text, where its body starts, what its header
/// said, and the reader's remarks.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The input exactly as read; shared with the [`Analysis`], whose spans index it.
    pub text: &'a Arc<str>,
    /// Byte offset where the article body starts (after a BOM and the front matter).
    pub body_start: usize,
    pub meta: &'a Meta,
    /// Parties named in the front matter.
    pub parties: &'a [GivenParty],
    /// Remarks about the reading (shown first among the analysis notes).
    pub notes: &'a [String],
}

/// What the user told us beyond the document itself.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Sides named on the command line (`--party`); they take precedence over front matter.
    pub parties: Vec<GivenParty>,
    /// Reference date (`--published`), `YYYY-MM-DD`; overrides the front matter's.
    pub published: Option<String>,
}

/// Runs the whole pipeline once.
pub fn analyze(doc: Source<'_>, options: &Options) -> Analysis {
    let text: &str = doc.text;
    let mut meta = doc.meta.clone();
    if options.published.is_some() {
        meta.published = options.published.clone();
    }
    let seg = segment::segment(text, doc.body_start);
    let roles = structure::roles(text, &seg, &meta);
    // what the reading said (format recognised, parts dropped), then what the header lines give
    let mut notes = doc.notes.to_vec();
    notes.extend(complete_meta(text, &seg, &roles, &mut meta));
    let furniture = roles
        .iter()
        .filter(|r| **r == crate::model::Role::Boilerplate)
        .count();
    if furniture > 0 {
        notes.push(format!(
            "{furniture} line{} of page furniture (menus, share buttons, ads, cookie banners) \
             set aside as boilerplate, under narration & context",
            if furniture == 1 { "" } else { "s" }
        ));
    }

    let (specs, origin) = if !options.parties.is_empty() {
        (options.parties.as_slice(), "command line")
    } else {
        (doc.parties, "front matter")
    };
    // the text layer: every sentence tagged and parsed once, read for its speech and act
    let readings = clauses::read_all(text, &seg.sentences, &roles);
    let mut parties = parties::find(text, &seg.sentences, &roles, &readings, specs, origin);
    release_freed_memory();
    let decided = attribute::decide_all(text, &seg.sentences, &roles, &readings, &parties);
    // The per-sentence facts (tokens, mentions, frames) are the biggest thing held in memory
    // and nothing after attribution reads them: they are taken out of `parties` here and given
    // to attribution, which frees each sentence's as it writes its evidence; the freed memory
    // goes back to the system as it goes.
    let facts = std::mem::take(&mut parties.facts);
    let attributions =
        collect_releasing(decided.into_attributions(text, &seg.sentences, facts, &parties));
    release_freed_memory();
    let timeline = timeline::build(
        text,
        &seg.sentences,
        &roles,
        &attributions,
        &parties,
        meta.published.as_deref(),
    );

    notes.extend(parties.notes.iter().cloned());
    notes.extend(timeline.notes.iter().cloned());

    let mut sentences: Vec<Sentence> = Vec::with_capacity(seg.sentences.len());
    let mut dates = timeline.dates.into_iter();
    for (index, ((span, role), attribution)) in seg
        .sentences
        .iter()
        .zip(&roles)
        .zip(attributions)
        .enumerate()
    {
        sentences.push(Sentence {
            index,
            start: span.start,
            end: span.end,
            paragraph: span.paragraph,
            role: *role,
            side: attribution.side,
            evidence: attribution.evidence,
            dates: dates.next().unwrap_or_default(),
            event: timeline.event_of.get(index).copied().flatten(),
            counterpart: None,
        });
    }
    let counterparts = align::counterparts(text, &sentences, &parties.parties);
    for (sentence, counterpart) in sentences.iter_mut().zip(counterparts) {
        sentence.counterpart = counterpart;
    }

    Analysis {
        source: Arc::clone(doc.text),
        schema: SCHEMA_VERSION,
        meta,
        parties: parties.parties,
        paragraphs: seg.paragraphs,
        sentences,
        events: timeline.events,
        notes,
    }
}

/// Fills what `meta` lacks from the article's header lines: the title (the unit the roles
/// call the title) and the publication date written in the text (the reference date for
/// relative dates). Returns the notes that say where the date came from.
pub fn complete_meta(
    text: &str,
    seg: &segment::Segmentation,
    roles: &[crate::model::Role],
    meta: &mut crate::model::Meta,
) -> Vec<String> {
    let mut notes = Vec::new();
    if meta.title.is_none() {
        meta.title = structure::title_of(text, seg, roles);
    }
    if meta.published.is_none() {
        match timeline::reference_date(text, seg, roles) {
            Some(timeline::ReferenceDate {
                date: Some(date),
                line,
            }) => {
                notes.push(format!(
                    "reference date {date} taken from the article's line \"{line}\" (give --published to change it)"
                ));
                meta.published = Some(date);
            }
            Some(timeline::ReferenceDate { date: None, line }) => notes.push(format!(
                "the line \"{line}\" gives a day but no year, so it is not used as the reference date: give --published"
            )),
            None => {}
        }
    }
    notes
}

/// Freed memory is handed back to the system at most this many times while a stage frees
/// its input item by item ([`collect_releasing`]; each hand-back walks the whole heap, so
/// their number must not grow with the input), and only every [`MIN_RELEASE_SPAN`] items or
/// more: a small article is never trimmed there.
const RELEASES: usize = 4;

/// The fewest items between two hand-backs of [`collect_releasing`].
const MIN_RELEASE_SPAN: usize = 1 << 15;

/// Collects the items of a stage that frees its input as it makes them (attribution frees each
/// sentence's facts), handing the freed memory back to the system every so often, so that the
/// items take the place of what was freed rather than adding to it.
fn collect_releasing<T>(items: impl ExactSizeIterator<Item = T>) -> Vec<T> {
    let release_every = (items.len() / RELEASES).max(MIN_RELEASE_SPAN);
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.enumerate() {
        out.push(item);
        if i % release_every == release_every - 1 {
            release_freed_memory();
        }
    }
    out
}

/// Hands freed heap memory back to the system. The per-sentence facts are many small blocks
/// that the allocator keeps for reuse once freed; without this the output built next would be
/// counted on top of them in the peak memory (on glibc only; elsewhere it does nothing).
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages to the system; it touches no live block.
    unsafe {
        libc::malloc_trim(0);
    }
}
