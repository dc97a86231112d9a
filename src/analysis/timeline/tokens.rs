//! The timeline's view of the text layer's tokens: words, numbers, ordinals, punctuation.
//!
//! The text layer ([`crate::analysis::text::tokenize`], the one tokenizer every stage reads)
//! cuts a sentence into UD tokens; the date grammar reads finer pieces of them. Rules of the
//! view:
//! - a token of the text layer is seen as its alphanumeric runs and its other characters, one
//!   token each: `mid-December` → `mid` `-` `December`, `Oct.` → `Oct` `.`, `10:30` → `10`
//!   `:` `30`, `2,023` → `2` `,` `023`, `'s` → `'` `s`;
//! - two text-layer tokens that touch with an alphanumeric character on both sides are one run
//!   again: the date grammar reads `16th` (the text layer's `16` `th`) as one ordinal, and a
//!   run split by the text layer for the parser (`ca` `n't`, `can` `not`, `20` `cm`) stays the
//!   word it was written as, so every word the cue and attribute rules look at is whole;
//! - what the text layer skips between tokens (whitespace, control characters, zero-width
//!   spaces) is a space: each token remembers whether one came before it, so "2,023" (no
//!   space) can be told from "2, 2023".
//!
//! A run of digits is a [`TokKind::Num`]; digits followed by `st`/`nd`/`rd`/`th` are an
//! [`TokKind::Ord`] ("16th"); letters only are a [`TokKind::Word`]; anything else mixed
//! ("20cm", "1990s") is [`TokKind::Mixed`] and never part of a date. Offsets are byte offsets
//! into the string given; the view is linear and never panics. Tokens borrow the text. The
//! lower-cased form ([`Lower`]) is the text itself when it has no capitals, the word table's
//! key when the word is known, and only otherwise an allocated string. A word token carries
//! its [`Facts`] from [`super::words`] (one look-up per word, so later rules never hash it
//! again). ASCII text is read byte by byte; only non-ASCII characters are decoded.
//! [`tokenize_into`] refills a caller's vectors, so a pass over many sentences allocates once.

use super::words::{self, Facts};
use crate::analysis::text as text_layer;
use std::borrow::Cow;

/// A token's lower-cased text (see the module doc).
pub type Lower<'a> = Cow<'a, str>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Num,
    Ord,
    Mixed,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lower-cased text (words, ordinals and mixed runs; otherwise the text itself).
    pub lower: Lower<'a>,
    pub kind: TokKind,
    pub space_before: bool,
    /// What the timeline knows about this word (words only; `None` for other kinds).
    pub facts: Option<&'static Facts>,
}

impl Tok<'_> {
    /// The numeric value of a number or ordinal ("16th" → 16), when it fits.
    pub fn value(&self) -> Option<u32> {
        match self.kind {
            TokKind::Num if self.text.len() <= 9 => self.text.parse().ok(),
            TokKind::Ord => {
                let digits = self
                    .text
                    .trim_end_matches(|c: char| c.is_ascii_alphabetic());
                digits.parse().ok()
            }
            _ => None,
        }
    }

    pub fn is_word(&self, w: &str) -> bool {
        self.kind == TokKind::Word && self.lower == w
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct && self.text.starts_with(c)
    }

    pub fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether this word's facts have `flag` ([`super::words::flag`]).
    pub fn has(&self, flag: u16) -> bool {
        self.facts.is_some_and(|f| f.has(flag))
    }
}

fn classify(run: &str) -> TokKind {
    let digits = run.bytes().take_while(u8::is_ascii_digit).count();
    if digits == run.len() {
        return TokKind::Num;
    }
    if digits == 0 {
        return if run.chars().all(char::is_alphabetic) {
            TokKind::Word
        } else {
            TokKind::Mixed
        };
    }
    let suffix = &run[digits..];
    if ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| suffix.eq_ignore_ascii_case(s))
    {
        TokKind::Ord
    } else {
        TokKind::Mixed
    }
}

/// `run.to_lowercase()`, borrowed when that changes nothing (ASCII without capitals).
fn lowercase(run: &str) -> Lower<'_> {
    if !run.is_ascii() {
        Cow::Owned(run.to_lowercase())
    } else if run.bytes().any(|b| b.is_ascii_uppercase()) {
        ascii_lower(run)
    } else {
        Cow::Borrowed(run)
    }
}

/// The lower case of an ASCII run with capitals.
fn ascii_lower(run: &str) -> Lower<'_> {
    Cow::Owned(run.to_ascii_lowercase())
}

/// `words::pack` of the lower case of the ASCII word `bytes[s..e]` (at most 16 bytes),
/// lower-cased on the stack.
fn packed_lower(bytes: &[u8], s: usize, e: usize) -> u128 {
    let len = e - s;
    let mut b = [0u8; 16];
    match bytes.get(s..s + 16) {
        // A fixed-size copy, then the bytes past the word cleared.
        Some(chunk) => {
            b.copy_from_slice(chunk);
            b[len..].fill(0);
        }
        None => b[..len].copy_from_slice(&bytes[s..e]),
    }
    b.make_ascii_lowercase();
    u128::from_le_bytes(b)
}

/// What the scan noticed about an alphanumeric run.
#[derive(Clone, Copy, Default)]
struct Run {
    start: usize,
    space_before: bool,
    /// [`class`] bits of its ASCII bytes, or-ed.
    class: u8,
    non_ascii: bool,
}

/// Byte classes for the ASCII scan.
mod class {
    pub const ALNUM: u8 = 1;
    pub const DIGIT: u8 = 1 << 1;
    pub const LETTER: u8 = 1 << 2;
    pub const UPPER: u8 = 1 << 3;
}

/// [`class`] bits of every byte (zero for non-ASCII bytes).
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_digit() {
            class::ALNUM | class::DIGIT
        } else if c.is_ascii_uppercase() {
            class::ALNUM | class::LETTER | class::UPPER
        } else if c.is_ascii_lowercase() {
            class::ALNUM | class::LETTER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// What [`tokenize_into`] saw in the whole text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// The [`Facts::flags`] of all its words, or-ed.
    pub flags: u16,
    /// Some alphanumeric run has a non-ASCII character.
    pub non_ascii_run: bool,
    /// The text has a numeric character: an ASCII digit or a non-ASCII one (all of them are
    /// alphanumeric, so they are in runs).
    pub numeric: bool,
}

fn push_run<'a>(out: &mut Vec<Tok<'a>>, text: &'a str, r: Run, e: usize, sum: &mut Summary) {
    let s = r.start;
    let run = &text[s..e];
    let kind = if r.non_ascii {
        classify(run)
    } else if r.class & class::LETTER == 0 {
        TokKind::Num
    } else if r.class & class::DIGIT == 0 {
        TokKind::Word
    } else {
        classify(run)
    };
    let upper = r.class & class::UPPER != 0;
    let (lower, facts) = match kind {
        TokKind::Word if !r.non_ascii && run.len() <= 16 => {
            // Short ASCII word: looked up as one lower-cased integer.
            match words::facts_packed(packed_lower(text.as_bytes(), s, e)) {
                Some((key, f)) => (Cow::Borrowed(if upper { key } else { run }), Some(f)),
                None if upper => (ascii_lower(run), None),
                None => (Cow::Borrowed(run), None),
            }
        }
        TokKind::Word | TokKind::Ord | TokKind::Mixed => {
            let lower = if r.non_ascii {
                lowercase(run)
            } else if upper {
                ascii_lower(run)
            } else {
                Cow::Borrowed(run)
            };
            let facts = match kind {
                TokKind::Word => words::facts(&lower),
                _ => None,
            };
            (lower, facts)
        }
        _ => (Cow::Borrowed(run), None),
    };
    sum.non_ascii_run |= r.non_ascii;
    sum.numeric |= r.class & class::DIGIT != 0 || r.non_ascii && run.chars().any(char::is_numeric);
    sum.flags |= facts.map_or(0, |f| f.flags);
    out.push(Tok {
        start: s,
        end: e,
        text: run,
        lower,
        kind,
        space_before: r.space_before,
        facts,
    });
}

/// The timeline's tokens of `text` (see the module doc).
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, &mut Vec::new(), &mut out);
    out
}

/// The timeline's tokens of `text`, replacing the contents of `out`; `spans` is a buffer for
/// the text layer's tokens (afterwards it holds them).
pub fn tokenize_into<'a>(
    text: &'a str,
    spans: &mut Vec<(u32, u32)>,
    out: &mut Vec<Tok<'a>>,
) -> Summary {
    text_layer::tokenize_into(text, spans);
    view_into(text, spans, out)
}

/// The view of the text layer's tokens `spans` of `text` (see the module doc), replacing the
/// contents of `out`.
pub fn view_into<'a>(text: &'a str, spans: &[(u32, u32)], out: &mut Vec<Tok<'a>>) -> Summary {
    out.clear();
    let mut sum = Summary::default();
    let bytes = text.as_bytes();
    let mut run: Option<Run> = None;
    // where the last token ended; `None` before the first
    let mut last_end: Option<usize> = None;
    for &(start, end) in spans {
        let (start, end) = (start as usize, end.min(text.len() as u32) as usize);
        // something the text layer skips (whitespace) lies before this token
        let mut space = last_end.is_none_or(|e| start > e);
        if space && let Some(r) = run.take() {
            push_run(out, text, r, last_end.unwrap_or(start), &mut sum);
        }
        let mut i = start;
        while i < end {
            let b = bytes[i];
            let c = CLASS[b as usize];
            if c & class::ALNUM != 0 {
                let r = run.get_or_insert(Run {
                    start: i,
                    space_before: space,
                    ..Run::default()
                });
                let mut acc = c;
                i += 1;
                while i < end {
                    let c = CLASS[bytes[i] as usize];
                    if c & class::ALNUM == 0 {
                        break;
                    }
                    acc |= c;
                    i += 1;
                }
                r.class |= acc;
                space = false;
                continue;
            }
            let ch = if b < 0x80 {
                b as char
            } else {
                text[i..].chars().next().unwrap_or('\u{fffd}')
            };
            let len = ch.len_utf8();
            // The General Punctuation block (curly quotes, dashes, ellipsis: most non-ASCII
            // characters in news text) has no letter or digit; skip the Unicode table look-up.
            if b >= 0x80 && !('\u{2000}'..='\u{206f}').contains(&ch) && ch.is_alphanumeric() {
                let r = run.get_or_insert(Run {
                    start: i,
                    space_before: space,
                    ..Run::default()
                });
                r.non_ascii = true;
                space = false;
                i += len;
                continue;
            }
            if let Some(r) = run.take() {
                push_run(out, text, r, i, &mut sum);
            }
            let t = &text[i..i + len];
            out.push(Tok {
                start: i,
                end: i + len,
                text: t,
                lower: Cow::Borrowed(t),
                kind: TokKind::Punct,
                space_before: space,
                facts: None,
            });
            space = false;
            i += len;
        }
        last_end = Some(end);
    }
    if let Some(r) = run {
        push_run(out, text, r, last_end.unwrap_or(text.len()), &mut sum);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_lower_is_pack_of_the_lower_case() {
        let text = "The QUICK brown Fox, a Thanksgiving-Day xyzzyXYZZYabcdef";
        for t in tokenize(text).iter().filter(|t| t.text.len() <= 16) {
            assert_eq!(
                Some(packed_lower(text.as_bytes(), t.start, t.end)),
                words::pack(t.text.to_ascii_lowercase().as_bytes()),
                "{:?}",
                t.text
            );
        }
        assert_eq!(
            packed_lower(b"AZaz@[`{", 0, 8),
            words::pack(b"azaz@[`{").unwrap()
        );
    }

    #[test]
    fn general_punctuation_has_no_alphanumeric() {
        assert!(('\u{2000}'..='\u{206f}').all(|c| !c.is_alphanumeric()));
    }

    #[test]
    fn the_view_splits_text_layer_tokens_for_dates() {
        let text = "On 16th mid-December, Oct. 10:30 the U.S.’s talks can't end\u{200b}2023-12-10";
        let toks = tokenize(text);
        let words: Vec<_> = toks.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "On", "16th", "mid", "-", "December", ",", "Oct", ".", "10", ":", "30", "the", "U",
                ".", "S", ".", "’", "s", "talks", "can", "'", "t", "end", "2023", "-", "12", "-",
                "10"
            ]
        );
        assert_eq!(toks[1].kind, TokKind::Ord);
        assert!(toks[2].space_before && !toks[3].space_before && !toks[4].space_before);
        // a zero-width space is skipped by the text layer: a space
        assert!(toks[23].space_before && !toks[24].space_before);
        assert_eq!(
            toks[4].facts.and_then(|f| f.month).map(|m| m.number),
            Some(12)
        );
    }

    #[test]
    fn kinds_and_offsets() {
        let toks = tokenize("On the 16th, 2,023 people — 1990s café");
        let kinds: Vec<_> = toks.iter().map(|t| (t.text, t.kind)).collect();
        assert_eq!(kinds[2], ("16th", TokKind::Ord));
        assert_eq!(kinds[4], ("2", TokKind::Num));
        assert_eq!(kinds[6], ("023", TokKind::Num));
        assert!(!toks[6].space_before);
        assert_eq!(kinds[9], ("1990s", TokKind::Mixed));
        assert_eq!(toks[10].text, "café");
        assert_eq!(toks[2].value(), Some(16));
    }
}
