//! The segmentation lexicon: abbreviations and sentence starters, read once from `assets/`.
//!
//! Knowledge lives in `assets/abbreviations.txt` (abbreviations by kind, see the file's header)
//! and `assets/abbreviations_starters.txt` (words that usually start a sentence). Both are
//! compiled in with `include_str!` and parsed on first use into hash sets held in a
//! [`LazyLock`]; lookups never allocate.
//!
//! This module only answers "what kind of word is this"; the boundary rules that use the
//! answers live in `rules.rs`. It must never panic on any word, however long or strange.

use crate::analysis::lexicon::is_dotted_initialism;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Precedes a name or word and never ends a sentence ("Mr.", "Mt.", "e.g.").
    Title,
    /// Precedes a number ("No. 5", "p. 55"); before anything else it is a plain word.
    Numeric,
    /// May end a sentence; does so only before a common sentence starter ("Co.", "Jr.", "U.S.").
    Ambiguous,
    /// "a.m." / "p.m.": ends a sentence before a capitalised word unless the sentence so far is a
    /// short fronted time phrase ("At 5 a.m. Mr. Smith left").
    Time,
}

struct Lexicon {
    abbreviations: HashMap<String, AbbrevKind>,
    starters: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    abbreviations: parse_abbreviations(include_str!("../../../assets/abbreviations.txt")),
    starters: parse_words(include_str!("../../../assets/abbreviations_starters.txt")),
});

fn parse_abbreviations(text: &str) -> HashMap<String, AbbrevKind> {
    let mut map = HashMap::new();
    let mut kind = AbbrevKind::Ambiguous;
    for line in crate::assets::entries(text) {
        match line {
            "[title]" => kind = AbbrevKind::Title,
            "[numeric]" => kind = AbbrevKind::Numeric,
            "[ambiguous]" => kind = AbbrevKind::Ambiguous,
            word => {
                // The first kind given wins, so a word listed twice keeps its stronger reading.
                map.entry(word.to_string()).or_insert(kind);
            }
        }
    }
    map
}

fn parse_words(text: &str) -> HashSet<String> {
    crate::assets::entries(text).map(str::to_string).collect()
}

/// Longest word worth looking up; anything longer is no abbreviation.
const MAX_ABBREV: usize = 16;

/// The kind of `word` (written without its final full stop), if it is an abbreviation.
pub fn abbreviation(word: &str) -> Option<AbbrevKind> {
    if word.is_empty() || word.len() > MAX_ABBREV {
        return None;
    }
    if word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m") {
        return Some(AbbrevKind::Time);
    }
    let lex = &*LEXICON;
    if let Some(kind) = lex.abbreviations.get(word) {
        return Some(*kind);
    }
    // "Co" matches the entry "co": a lower-case entry also matches its capitalised form (but a
    // capital letter alone is an initial, not "p." or "v.").
    let mut chars = word.chars();
    if let Some(first) = chars.next()
        && first.is_uppercase()
        && !chars.as_str().is_empty()
        && chars.as_str().chars().all(|c| !c.is_uppercase())
    {
        let lowered: String = first.to_lowercase().chain(chars).collect();
        if let Some(kind) = lex.abbreviations.get(&lowered) {
            return Some(*kind);
        }
    }
    if is_dotted_initialism(word) {
        return Some(AbbrevKind::Ambiguous);
    }
    None
}

/// Whether `word` (stripped of quotes and trailing punctuation) usually starts a sentence.
pub fn is_starter(word: &str) -> bool {
    word.len() <= MAX_ABBREV && LEXICON.starters.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_the_assets() {
        assert_eq!(abbreviation("Mr"), Some(AbbrevKind::Title));
        assert_eq!(abbreviation("St"), Some(AbbrevKind::Title));
        assert_eq!(abbreviation("st"), Some(AbbrevKind::Ambiguous));
        assert_eq!(abbreviation("No"), Some(AbbrevKind::Numeric));
        assert_eq!(abbreviation("Co"), Some(AbbrevKind::Ambiguous));
        assert_eq!(abbreviation("P.M"), Some(AbbrevKind::Time));
        assert_eq!(abbreviation("U.K"), Some(AbbrevKind::Ambiguous));
        assert_eq!(abbreviation("talks"), None);
        assert_eq!(abbreviation("P"), None);
        assert_eq!(abbreviation("Jane.Doe"), None);
        assert_eq!(abbreviation(""), None);
    }

    #[test]
    fn starters() {
        assert!(is_starter("The"));
        assert!(is_starter("How"));
        assert!(!is_starter("Government"));
        assert!(!is_starter("the"));
    }
}
