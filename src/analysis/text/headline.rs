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
//! set by reading the choice on the first 400 PolNeAR *training* headlines: at 35 000, 41 of
//! the 47 words made verbs were the headline's verb; the others were in noun-phrase headlines
//! or were a second verb's subject ("TV shows sound about right"). A retrained model needs
//! it checked again (the unit tests below would show a shift).
//!
//! Only headlines are read this way: in running text a sentence with no verb is a fragment
//! ("Yeah.", "Thanks again for the help.") and the tagger's reading stands.

use super::Upos;
use super::model::Model;
use super::tagger::{self, WordInfo};

/// The largest gap between a word's best score and its finite-verb score for it to be made
/// the headline's verb.
pub const MAX_GAP: i32 = 35_000;

/// The tags of a headline (see the module doc); `words` as written, `infos` their features.
pub fn tag(model: &Model<'_>, words: &[&str], infos: &[WordInfo]) -> Vec<u8> {
    let n_tags = model.tags.len();
    let first = tagger::pass(&model.tagger, n_tags, infos, None, &model.finite);
    let (table, context) = if model.tagger2.capacity() == 0 {
        (&model.tagger, None)
    } else {
        (&model.tagger2, Some(first.as_slice()))
    };
    let mut scores: Vec<Vec<i32>> = Vec::with_capacity(infos.len());
    let tags = tagger::pass_with(
        table,
        n_tags,
        infos,
        context,
        &model.finite,
        None,
        |_, s| scores.push(s.to_vec()),
    );
    let upos = |t: u8| model.tags.get(usize::from(t)).map(|c| c.0);
    if tags
        .iter()
        .any(|&t| matches!(upos(t), Some(Upos::Verb | Upos::Aux)))
    {
        return tags;
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
    // the leftmost word after the first that follows its subject's last word (or "to"), is
    // read now as a nominal, and has a verb reading within MAX_GAP
    let chosen = (1..infos.len()).find_map(|i| {
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
        let s = &scores[i];
        let top = s.iter().copied().max().unwrap_or(0);
        finite
            .iter()
            .copied()
            .chain(base.filter(|_| after_to))
            .filter_map(|c| Some((top - *s.get(c)?, c)))
            .min()
            .filter(|&(gap, _)| gap <= MAX_GAP)
            .map(|(_, c)| (i, u8::try_from(c).unwrap_or(0)))
    });
    match chosen {
        Some(forced) => tagger::pass_with(
            table,
            n_tags,
            infos,
            context,
            &model.finite,
            Some(forced),
            |_, _| {},
        ),
        None => tags,
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
            ("Freedonia poll shows support for treaty", "shows"),
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
