//! Countries the gazetteer does not know, learnt from the article itself.
//!
//! A new state, a breakaway region or an invented country in a test article has no entry in
//! `assets/gazetteer.txt`, yet the text usually shows it the way it shows any country: a
//! demonym in front of a title ("Freedonian President Karl Brun") and the name itself
//! elsewhere ("Freedonia and Sylvania agree…").
//!
//! The rule: a capitalised word that is not a gazetteer form, stands directly before a title
//! and ends like a demonym (-ian, -ean, -an, -ese, -ish, -i) is a demonym when the article
//! also has a capitalised word that is its stem: the word less "n" ("Freedonian" →
//! "Freedonia"), less the ending ("Vornish" → "Vorn", "Kazari" → "Kazar"), or less the ending
//! plus "a" ("Taloese" → "Taloa"). Both forms then name one country entity. A demonym
//! without its stem in the text is left alone ("Jeffersonian scholar…" does not make a
//! country), and so is a stem that only appears as the last word of a longer name ("the
//! Dominican Republic" does not make "Republican" a demonym): the stem must stand somewhere
//! without a capitalised word before it, a capitalised function word ("At Sylvania's
//! request") aside.
//!
//! It never overrides the gazetteer or a `--party` name, and it reads each token a bounded
//! number of times (linear).

use super::gazetteer::GAZETTEER;
use super::tokens::Token;
use rustc_hash::FxHashSet;

/// Endings of a demonym, longest first.
const ENDINGS: &[&str] = &["ian", "ean", "ese", "ish", "an", "i"];

/// A country learnt from the text: its name and demonym as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learnt {
    pub name: String,
    pub demonym: String,
}

/// Sentences as tokens with their title spans `[first, last)`.
pub fn learn<'a>(
    src: &str,
    sentences: impl Iterator<Item = (&'a [Token], &'a [(usize, usize)])>,
) -> Vec<Learnt> {
    // capitalised words not preceded by another capitalised word (other than a function
    // word opening the sentence: "At", "The")
    let mut inner: FxHashSet<&str> = FxHashSet::default();
    // demonym candidates, in order of first appearance
    let mut candidates: Vec<&str> = Vec::new();
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    for (toks, titles) in sentences {
        for (i, t) in toks.iter().enumerate() {
            // "At Sylvania's request" counts; "the Dominican Republic" does not
            let after_name = i > 0 && toks[i - 1].capitalised() && !toks[i - 1].known();
            if t.capitalised() && !after_name {
                inner.insert(t.text(src));
            }
        }
        for &(first, _) in titles {
            let Some(t) = first.checked_sub(1).and_then(|k| toks.get(k)) else {
                continue;
            };
            let w = t.text(src);
            if t.capitalised()
                && w.len() > 4
                && ENDINGS.iter().any(|e| w.ends_with(e))
                && GAZETTEER.lookup(w).is_none()
                && seen.insert(w)
            {
                candidates.push(w);
            }
        }
    }
    let mut learnt = Vec::new();
    for w in candidates {
        let stems = ENDINGS
            .iter()
            .filter_map(|e| w.strip_suffix(e))
            .flat_map(|base| [base.to_string(), format!("{base}a")])
            .chain(w.strip_suffix('n').map(str::to_string));
        let found = stems
            .filter(|s| s.len() >= 3 && s.as_str() != w)
            .find(|s| inner.contains(s.as_str()) && GAZETTEER.lookup(s).is_none());
        if let Some(name) = found {
            learnt.push(Learnt {
                name,
                demonym: w.to_string(),
            });
        }
    }
    learnt
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::parties::tokens::tokenize;

    /// One line's tokens and title spans.
    type Line = (Vec<Token>, Vec<(usize, usize)>);

    fn run(text: &str) -> Vec<Learnt> {
        let sents: Vec<Line> = text
            .split_inclusive('\n')
            .scan(0, |at, line| {
                let start = *at;
                *at += line.len();
                Some((start, start + line.len()))
            })
            .map(|(s, e)| {
                let toks = tokenize(text, s, e);
                let titles = super::super::lexicon::LEXICON
                    .titles
                    .find_iter(&text[s..e])
                    .filter_map(|m| {
                        let a = toks.iter().position(|t| t.start() == s + m.start())?;
                        let b = toks.iter().position(|t| t.end() == s + m.end())? + 1;
                        Some((a, b))
                    })
                    .collect();
                (toks, titles)
            })
            .collect();
        learn(
            text,
            sents.iter().map(|(t, ti)| (t.as_slice(), ti.as_slice())),
        )
    }

    #[test]
    fn a_demonym_before_a_title_with_its_stem_in_the_text() {
        let got = run("Freedonia and Vorn agree on talks.\n\
             Freedonian President Karl Brun called Vornish Foreign Minister Ada Lux.\n");
        let names: Vec<(&str, &str)> = got
            .iter()
            .map(|l| (l.name.as_str(), l.demonym.as_str()))
            .collect();
        assert_eq!(names, [("Freedonia", "Freedonian"), ("Vorn", "Vornish")]);
    }

    #[test]
    fn no_stem_no_country_and_known_countries_are_left_to_the_gazetteer() {
        // "Jeffersonian" has no "Jefferson" in the text; "French" is a gazetteer demonym.
        assert!(
            run("A Jeffersonian President Brun spoke.\nFrench President Brun spoke in France.\n")
                .is_empty()
        );
        // the stem only ends a longer name: not enough
        assert!(run("The Dominican Republic votes.\nThe Republican President spoke.\n").is_empty());
    }
}
