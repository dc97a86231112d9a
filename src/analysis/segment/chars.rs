//! Character classes used by the segmenter: terminal punctuation, quotes, brackets, bullets.
//!
//! Pure predicates and small string helpers; no allocation, no lookups, no panics. Whitespace is
//! always `char::is_whitespace`, the same test the lossless invariant is checked with.

/// Punctuation that can end a sentence when followed by whitespace.
pub fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉') || is_cjk_terminal(c)
}

/// Full-width terminals that end a sentence even without a following space.
pub fn is_cjk_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Characters that may follow terminal punctuation and still belong to the sentence it ends.
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）' | '］'
    )
}

/// Quotes and marks that may open a sentence before its first word.
pub fn is_quote_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '„' | '‚' | '¿' | '¡' | '「' | '『' | '*'
    )
}

/// Opening brackets: a full stop followed by one does not end a sentence ("Roe. (Photo: X)").
pub fn is_bracket_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '（' | '［')
}

/// List bullets: a bullet after whitespace starts a new unit.
pub fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '⁃'
            | '‣'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '✓'
            | '✔'
    )
}

/// `s` without trailing closers.
pub fn strip_closers(s: &str) -> &str {
    s.trim_end_matches(is_closer)
}

/// `s` without leading quote openers.
pub fn strip_quote_openers(s: &str) -> &str {
    s.trim_start_matches(is_quote_opener)
}

/// `s` without leading openers of either kind.
pub fn strip_openers(s: &str) -> &str {
    s.trim_start_matches(|c| is_quote_opener(c) || is_bracket_opener(c))
}

/// Whether the line's last visible character (after closers) is terminal punctuation.
pub fn ends_with_terminal(line: &str) -> bool {
    strip_closers(line.trim_end())
        .chars()
        .next_back()
        .is_some_and(is_terminal)
}

/// Whether the line's first letter (after openers) is lower case.
pub fn starts_lowercase(line: &str) -> bool {
    strip_openers(line.trim_start())
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}
