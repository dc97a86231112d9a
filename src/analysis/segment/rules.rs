//! Sentence boundaries inside one paragraph: the rules that decide, token by token.
//!
//! A boundary can fall *after* a token that ends in terminal punctuation (optionally followed by
//! closing quotes or brackets) and *before* a token that opens a new unit (a glued sentence, a
//! bullet, the next item of a numbered list).
//!
//! After a token ending in `.`, `!`, `?` or `…` (then closers), a sentence ends unless:
//! - the next token starts (after opening quotes) with a lower-case letter: "Yahoo! in",
//!   `'This is great.' she said`, "(... an engineer.) at";
//! - the next token starts with an opening bracket: "Moo-hyun. (J. Freitas/ABr)" is one unit;
//! - the token is a list marker at the start of a unit ("1.", "a.", "2.)");
//! - the word before a single full stop is an abbreviation (assets/abbreviations.txt):
//!   a *title* never ends a sentence ("Mr. Smith", "Mt. Fuji"); a *numeric* one does not before a
//!   digit ("No. 5", "p. 55"); an *ambiguous* one or a dotted initialism ("Co.", "Jr.", "U.S.",
//!   "E.U.") ends a sentence only before a common sentence starter ("U.S. How about you?" splits,
//!   "U.S. Government" and "U.S. for" do not); "a.m."/"p.m." end a sentence before a capital
//!   unless the sentence so far is a short fronted time phrase ("At 5 a.m. Mr. Smith ...") or the
//!   next word is a time zone;
//! - the word is a single capital letter (an initial: "Joseph R. Biden", "Albert I. Jones"),
//!   except after a lower-case word: "you and I. Did ..." splits, and "group B. The ..." splits
//!   before a sentence starter;
//! - the next token is a spaced three-dot ellipsis (". . ."): then the sentence ends before it
//!   only if the full stop is attached to the word ("compounds. . . . The": the ellipsis opens the
//!   next sentence). A spaced ellipsis itself ends a sentence only when it has four dots or more
//!   ("a period . . . . Next") or one or two; three spaced dots never end one
//!   ("the thing is . . . I didn't").
//!
//! Several full stops ("that.... She"), "…", "!" and "?" end a sentence before a capital,
//! whatever the word. A full stop followed by a digit ends one ("in 1990. 25 years") unless the
//! word is an abbreviation. Quotation marks do not stop splitting: `"We are ready. We agreed,"`
//! gives two units.
//!
//! Lists: a unit that starts with a marker ("1.", "2)", "3.)", "(4)", "a.", "b)") expects the
//! next marker in sequence; when it appears after whitespace it starts a new unit even without
//! punctuation ("1. First item 2. Second item"). A bullet ("•", "⁃", ...) after whitespace always
//! starts a new unit.
//!
//! Streaming: tokens are pushed one at a time and decided with two tokens of look-ahead, so the
//! work is linear in the paragraph and no per-paragraph buffer is kept.

use super::Span;
use super::chars::{
    is_bracket_opener, is_bullet, is_terminal, starts_lowercase, strip_closers, strip_openers,
    strip_quote_openers,
};
use super::lexicon::{AbbrevKind, abbreviation, is_starter};
use super::tokens::Tok;

/// A list marker: "3.", "3)", "3.)", "(3)", "c.", "c)", "(c)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    letter: bool,
    value: u32,
    style: u8,
}

impl Marker {
    fn next(self) -> Marker {
        Marker {
            value: self.value.saturating_add(1),
            ..self
        }
    }
}

fn marker(text: &str) -> Option<Marker> {
    let t = text.trim_start_matches(is_bullet);
    if t.len() > 6 {
        return None;
    }
    let (paren, t) = match t.strip_prefix('(') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let body_len = t.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let (body, suffix) = t.split_at(body_len);
    let (letter, value) =
        if !body.is_empty() && body.len() <= 3 && body.bytes().all(|b| b.is_ascii_digit()) {
            (false, body.parse().ok()?)
        } else if body.len() == 1 && body.as_bytes()[0].is_ascii_lowercase() {
            (true, u32::from(body.as_bytes()[0] - b'a'))
        } else {
            return None;
        };
    let style = match (paren, suffix) {
        (true, ")") => 0,
        (false, ".)") => 1,
        (false, ".") => 2,
        (false, ")") => 3,
        _ => return None,
    };
    Some(Marker {
        letter,
        value,
        style,
    })
}

fn first_char(tok: &Tok) -> Option<char> {
    strip_quote_openers(tok.text).chars().next()
}

/// Whether `tok` may open a sentence: not lower case, not an opening bracket.
fn starts_sentence(tok: &Tok) -> bool {
    first_char(tok).is_none_or(|c| !(c.is_lowercase() || is_bracket_opener(c)))
}

/// The bare word of `tok`: without opening quotes and trailing punctuation.
fn bare_word<'a>(tok: &Tok<'a>) -> &'a str {
    strip_quote_openers(tok.text).trim_end_matches(|c: char| !c.is_alphanumeric())
}

/// "GMT", "EST", "UTC": an all-capital word of two to four letters ending in T or C.
fn is_time_zone(tok: &Tok) -> bool {
    let w = bare_word(tok);
    (2..=4).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_uppercase())
        && (w.ends_with('T') || w.ends_with('C'))
}

fn single_capital(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.next().is_none()
}

/// Whether a sentence ends right after `cur`.
fn boundary_after(
    cur: &Tok,
    prev: Option<&Tok>,
    next: &Tok,
    next2: Option<&Tok>,
    is_marker: bool,
    tokens_so_far: usize,
) -> bool {
    if cur.dots > 0 {
        return cur.dots != 3 && starts_sentence(next);
    }
    let core = strip_closers(cur.text);
    let word_part = core.trim_end_matches(is_terminal);
    let term = &core[word_part.len()..];
    if term.is_empty() {
        return false;
    }
    if next.dots > 0 {
        return term == "."
            && !word_part.is_empty()
            && next.dots == 3
            && next2.is_some_and(starts_sentence);
    }
    if !starts_sentence(next) {
        return false;
    }
    if term != "." {
        return true;
    }
    if is_marker {
        return false;
    }
    let word = strip_openers(word_part);
    if word.is_empty() {
        return true;
    }
    let next_digit = first_char(next).is_some_and(|c| c.is_ascii_digit());
    match abbreviation(word) {
        Some(AbbrevKind::Title) => false,
        Some(AbbrevKind::Numeric) => !next_digit,
        Some(AbbrevKind::Time) => !next_digit && tokens_so_far > 3 && !is_time_zone(next),
        Some(AbbrevKind::Ambiguous) => !next_digit && is_starter(bare_word(next)),
        None if single_capital(word) => {
            let prev_lower = prev.is_some_and(|p| starts_lowercase(p.text));
            prev_lower && (word == "I" || is_starter(bare_word(next)))
        }
        None => true,
    }
}

/// Splits one paragraph into sentence spans, fed one token at a time.
pub struct Splitter<'a, 'o> {
    paragraph: usize,
    out: &'o mut Vec<Span>,
    /// Tokens waiting for their look-ahead: at most three.
    pending: [Option<Tok<'a>>; 3],
    prev: Option<Tok<'a>>,
    sent_start: Option<usize>,
    last_end: usize,
    tokens_so_far: usize,
    /// The unit so far is only a bullet, so a list marker may still follow.
    only_bullet: bool,
    expect: Option<Marker>,
}

impl<'a, 'o> Splitter<'a, 'o> {
    pub fn new(paragraph: usize, out: &'o mut Vec<Span>) -> Self {
        Splitter {
            paragraph,
            out,
            pending: [None, None, None],
            prev: None,
            sent_start: None,
            last_end: 0,
            tokens_so_far: 0,
            only_bullet: false,
            expect: None,
        }
    }

    pub fn push(&mut self, tok: Tok<'a>) {
        if self.pending[2].is_some() {
            self.step();
        }
        let slot = self.pending.iter().position(Option::is_none).unwrap_or(2);
        self.pending[slot] = Some(tok);
        if slot == 2 {
            self.step();
        }
    }

    /// Decides the oldest pending token with whatever look-ahead is pending.
    fn step(&mut self) {
        let Some(cur) = self.pending[0].take() else {
            return;
        };
        let next = self.pending[1];
        let next2 = self.pending[2];
        self.pending = [next, next2, None];
        self.decide(cur, next.as_ref(), next2.as_ref());
    }

    pub fn finish(mut self) {
        while self.pending[0].is_some() {
            self.step();
        }
        if let Some(start) = self.sent_start.take() {
            self.out.push(Span {
                start,
                end: self.last_end,
                paragraph: self.paragraph,
            });
        }
    }

    fn close(&mut self, end: usize) {
        if let Some(start) = self.sent_start.take() {
            self.out.push(Span {
                start,
                end,
                paragraph: self.paragraph,
            });
        }
        self.prev = None;
        self.only_bullet = false;
        self.tokens_so_far = 0;
    }

    fn decide(&mut self, cur: Tok<'a>, next: Option<&Tok<'a>>, next2: Option<&Tok<'a>>) {
        if self.sent_start.is_some() {
            let before = cur.glued
                || cur.text.starts_with(is_bullet)
                || (!self.only_bullet && self.expect.is_some() && marker(cur.text) == self.expect);
            if before {
                self.close(self.last_end);
            }
        }
        let at_start = self.sent_start.is_none() || self.only_bullet;
        if self.sent_start.is_none() {
            self.sent_start = Some(cur.start);
        }
        let mut is_marker = false;
        if at_start && let Some(m) = marker(cur.text) {
            is_marker = true;
            self.expect = Some(m.next());
        }
        self.only_bullet = at_start && cur.text.chars().all(is_bullet);
        self.tokens_so_far += 1;
        self.last_end = cur.end;
        if let Some(next) = next
            && boundary_after(
                &cur,
                self.prev.as_ref(),
                next,
                next2,
                is_marker,
                self.tokens_so_far,
            )
        {
            self.close(cur.end);
            return;
        }
        self.prev = Some(cur);
    }
}
