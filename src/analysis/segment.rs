//! Sentence segmentation: the body of the input → paragraphs and sentence spans.
//!
//! Lossless: every byte of the body lies in exactly one sentence or in the whitespace between
//! sentences. Spans are ordered, non-overlapping, non-empty, on char boundaries and trimmed.
//!
//! PLACEHOLDER RULES (to be replaced): a paragraph is a line; a sentence ends at `.`, `!` or
//! `?` (plus closing quotes/brackets) followed by whitespace.

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
pub fn segment(text: &str, body_start: usize) -> Segmentation {
    let mut seg = Segmentation::default();
    let mut line_start = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = line_start + (line.len() - line.trim_start().len());
            let end = start + trimmed.len();
            let index = seg.paragraphs.len();
            seg.paragraphs.push(Paragraph { index, start, end });
            split_sentences(text, start, end, index, &mut seg.sentences);
        }
        line_start += line.len();
    }
    seg
}

fn split_sentences(text: &str, start: usize, end: usize, paragraph: usize, out: &mut Vec<Span>) {
    let para = &text[start..end];
    let mut sent_start = 0;
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | '”' | '’' | ')') {
                j += 1;
            }
            if j < chars.len() && chars[j].1.is_whitespace() {
                let stop = chars[j].0;
                out.push(Span {
                    start: start + sent_start,
                    end: start + stop,
                    paragraph,
                });
                while j < chars.len() && chars[j].1.is_whitespace() {
                    j += 1;
                }
                sent_start = chars.get(j).map_or(para.len(), |c| c.0);
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if sent_start < para.len() {
        out.push(Span {
            start: start + sent_start,
            end,
            paragraph,
        });
    }
}
