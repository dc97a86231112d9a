//! A clause's missing verb: headlines, and sentences the tagger reads with no finite verb.
//!
//! Headlines drop their articles and auxiliaries ("Court awards Sylvania bulk of waters",
//! "Varga to honour border deal"), a register the treebanks hardly hold, so the tagger often
//! reads the verb as a noun after another noun ("poll shows" as a compound) and leaves the
//! headline with no verb at all; the parser then makes it one long noun phrase and no one
//! acts or speaks. Running news text has the same failure in a milder form: a verb read as
//! a noun after a noun, or a past tense read as a participle ("One member voted against the
//! resolution", with "voted" a VBN), and the sentence is left with no finite verb and no
//! subject. A headline is nearly always a clause, and so is a
//! sentence of news prose, so when the tagger's reading has no verb, the leftmost word that
//! could be its verb is made one, and the words after it are tagged again knowing it.
//!
//! When the repair applies:
//! - a headline ([`Register::Headline`]) with no word read as a verb or an auxiliary;
//! - a sentence of edited prose ([`Register::Prose`], an article's body) with no finite verb:
//!   no VBZ, VBP, VBD or MD, and no base form (VB) except after "to" (an imperative is
//!   finite).
//!
//! Text of any other kind ([`Register::Running`]: `bilateral parse`, the treebank scores) keeps
//! the tagger's reading: web text is full of fragments ("Good sports bar.", "Great lunch
//! specials."), and on UD EWT the prose repair makes more words verbs wrongly than rightly
//! (EWT test UAS 86.09 → 85.94; GUM-open and PUD, which are edited prose, gain 0.1: see
//! BENCHMARKS.md).
//!
//! A word could be the verb when
//! - it follows the last word of a subject (a noun, name or pronoun), in prose also the comma
//!   after it (that closes an apposition: "Sylvania, a member of the council, voted…"), or, in
//!   a headline, "to";
//! - it is read as a noun, name, adjective or pronoun (a rare verb such as "honour" can be
//!   misread as one), or, in prose, as a past participle (VBN, which is spelt as the
//!   past tense of most verbs);
//! - its best reading as a finite verb (VBZ, VBP, VBD; after "to", the base form VB) scores
//!   at most the register's gap ([`MAX_GAP`], [`MAX_GAP_PROSE`]) below its best reading.
//!
//! A noun phrase ("Early life", "Interview with the minister", "Two more votes.") has no word
//! that close to a verb reading and keeps its tags. The first word is never chosen (a
//! sentence does not open with its verb after a subject). The leftmost word is taken because
//! the subject comes first: in "Brun declares victory, ignores losses" the verb is
//! "declares", even where "losses" is closer to a verb reading.
//!
//! The gaps are in the shipped model's score units (the tagger's weights as stored), set by
//! reading the choices on PolNeAR *training* text (never the dev sets):
//! - [`MAX_GAP`], headlines: on the first 400 headlines, at 35 000, 29 of the 30 words made
//!   verbs are verbs of their headline (26 its main verb, 3 a second clause's); the other
//!   stands in a noun-phrase headline. (With the model before the tagger read word clusters:
//!   38 of 44, the same gap.)
//! - [`MAX_GAP_PROSE`], prose: the 4 726 sentences after the headline of the first 150
//!   training articles hold 93 with no finite verb and a word that could be one; at 30 000,
//!   24 get a verb and 20 are right ("Other people with ties to the company made donations",
//!   "One member voted against the resolution", "Jeb Bush, a former two-term Florida
//!   governor, sits at just 10%"); the 4 wrong are a fragment ("Two Supreme Court
//!   justices."), an all-capitals list item whose verb is a participle, tweet markup and a
//!   line of CSS. Between 30 000 and 35 000 come one right and three wrong.
//!
//! A retrained model needs the gaps checked again (the unit tests below would show a shift):
//! `cargo run --release --example missing_verbs [-- --prose] < LINES` prints each line's
//! candidates and their gaps.

use super::model::{Dense, Model, Table};
use super::tagger::{self, WordInfo};
use super::{Register, Upos};

/// The largest gap between a word's best score and its finite-verb score for it to be made
/// a headline's verb.
pub const MAX_GAP: i32 = 35_000;

/// The same for a sentence of prose.
pub const MAX_GAP_PROSE: i32 = 30_000;

/// A word that could be a clause's verb.
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

/// Whether `tags` hold a verb for `register` (see the module doc): any verb or auxiliary in a
/// headline, a finite one in prose.
fn has_verb(model: &Model<'_>, words: &[&str], tags: &[u8], register: Register) -> bool {
    let class = |t: u8| model.tags.get(usize::from(t)).copied();
    match register {
        Register::Headline => tags
            .iter()
            .any(|&t| matches!(class(t), Some((Upos::Verb | Upos::Aux, _)))),
        Register::Running | Register::Prose => tags.iter().enumerate().any(|(i, &t)| {
            let after_to = i > 0
                && words
                    .get(i - 1)
                    .is_some_and(|w| w.eq_ignore_ascii_case("to"));
            match class(t) {
                Some((_, "VBZ" | "VBP" | "VBD" | "MD")) => true,
                Some((_, "VB")) => !after_to,
                _ => false,
            }
        }),
    }
}

/// The words that could be the verb of a sentence written in `register` that the tagger reads
/// with none, left to right, whatever their gap (see the module doc); empty when the tagger
/// found a verb.
pub fn candidates(
    model: &Model<'_>,
    words: &[&str],
    infos: &[WordInfo],
    register: Register,
) -> Vec<Candidate> {
    candidates_in(model, words, &read(model, infos), register)
}

fn candidates_in(
    model: &Model<'_>,
    words: &[&str],
    reading: &Reading<'_>,
    register: Register,
) -> Vec<Candidate> {
    let tags = &reading.tags;
    if has_verb(model, words, tags, register) {
        return Vec::new();
    }
    let running = register != Register::Headline;
    let upos = |t: u8| model.tags.get(usize::from(t)).map(|c| c.0);
    let xpos = |t: u8| model.tags.get(usize::from(t)).map_or("", |c| c.1);
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
    // a word after the first that follows its subject's last word (or "to" in a headline)
    // and is read now as a nominal (or, in prose, a participle); its nearest verb
    // reading
    (1..tags.len().min(words.len()))
        .filter_map(|i| {
            let after_to = !running && words[i - 1].eq_ignore_ascii_case("to");
            let nominal_at =
                |k: usize| matches!(upos(tags[k]), Some(Upos::Noun | Upos::Propn | Upos::Pron));
            // in prose, also after the comma that closes an apposition
            let subject_before = nominal_at(i - 1)
                || (running && i >= 2 && words[i - 1] == "," && nominal_at(i - 2));
            let could_be_verb = matches!(
                upos(tags[i]),
                Some(Upos::Noun | Upos::Propn | Upos::Adj | Upos::Pron)
            ) || (running && xpos(tags[i]) == "VBN");
            if !could_be_verb
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

/// The tags of a sentence written in `register` (see the module doc); `words` as written,
/// `infos` their features. Running text is tagged once as usual, and read again with its
/// scores only when it has no finite verb.
pub fn tag(model: &Model<'_>, words: &[&str], infos: &[WordInfo], register: Register) -> Vec<u8> {
    let max_gap = match register {
        Register::Headline => MAX_GAP,
        Register::Running => {
            return tagger::tag(model, infos);
        }
        Register::Prose => {
            let tags = tagger::tag(model, infos);
            if has_verb(model, words, &tags, register) {
                return tags;
            }
            MAX_GAP_PROSE
        }
    };
    let reading = read(model, infos);
    let chosen = candidates_in(model, words, &reading, register)
        .into_iter()
        .find(|c| c.gap <= max_gap);
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

    /// The words of `text` read in `register` as a finite verb (VBZ, VBP, VBD).
    fn finite(text: &str, register: Register) -> Vec<String> {
        annotate_as(text, 0, register)
            .iter()
            .filter(|t| matches!(t.xpos, "VBZ" | "VBP" | "VBD"))
            .map(|t| text[t.start as usize..t.end as usize].to_string())
            .collect()
    }

    #[test]
    fn a_sentence_of_prose_read_without_a_finite_verb_gets_one() {
        for (sentence, verb) in [
            // a past tense read as a participle
            (
                "The two delegations made progress on the border question.",
                "made",
            ),
            ("Exports of grain doubled last year.", "doubled"),
        ] {
            // text of any kind keeps the tagger's reading
            assert_eq!(
                finite(sentence, Register::Running),
                Vec::<String>::new(),
                "{sentence}"
            );
            assert_eq!(finite(sentence, Register::Prose), [verb], "{sentence}");
        }
    }

    #[test]
    fn prose_with_a_finite_verb_or_none_to_find_keeps_its_tags() {
        for sentence in [
            "Two more votes.",
            "The envoy's full remarks on the border question.",
            "Dozens of protesters gathered outside the embassy.",
            "Sign the agreement now.",
        ] {
            assert_eq!(
                tags(sentence, Register::Prose),
                tags(sentence, Register::Running),
                "{sentence}"
            );
        }
    }
}
