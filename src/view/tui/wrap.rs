//! Word wrapping to a column width, and a per-width cache of wrapped claims.
//!
//! [`wrap`] breaks text into lines (byte ranges into the text) no wider than `width` columns,
//! measured with `unicode-width`. Rules: break at whitespace, drop the whitespace at a break,
//! keep the whitespace inside a line (rendered as single columns); a word wider than the line
//! is cut between grapheme clusters, never inside one; a newline forces a break. Linear in the
//! text. Every line has at least one column of content except the line of an empty text.
//!
//! [`WrapCache`] wraps each claim once per width, on first display: scrolling and key presses
//! never re-wrap, and a resize clears the cache. Only claims that are drawn are ever wrapped.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Display width of one grapheme, with tabs and newlines counted as one column.
fn width_of(g: &str) -> usize {
    if g == "\t" || g == "\n" || g == "\r\n" {
        1
    } else {
        g.width()
    }
}

/// The lines of `text` at `width` columns, as byte ranges.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    // Start of the current line, its end (after the last word), its width.
    let mut line: Option<(usize, usize, usize)> = None;
    // Whitespace seen since the last word: (columns).
    let mut gap = 0usize;
    let mut word_start: Option<usize> = None;
    let mut word_width = 0usize;

    let flush_word = |line: &mut Option<(usize, usize, usize)>,
                      lines: &mut Vec<Range<usize>>,
                      gap: usize,
                      ws: usize,
                      we: usize,
                      ww: usize| {
        match line {
            Some((s, e, w)) if *w + gap + ww <= width => {
                *e = we;
                *w += gap + ww;
                let _ = s;
            }
            _ => {
                if let Some((s, e, _)) = line.take() {
                    lines.push(s..e);
                }
                if ww <= width {
                    *line = Some((ws, we, ww));
                } else {
                    // Cut the long word between graphemes.
                    let word = &text[ws..we];
                    let mut start = ws;
                    let mut cols = 0;
                    for (i, g) in word.grapheme_indices(true) {
                        let gw = width_of(g);
                        if cols + gw > width && cols > 0 {
                            lines.push(start..ws + i);
                            start = ws + i;
                            cols = 0;
                        }
                        cols += gw;
                    }
                    *line = Some((start, we, cols));
                }
            }
        }
    };

    for (i, g) in text.grapheme_indices(true) {
        let is_space = g.chars().all(char::is_whitespace);
        if is_space {
            if let Some(ws) = word_start.take() {
                flush_word(&mut line, &mut lines, gap, ws, i, word_width);
                gap = 0;
            }
            if g.contains('\n') {
                if let Some((s, e, _)) = line.take() {
                    lines.push(s..e);
                } else {
                    lines.push(i..i);
                }
                gap = 0;
            } else if line.is_some() {
                gap += width_of(g);
            }
        } else {
            if word_start.is_none() {
                word_start = Some(i);
                word_width = 0;
            }
            word_width += width_of(g);
        }
    }
    if let Some(ws) = word_start {
        flush_word(&mut line, &mut lines, gap, ws, text.len(), word_width);
    }
    if let Some((s, e, _)) = line {
        lines.push(s..e);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Wrapped lines of sentences at one width.
#[derive(Debug, Default)]
pub struct WrapCache {
    width: usize,
    lines: HashMap<usize, Rc<[Range<usize>]>>,
}

impl WrapCache {
    /// The lines of sentence `key` (text `text`) at `width`; wraps only on a miss.
    pub fn get(&mut self, key: usize, text: &str, width: usize) -> Rc<[Range<usize>]> {
        if width != self.width {
            self.lines.clear();
            self.width = width;
        }
        self.lines
            .entry(key)
            .or_insert_with(|| wrap(text, width).into())
            .clone()
    }

    /// How many claims are wrapped at the moment (for tests).
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_at_spaces() {
        assert_eq!(
            lines("the two leaders agreed", 10),
            ["the two", "leaders", "agreed"]
        );
        assert_eq!(lines("exactly ten", 11), ["exactly ten"]);
        assert_eq!(lines("", 5), [""]);
        assert_eq!(lines("   ", 5), [""]);
    }

    #[test]
    fn long_words_are_cut_between_graphemes() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        // e + combining acute stays one cell.
        assert_eq!(
            lines("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
        // Wide characters count two columns; a naive char count would put three here.
        assert_eq!(lines("日本語", 4), ["日本", "語"]);
        assert_eq!(lines("x 日本語", 1), ["x", "日", "本", "語"]);
    }

    #[test]
    fn newline_forces_a_break() {
        assert_eq!(lines("one\ntwo three", 20), ["one", "two three"]);
        assert_eq!(lines("a\n\nb", 20), ["a", "", "b"]);
    }

    #[test]
    fn lines_fit_the_width() {
        let text =
            "Sylvania’s foreign ministry said the talks were “frank and useful” — after hours.";
        for width in 1..40 {
            for line in lines(text, width) {
                assert!(line.width() <= width, "{line:?} at {width}");
            }
        }
    }

    #[test]
    fn the_cache_wraps_once_per_width() {
        let mut cache = WrapCache::default();
        let a = cache.get(1, "one two three", 5);
        let b = cache.get(1, "one two three", 5);
        assert!(Rc::ptr_eq(&a, &b));
        assert_eq!(cache.len(), 1);
        cache.get(1, "one two three", 9);
        assert_eq!(cache.len(), 1, "a new width clears the old lines");
    }
}
