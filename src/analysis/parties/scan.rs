//! Step 1 of the module doc, first pass: each sentence's tokens with its gazetteer and title
//! hits, before any of the document's own names are known.
//!
//! The gazetteer and title automata run only over a sentence with a token that is the mark
//! word of some form (`lexicon::mark`): without one the sentence has no match to find.

use super::token_range;
use super::tokens::{self, Token};
use crate::analysis::gazetteer::{self, GAZETTEER, whole_word};
use crate::analysis::lexicon::{LEXICON, mark};
use crate::analysis::segment::Span;

/// Per-sentence raw material before the document automaton runs.
pub struct Raw {
    pub tokens: Vec<Token>,
    pub gaz: Vec<gazetteer::Hit>,
    /// Title token ranges `[first, last)`.
    pub titles: Vec<(usize, usize)>,
}

/// The raw material of every sentence, in order.
///
/// A short name several gazetteer entries share ("Congo") names the one the article names
/// otherwise (`Gazetteer::resolve_shared`).
pub fn scan(text: &str, sentences: &[Span]) -> Vec<Raw> {
    let mut raws: Vec<Raw> = sentences.iter().map(|s| sentence(text, s)).collect();
    let mut lists: Vec<&mut Vec<gazetteer::Hit>> = raws.iter_mut().map(|r| &mut r.gaz).collect();
    GAZETTEER.resolve_shared(&mut lists);
    raws
}

fn sentence(text: &str, s: &Span) -> Raw {
    let tokens = tokens::tokenize(text, s.start, s.end);
    // a sentence with no mark word of a form has no match of it (lexicon::mark)
    let marks = tokens.iter().fold(0, |m, t| m | t.marks());
    let gaz = if marks & mark::GAZETTEER != 0 || LEXICON.gazetteer_unmarked {
        GAZETTEER.find(text, s.start, s.end)
    } else {
        Vec::new()
    };
    let hay = &text[s.start..s.end];
    let titles = if marks & mark::TITLE != 0 || LEXICON.titles_unmarked {
        LEXICON
            .titles
            .find_iter(hay)
            .filter(|m| whole_word(hay, m.start(), m.end()))
            .filter_map(|m| token_range(&tokens, s.start + m.start(), s.start + m.end()))
            .collect()
    } else {
        Vec::new()
    };
    Raw {
        tokens,
        gaz,
        titles,
    }
}
