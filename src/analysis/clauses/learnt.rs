//! A learnt judge of a verb and its speaker: how likely is verb `v`, with the subject the tree
//! rules give it, an attribution's Cue whose Source is that subject — a logistic regression
//! over features of the tree (the verb's lemma, tag, relation and children, its subject's
//! part of speech and words, the learnt rate of `assets/reporting_verbs.tsv`, quotation marks
//! near it, a reporting verb above it), with weights learnt from PolNeAR's training split by
//! `examples/learn_cue_model.rs` (`assets/cue_model.tsv`).
//!
//! The rules use it twice ([`super::speech`]): a listed reporting verb whose speaker it
//! judges unlikely gives no speaker, and where no list names a cue a verb it judges likely
//! names one ("Kasich has voted for the bill", "Most Democrats favor the plan").

use super::shape::{Shape, Subject};
use super::words;
use crate::analysis::text::Token;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The weights: `feature<TAB>weight`, the intercept as `bias`.
const MODEL: &str = include_str!("../../../assets/cue_model.tsv");

static WEIGHTS: LazyLock<FxHashMap<&'static str, f32>> = LazyLock::new(|| {
    crate::assets::entries(MODEL)
        .filter_map(|l| {
            let (f, w) = l.rsplit_once('\t')?;
            Some((f, w.parse().ok()?))
        })
        .collect()
});

/// The probability the model gives to features `feats`.
pub fn probability(feats: &[String]) -> f32 {
    let w = &*WEIGHTS;
    let z: f32 = w.get("bias").copied().unwrap_or(0.0)
        + feats.iter().filter_map(|f| w.get(f.as_str())).sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// The token's text in the sentence.
fn word<'a>(t: &Token, text: &'a str, base: u32) -> &'a str {
    let s = t.start.saturating_sub(base) as usize;
    let e = t.end.saturating_sub(base) as usize;
    text.get(s..e).unwrap_or("")
}

/// A bucket of a rate in tenths: "0".."9", or "-" for none.
fn tenths(r: Option<f64>) -> String {
    r.map_or_else(
        || "-".into(),
        |r| ((r * 10.0).floor().min(9.0) as u8).to_string(),
    )
}

/// The features of verb `v` with speaker `s` (`depth`: `v`'s number of ancestors), into
/// `out` (cleared first). Every feature is a string "name:value"; the model knows the ones
/// it saw often enough in training.
pub fn features(
    shape: &Shape,
    text: &str,
    base: u32,
    v: usize,
    s: Subject,
    depth: u32,
    out: &mut Vec<String>,
) {
    out.clear();
    let toks = shape.toks;
    let t = &toks[v];
    let lemma: &str = &t.lemma;
    out.push(format!("u:{}", t.upos.as_str()));
    out.push(format!("l:{lemma}:{}", t.upos.as_str()));
    out.push(format!("x:{}", t.xpos));
    out.push(format!("r:{}", t.rel));
    out.push(format!("lx:{lemma}:{}", t.xpos));
    match shape.head(v) {
        Some(h) => {
            let ht = &toks[h];
            out.push(format!("h:{}:{}", ht.upos.as_str(), t.rel_base()));
            if ht.upos.as_str() == "VERB" {
                out.push(format!("hl:{}", ht.lemma));
            }
        }
        None => out.push("h:root".into()),
    }
    out.push(format!("d:{}", depth.min(4)));
    out.push(format!("rate:{}", tenths(words::rate(t))));
    if words::hand_reporting(t) {
        out.push("hand".into());
    }
    if words::reporting(t) {
        out.push("rep".into());
    }
    if words::reporting_noun(t) {
        out.push("repn".into());
    }
    if words::stance(t) {
        out.push("stance".into());
    }
    // the children: relations, auxiliaries, negation, a complement
    let mut comp = false;
    for c in shape.children(v) {
        let ct = &toks[c];
        let rel = ct.rel_base();
        if rel == "punct" {
            continue;
        }
        out.push(format!("c:{}", ct.rel));
        match rel {
            "aux" => out.push(format!("aux:{}", ct.lemma)),
            "advmod" if matches!(&*ct.lemma, "not" | "never" | "n't") => out.push("neg".into()),
            "mark" | "case" => out.push(format!("m:{}", ct.lemma)),
            "ccomp" | "xcomp" | "parataxis" => comp = true,
            "obl" | "obj" => {
                if let Some(g) = shape.children(c).find(|&g| toks[g].rel_base() == "case") {
                    out.push(format!("oc:{}", toks[g].lemma));
                    out.push(format!("loc:{lemma}:{}", toks[g].lemma));
                }
            }
            _ => {}
        }
        if shape.inside[c] {
            comp = true;
        }
    }
    out.push(format!("lc:{lemma}:{comp}"));
    out.push(format!("comp:{comp}"));
    // quotation marks around the verb
    if shape.inside.iter().any(|&q| q) {
        out.push("q".into());
    }
    let near = (v.saturating_sub(2)..(v + 3).min(toks.len())).any(|k| shape.inside[k]);
    if near {
        out.push("qn".into());
    }
    // a reporting verb above: the verb is inside another's content
    let mut a = shape.head(v);
    for _ in 0..8 {
        let Some(h) = a else { break };
        if words::reporting(&toks[h]) {
            out.push("above".into());
            break;
        }
        a = shape.head(h);
    }
    // the speaker
    let st = &toks[s.head];
    let su = st.upos.as_str();
    out.push(format!("s:{su}"));
    out.push(format!("sr:{}", st.rel));
    if s.agent {
        out.push("agent".into());
    }
    out.push(format!("sl:{}", st.lemma));
    if su == "PRON" {
        out.push(format!("sw:{}", word(st, text, base).to_ascii_lowercase()));
    }
    let (lo, hi) = shape.phrase(s.head);
    if toks
        .iter()
        .any(|u| u.start >= lo && u.end <= hi && u.upos.as_str() == "PROPN")
    {
        out.push("sp".into());
    }
    out.push(format!("sb:{}", s.head < v));
    let gap = v.abs_diff(s.head);
    out.push(format!("g:{}", gap.min(6)));
    out.push(format!("ls:{lemma}:{su}"));
    // the learnt rate beside the verb's place and its speaker's kind: a listed verb is a cue
    // more often as a root with a name before it than as a relative clause of "who"
    let rate = tenths(words::rate(t));
    out.push(format!("rr:{rate}:{}", t.rel));
    out.push(format!("rs:{rate}:{su}:{}", s.head < v));
    out.push(format!("rx:{rate}:{}", t.xpos));
    out.push(format!("rc:{rate}:{comp}"));
    out.push(format!("lr:{lemma}:{}", t.rel_base()));
    out.push(format!("lsb:{lemma}:{}", s.head < v));
}
