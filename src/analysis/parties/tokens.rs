//! Tokens of one sentence: words, possessive markers, quotes and other punctuation.
//!
//! Rules: a word is a run of alphanumeric characters (so "U.S." is `U` `.` `S` `.` and
//! "UK-India" is `UK` `-` `India`); an apostrophe followed by `s` and then a non-letter right
//! after a word is a possessive token (`'s`, `’s`), as is a lone apostrophe after a word ending
//! in `s` ("the unions’ lawyers"); straight and curly double quotes are quote tokens. Spans are byte
//! offsets into the whole input. Tokenizing is linear and never fails.
//!
//! Each token carries what the rules ask of it again and again — its word classes and verb
//! class from [`LEXICON`] and whether it is capitalised — looked up once here, so no rule
//! hashes or lower-cases a token's text. They are packed with the kind into one `u32`, so a
//! token is 12 bytes (offsets are `u32`: `input` refuses inputs of 4 GiB or more).

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// `'s`, `’s`, or a lone apostrophe after a plural.
    Possessive,
    /// `"`, `“`, `”`, `«`, `»`.
    Quote,
    /// Any other non-space character.
    Punct,
}

use super::lexicon::{CLASS_BITS, CLASS_MASK, LEXICON, Lexicon, VerbClass, mark};

/// Classes and marks.
const WORD_MASK: u32 = CLASS_MASK | mark::ALL;
/// Where the shape number starts: verb class × 5 + [`SHAPES`] index (25 values, 5 bits).
const SHAPE_SHIFT: u32 = CLASS_BITS + 3;
const _: () = assert!(SHAPE_SHIFT + 5 <= 32);
/// Kind and capitalisation, by the number `token` gives them.
const SHAPES: [(Kind, bool); 5] = [
    (Kind::Word, false),
    (Kind::Word, true),
    (Kind::Possessive, false),
    (Kind::Quote, false),
    (Kind::Punct, false),
];
/// The shape and the verb class of each shape number (all 32 five-bit numbers, so the
/// look-up needs no bounds check).
const SHAPE_OF: [(Kind, bool); 32] = {
    let mut t = [(Kind::Punct, false); 32];
    let mut n = 0;
    while n < 25 {
        t[n] = SHAPES[n % 5];
        n += 1;
    }
    t
};
const VERB_OF: [Option<VerbClass>; 32] = {
    let mut t = [None; 32];
    let mut n = 0;
    while n < 25 {
        t[n] = VERBS[n / 5];
        n += 1;
    }
    t
};
/// By the number `token` gives them.
const VERBS: [Option<VerbClass>; 5] = [
    None,
    Some(VerbClass::Report),
    Some(VerbClass::Act),
    Some(VerbClass::Logistic),
    Some(VerbClass::Copula),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the input (inputs are under 4 GiB: `input` refuses larger ones);
    /// `u32` halves the size of the token, the most numerous thing the analysis keeps.
    pub start: u32,
    pub end: u32,
    /// Word classes (the low [`CLASS_BITS`] bits), marks (3 bits), then the verb class, the
    /// kind and the capitalisation as one number (5 bits).
    bits: u32,
}

impl Token {
    /// Byte offset of the first byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// Byte offset one past the last byte.
    pub fn end(&self) -> usize {
        self.end as usize
    }
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start()..self.end()]
    }
    fn shape(&self) -> (Kind, bool) {
        SHAPE_OF[(self.bits >> SHAPE_SHIFT) as usize]
    }
    pub fn kind(&self) -> Kind {
        self.shape().0
    }
    pub fn is_word(&self) -> bool {
        self.kind() == Kind::Word
    }
    /// A word whose first character is upper case.
    pub fn capitalised(&self) -> bool {
        self.shape().1
    }
    /// The word classes of the text (any case): `LEXICON.flags` on it.
    pub fn flags(&self) -> u32 {
        self.bits & CLASS_MASK
    }
    /// The marks of the text ([`mark`]): a title's, a gazetteer form's or a hedge's mark word.
    pub fn marks(&self) -> u32 {
        self.bits & mark::ALL
    }
    /// The verb class of the text (any case): `LEXICON.verb` on it.
    pub fn verb(&self) -> Option<VerbClass> {
        VERB_OF[(self.bits >> SHAPE_SHIFT) as usize]
    }
    /// Has any of the word classes `flags` (`LEXICON.is` on its text).
    pub fn is(&self, flags: u32) -> bool {
        self.flags() & flags != 0
    }
    /// In some word list at all (`LEXICON.known` on its text).
    pub fn known(&self) -> bool {
        self.flags() != 0 || self.verb().is_some()
    }
    pub fn is_punct(&self, src: &str, c: char) -> bool {
        self.kind() != Kind::Word && self.text(src).starts_with(c)
    }
}

/// A token of `src[start..end]`, its classes looked up once.
fn token(lexicon: &Lexicon, src: &str, start: usize, end: usize, kind: Kind) -> Token {
    let text = &src[start..end];
    let (flags, verb) = if kind == Kind::Word || lexicon.nonword_keys {
        lexicon.classes(text)
    } else {
        (0, None)
    };
    let cap = kind == Kind::Word
        && match text.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => text.chars().next().is_some_and(char::is_uppercase),
        };
    let verb: u32 = match verb {
        None => 0,
        Some(VerbClass::Report) => 1,
        Some(VerbClass::Act) => 2,
        Some(VerbClass::Logistic) => 3,
        Some(VerbClass::Copula) => 4,
    };
    let shape: u32 = match kind {
        Kind::Word => u32::from(cap),
        Kind::Possessive => 2,
        Kind::Quote => 3,
        Kind::Punct => 4,
    };
    // offsets fit: `input` refuses inputs of 4 GiB or more
    Token {
        start: start as u32,
        end: end as u32,
        bits: (flags & WORD_MASK) | ((verb * 5 + shape) << SHAPE_SHIFT),
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The character at byte `i` of `text` (a character boundary) and its length; ASCII without
/// decoding.
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (b as char, 1),
        _ => text
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .map_or((' ', 1), |c| (c, c.len_utf8())),
    }
}

/// Tokens of `src[start..end]` (`src` is under 4 GiB, as every loaded input is).
pub fn tokenize(src: &str, start: usize, end: usize) -> Vec<Token> {
    let lexicon = &*LEXICON;
    let text = &src[start..end];
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while i < text.len() {
        let (c, len) = char_at(text, i);
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if c.is_alphanumeric() {
            let bytes = text.as_bytes();
            let mut j = i + len;
            while j < text.len() {
                // ASCII letters and digits without decoding
                if bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                    continue;
                }
                let (d, dlen) = char_at(text, j);
                if !d.is_alphanumeric() {
                    break;
                }
                j += dlen;
            }
            out.push(token(lexicon, src, start + i, start + j, Kind::Word));
            i = j;
            continue;
        }
        let after_word = out
            .last()
            .is_some_and(|t: &Token| t.kind() == Kind::Word && t.end() == start + i);
        if is_apostrophe(c) && after_word {
            let rest = &text[i + len..];
            let mut rest_chars = rest.chars();
            let s = rest_chars.next();
            let after_s = rest_chars.next();
            if matches!(s, Some('s' | 'S')) && !after_s.is_some_and(char::is_alphanumeric) {
                out.push(token(
                    lexicon,
                    src,
                    start + i,
                    start + i + len + 1,
                    Kind::Possessive,
                ));
                i += len + 1;
                continue;
            }
            let prev = out.last().map(|t| t.text(src)).unwrap_or("");
            if prev.ends_with('s') && !s.is_some_and(char::is_alphanumeric) {
                out.push(token(
                    lexicon,
                    src,
                    start + i,
                    start + i + len,
                    Kind::Possessive,
                ));
                i += len;
                continue;
            }
        }
        let kind = if matches!(c, '"' | '“' | '”' | '«' | '»' | '„') {
            Kind::Quote
        } else {
            Kind::Punct
        };
        out.push(token(lexicon, src, start + i, start + i + len, kind));
        i += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::class;
    use super::*;

    fn texts(s: &str) -> Vec<(&str, Kind)> {
        tokenize(s, 0, s.len())
            .iter()
            .map(|t| (t.text(s), t.kind()))
            .collect()
    }

    #[test]
    fn possessives_and_abbreviations() {
        let t = texts("Freedonia’s side, the U.S. and the unions' lawyers");
        assert_eq!(t[0], ("Freedonia", Kind::Word));
        assert_eq!(t[1], ("’s", Kind::Possessive));
        assert!(t.contains(&("U", Kind::Word)));
        assert!(t.contains(&("'", Kind::Possessive)));
    }

    #[test]
    fn quotes_are_tokens() {
        let t = texts("“We agree,” he said. \"Yes\"");
        assert_eq!(t[0].1, Kind::Quote);
        assert!(t.iter().filter(|x| x.1 == Kind::Quote).count() == 4);
    }

    #[test]
    fn classes_are_packed_with_the_token() {
        let s = "The Acme has SAID";
        let t = tokenize(s, 0, s.len());
        assert_eq!(std::mem::size_of::<Token>(), 12);
        assert!(t[0].capitalised() && t[0].is(class::DET) && t[0].verb().is_none());
        assert!(t[2].is(class::AUX) && !t[2].capitalised() && t[2].is_word());
        assert_eq!(t[3].verb(), Some(VerbClass::Report));
        assert_eq!(t[3].flags(), LEXICON.flags("said"));
        assert!(!t[1].known());
    }

    #[test]
    fn contraction_is_not_possessive() {
        let t = texts("it's don't");
        assert_eq!(t[1], ("'s", Kind::Possessive));
        assert_eq!(t[4], ("t", Kind::Word));
    }
}
