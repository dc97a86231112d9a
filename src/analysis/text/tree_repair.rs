//! Mending one kind of tree the greedy parser gets wrong, after it has parsed.
//!
//! **A sentence-initial adjective left as the root.** "Chilean Foreign Minister Elena Soto
//! said the talks would continue" comes out of the parser, for 14 of the 31 demonyms tried
//! ("Chilean", "Russian", "Serbian"; not "Chinese", "Japanese"), with "Chilean" as the
//! root and "said" hung from it as an `advcl`: the parser shifted the adjective instead of
//! attaching it to the noun phrase after it, and nothing could pick it up again. The reading
//! is impossible English: an adjective that opens a sentence cannot head a finite clause whose
//! subject is the noun phrase right after it. The rule:
//!
//! - the root is an adjective, the sentence's first word;
//! - one of its dependents is a verb after it with a subject of its own (`nsubj`,
//!   `nsubj:pass`);
//! - the word after the adjective belongs to that subject's phrase: its chain of heads reaches
//!   the subject without passing through the root.
//!
//! Then the verb becomes the root (the root's other dependents move to it, keeping their
//! relations), and the adjective becomes the `amod` of the first noun on that chain ("Minister"
//! in "Foreign Minister Elena Soto", "President" in "President Elena Soto"). A sentence whose
//! parse is right ("French President Emmanuel Macron said…", the adjective already an
//! `amod`) is untouched, as is an adjective root of a copular or verbless sentence.
//!
//! With gold tokens (`bilateral parse --conllu`), the repair changes no tree of UD English EWT
//! test, GUM-open test or PUD (their scores are unchanged); in the first 200 PolNeAR training
//! articles it fires on 3 of 6 711 sentences (a former minister's title and name before
//! "recently urged…"), and on 14 of 31 "DEMONYM Foreign Minister NAME said…" sentences, one
//! per demonym.

use super::{Annotation, Upos};

/// Longest chain of heads followed from the word after the adjective to the subject.
const MAX_CHAIN: usize = 12;

/// Mends a sentence-initial adjective root (see the module doc) in the annotations of one
/// sentence, where `out[k].head` indexes `out`.
pub fn adjective_root(out: &mut [Annotation]) {
    let Some(first) = out.first() else { return };
    if first.head.is_some() || first.upos != Upos::Adj || out.len() < 3 {
        return;
    }
    let head_of = |k: usize| out[k].head.map(usize::from);
    let verb = (1..out.len()).find(|&v| {
        head_of(v) == Some(0)
            && matches!(out[v].upos, Upos::Verb | Upos::Aux)
            && (1..out.len())
                .any(|s| head_of(s) == Some(v) && matches!(out[s].rel, "nsubj" | "nsubj:pass"))
    });
    let Some(verb) = verb else { return };
    let Some(subject) = (1..out.len())
        .find(|&s| head_of(s) == Some(verb) && matches!(out[s].rel, "nsubj" | "nsubj:pass"))
    else {
        return;
    };
    // from the word after the adjective up to the subject, the first noun met
    let mut k = 1;
    let mut noun = None;
    for _ in 0..MAX_CHAIN {
        if noun.is_none() && matches!(out[k].upos, Upos::Noun | Upos::Propn) {
            noun = Some(k);
        }
        if k == subject {
            break;
        }
        match head_of(k) {
            Some(h) if h != 0 && h < out.len() => k = h,
            _ => return,
        }
    }
    if k != subject {
        return;
    }
    let Some(noun) = noun else { return };
    let Ok(noun16) = u16::try_from(noun) else {
        return;
    };
    let Ok(verb16) = u16::try_from(verb) else {
        return;
    };
    for (i, a) in out.iter_mut().enumerate() {
        if i != verb && a.head == Some(0) {
            a.head = Some(verb16);
        }
    }
    out[verb].head = None;
    out[verb].rel = "root";
    out[0].head = Some(noun16);
    out[0].rel = "amod";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(rows: &[(&str, Upos, Option<u16>, &'static str)]) -> Vec<Annotation> {
        rows.iter()
            .map(|&(w, upos, head, rel)| Annotation {
                upos,
                xpos: "_",
                lemma: w.into(),
                head,
                rel,
            })
            .collect()
    }

    fn heads(out: &[Annotation]) -> Vec<(Option<u16>, &'static str)> {
        out.iter().map(|a| (a.head, a.rel)).collect()
    }

    #[test]
    fn a_demonym_left_as_root_becomes_the_modifier_of_its_noun() {
        // Chilean Foreign Minister Elena Soto said it .   as the parser reads it
        let mut out = ann(&[
            ("chilean", Upos::Adj, None, "root"),
            ("foreign", Upos::Adj, Some(2), "amod"),
            ("minister", Upos::Propn, Some(3), "nmod:desc"),
            ("elena", Upos::Propn, Some(5), "nsubj"),
            ("soto", Upos::Propn, Some(3), "flat"),
            ("said", Upos::Verb, Some(0), "advcl"),
            ("it", Upos::Pron, Some(5), "obj"),
            (".", Upos::Punct, Some(0), "punct"),
        ]);
        adjective_root(&mut out);
        let h = heads(&out);
        assert_eq!(h[0], (Some(2), "amod"));
        assert_eq!(h[5], (None, "root"));
        assert_eq!(h[7], (Some(5), "punct"));
        assert_eq!(h[3], (Some(5), "nsubj"));
    }

    #[test]
    fn a_right_parse_and_a_copular_adjective_root_are_left_alone() {
        // French President Macron said so .   already right
        let right = ann(&[
            ("french", Upos::Adj, Some(1), "amod"),
            ("president", Upos::Propn, Some(2), "compound"),
            ("macron", Upos::Propn, Some(3), "nsubj"),
            ("said", Upos::Verb, None, "root"),
            ("so", Upos::Adv, Some(3), "advmod"),
        ]);
        let mut out = right.clone();
        adjective_root(&mut out);
        assert_eq!(out, right);
        // Happy the man who says so .   — the adjective heads the sentence; the verb's
        // subject ("who") is not the phrase right after the adjective
        let verbless = ann(&[
            ("happy", Upos::Adj, None, "root"),
            ("the", Upos::Det, Some(2), "det"),
            ("man", Upos::Noun, Some(0), "nsubj"),
            ("who", Upos::Pron, Some(4), "nsubj"),
            ("says", Upos::Verb, Some(2), "acl:relcl"),
            ("so", Upos::Adv, Some(4), "advmod"),
        ]);
        let mut out = verbless.clone();
        adjective_root(&mut out);
        assert_eq!(out, verbless);
    }
}
