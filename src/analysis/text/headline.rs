//! A headline's verb.
//!
//! Headlines drop their articles and auxiliaries ("Court awards Sylvania bulk of waters",
//! "Varga to honour border deal"), a register the treebanks hardly hold, so the tagger often
//! reads the verb as a noun after another noun ("poll shows" as a compound) and leaves the
//! headline with no verb at all; the parser then makes it one long noun phrase and no one
//! acts or speaks. A headline is nearly always a clause, so when no word of it comes out a
//! verb or an auxiliary, the leftmost word that could be its verb is made one, and the words
//! after it are tagged again knowing it. A word could be the verb when
//! - it follows the last word of a subject (a noun, name or pronoun) or "to";
//! - it is read as a noun, name, adjective or pronoun (a rare verb such as "honour" can be
//!   misread as one);
//! - its best reading as a finite verb (VBZ, VBP, VBD; after "to", the base form VB) scores
//!   at most [`MAX_GAP`] below its best reading.
//!
//! A headline that is a noun phrase ("Early life", "Interview with the minister") has no word
//! that close to a verb reading and keeps its tags. The first word is never chosen (a
//! headline does not open with its verb). The leftmost word is taken because a headline's
//! subject is short: in "Brun declares victory, ignores losses" the verb is "declares", even
//! where "losses" is closer to a verb reading.
//!
//! [`MAX_GAP`] is in the shipped model's score units (the tagger's weights as stored). It was
//! set by reading the choice on the first 400 PolNeAR *training* headlines: at 35 000, 29 of
//! the 30 words made verbs are verbs of their headline (26 its main verb, 3 a second
//! clause's); the other stands in a noun-phrase headline. (With the model before the tagger
//! read word clusters: 38 of 44, the same gap.) A retrained model needs
//! it checked again (the unit tests below would show a shift): `cargo run --release --example
//! headline_verbs < HEADLINES` prints each headline's candidates and their gaps.
//!
//! Only headlines are read this way: in running text a sentence with no verb is a fragment
//! ("Yeah.", "Thanks again for the help.") and the tagger's reading stands.

use super::Upos;
use super::model::{Dense, Model, Table};
use super::tagger::{self, WordInfo};

/// The largest gap between a word's best score and its finite-verb score for it to be made
/// the headline's verb.
pub const MAX_GAP: i32 = 35_000;

/// A word that could be a headline's verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Its index in the sentence.
    pub index: usize,
    /// The verb class it would get.
    pub class: u8,
    /// How far that class scores below the word's best class.
    pub gap: i32,
}

/// The tagger's reading of a sentence: the second pass's tags and each word's scores.
struct Reading<'m> {
    table: &'m Table<'m>,
    rows: Option<&'m Dense>,
    first: Option<Vec<u8>>,
    tags: Vec<u8>,
    scores: Vec<Vec<i32>>,
}

fn read<'m>(model: &'m Model<'m>, infos: &[WordInfo]) -> Reading<'m> {
    let n_tags = model.tags.len();
    let first = tagger::pass(
        &model.tagger,
        tagger::first_rows(model),
        n_tags,
        infos,
        None,
        &model.finite,
    );
    let (table, rows, first) = if model.tagger2.capacity() == 0 {
        (&model.tagger, tagger::first_rows(model), None)
    } else {
        (&model.tagger2, tagger::second_rows(model), Some(first))
    };
    let mut scores: Vec<Vec<i32>> = Vec::with_capacity(infos.len());
    let tags = tagger::pass_with(
        table,
        rows,
        n_tags,
        infos,
        first.as_deref(),
        &model.finite,
        None,
        |_, s| scores.push(s.to_vec()),
    );
    Reading {
        table,
        rows,
        first,
        tags,
        scores,
    }
}

/// The words that could be the verb of a headline the tagger reads with none, left to right,
/// whatever their gap (see the module doc); empty when the tagger found a verb.
pub fn candidates(model: &Model<'_>, words: &[&str], infos: &[WordInfo]) -> Vec<Candidate> {
    candidates_in(model, words, &read(model, infos))
}

fn candidates_in(model: &Model<'_>, words: &[&str], reading: &Reading<'_>) -> Vec<Candidate> {
    let tags = &reading.tags;
    let upos = |t: u8| model.tags.get(usize::from(t)).map(|c| c.0);
    if tags
        .iter()
        .any(|&t| matches!(upos(t), Some(Upos::Verb | Upos::Aux)))
    {
        return Vec::new();
    }
    let class = |xpos: &str| {
        model
            .tags
            .iter()
            .position(|&(u, x)| u == Upos::Verb && x == xpos)
    };
    let finite: Vec<usize> = ["VBZ", "VBP", "VBD"]
        .into_iter()
        .filter_map(class)
        .collect();
    let base = class("VB");
    // a word after the first that follows its subject's last word (or "to") and is read now
    // as a nominal; its nearest verb reading
    (1..tags.len().min(words.len()))
        .filter_map(|i| {
            let after_to = words[i - 1].eq_ignore_ascii_case("to");
            let subject_before = matches!(
                upos(tags[i - 1]),
                Some(Upos::Noun | Upos::Propn | Upos::Pron)
            );
            let nominal = matches!(
                upos(tags[i]),
                Some(Upos::Noun | Upos::Propn | Upos::Adj | Upos::Pron)
            );
            if !nominal
                || !(subject_before || after_to)
                || !words[i].chars().next().is_some_and(char::is_alphabetic)
            {
                return None;
            }
            let s = reading.scores.get(i)?;
            let top = s.iter().copied().max().unwrap_or(0);
            let (gap, c) = finite
                .iter()
                .copied()
                .chain(base.filter(|_| after_to))
                .filter_map(|c| Some((top - *s.get(c)?, c)))
                .min()?;
            Some(Candidate {
                index: i,
                class: u8::try_from(c).ok()?,
                gap,
            })
        })
        .collect()
}

/// The tags of a headline (see the module doc); `words` as written, `infos` their features.
pub fn tag(model: &Model<'_>, words: &[&str], infos: &[WordInfo]) -> Vec<u8> {
    let reading = read(model, infos);
    let chosen = candidates_in(model, words, &reading)
        .into_iter()
        .find(|c| c.gap <= MAX_GAP);
    match chosen {
        Some(c) => tagger::pass_with(
            reading.table,
            reading.rows,
            model.tags.len(),
            infos,
            reading.first.as_deref(),
            &model.finite,
            Some((c.index, c.class)),
            |_, _| {},
        ),
        None => reading.tags,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::text::{Register, Upos, annotate_as};

    /// The UPOS of each word of `text` read in `register`.
    fn tags(text: &str, register: Register) -> Vec<(String, Upos)> {
        annotate_as(text, 0, register)
            .iter()
            .map(|t| (text[t.start as usize..t.end as usize].to_string(), t.upos))
            .collect()
    }

    fn verbs(text: &str, register: Register) -> Vec<String> {
        tags(text, register)
            .into_iter()
            .filter(|(_, u)| *u == Upos::Verb)
            .map(|(w, _)| w)
            .collect()
    }

    #[test]
    fn a_headline_the_tagger_reads_without_a_verb_gets_one() {
        for (headline, verb) in [
            ("Sylvanian envoy slams Freedonia over border", "slams"),
            ("Sylvanian court awards Freedonia damages", "awards"),
        ] {
            // the same words in running text keep the tagger's reading: no verb
            assert_eq!(
                verbs(headline, Register::Running),
                Vec::<String>::new(),
                "{headline}"
            );
            assert_eq!(verbs(headline, Register::Headline), [verb], "{headline}");
        }
    }

    #[test]
    fn a_noun_phrase_headline_keeps_its_tags() {
        for headline in [
            "Talks between Freedonia and Sylvania",
            "Early life and career",
            "Freedonia and Sylvania: a timeline of the dispute",
        ] {
            assert_eq!(
                tags(headline, Register::Headline),
                tags(headline, Register::Running),
                "{headline}"
            );
        }
    }

    #[test]
    fn a_headline_with_a_verb_is_tagged_as_running_text() {
        let headline = "Freedonia rejects Sylvania's offer of talks";
        assert_eq!(verbs(headline, Register::Running), ["rejects"]);
        assert_eq!(
            tags(headline, Register::Headline),
            tags(headline, Register::Running)
        );
    }
}
