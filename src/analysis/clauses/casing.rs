//! Headlines in title case ("Vale Calls Talks A Failure") mislead a tagger trained on
//! sentence case: every word looks like a name. A sentence whose words mostly start with a
//! capital is tagged as if written in sentence case: a capitalised word after the first is
//! lower-cased when the article itself writes it in lower case elsewhere, when it is a word of
//! the lexicon or a learnt cue ("Says", "Shows", "Over"), or when English text mostly writes
//! it in lower case (`assets/lower_case_words.txt`, counted in treebank and news text by
//! `examples/learn_casing.rs`: "Awards", "Vows", "Ties"). Names keep their capital: "Somalia"
//! or "Trump" are written capitalised in running text, and so does a title of
//! `assets/titles.txt` before a word that keeps its capital ("President Joe Biden"). A word
//! neither list knows keeps its capital. Only the first letter of ASCII words changes, so offsets stay the same.

use crate::analysis::lexicon::{LEXICON, mark};
use rustc_hash::FxHashSet;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

/// The words the article writes in lower case.
pub struct CommonWords {
    lower: FxHashSet<String>,
}

/// Words English text mostly writes in lower case (learnt; see the module doc). Built on the
/// first title-case sentence only.
static LOWER_CASE_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::assets::entries(include_str!("../../../assets/lower_case_words.txt")).collect()
});

/// Whether English text mostly writes `word` in lower case (learnt; see the module doc): a
/// common word, not a name. Any case.
pub fn lower_case_word(word: &str) -> bool {
    LOWER_CASE_WORDS.contains(word.to_lowercase().as_str())
}

/// Fewest words for a title-case sentence.
const MIN_WORDS: usize = 4;

fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().next().is_some_and(char::is_alphabetic))
}

impl CommonWords {
    pub fn of(src: &str) -> CommonWords {
        let lower = words(src)
            .filter(|(_, w)| w.chars().next().is_some_and(char::is_lowercase))
            .map(|(_, w)| w.to_string())
            .collect();
        CommonWords { lower }
    }

    /// The sentence in sentence case, if it is in title case.
    pub fn sentence_case(&self, sentence: &str) -> Option<String> {
        let all: Vec<(usize, &str)> = words(sentence).collect();
        let capitalised = all
            .iter()
            .filter(|(_, w)| w.chars().next().is_some_and(char::is_uppercase))
            .count();
        if all.len() < MIN_WORDS || capitalised * 4 < all.len() * 3 {
            return None;
        }
        let mut out = sentence.as_bytes().to_vec();
        // right to left, so that a title knows whether the word after it stays capitalised
        let mut next_capital = false;
        for (k, &(at, w)) in all.iter().enumerate().rev() {
            let first = w.as_bytes()[0];
            let next = std::mem::replace(&mut next_capital, first.is_ascii_uppercase());
            if k == 0
                || !first.is_ascii_uppercase()
                || w.bytes().skip(1).any(|b| b.is_ascii_uppercase())
            {
                continue;
            }
            let low = w.to_ascii_lowercase();
            let lower = self.lower.contains(&low)
                || LEXICON.known(&low)
                || super::words::cue_form(&low)
                || LOWER_CASE_WORDS.contains(low.as_str());
            // a title before a name keeps its capital, as running text writes it: "President
            // Joe Biden" (not "president Joe Biden", which the parser reads as a second name's
            // modifier); `mark::TITLE` marks one word of each title, its longest (a one-word
            // title itself: "president", "minister")
            let title = next && LEXICON.classes(&low).0 & mark::TITLE != 0;
            if lower && !title {
                out[at] = first.to_ascii_lowercase();
                next_capital = false;
            }
        }
        // only ASCII bytes changed case: still UTF-8
        String::from_utf8(out).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_case_headline_is_lowered_but_its_names_are_not() {
        let c = CommonWords::of("The poll was taken last week and the bump was small. Vale spoke.");
        assert_eq!(
            c.sentence_case("New Poll Shows Bump For Vale").as_deref(),
            Some("New poll shows bump for Vale")
        );
        // words English writes in lower case are lowered though the article never writes
        // them so; names are not
        let none = CommonWords::of("");
        assert_eq!(
            none.sentence_case("Court Awards Somalia Bulk Of Territory Claimed By Kenya")
                .as_deref(),
            Some("Court awards Somalia bulk of territory claimed by Kenya")
        );
        // a title before a name keeps its capital, one before a lowered word does not
        assert_eq!(
            c.sentence_case("Joint Statement By President Vale And President Brun Following Call")
                .as_deref(),
            Some("Joint statement by President Vale and President Brun following call")
        );
        assert_eq!(
            c.sentence_case("Talks Resume As Minister Brun Says President Will Attend")
                .as_deref(),
            Some("Talks resume as Minister Brun says president will attend")
        );
        // a sentence in sentence case is left alone
        assert_eq!(c.sentence_case("Vale said the poll was wrong."), None);
        // offsets are kept even around other scripts
        let s = "Ärger Über Poll Shows Vale";
        assert_eq!(c.sentence_case(s).map(|x| x.len()), Some(s.len()));
    }
}
