//! The few word classes the tree rules need, read from the lemma and part of speech of a
//! token: reporting verbs (the hand list of `assets/lexicon.txt` and the verbs learnt from
//! PolNeAR's training split in `assets/reporting_verbs.tsv`), logistics verbs, the nouns
//! that name the interaction, and the closed-class words that make a subject joint.

use super::shape::Shape;
use crate::analysis::parties::lexicon::{LEXICON, VerbClass, class};
use crate::analysis::text::Token;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Verb lemmas learnt from PolNeAR's training split: `lemma<TAB>in_cue<TAB>total<TAB>rate`.
const LEARNT: &str = include_str!("../../../assets/reporting_verbs.tsv");

static REPORTING: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::assets::entries(LEARNT)
        .filter_map(|l| l.split('\t').next())
        .collect()
});

fn pos(t: &Token) -> &'static str {
    t.upos.as_str()
}

/// A verb whose subject is the source of reported content ("said", "warned", "believes").
pub fn reporting(t: &Token) -> bool {
    if pos(t) != "VERB" {
        return false;
    }
    let lemma: &str = &t.lemma;
    if lemma == "accord" {
        return false;
    }
    REPORTING.contains(lemma) || LEXICON.verb(lemma) == Some(VerbClass::Report)
}

/// A word that can head a speaker's noun phrase.
pub fn nominal(t: &Token) -> bool {
    matches!(pos(t), "NOUN" | "PROPN" | "PRON" | "NUM" | "X")
}

/// A word that can be a predicate coordinated with the root.
pub fn predicate(t: &Token) -> bool {
    matches!(pos(t), "VERB" | "ADJ")
}

/// A noun that names the interaction: "call", "talks", "conversation", "dialogue".
pub fn interaction(t: &Token) -> bool {
    matches!(pos(t), "NOUN" | "PROPN") && LEXICON.is(&t.lemma, class::EVENT)
}

fn joint_word(t: &Token) -> bool {
    matches!(&*t.lemma, "both" | "each" | "two")
}

/// A subject that is joint by its words: "both" / "each" as the subject, "both sides", "the
/// two leaders", "each side", "officials from both countries", "the parties".
pub fn joint_subject(shape: &Shape, h: usize) -> bool {
    let toks = shape.toks;
    if matches!(pos(&toks[h]), "PRON" | "DET") && joint_word(&toks[h]) {
        return true;
    }
    let marked = |n: usize| {
        shape.children(n).any(|c| {
            matches!(toks[c].rel_base(), "det" | "nummod" | "amod") && joint_word(&toks[c])
        })
    };
    if marked(h) {
        return true;
    }
    if shape
        .children(h)
        .any(|c| toks[c].rel_base() == "nmod" && marked(c))
    {
        return true;
    }
    // "the parties", "the leaders": a plural head of the joint class with only "the"
    let word = &toks[h].lemma;
    let plural = toks[h].xpos == "NNS";
    plural
        && (LEXICON.is(word, class::JOINT)
            || LEXICON.is(&format!("{word}s"), class::JOINT))
        && shape.children(h).all(|c| match toks[c].rel_base() {
            "det" => &*toks[c].lemma == "the",
            "punct" => true,
            _ => false,
        })
}

/// The predicate only says that the interaction happened: a logistics verb ("spoke",
/// "met", "lasted", "held talks") — unless it holds a discussion of a topic ("had an
/// in-depth discussion on trade") — or any predicate of the interaction as subject that
/// says when or how long ("The call lasted an hour", "The talks took place in Varn").
pub fn logistic(shape: &Shape, p: usize, subject: usize) -> bool {
    let toks = shape.toks;
    let lemma: &str = &toks[p].lemma;
    let verb_class = LEXICON.verb(lemma);
    if verb_class == Some(VerbClass::Logistic) {
        // "had/held a discussion on X", "talked about X": a topic is content
        let topic = shape.children(p).any(|c| {
            let on_topic = |n: usize| {
                shape.children(n).any(|g| {
                    toks[g].rel_base() == "case"
                        && matches!(
                            &*toks[g].lemma,
                            "on" | "about" | "regarding" | "over" | "concerning"
                        )
                })
            };
            (toks[c].rel_base() == "obl" && on_topic(c))
                || (toks[c].rel_base() == "obj"
                    && interaction(&toks[c])
                    && shape
                        .children(c)
                        .any(|g| toks[g].rel_base() == "nmod" && on_topic(g)))
        });
        return !topic;
    }
    interaction(&toks[subject]) && matches!(lemma, "take" | "happen" | "occur" | "begin" | "start" | "end" | "conclude")
}
