//! The frame rules of [`super::frames`] on hand-made trees (so a parser error cannot hide a
//! rule's error), each with a shape that breaks a naive rule.

use super::frames::{TreeFrame, frames};
use super::shape::Shape;
use super::tests::{sentence, span_text};
use crate::analysis::lexicon::VerbClass;

fn frames_of(rows: &[&str]) -> (String, Vec<TreeFrame>) {
    let (text, toks) = sentence(rows);
    let shape = Shape::new(&toks, &text, 0, false);
    let f = frames(&shape, &text, 0);
    (text, f)
}

/// (verb, subjects, class, main) of every frame, as text.
fn summary(rows: &[&str]) -> Vec<(String, Vec<String>, VerbClass, bool)> {
    let (text, f) = frames_of(rows);
    f.iter()
        .map(|f| {
            (
                span_text(&text, f.verb).to_string(),
                f.subjects
                    .iter()
                    .map(|&s| span_text(&text, s).to_string())
                    .collect(),
                f.class,
                f.main,
            )
        })
        .collect()
}

fn one(
    verb: &str,
    subjects: &[&str],
    class: VerbClass,
    main: bool,
) -> (String, Vec<String>, VerbClass, bool) {
    (
        verb.to_string(),
        subjects.iter().map(|s| s.to_string()).collect(),
        class,
        main,
    )
}

#[test]
fn a_complement_is_no_main_clause_and_a_verb_outside_the_lexicon_is_an_act() {
    // Brun said Sylvania fenced the border .
    let f = summary(&[
        "Brun PROPN NNP 2 nsubj brun",
        "said VERB VBD 0 root say",
        "Sylvania PROPN NNP 4 nsubj sylvania",
        "fenced VERB VBD 2 ccomp fence",
        "the DET DT 6 det the",
        "border NOUN NN 4 obj border",
        ". PUNCT . 2 punct .",
    ]);
    assert_eq!(
        f,
        [
            one("said", &["Brun"], VerbClass::Report, true),
            one("fenced", &["Sylvania"], VerbClass::Act, false),
        ]
    );
}

#[test]
fn the_agent_of_a_passive_is_the_subject_not_the_patient() {
    // The offer was rejected by Acme .
    let f = summary(&[
        "The DET DT 2 det the",
        "offer NOUN NN 4 nsubj:pass offer",
        "was AUX VBD 4 aux:pass be",
        "rejected VERB VBN 0 root reject",
        "by ADP IN 6 case by",
        "Acme PROPN NNP 4 obl:agent acme",
        ". PUNCT . 4 punct .",
    ]);
    assert_eq!(f, [one("rejected", &["Acme"], VerbClass::Report, true)]);
}

#[test]
fn two_subjects_joined_by_and_are_one_coordination_but_not_across_a_preposition() {
    // Brun and Varga met . — with the parser's two subjects
    let f = summary(&[
        "Brun PROPN NNP 4 nsubj brun",
        "and CCONJ CC 3 cc and",
        "Varga PROPN NNP 4 nsubj varga",
        "met VERB VBD 0 root meet",
        ". PUNCT . 4 punct .",
    ]);
    assert_eq!(
        f,
        [one("met", &["Brun", "Varga"], VerbClass::Logistic, true)]
    );
    // The call between Brun and Varga lasted an hour . — "Varga" misread as a subject
    let f = summary(&[
        "The DET DT 2 det the",
        "call NOUN NN 7 nsubj call",
        "between ADP IN 4 case between",
        "Brun PROPN NNP 7 obl brun",
        "and CCONJ CC 6 cc and",
        "Varga PROPN NNP 7 nsubj varga",
        "lasted VERB VBD 0 root last",
        "an DET DT 9 det a",
        "hour NOUN NN 7 obj hour",
    ]);
    assert_eq!(f, [one("lasted", &["The call"], VerbClass::Logistic, true)]);
}

#[test]
fn a_name_set_off_as_a_vocative_before_a_named_subject_is_its_conjunct() {
    // Brun , Varga agree to talks  — "Brun" read as a vocative
    let f = summary(&[
        "Brun PROPN NNP 4 vocative brun",
        ", PUNCT , 1 punct ,",
        "Varga PROPN NNP 4 nsubj varga",
        "agree VERB VBP 0 root agree",
        "to ADP IN 6 case to",
        "talks NOUN NNS 4 obl talk",
    ]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1, ["Brun", "Varga"]);
    // Brun , we agree .  — an address: the subject is the pronoun alone
    let f = summary(&[
        "Brun PROPN NNP 4 vocative brun",
        ", PUNCT , 1 punct ,",
        "we PRON PRP 4 nsubj we",
        "agree VERB VBP 0 root agree",
        ". PUNCT . 4 punct .",
    ]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].1, ["we"]);
}

#[test]
fn the_copula_is_the_cue_of_a_predicate_adjective_and_have_with_a_participle_is_its_verb() {
    // Sylvania is ready .
    let f = summary(&[
        "Sylvania PROPN NNP 3 nsubj sylvania",
        "is AUX VBZ 3 cop be",
        "ready ADJ JJ 0 root ready",
        ". PUNCT . 3 punct .",
    ]);
    assert_eq!(f, [one("is", &["Sylvania"], VerbClass::Copula, true)]);
    // Sylvania has a plan . / Sylvania has begun talks . (participle read as a complement)
    let f = summary(&[
        "Sylvania PROPN NNP 2 nsubj sylvania",
        "has VERB VBZ 0 root have",
        "a DET DT 4 det a",
        "plan NOUN NN 2 obj plan",
    ]);
    assert_eq!(f, [one("has", &["Sylvania"], VerbClass::Copula, true)]);
    let f = summary(&[
        "Sylvania PROPN NNP 2 nsubj sylvania",
        "has VERB VBZ 0 root have",
        "begun VERB VBN 2 xcomp begin",
        "a DET DT 5 det a",
        "blockade NOUN NN 3 obj blockade",
    ]);
    assert_eq!(f, [one("begun", &["Sylvania"], VerbClass::Act, true)]);
}

#[test]
fn a_logistics_verb_takes_the_content_verb_coordinated_with_it_and_a_topic_is_content() {
    // Brun spoke with Varga and expressed concern .
    let f = summary(&[
        "Brun PROPN NNP 2 nsubj brun",
        "spoke VERB VBD 0 root speak",
        "with ADP IN 4 case with",
        "Varga PROPN NNP 2 obl varga",
        "and CCONJ CC 6 cc and",
        "expressed VERB VBD 2 conj express",
        "concern NOUN NN 6 obj concern",
    ]);
    assert_eq!(f, [one("expressed", &["Brun"], VerbClass::Report, true)]);
    // Brun talked about trade .
    let f = summary(&[
        "Brun PROPN NNP 2 nsubj brun",
        "talked VERB VBD 0 root talk",
        "about ADP IN 4 case about",
        "trade NOUN NN 2 obl trade",
    ]);
    assert_eq!(f, [one("talked", &["Brun"], VerbClass::Report, true)]);
}

#[test]
fn a_report_after_a_quotation_frames_it_even_read_as_its_complement() {
    // “ We will fight , ” the minister said .
    let f = summary(&[
        "“ PUNCT `` 4 punct “",
        "We PRON PRP 4 nsubj we",
        "will AUX MD 4 aux will",
        "fight VERB VB 0 root fight",
        ", PUNCT , 4 punct ,",
        "” PUNCT '' 4 punct ”",
        "the DET DT 8 det the",
        "minister NOUN NN 9 nsubj minister",
        "said VERB VBD 4 ccomp say",
        ". PUNCT . 4 punct .",
    ]);
    assert_eq!(
        f[1],
        one("said", &["the minister"], VerbClass::Report, true)
    );
}

#[test]
fn a_fronted_complement_is_main_but_a_marked_one_is_not() {
    // Both leaders agreed , the statement said .
    let f = summary(&[
        "Both DET DT 2 det both",
        "leaders NOUN NNS 3 nsubj leader",
        "agreed VERB VBD 7 ccomp agree",
        ", PUNCT , 3 punct ,",
        "the DET DT 6 det the",
        "statement NOUN NN 7 nsubj statement",
        "said VERB VBD 0 root say",
    ]);
    assert!(f.iter().all(|x| x.3), "{f:?}");
    // After Brun met Varga , Sylvania relented .
    let f = summary(&[
        "After SCONJ IN 3 mark after",
        "Brun PROPN NNP 3 nsubj brun",
        "met VERB VBD 7 advcl meet",
        "Varga PROPN NNP 3 obj varga",
        ", PUNCT , 3 punct ,",
        "Sylvania PROPN NNP 7 nsubj sylvania",
        "relented VERB VBD 0 root relent",
    ]);
    assert_eq!(
        f,
        [
            one("met", &["Brun"], VerbClass::Logistic, false),
            one("relented", &["Sylvania"], VerbClass::Act, true),
        ]
    );
}

#[test]
fn a_clause_under_a_dateline_root_is_main_but_a_relative_clause_is_not() {
    // VARN — Brun argued that …  (the parser made the dateline the root)
    let f = summary(&[
        "VARN PROPN NNP 0 root varn",
        "— PUNCT : 1 punct —",
        "Brun PROPN NNP 4 nsubj brun",
        "argued VERB VBD 1 appos argue",
    ]);
    assert_eq!(f, [one("argued", &["Brun"], VerbClass::Report, true)]);
    // The plan which Acme rejected
    let f = summary(&[
        "The DET DT 2 det the",
        "plan NOUN NN 0 root plan",
        "which PRON WDT 5 obj which",
        "Acme PROPN NNP 5 nsubj acme",
        "rejected VERB VBD 2 acl:relcl reject",
    ]);
    assert_eq!(f, [one("rejected", &["Acme"], VerbClass::Report, false)]);
}

#[test]
fn a_subjectless_finite_verb_takes_the_word_before_it_but_not_from_a_prepositional_phrase() {
    // Somalia filed a complaint . — the name tagged as an adverb
    let f = summary(&[
        "Somalia ADV RB 2 advmod somalia",
        "filed VERB VBD 0 root file",
        "a DET DT 4 det a",
        "complaint NOUN NN 2 obj complaint",
    ]);
    assert_eq!(f, [one("filed", &["Somalia"], VerbClass::Act, true)]);
    // The strike began after talks between Acme and Bolt collapsed .
    let f = summary(&[
        "The DET DT 2 det the",
        "strike NOUN NN 3 nsubj strike",
        "began VERB VBD 0 root begin",
        "after ADP IN 5 case after",
        "talks NOUN NNS 3 obl talk",
        "between ADP IN 7 case between",
        "Acme PROPN NNP 5 nmod acme",
        "and CCONJ CC 9 cc and",
        "Bolt PROPN NNP 7 conj bolt",
        "collapsed VERB VBD 3 advcl collapse",
    ]);
    assert_eq!(f, [one("began", &["The strike"], VerbClass::Act, true)]);
}

#[test]
fn a_finite_verb_read_as_a_relative_of_a_verbless_sentence_has_that_noun_for_subject() {
    // After talks , the parties made progress .
    let f = summary(&[
        "After ADP IN 2 case after",
        "talks NOUN NNS 0 root talk",
        ", PUNCT , 2 punct ,",
        "the DET DT 5 det the",
        "parties NOUN NNS 2 nmod party",
        "made VERB VBN 5 acl make",
        "progress NOUN NN 6 obj progress",
    ]);
    assert_eq!(f, [one("made", &["the parties"], VerbClass::Act, true)]);
    // the offer made last week — a participle without an object stays a relative
    let f = summary(&[
        "the DET DT 2 det the",
        "offer NOUN NN 0 root offer",
        "made VERB VBN 2 acl make",
        "last ADJ JJ 5 amod last",
        "week NOUN NN 3 obl:tmod week",
    ]);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_modal_complement_after_an_object_has_that_object_for_subject() {
    // Brun wrote the envoy would arrive .
    let f = summary(&[
        "Brun PROPN NNP 2 nsubj brun",
        "wrote VERB VBD 0 root write",
        "the DET DT 4 det the",
        "envoy NOUN NN 2 obj envoy",
        "would AUX MD 6 aux would",
        "arrive VERB VB 2 ccomp arrive",
    ]);
    assert_eq!(
        f[1],
        one("arrive", &["the envoy"], VerbClass::Logistic, false)
    );
}

#[test]
fn a_time_phrase_is_no_subject_nor_holds_one() {
    // The Board this month proposed a deal .  (two subjects: the time phrase is none)
    let f = summary(&[
        "The DET DT 2 det the",
        "Board PROPN NNP 5 nsubj board",
        "this DET DT 4 det this",
        "month NOUN NN 5 nsubj month",
        "proposed VERB VBD 0 root propose",
        "a DET DT 7 det a",
        "deal NOUN NN 5 obj deal",
    ]);
    assert_eq!(
        f,
        [one("proposed", &["The Board"], VerbClass::Report, true)]
    );
    // The Board last week warned .  ("Board" hung as a compound of the time phrase)
    let f = summary(&[
        "The DET DT 2 det the",
        "Board PROPN NNP 4 compound board",
        "last ADJ JJ 4 amod last",
        "week NOUN NN 5 obl:unmarked week",
        "warned VERB VBD 0 root warn",
    ]);
    assert_eq!(f, [one("warned", &["The Board"], VerbClass::Report, true)]);
    // Tuesday marked the anniversary .  (a lone time noun stays the subject)
    let f = summary(&[
        "Tuesday PROPN NNP 2 nsubj tuesday",
        "marked VERB VBD 0 root mark",
        "the DET DT 4 det the",
        "anniversary NOUN NN 2 obj anniversary",
    ]);
    assert_eq!(f, [one("marked", &["Tuesday"], VerbClass::Act, true)]);
}

#[test]
fn it_or_they_in_a_complement_is_bound_by_the_reporting_subject_when_the_number_agrees() {
    // Shops said they lost customers .
    let f = summary(&[
        "Shops NOUN NNS 2 nsubj shop",
        "said VERB VBD 0 root say",
        "they PRON PRP 4 nsubj they",
        "lost VERB VBD 2 ccomp lose",
        "customers NOUN NNS 4 obj customer",
    ]);
    assert_eq!(f[1].1, ["Shops"]);
    // Brun said they lost customers .  (one person: "they" are others)
    let f = summary(&[
        "Brun PROPN NNP 2 nsubj brun",
        "said VERB VBD 0 root say",
        "they PRON PRP 4 nsubj they",
        "lost VERB VBD 2 ccomp lose",
        "customers NOUN NNS 4 obj customer",
    ]);
    assert_eq!(f[1].1, ["they"]);
}

#[test]
fn a_verbless_sentence_takes_the_lexicon_verb_after_its_names() {
    // Brun , Varga vow to deepen ties  ("vow" read as a noun)
    let f = summary(&[
        "Brun PROPN NNP 0 root brun",
        ", PUNCT , 4 punct ,",
        "Varga PROPN NNP 4 compound varga",
        "vow NOUN NN 1 appos vow",
        "to PART TO 6 mark to",
        "deepen VERB VB 4 acl deepen",
        "ties NOUN NNS 6 obj tie",
    ]);
    assert_eq!(f, [one("vow", &["Brun", "Varga"], VerbClass::Report, true)]);
    // In the area of trade , Freedonia and Sylvania support talks  (after a fronted phrase)
    let f = summary(&[
        "In ADP IN 3 case in",
        "the DET DT 3 det the",
        "area NOUN NN 0 root area",
        "of ADP IN 5 case of",
        "trade NOUN NN 3 nmod trade",
        ", PUNCT , 3 punct ,",
        "Freedonia PROPN NNP 3 appos freedonia",
        "and CCONJ CC 10 cc and",
        "Sylvania PROPN NNP 10 compound sylvania",
        "support NOUN NN 7 conj support",
        "talks NOUN NNS 10 obj talk",
    ]);
    assert_eq!(
        f,
        [one(
            "support",
            &["Freedonia", "Sylvania"],
            VerbClass::Report,
            true
        )]
    );
    // Brun , Varga ties  (no verb after the names: nothing)
    let f = summary(&[
        "Brun PROPN NNP 0 root brun",
        ", PUNCT , 4 punct ,",
        "Varga PROPN NNP 4 compound varga",
        "ties NOUN NNS 1 appos tie",
    ]);
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn a_subject_holds_the_whole_name_of_its_head_and_an_agent_head_its_possessor() {
    // Energy Secretary Grant Marsh said .  ("Energy" alone is no name held)
    let (text, f) = frames_of(&[
        "Energy PROPN NNP 5 nsubj energy",
        "Secretary PROPN NNP 1 flat secretary",
        "Grant PROPN NNP 1 flat grant",
        "Marsh PROPN NNP 1 flat marsh",
        "said VERB VBD 0 root say",
    ]);
    let names: Vec<&str> = f[0].names.iter().map(|&s| span_text(&text, s)).collect();
    assert_eq!(names, ["Energy Secretary Grant Marsh"]);
    // Acme 's representatives declined .
    let (text, f) = frames_of(&[
        "Acme PROPN NNP 3 nmod:poss acme",
        "'s PART POS 1 case 's",
        "representatives NOUN NNS 4 nsubj representative",
        "declined VERB VBD 0 root decline",
    ]);
    let names: Vec<&str> = f[0].names.iter().map(|&s| span_text(&text, s)).collect();
    assert_eq!(names, ["Acme 's representatives", "Acme"]);
}
