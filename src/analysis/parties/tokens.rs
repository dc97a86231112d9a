//! Tokens of one sentence: words, possessive markers, quotes and other punctuation.
//!
//! Rules: a word is a run of alphanumeric characters (so "U.S." is `U` `.` `S` `.` and
//! "UK-India" is `UK` `-` `India`); an apostrophe followed by `s` and then a non-letter right
//! after a word is a possessive token (`'s`, `’s`), as is a lone apostrophe after a word ending
//! in `s` ("the unions’ lawyers"); straight and curly double quotes are quote tokens. Spans are byte
//! offsets into the whole input. Tokenizing is linear and never fails.

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the input (inputs are under 4 GiB: `input` refuses larger ones);
    /// `u32` halves the size of the token, the most numerous thing the analysis keeps.
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
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
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    /// First character is upper case.
    pub fn capitalised(&self, src: &str) -> bool {
        self.is_word()
            && self
                .text(src)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
    pub fn is_punct(&self, src: &str, c: char) -> bool {
        self.kind != Kind::Word && self.text(src).starts_with(c)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn token(start: usize, end: usize, kind: Kind) -> Token {
    // offsets fit: `input` refuses inputs of 4 GiB or more
    Token {
        start: start as u32,
        end: end as u32,
        kind,
    }
}

/// Tokens of `src[start..end]` (`src` is under 4 GiB, as every loaded input is).
pub fn tokenize(src: &str, start: usize, end: usize) -> Vec<Token> {
    let text = &src[start..end];
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + c.len_utf8();
            while let Some(&(k, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    j = k + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            out.push(token(start + i, start + j, Kind::Word));
            continue;
        }
        let after_word = out
            .last()
            .is_some_and(|t: &Token| t.kind == Kind::Word && t.end() == start + i);
        if is_apostrophe(c) && after_word {
            let rest = &text[i + c.len_utf8()..];
            let mut rest_chars = rest.chars();
            let s = rest_chars.next();
            let after_s = rest_chars.next();
            if matches!(s, Some('s' | 'S')) && !after_s.is_some_and(char::is_alphanumeric) {
                chars.next();
                out.push(token(
                    start + i,
                    start + i + c.len_utf8() + 1,
                    Kind::Possessive,
                ));
                continue;
            }
            let prev = out.last().map(|t| t.text(src)).unwrap_or("");
            if prev.ends_with('s') && !s.is_some_and(char::is_alphanumeric) {
                out.push(token(start + i, start + i + c.len_utf8(), Kind::Possessive));
                continue;
            }
        }
        let kind = if matches!(c, '"' | '“' | '”' | '«' | '»' | '„') {
            Kind::Quote
        } else {
            Kind::Punct
        };
        out.push(token(start + i, start + i + c.len_utf8(), kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, Kind)> {
        tokenize(s, 0, s.len())
            .iter()
            .map(|t| (t.text(s), t.kind))
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
    fn contraction_is_not_possessive() {
        let t = texts("it's don't");
        assert_eq!(t[1], ("'s", Kind::Possessive));
        assert_eq!(t[4], ("t", Kind::Word));
    }
}
