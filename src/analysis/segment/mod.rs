//! Sentence segmentation: the body of the input → paragraphs and sentence spans.
//!
//! Lossless: every byte of the body lies in exactly one sentence or in the whitespace between
//! sentences. Spans are byte offsets into the whole input, ordered, non-overlapping, non-empty,
//! on char boundaries and trimmed of whitespace (`char::is_whitespace`); every sentence lies in
//! one paragraph. The same input always gives the same spans.
//!
//! The work is split by job:
//! - [`paragraphs`]: lines, blocks and hard wraps → paragraph ranges (rules in that module);
//! - [`tokens`]: whitespace-separated words, with glued sentences ("world.Today") cut apart and
//!   spaced ellipses (". . .") merged;
//! - [`rules`]: the boundary rules (abbreviations, initials, numbers, quotes, brackets,
//!   ellipses, lists), deciding token by token with two tokens of look-ahead;
//! - [`lexicon`]: abbreviations and sentence starters from `assets/`;
//! - [`chars`]: character classes.
//!
//! Everything is linear in the input: no regex, no per-sentence rescans, no buffer of the
//! characters of a paragraph. This module must never panic, whatever the input.

mod chars;
pub(crate) mod lexicon;
mod paragraphs;
mod rules;
mod tokens;

use crate::model::Paragraph;

/// A sentence span: byte offsets into the whole input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// Index into [`Segmentation::paragraphs`].
    pub paragraph: usize,
}

/// The result of segmentation.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Span>,
}

/// Segments `text[body_start..]`; all offsets are relative to `text`.
///
/// A `body_start` past the end or inside a character gives an empty segmentation.
pub fn segment(text: &str, body_start: usize) -> Segmentation {
    let mut seg = Segmentation::default();
    if !text.is_char_boundary(body_start) {
        return seg;
    }
    for (index, (start, end)) in paragraphs::paragraphs(text, body_start)
        .into_iter()
        .enumerate()
    {
        seg.paragraphs.push(Paragraph { index, start, end });
        let mut splitter = rules::Splitter::new(index, &mut seg.sentences);
        tokens::tokens(&text[start..end], start, |tok| splitter.push(tok));
        splitter.finish();
    }
    seg
}

#[cfg(test)]
mod tests;
