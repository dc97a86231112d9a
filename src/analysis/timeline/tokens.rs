//! A small tokenizer for finding temporal expressions: words, numbers, ordinals, punctuation.
//!
//! Rules: a token is a run of alphanumeric characters or a single other non-space character.
//! A run of digits is a [`TokKind::Num`]; digits followed by `st`/`nd`/`rd`/`th` are an
//! [`TokKind::Ord`] ("16th"); letters only are a [`TokKind::Word`]; anything else mixed
//! ("20cm", "1990s") is [`TokKind::Mixed`] and never part of a date. Each token remembers
//! whether whitespace came before it, so "2,023" (no space) can be told from "2, 2023".
//! Offsets are byte offsets into the string given; the tokenizer is linear and never panics.
//! Tokens borrow the text: the lower-cased form is only allocated when a token has upper-case
//! letters or non-ASCII characters (most words need no copy).

use std::borrow::Cow;

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
    pub lower: Cow<'a, str>,
    pub kind: TokKind,
    pub space_before: bool,
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
fn lowercase(run: &str) -> Cow<'_, str> {
    if !run.is_ascii() {
        Cow::Owned(run.to_lowercase())
    } else if run.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(run.to_ascii_lowercase())
    } else {
        Cow::Borrowed(run)
    }
}

fn push_run<'a>(out: &mut Vec<Tok<'a>>, text: &'a str, s: usize, e: usize, sp: bool) {
    let run = &text[s..e];
    let kind = classify(run);
    let lower = match kind {
        TokKind::Word | TokKind::Ord | TokKind::Mixed => lowercase(run),
        _ => Cow::Borrowed(run),
    };
    out.push(Tok {
        start: s,
        end: e,
        text: run,
        lower,
        kind,
        space_before: sp,
    });
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut run_start: Option<usize> = None;
    let mut space = true;
    let mut space_before_run = true;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if run_start.is_none() {
                run_start = Some(i);
                space_before_run = space;
            }
            space = false;
            continue;
        }
        if let Some(s) = run_start.take() {
            push_run(&mut out, text, s, i, space_before_run);
        }
        if c.is_whitespace() {
            space = true;
        } else {
            out.push(Tok {
                start: i,
                end: i + c.len_utf8(),
                text: &text[i..i + c.len_utf8()],
                lower: Cow::Borrowed(&text[i..i + c.len_utf8()]),
                kind: TokKind::Punct,
                space_before: space,
            });
            space = false;
        }
    }
    if let Some(s) = run_start {
        push_run(&mut out, text, s, text.len(), space_before_run);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
