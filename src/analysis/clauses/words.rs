//! The few word classes the tree rules need, read from the lemma and part of speech of a
//! token: reporting verbs (the hand list of `assets/lexicon.txt` and the verbs learnt from
//! PolNeAR's training split in `assets/reporting_verbs.tsv`), logistics verbs, the nouns
//! that name the interaction, and the closed-class words that make a subject joint.

use super::shape::Shape;
use crate::analysis::lexicon::{LEXICON, VerbClass, class, mark};
use crate::analysis::text::Token;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Cue lemmas learnt from PolNeAR's training split:
/// `lemma<TAB>UPOS<TAB>in_cue<TAB>total<TAB>rate<TAB>sourced<TAB>inverted`.
const LEARNT: &str = include_str!("../../../assets/reporting_verbs.tsv");

/// A learnt verb whose cues name a Source less often than this is a cue without a speaker
/// ("the outcome seems certain": the subject is not who holds the view).
const MIN_SOURCED: f64 = 0.5;

static SOURCELESS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::assets::entries(LEARNT)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let sourced: f64 = f.get(5)?.parse().ok()?;
            (f[1] == "VERB" && sourced < MIN_SOURCED).then_some(f[0])
        })
        .collect()
});

/// A learnt verb put right before its speaker in at least this share of its sourced cues
/// ("“…,” said Vale", "…, writes Nate Silver") may take the noun phrase after it as its
/// speaker; "told AFP", "praised the efforts" (an object after the verb) are never that.
const MIN_INVERTED: f64 = 0.02;

static INVERTING: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::assets::entries(LEARNT)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let inverted: f64 = f.get(6)?.parse().ok()?;
            (f[1] == "VERB" && inverted >= MIN_INVERTED).then_some(f[0])
        })
        .collect()
});

/// A reporting verb that English puts before its speaker ("said Vale", "wrote a man"), by the
/// learnt table's `inverted` share.
pub fn inverts(t: &Token) -> bool {
    pos(t) == "VERB" && INVERTING.contains(&*t.lemma)
}

/// Verb forms (lemma, XPOS) that PolNeAR counts as a cue under the learnt rate, with that
/// rate: "continues", "looks".
static LOW_FORMS: LazyLock<Vec<(&'static str, &'static str, f64)>> = LazyLock::new(|| {
    crate::assets::entries(LEARNT)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let xpos = f.get(1)?.strip_prefix("VERB:")?;
            Some((f[0], xpos, f.get(4)?.parse().ok()?))
        })
        .collect()
});

/// A hand-listed reporting verb is trusted unless PolNeAR counts its form under this rate
/// (the learnt table's own: a cue right less often costs more precision than it brings).
const HAND_FORM_RATE: f64 = 0.4;

/// The learnt rate of this verb form, when it is listed as under the table's rate.
fn low_form(t: &Token) -> Option<f64> {
    LOW_FORMS
        .iter()
        .find(|(l, x, _)| *l == &*t.lemma && *x == t.xpos)
        .map(|&(_, _, r)| r)
}

/// A reporting verb that is mostly a cue without a source: its subject is not a speaker
/// ("seem", "appear").
pub fn sourceless(t: &Token) -> bool {
    pos(t) == "VERB" && SOURCELESS.contains(&*t.lemma)
}

fn learnt(pos: &str) -> FxHashSet<&'static str> {
    crate::assets::entries(LEARNT)
        .filter_map(|l| {
            let mut f = l.split('\t');
            let lemma = f.next()?;
            (f.next()? == pos).then_some(lemma)
        })
        .collect()
}

static REPORTING: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| learnt("VERB"));
/// Adjectives of a stance that name its holder as their subject: "confident", "eager",
/// "skeptical" (learnt, as cues that mostly name a Source).
static STANCES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::assets::entries(LEARNT)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let sourced: f64 = f.get(5)?.parse().ok()?;
            (f[1] == "ADJ" && sourced >= MIN_SOURCED).then_some(f[0])
        })
        .collect()
});

/// An adjective of a stance: "confident", "worried", "eager" (learnt).
pub fn stance(t: &Token) -> bool {
    pos(t) == "ADJ" && STANCES.contains(&*t.lemma)
}
static NOUN_CUES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| learnt("NOUN"));

/// A word form of a learnt cue, in lower case ("says", "shows", "claims"): its lemma, or the
/// lemma with an inflection (-s, -es, -ed, -d).
pub fn cue_form(word: &str) -> bool {
    let known = |l: &str| REPORTING.contains(l) || NOUN_CUES.contains(l);
    known(word)
        || ["s", "es", "ed", "d"]
            .iter()
            .any(|suffix| word.strip_suffix(suffix).is_some_and(known))
}

/// A noun that reports what someone said or thinks: "claim", "statement", "view".
pub fn reporting_noun(t: &Token) -> bool {
    // the interaction itself is not a statement, whatever PolNeAR counts ("their first
    // call" says that a call happened)
    pos(t) == "NOUN" && NOUN_CUES.contains(&*t.lemma) && !interaction(t)
}

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
    // "talk", "speak", "meet" say that the interaction happened (logistics), whatever
    // PolNeAR counts
    // a form PolNeAR rarely counts ("continues to", "raised money") is not a cue
    let low = low_form(t);
    match LEXICON.verb(lemma) {
        Some(VerbClass::Report) => low.is_none_or(|r| r >= HAND_FORM_RATE),
        Some(VerbClass::Logistic) => false,
        _ => REPORTING.contains(lemma) && low.is_none(),
    }
}

/// A head noun that can act for a side, so that a country word modifying it ties it to that
/// side: a name, an agent noun of `assets/lexicon.txt` ("officials", "delegation",
/// "ministry", "side") or a title of `assets/titles.txt` ("minister", "head"). Not
/// "citizens", "residents", "people": a demonym before them names no side.
pub fn agent_like(t: &Token) -> bool {
    if pos(t) == "PROPN" {
        return true;
    }
    let (classes, _) = LEXICON.classes(&t.lemma);
    classes & (class::AGENT | class::JOINT | mark::TITLE) != 0
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
        && (LEXICON.is(word, class::JOINT) || LEXICON.is(&format!("{word}s"), class::JOINT))
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
    // the interaction itself as the predicate noun: "The leaders had their first call", read
    // with "had" as an auxiliary
    if interaction(&toks[p]) {
        return true;
    }
    let verb_class = LEXICON.verb(lemma);
    // "had a phone call", "had negotiations": "have" with the interaction as its object
    let had_one = lemma == "have"
        && shape
            .children(p)
            .any(|c| toks[c].rel_base() == "obj" && interaction(&toks[c]));
    if verb_class == Some(VerbClass::Logistic) || had_one {
        // "had/held a discussion on X", "talked about X": a topic is content
        let about = |n: usize| {
            shape.children(n).any(|g| {
                toks[g].rel_base() == "case" && matches!(&*toks[g].lemma, "about" | "regarding")
            })
        };
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
            let discussion =
                toks[c].rel_base() == "obj" && LEXICON.is(&toks[c].lemma, class::DISCUSSION);
            // "talked about X"; "had a discussion on X", "held an exchange of views on X"
            // (not "held talks on X": a meeting with its topic is still logistics)
            // ("lasted about an hour" is a duration, not a topic)
            (toks[c].rel_base() == "obl" && about(c) && lemma != "last")
                || (discussion
                    && (shape
                        .children(p)
                        .any(|o| toks[o].rel_base() == "obl" && on_topic(o))
                        || shape
                            .children(c)
                            .any(|g| toks[g].rel_base() == "nmod" && on_topic(g))))
        });
        return !topic;
    }
    interaction(&toks[subject])
        && matches!(
            lemma,
            "take" | "happen" | "occur" | "begin" | "start" | "end" | "conclude"
        )
}

/// The learnt table's rate of a verb lemma (the share of its occurrences inside a PolNeAR
/// Cue), when the table lists it.
static RATES: LazyLock<rustc_hash::FxHashMap<&'static str, f64>> = LazyLock::new(|| {
    crate::assets::entries(LEARNT)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (f.get(1)? == &"VERB").then_some((f[0], f.get(4)?.parse().ok()?))
        })
        .collect()
});

/// The learnt rate of verb `t`'s lemma ([`RATES`]); `None` when the table does not list it.
pub fn rate(t: &Token) -> Option<f64> {
    if pos(t) != "VERB" {
        return None;
    }
    RATES.get(&*t.lemma).copied()
}

/// A verb of the hand list of `assets/lexicon.txt` that reports ("say", "warn").
pub fn hand_reporting(t: &Token) -> bool {
    pos(t) == "VERB" && LEXICON.verb(&t.lemma) == Some(VerbClass::Report)
}

/// A logistics verb of the hand list of `assets/lexicon.txt` ("talk", "speak", "meet"): it
/// says that the interaction happened.
pub fn logistic_verb(t: &Token) -> bool {
    pos(t) == "VERB" && LEXICON.verb(&t.lemma) == Some(VerbClass::Logistic)
}
