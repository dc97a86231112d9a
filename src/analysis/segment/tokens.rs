//! Tokens of a paragraph: whitespace-separated words, with two refinements.
//!
//! 1. **Glued sentences** are cut apart inside a word: "world.Today" (a full stop between a word
//!    of two or more letters, or a digit, and a capitalised word) and full-width terminals
//!    ("。") that need no space. The piece after the cut is marked `glued`: a sentence boundary
//!    is forced before it. Words with `@`, `/`, `://` or `www.` (addresses) are never cut, nor
//!    is a title abbreviation ("Mr.Smith") or an initialism ("U.S.Army").
//! 2. **Spaced ellipses** (". . ." written as separate one-dot words) are merged into one token
//!    that records how many dots it holds, so the rules can tell a three-dot ellipsis (no
//!    boundary) from a full stop followed by one.
//!
//! Streaming and linear: each character is looked at a bounded number of times; nothing is
//! collected per paragraph. Offsets are byte offsets into the whole text.

use super::chars::{is_cjk_terminal, is_closer, strip_closers};
use super::lexicon::{AbbrevKind, abbreviation};

/// One token; `text` is `whole_text[start..end]`.
#[derive(Debug, Clone, Copy)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// A sentence boundary is forced before this token (it was cut from the previous one).
    pub glued: bool,
    /// For a merged spaced ellipsis: the number of dots; 0 for ordinary tokens.
    pub dots: u32,
}

/// Calls `sink` with every token of `para` (which starts at byte `base` of the whole text).
pub fn tokens<'a>(para: &'a str, base: usize, mut sink: impl FnMut(Tok<'a>)) {
    let mut merger = DotMerger {
        para,
        base,
        run: None,
    };
    let mut start = None;
    let bytes = para.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII bytes decide alone (`char::is_whitespace` on ASCII is tab..CR and space);
        // anything else is decoded as the character it starts.
        let b = bytes[i];
        let (white, len) = if b.is_ascii() {
            (matches!(b, b' ' | b'\t'..=b'\r'), 1)
        } else {
            match para[i..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        let at = i;
        i += len;
        if white {
            if let Some(s) = start.take() {
                split_glued(para, s, at, &mut |a, b, glued| {
                    merger.push(a, b, glued, &mut sink)
                });
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        split_glued(para, s, para.len(), &mut |a, b, glued| {
            merger.push(a, b, glued, &mut sink)
        });
    }
    merger.flush(&mut sink);
}

/// Cuts the word `para[s..e]` at glued sentence boundaries; `emit(start, end, glued)`.
fn split_glued(para: &str, s: usize, e: usize, emit: &mut impl FnMut(usize, usize, bool)) {
    let word = &para[s..e];
    // Fast path: only a full stop or a (non-ASCII) full-width terminal can cut a word.
    if !word.bytes().any(|b| b == b'.' || !b.is_ascii()) {
        emit(s, e, false);
        return;
    }
    let address = word.contains('@') || word.contains('/') || word.contains("www.");
    let mut piece_start = 0;
    let mut letters = 0usize; // length (in chars) of the letter run just before `i`
    let mut letters_start = 0usize; // byte offset where that run starts
    let mut prev: Option<char> = None;
    let mut iter = word.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let mut cut = None;
        if is_cjk_terminal(c) {
            let rest = &word[i..];
            let tail = rest.trim_start_matches(|c: char| is_cjk_terminal(c) || is_closer(c));
            let j = i + (rest.len() - tail.len());
            if j == word.len() {
                // Only terminals and closers remain: nothing more to cut (and no rescans).
                break;
            }
            cut = Some(j);
        } else if c == '.' && !address {
            let mut next = word[i + 1..].chars();
            let n1 = next.next();
            let n2 = next.next();
            let before_ok = letters >= 2 || prev.is_some_and(|p| p.is_ascii_digit());
            if before_ok
                && n1.is_some_and(char::is_uppercase)
                && n2.is_some_and(char::is_lowercase)
                && abbreviation(&word[letters_start..i]) != Some(AbbrevKind::Title)
            {
                cut = Some(i + 1);
            }
        }
        if let Some(j) = cut {
            emit(s + piece_start, s + j, piece_start > 0);
            piece_start = j;
            // Skip to the cut; the letter run restarts there.
            while iter.peek().is_some_and(|&(k, _)| k < j) {
                iter.next();
            }
            letters = 0;
            letters_start = j;
            prev = None;
            continue;
        }
        if c.is_alphabetic() {
            if letters == 0 {
                letters_start = i;
            }
            letters += 1;
        } else {
            letters = 0;
            letters_start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    if piece_start < word.len() {
        emit(s + piece_start, e, piece_start > 0);
    }
}

/// Merges runs of one-dot words (". . .") into one token.
struct DotMerger<'a> {
    para: &'a str,
    base: usize,
    /// (start, end, dots) of the run being collected, relative to `para`.
    run: Option<(usize, usize, u32)>,
}

impl<'a> DotMerger<'a> {
    fn push(&mut self, s: usize, e: usize, glued: bool, sink: &mut impl FnMut(Tok<'a>)) {
        let text = &self.para[s..e];
        if !glued && strip_closers(text) == "." {
            let (rs, _, n) = self.run.unwrap_or((s, e, 0));
            self.run = Some((rs, e, n.saturating_add(1)));
            if text.len() > 1 {
                // A closing quote or bracket ends the run: ". . .”".
                self.flush(sink);
            }
            return;
        }
        self.flush(sink);
        sink(Tok {
            start: self.base + s,
            end: self.base + e,
            text,
            glued,
            dots: 0,
        });
    }

    fn flush(&mut self, sink: &mut impl FnMut(Tok<'a>)) {
        if let Some((s, e, n)) = self.run.take() {
            sink(Tok {
                start: self.base + s,
                end: self.base + e,
                text: &self.para[s..e],
                glued: false,
                dots: n,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, bool, u32)> {
        let mut out = Vec::new();
        tokens(s, 0, |t| out.push((t.text.to_string(), t.glued, t.dots)));
        out
    }

    #[test]
    fn glued_sentences_are_cut() {
        let t = toks("talks.Later they met at 1,000.That");
        assert_eq!(t[0], ("talks.".into(), false, 0));
        assert_eq!(t[1], ("Later".into(), true, 0));
        assert_eq!(t[5], ("1,000.".into(), false, 0));
        assert_eq!(t[6], ("That".into(), true, 0));
    }

    #[test]
    fn addresses_numbers_and_initialisms_are_not_cut() {
        for w in [
            "Ann.Lee@example.org",
            "www.Example.org",
            "3.5",
            "U.S.Army",
            "Mr.Smith",
        ] {
            assert_eq!(toks(w).len(), 1, "{w}");
        }
    }

    #[test]
    fn long_runs_of_full_width_stops_are_linear() {
        let s = "。".repeat(200_000) + "x" + &"。".repeat(200_000);
        assert_eq!(toks(&s).len(), 2);
    }

    #[test]
    fn spaced_dots_merge() {
        let t = toks("weak . . . was. . . .”");
        assert_eq!(t[1], (". . .".into(), false, 3));
        assert_eq!(t[2], ("was.".into(), false, 0));
        assert_eq!(t[3], (". . .”".into(), false, 3));
    }
}
