//! Cue words for structural roles, read once from `assets/roles.txt`.
//!
//! Knowledge only (source and byline prefixes, profession nouns, date words, months,
//! weekdays); the rules that use it live in `mod.rs`. Lookups are case-insensitive and
//! never allocate for long inputs.

use crate::analysis::lexicon::with_lowercase;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

struct Cues {
    lists: HashMap<String, Vec<String>>,
    words: HashMap<String, HashSet<String>>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let mut lists: HashMap<String, Vec<String>> = HashMap::default();
    for (section, line) in crate::assets::sectioned(include_str!("../../../assets/roles.txt")) {
        lists
            .entry(section.to_string())
            .or_default()
            .push(line.to_lowercase());
    }
    let words = lists
        .iter()
        .map(|(k, v)| (k.clone(), v.iter().cloned().collect()))
        .collect();
    Cues { lists, words }
});

fn list(name: &str) -> &'static [String] {
    CUES.lists.get(name).map_or(&[], Vec::as_slice)
}

fn has_word(name: &str, word: &str) -> bool {
    if word.len() > 24 {
        return false;
    }
    let Some(set) = CUES.words.get(name) else {
        return false;
    };
    // an ASCII word is lower-cased on the stack: the common look-up allocates nothing
    with_lowercase(word, |w| set.contains(w))
}

/// Whether `text` starts with the prefix `p` (case-insensitive) followed by a word boundary.
fn starts_with_prefix(text: &str, p: &str) -> bool {
    let Some(head) = text.get(..p.len()) else {
        return false;
    };
    head.eq_ignore_ascii_case(p)
        && text[p.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// "Source: ...", "Photo: ...", "Editing by ...": the unit opens with a source prefix followed by
/// a colon, "by" or a credit.
pub fn is_source_line(unit: &str) -> bool {
    list("source_prefix").iter().any(|p| {
        starts_with_prefix(unit, p) && {
            let rest = unit[p.len()..].trim_start();
            rest.starts_with(':')
                || rest.starts_with('|')
                || p.ends_with(" by")
                || p.starts_with('©')
                || p.starts_with('(')
                || starts_with_prefix(rest, "by")
        }
    })
}

/// "By Jon Park", "Written by ...": the unit opens with a byline prefix and a capitalised word.
pub fn is_byline_prefix(unit: &str) -> bool {
    list("byline_prefix").iter().any(|p| {
        starts_with_prefix(unit, p) && {
            let rest = unit[p.len()..].trim_start_matches([':', ' ']);
            rest.chars().next().is_some_and(char::is_uppercase)
        }
    })
}

pub fn is_profession(word: &str) -> bool {
    let w = word.trim_end_matches('s');
    has_word("profession", word) || has_word("profession", w)
}

pub fn is_month(word: &str) -> bool {
    has_word("month", word.trim_end_matches('.'))
}

pub fn is_weekday(word: &str) -> bool {
    has_word("weekday", word.trim_end_matches('.'))
}

pub fn is_date_word(word: &str) -> bool {
    has_word("date_word", word)
}

/// Page furniture: a button or label ("Share", "Advertisement"), a prompt or banner opening
/// ("Follow us on …", "We use cookies …"), or a short line of menu and share words only
/// ("Home | World | Politics", "Facebook Twitter Email").
pub fn is_boilerplate(unit: &str) -> bool {
    let t = unit.trim().trim_matches(|c: char| !c.is_alphanumeric());
    if t.is_empty() || t.len() > 300 {
        return false;
    }
    if t.len() <= 48
        && with_lowercase(t, |w| {
            CUES.words
                .get("boilerplate_line")
                .is_some_and(|s| s.contains(w))
        })
    {
        return true;
    }
    let short = t.split_whitespace().take(41).count() <= 40;
    if short
        && list("boilerplate_prefix")
            .iter()
            .any(|p| starts_with_prefix(t, p.trim_end_matches(':')))
    {
        return true;
    }
    // a menu or share row: three or more words, all menu words, no sentence punctuation
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '/' | ','))
        .filter(|w| !w.is_empty())
        .take(16)
        .collect();
    (3..=15).contains(&words.len())
        && !t.contains(['.', '?', '!'])
        && words.iter().all(|w| has_word("menu_word", w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues() {
        assert!(is_source_line("Source: Wire"));
        assert!(is_source_line("Photo by K. Lind"));
        assert!(is_source_line("Reporting by Jon Park; Editing by Ann Lee"));
        assert!(!is_source_line("Sources close to the talks said so."));
        assert!(is_source_line("Read more: Talks stall in Varn"));
        assert!(!is_source_line("Related talks will follow."));
        assert!(!is_source_line("Photographers gathered."));
        assert!(is_byline_prefix("By Jon Park"));
        assert!(!is_byline_prefix("By then it was over"));
        assert!(is_month("Dec."));
        assert!(is_weekday("Tuesday"));
        assert!(is_profession("journalist"));
        assert!(is_profession("correspondents"));
    }
}
