//! The tokenizer: one sentence's text → word spans, as UD English EWT tokenizes.
//!
//! The tagger and parser were trained on EWT and GUM tokens, so the tokens must be cut the
//! same way or the model sees words it never saw. The conventions followed:
//!
//! - punctuation is its own token (`,` `.` `"` `“` `(` `%`…); a run of dots or `…` is one
//!   token, as are `--` and dashes;
//! - clitics are split off, with straight or curly apostrophes: `n't` (`can't` → `ca` `n't`,
//!   `won't` → `wo` `n't`, `don't` → `do` `n't`), `'s` `'re` `'ll` `'ve` `'m` `'d`; a
//!   possessive apostrophe after `s` (`parties'`) is its own token `'`; `cannot` → `can`
//!   `not`, `gonna` → `gon` `na` (EWT's splits);
//! - hyphens are split off as tokens of their own (`long-term` → `long` `-` `term`), as in
//!   current EWT, except after the prefixes EWT keeps attached (`e-mail`, `co-operate`,
//!   `non-profit`, `pre-war`, `anti-`, `post-`, `mid-`, `re-`…) and inside numbers of two
//!   groups of three digits or more (phone numbers);
//! - an abbreviation keeps its full stop (`Mr.`, `U.S.`, `e.g.`, `Inc.`, an initial `J.`):
//!   the known ones are those of `assets/abbreviations.txt` (the segmenter's list), plus
//!   any dotted initialism;
//! - numbers stay whole (`3.5`, `1,000`, `10:30`); a currency sign before a number and a
//!   unit after it are split (`$1.2bn` → `$` `1.2` `bn`); URLs and e-mail addresses stay
//!   whole.
//!
//! Spans are byte offsets into the text: `&text[start..end]` is the token, always on char
//! boundaries. Whitespace never lies inside a token. Text past 4 GiB is not tokenized
//! (offsets are `u32`). Linear in the text, with no allocation per word: ASCII is read byte
//! by byte, a word of ASCII letters and digits (most words) goes straight to the last step
//! (contractions, units), and a step skips a piece that holds nothing it splits.
//! [`tokenize_into`] refills a caller's vector.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The abbreviations that keep their full stop, without it.
static ABBREVIATIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut set: HashSet<&'static str> =
        crate::assets::sectioned(include_str!("../../../assets/abbreviations.txt"))
            .map(|(_, entry)| entry)
            .collect();
    set.extend([
        "etc", "vs", "al", "approx", "Jr", "Sr", "Inc", "Ltd", "Co", "Corp",
    ]);
    set
});

/// Prefixes EWT writes joined to the word by a hyphen.
const PREFIXES: &[&str] = &[
    "e", "non", "pre", "mid", "re", "anti", "post", "co", "pro", "multi", "ex", "semi", "sub",
    "neo", "cross", "vice", "inter", "intra", "counter", "un", "de", "bi", "tri",
];

/// Units split from a number written against them.
const UNITS: &[&str] = &[
    "bn", "mn", "m", "tn", "k", "km", "kg", "cm", "mm", "mph", "am", "pm", "th",
];

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '`' | '(' | '[' | '{' | '«' | '„' | '¿' | '¡' | '*' | '<'
    ) || is_dash(c)
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | '’'
            | '\''
            | ')'
            | ']'
            | '}'
            | '»'
            | '.'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '%'
            | '*'
            | '>'
            | '…'
    ) || is_dash(c)
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹')
}

/// [`BYTES`]: a byte that ends an ASCII run (a separator or a non-ASCII byte).
const STOP: u8 = 1;
/// [`BYTES`]: an ASCII letter or digit.
const ALNUM: u8 = 2;

/// What the scan needs of each byte.
static BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 || c <= b' ' || c == 0x7f {
            STOP
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else {
            0
        };
        b += 1;
    }
    t
};

/// Tokenizes `text`; spans of every token in order.
pub fn tokenize(text: &str) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    tokenize_into(text, &mut out);
    out
}

/// [`tokenize`] into `out`, its contents replaced (a caller reading many texts allocates once).
pub fn tokenize_into(text: &str, out: &mut Vec<(u32, u32)>) {
    out.clear();
    out.reserve(text.len() / 5 + 1);
    let limit = text.len().min(u32::MAX as usize);
    let bytes = text.as_bytes();
    let mut start = None;
    // the chunk so far is ASCII letters and digits only
    let mut alnum = true;
    let mut i = 0;
    while i < limit {
        let b = bytes[i];
        // ASCII is read byte by byte: its whitespace and control characters are the bytes
        // below a space, the space and DEL.
        if b < 0x80 && b > b' ' && b != 0x7f {
            if start.is_none() {
                start = Some(i);
                alnum = true;
            }
            // the rest of an ASCII run in one go
            while let Some(&b) = bytes.get(i).filter(|_| i < limit) {
                let class = BYTES[usize::from(b)];
                if class & STOP != 0 {
                    break;
                }
                alnum &= class & ALNUM != 0;
                i += 1;
            }
            continue;
        }
        let (separator, len) = if b < 0x80 {
            (true, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or('\u{fffd}');
            (
                c.is_whitespace() || c.is_control() || c == '\u{200b}' || c == '\u{feff}',
                c.len_utf8(),
            )
        };
        if separator {
            if let Some(s) = start.take() {
                if alnum {
                    whole_word(text, s, i, out);
                } else {
                    chunk(text, s, i, out);
                }
            }
        } else {
            if start.is_none() {
                start = Some(i);
            }
            alnum = false;
        }
        i += len;
    }
    if let Some(s) = start {
        let mut end = limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end > s {
            chunk(text, s, end, out);
        }
    }
}

fn push(out: &mut Vec<(u32, u32)>, start: usize, end: usize) {
    if end > start {
        out.push((start as u32, end as u32));
    }
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn last_char(s: &str) -> Option<char> {
    s.chars().next_back()
}

fn looks_like_address(word: &str) -> bool {
    let bytes = word.as_bytes();
    (bytes.contains(&b':') && word.contains("://"))
        || bytes.starts_with(b"www.")
        || bytes.contains(&b'@')
            && word
                .split_once('@')
                .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'))
}

/// One whitespace-free chunk `text[start..end]`.
fn chunk(text: &str, mut start: usize, mut end: usize, out: &mut Vec<(u32, u32)>) {
    // Letters and digits only (most words): no punctuation to split off, no hyphen, no
    // apostrophe, no address; what the steps below would do to it, done directly.
    if text.as_bytes()[start..end]
        .iter()
        .all(u8::is_ascii_alphanumeric)
    {
        whole_word(text, start, end, out);
        return;
    }
    // leading punctuation, one token each (a run of dots or hyphens as one)
    while start < end {
        let rest = &text[start..end];
        let Some(c) = first_char(rest) else { break };
        if rest.len() == c.len_utf8() {
            break;
        }
        if is_apostrophe(c) {
            let after = &rest[c.len_utf8()..];
            // '90s, and a chunk that is a clitic on its own
            if after.starts_with(|d: char| d.is_ascii_digit()) || clitic_len(rest) == rest.len() {
                break;
            }
        }
        if is_opener(c)
            || (is_currency(c) && rest[c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()))
        {
            push(out, start, start + c.len_utf8());
            start += c.len_utf8();
        } else if c == '.' || c == '-' {
            let run = rest.bytes().take_while(|&b| b == c as u8).count();
            if run == rest.len() {
                break;
            }
            push(out, start, start + run);
            start += run;
        } else {
            break;
        }
    }
    // trailing punctuation, collected back to front; only a chunk with `:` or `@` or that
    // begins with `www.` can have an address in it (the loop only shortens it at the end)
    let may_address = {
        let b = &text.as_bytes()[start..end];
        b.contains(&b':') || b.contains(&b'@') || b.starts_with(b"www.")
    };
    let mut tail: Vec<(usize, usize)> = Vec::new();
    while start < end {
        let word = &text[start..end];
        if may_address
            && looks_like_address(word)
            && !word.ends_with(['.', ',', ';', ':', '!', '?', ')', '"', '”', '’', '\''])
        {
            break;
        }
        let Some(c) = last_char(word) else { break };
        if word.len() == c.len_utf8() {
            break;
        }
        if c == '.' {
            let run = word.bytes().rev().take_while(|&b| b == b'.').count();
            if run >= 2 {
                if run == word.len() {
                    break;
                }
                tail.push((end - run, end));
                end -= run;
                continue;
            }
            if is_abbreviation(&word[..word.len() - 1]) {
                break;
            }
        }
        if c == '-' {
            let run = word.bytes().rev().take_while(|&b| b == b'-').count();
            if run == word.len() {
                break;
            }
            tail.push((end - run, end));
            end -= run;
            continue;
        }
        if is_apostrophe(c) && clitic_len(word) > 0 {
            break;
        }
        if is_closer(c) {
            tail.push((end - c.len_utf8(), end));
            end -= c.len_utf8();
            continue;
        }
        break;
    }
    if start < end {
        if may_address && looks_like_address(&text[start..end]) {
            push(out, start, end);
        } else {
            core(text, start, end, out);
        }
    }
    for &(s, e) in tail.iter().rev() {
        push(out, s, e);
    }
}

fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    if ABBREVIATIONS.contains(word) {
        return true;
    }
    let mut chars = word.chars();
    if let (Some(f), Some(_)) = (chars.next(), word.get(1..))
        && f.is_uppercase()
    {
        let lower: String = word.to_lowercase();
        if ABBREVIATIONS.contains(lower.as_str()) {
            return true;
        }
    }
    // a dotted initialism ("U.S", "e.g", "Ph.D", the segmenter's test) or an initial ("J")
    crate::analysis::lexicon::is_dotted_initialism(word)
        || word.chars().count() == 1 && word.chars().all(char::is_uppercase)
}

/// The inside of a chunk: split at dashes and internal punctuation, then hyphens, clitics,
/// currency and units.
fn core(text: &str, start: usize, end: usize, out: &mut Vec<(u32, u32)>) {
    let word = &text[start..end];
    // Nothing that splits here (the characters below, two dots, or a dash, `…` or a curly
    // double quote, whose UTF-8 all begin with byte E2): the piece is the whole.
    let splits = |(i, &b): (usize, &u8)| {
        matches!(
            b,
            b',' | b';' | b'!' | b'?' | b'"' | b'(' | b')' | b'[' | b']' | 0xe2
        ) || b == b'.' && word.as_bytes().get(i + 1) == Some(&b'.')
    };
    if !word.as_bytes().iter().enumerate().any(splits) {
        piece(text, start, end, out);
        return;
    }
    let mut piece_start = start;
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        let at = start + i;
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let between_digits =
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        let splits = is_dash(c)
            || c == '…'
            || (matches!(
                c,
                ',' | ';' | '!' | '?' | '"' | '“' | '”' | '(' | ')' | '[' | ']'
            ) && !between_digits)
            || (c == '.' && next == Some('.'));
        if splits {
            piece(text, piece_start, at, out);
            let mut stop = at + c.len_utf8();
            if c == '.' {
                while k + 1 < chars.len() && chars[k + 1].1 == '.' {
                    k += 1;
                    stop = start + chars[k].0 + 1;
                }
            }
            push(out, at, stop);
            piece_start = stop;
        }
        k += 1;
    }
    piece(text, piece_start, end, out);
}

/// A piece without spaces or splitting punctuation: hyphens, then clitics.
fn piece(text: &str, start: usize, end: usize, out: &mut Vec<(u32, u32)>) {
    if start >= end {
        return;
    }
    let word = &text[start..end];
    if !word.contains('-') {
        word_with_clitics(text, start, end, out);
        return;
    }
    if word.bytes().all(|b| b == b'-') {
        push(out, start, end);
        return;
    }
    let parts: Vec<&str> = word.split('-').collect();
    if parts.len() == 1 || keeps_hyphens(&parts) {
        word_with_clitics(text, start, end, out);
        return;
    }
    let mut at = start;
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            push(out, at, at + 1);
            at += 1;
        }
        word_with_clitics(text, at, at + part.len(), out);
        at += part.len();
    }
}

fn keeps_hyphens(parts: &[&str]) -> bool {
    let first = parts[0].to_lowercase();
    if parts.len() == 2 && PREFIXES.contains(&first.as_str()) && !parts[1].is_empty() {
        return true;
    }
    parts
        .iter()
        .all(|p| p.len() >= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The clitics split off a word, for each apostrophe, in the order they are tried.
const CLITICS: [[&str; 7]; 2] = [
    ["n't", "'s", "'re", "'ll", "'ve", "'m", "'d"],
    ["n’t", "’s", "’re", "’ll", "’ve", "’m", "’d"],
];

/// Length in bytes of the clitic `word` ends with (`n't`, `'s`…), 0 if none.
fn clitic_len(word: &str) -> usize {
    // no `'` and no `’` (whose UTF-8 begins with byte E2)
    if !word.bytes().any(|b| b == b'\'' || b == 0xe2) {
        return 0;
    }
    // A word whose lower case has another length is left whole.
    if !word.is_ascii() && word.to_lowercase().len() != word.len() {
        return 0;
    }
    // The clitics are ASCII but for the apostrophe, and lower-casing keeps the length: the
    // word's end lower-cased is the lower-cased word's end.
    let bytes = word.as_bytes();
    for list in CLITICS {
        for clitic in list {
            if bytes.len() >= clitic.len()
                && bytes[bytes.len() - clitic.len()..].eq_ignore_ascii_case(clitic.as_bytes())
            {
                return clitic.len();
            }
        }
    }
    0
}

/// A word that may end with a clitic or be a contraction EWT splits.
fn word_with_clitics(text: &str, start: usize, end: usize, out: &mut Vec<(u32, u32)>) {
    if start >= end {
        return;
    }
    let word = &text[start..end];
    let cut = clitic_len(word);
    if cut > 0 && cut < word.len() {
        currency_and_units(text, start, end - cut, out);
        push(out, end - cut, end);
        return;
    }
    whole_word(text, start, end, out);
}

/// A word without a clitic (the rest of [`word_with_clitics`]; ASCII letters and digits
/// alone come here directly): a contraction EWT splits, or a word [`currency_and_units`] reads.
fn whole_word(text: &str, start: usize, end: usize, out: &mut Vec<(u32, u32)>) {
    let word = &text[start..end];
    for (whole, split) in [("cannot", 3), ("gonna", 3), ("gotta", 3), ("wanna", 3)] {
        if word.len() == whole.len() && word.eq_ignore_ascii_case(whole) {
            push(out, start, start + split);
            push(out, start + split, end);
            return;
        }
    }
    currency_and_units(text, start, end, out);
}

fn currency_and_units(text: &str, mut start: usize, end: usize, out: &mut Vec<(u32, u32)>) {
    let word = &text[start..end];
    // A word that begins with a letter has neither.
    if word.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        push(out, start, end);
        return;
    }
    if let Some(c) = first_char(word)
        && is_currency(c)
        && word.len() > c.len_utf8()
    {
        push(out, start, start + c.len_utf8());
        start += c.len_utf8();
    }
    let word = &text[start..end];
    let digits = word
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .count();
    if digits > 0 && digits < word.len() && word.as_bytes()[0].is_ascii_digit() {
        let unit = &word[digits..];
        if UNITS.iter().any(|u| u.eq_ignore_ascii_case(unit))
            && !word[..digits].ends_with(['.', ','])
        {
            push(out, start, start + digits);
            push(out, start + digits, end);
            return;
        }
    }
    push(out, start, end);
}

#[cfg(test)]
mod tests {
    use super::tokenize;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text)
            .into_iter()
            .map(|(s, e)| &text[s as usize..e as usize])
            .collect()
    }

    #[test]
    fn clitics_straight_and_curly() {
        assert_eq!(words("I can't go"), ["I", "ca", "n't", "go"]);
        assert_eq!(
            words("They won’t, we’re"),
            ["They", "wo", "n’t", ",", "we", "’re"]
        );
        assert_eq!(
            words("Freedonia's minister"),
            ["Freedonia", "'s", "minister"]
        );
        assert_eq!(words("Sylvania’s"), ["Sylvania", "’s"]);
        assert_eq!(
            words("I'm, you'll, we've, he'd"),
            [
                "I", "'m", ",", "you", "'ll", ",", "we", "'ve", ",", "he", "'d"
            ]
        );
        assert_eq!(
            words("the parties' talks"),
            ["the", "parties", "'", "talks"]
        );
        assert_eq!(words("I cannot"), ["I", "can", "not"]);
        assert_eq!(words("DON'T"), ["DO", "N'T"]);
    }

    #[test]
    fn quotes_and_punctuation() {
        assert_eq!(
            words("He said: “We will win.”"),
            ["He", "said", ":", "“", "We", "will", "win", ".", "”"]
        );
        assert_eq!(
            words("\"Yes,\" she said (twice)..."),
            [
                "\"", "Yes", ",", "\"", "she", "said", "(", "twice", ")", "..."
            ]
        );
        assert_eq!(words("‘No’"), ["‘", "No", "’"]);
        assert_eq!(words("talks—and more"), ["talks", "—", "and", "more"]);
    }

    #[test]
    fn abbreviations_and_numbers() {
        assert_eq!(
            words("Mr. Brun met U.S. officials."),
            ["Mr.", "Brun", "met", "U.S.", "officials", "."]
        );
        assert_eq!(
            words("e.g. 3.5 and 1,000 at 10:30 a.m."),
            ["e.g.", "3.5", "and", "1,000", "at", "10:30", "a.m."]
        );
        assert_eq!(
            words("a $1.2bn deal, 50% more"),
            ["a", "$", "1.2", "bn", "deal", ",", "50", "%", "more"]
        );
        assert_eq!(words("in the 1990s"), ["in", "the", "1990s"]);
        assert_eq!(words("end."), ["end", "."]);
    }

    #[test]
    fn hyphens_follow_ewt() {
        assert_eq!(words("long-term plan"), ["long", "-", "term", "plan"]);
        assert_eq!(words("a non-profit e-mail"), ["a", "non-profit", "e-mail"]);
        assert_eq!(words("call 713-853-3989"), ["call", "713-853-3989"]);
        assert_eq!(words("-- yes -"), ["--", "yes", "-"]);
    }

    #[test]
    fn addresses_stay_whole() {
        assert_eq!(
            words("see https://example.org/a-b."),
            ["see", "https://example.org/a-b", "."]
        );
        assert_eq!(words("mail a.b@example.org"), ["mail", "a.b@example.org"]);
    }

    #[test]
    fn spans_are_exact_and_on_char_boundaries() {
        for text in [
            "",
            " ",
            "'",
            "’s",
            "…",
            "a\u{0}b",
            "Ünïcödé’s — ok?!",
            "$",
            "--",
            "'''",
            "n't",
            "é.",
            "-é-",
        ] {
            let mut last = 0;
            for (s, e) in tokenize(text) {
                let (s, e) = (s as usize, e as usize);
                assert!(s >= last && s < e && e <= text.len(), "{text:?}");
                assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                assert!(!text[s..e].contains(char::is_whitespace));
                last = e;
            }
        }
    }
}
