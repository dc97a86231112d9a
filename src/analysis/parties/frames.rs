//! Subject–verb frames: which mentions are the subject of which verb, read from the tree.
//!
//! The subject–predicate pairs come from the sentence's dependency tree
//! ([`crate::analysis::clauses::frames`]: the subject, passive agent or inverted subject of a
//! predicate, whether it is the main clause's, and the class of its verb — report, act,
//! logistic or copula). Here each pair becomes a [`Frame`] of the sentence's mentions:
//!
//! * **Members.** The mentions that can lead a clause (an agentive mention, a pronoun or a
//!   joint phrase — not a bare demonym, a medium or a place) overlapping what ties the
//!   subject or one of its conjuncts to someone; no such mention, no frame.
//! * **Tokens.** The pair's byte spans are mapped to this sentence's tokens by their offsets:
//!   the subject from its first member to the end of the subject's ties, the speaker from its
//!   first member to the end of its noun phrase ("Acme's representatives"), the verb the
//!   token holding the cue.
//! * **Quotation.** A frame whose first member is inside a quotation is `quoted`; a reporting
//!   frame outside one after a quotation mark in the sentence is `post` ("“…,” said Brun",
//!   "“…,” Brun said"), unless a word that opens a clause ("and that", "because") stands
//!   between the last quotation mark and the frame.

use super::tokens::{Kind, Token};
use super::{Ment, Target};
use crate::analysis::clauses::frames::TreeFrame;
use crate::analysis::lexicon::VerbClass;

/// One subject–verb pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// Indices into the sentence's mentions, in order.
    pub members: Vec<usize>,
    /// Subject tokens `[first, last)`.
    pub first: usize,
    pub last: usize,
    /// End of the speaker's own words (without an apposition or a trailing phrase).
    pub speaker_end: usize,
    /// The cue: the verb token.
    pub verb: usize,
    pub class: VerbClass,
    /// The class is a list's, not the act any other predicate is ([`TreeFrame::listed`]).
    pub listed: bool,
    pub main: bool,
    /// The subject is inside a quotation.
    pub quoted: bool,
    /// Inverted or post-posed speech after a quotation.
    pub post: bool,
}

/// Index of the mention starting at each token (one past the end included).
pub fn mention_index(ments: &[Ment], n: usize) -> Vec<Option<usize>> {
    let mut at = vec![None; n + 1];
    for (k, m) in ments.iter().enumerate() {
        if m.first <= n && at[m.first].is_none() {
            at[m.first] = Some(k);
        }
    }
    at
}

/// The first token from `k` on that is not a determiner ("the", "a", "many"): where the noun
/// phrase after a cue ("according to", "said", "by", "and") really starts.
pub fn skip_determiners(toks: &[Token], mut k: usize) -> usize {
    use crate::analysis::lexicon::class;
    while toks.get(k).is_some_and(|t| t.is_word() && t.is(class::DET)) {
        k += 1;
    }
    k
}

/// A mention that can be the subject of a clause.
fn can_lead(m: &Ment) -> bool {
    m.agentive || matches!(m.target, Target::Joint | Target::Pronoun(_))
}

/// The token holding byte `b` (or the first after it).
fn token_at(toks: &[Token], b: u32) -> usize {
    toks.partition_point(|t| t.end() <= b as usize)
}

/// The token after the last one ending by byte `b`.
fn token_end(toks: &[Token], b: u32) -> usize {
    toks.partition_point(|t| t.start() < b as usize)
}

/// Whether a frame starting at token `start` follows a quotation as its frame does: no word
/// that opens a clause of its own ("and", "that", "because") between the last quotation mark
/// before it and the frame. "“…,” said Brun", "“…,” Brun said", but not the clause after a
/// short quotation: "… would reopen “within days” and that both governments would share".
fn follows_quotation(toks: &[Token], start: usize) -> bool {
    use crate::analysis::lexicon::class;
    let Some(q) = toks[..start.min(toks.len())]
        .iter()
        .rposition(|t| t.kind() == Kind::Quote)
    else {
        return false;
    };
    !toks[q + 1..start]
        .iter()
        .any(|t| t.is_word() && t.is(class::COORD | class::SUBORD))
}

/// Frames of one sentence from its tree's frames. `inside` tells which tokens are inside a
/// quotation.
pub fn find(toks: &[Token], ments: &[Ment], inside: &[bool], tree: &[TreeFrame]) -> Vec<Frame> {
    let mut frames = Vec::new();
    if ments.is_empty() {
        return frames;
    }
    let first_quote = toks.iter().position(|t| t.kind() == Kind::Quote);
    for tf in tree {
        let members: Vec<usize> = ments
            .iter()
            .enumerate()
            .filter(|(_, m)| can_lead(m))
            .filter(|(_, m)| {
                tf.subjects
                    .iter()
                    .any(|&(a, b)| m.start < b as usize && (a as usize) < m.end)
            })
            .map(|(k, _)| k)
            .collect();
        let Some(first) = members.iter().map(|&m| ments[m].first).min() else {
            continue;
        };
        let ties_end = tf
            .subjects
            .iter()
            .map(|s| s.1)
            .max()
            .unwrap_or(tf.subject.1);
        let last = token_end(toks, ties_end).max(first + 1);
        let speaker_end = members
            .iter()
            .map(|&m| ments[m].last)
            .max()
            .unwrap_or(last)
            .max(token_end(toks, tf.subject.1));
        let verb = token_at(toks, tf.verb.0);
        if verb >= toks.len() {
            continue;
        }
        let quoted = inside.get(first).copied().unwrap_or(false);
        let post = first_quote.is_some_and(|q| q < first)
            && tf.class == VerbClass::Report
            && !quoted
            && follows_quotation(toks, first.min(verb));
        frames.push(Frame {
            members,
            first,
            last,
            speaker_end,
            verb,
            class: tf.class,
            listed: tf.listed,
            main: tf.main,
            quoted,
            post,
        });
    }
    frames.sort_by_key(|f| f.first);
    frames
}

#[cfg(test)]
mod tests {
    use crate::analysis::{clauses, parties, segment, structure};

    /// One frame as (members' text, verb, main, post).
    type Seen = (Vec<String>, String, bool, bool);

    /// Each sentence's frames, through the whole pipeline up to the parties (a parsed
    /// sentence, not a hand-made tree).
    fn frames_of(text: &str) -> Vec<Vec<Seen>> {
        let seg = segment::segment(text, 0);
        let roles = structure::roles(text, &seg, &crate::model::Meta::default());
        let readings = clauses::read_all(text, &seg.sentences, &roles);
        let p = parties::find(text, &seg.sentences, &roles, &readings, &[], "test");
        p.facts
            .iter()
            .map(|f| {
                f.frames
                    .iter()
                    .map(|fr| {
                        let who = fr
                            .members
                            .iter()
                            .map(|&m| text[f.mentions[m].start..f.mentions[m].end].to_string())
                            .collect();
                        (
                            who,
                            f.tokens[fr.verb].text(text).to_string(),
                            fr.main,
                            fr.post,
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn members_are_the_mentions_the_subject_ties_and_a_report_after_a_quotation_is_post() {
        let got = frames_of(
            "Freedonia and Sylvania signed the accord.\n\n\
             Sylvanian citizens fear the worst.\n\n\
             “We will not yield,” Freedonia said.\n",
        );
        let s = |x: &str| x.to_string();
        // a coordination names both sides
        assert_eq!(
            got[0],
            [(
                vec![s("Freedonia"), s("Sylvania")],
                s("signed"),
                true,
                false
            )]
        );
        // a demonym before a head that cannot act ties no side: no frame
        assert!(got[1].is_empty(), "{:?}", got[1]);
        // the report after the quotation is post-posed
        assert!(
            got[2].contains(&(vec![s("Freedonia")], s("said"), true, true)),
            "{:?}",
            got[2]
        );
        // a clause after a short quotation is no frame of it
        let got = frames_of(
            "Freedonia said the border would reopen “within days” and that Sylvania \
             would report on the talks.\n",
        );
        let report = got[0].iter().find(|(_, v, _, _)| v == "report");
        assert!(
            report.is_some_and(|(m, _, _, post)| m == &[s("Sylvania")] && !post),
            "{:?}",
            got[0]
        );
    }
}
