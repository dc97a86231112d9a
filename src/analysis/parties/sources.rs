//! Step 3 of the module doc, sources, not mentions: each entity scores by the frames it is
//! the subject of (reporting verb 3, act 2, logistic or copula 1; quoted subjects 0), by
//! what the tree reads as a source where no frame credited the mention (the speaker of an
//! attribution 3, the subject of a main predicate 2), and by "according to X" (3).
//!
//! Besides the score, each entity keeps its mention count and where it is first a source
//! and first seen: the ranking and the order of the sides ([`super::sides`]) read them.

use super::{Facts, Target};
use crate::analysis::clauses::{ActKind, Reading};
use crate::analysis::lexicon::VerbClass;
use crate::model::Role;

/// Per entity (by index).
pub struct Scores {
    pub score: Vec<usize>,
    /// Mentions.
    pub count: Vec<usize>,
    /// Where the entity is first a source: sentence × 100 000 + token, body sentences first
    /// (headlines count after the body, since they often lead with the reaction).
    pub first_source: Vec<usize>,
    /// Where the entity is first mentioned: sentence × 100 000 + mention.
    pub first_seen: Vec<usize>,
}

impl Scores {
    /// Entity `from` is `into`: all its figures move over.
    pub fn merge(&mut self, from: usize, into: usize) {
        self.score[into] += self.score[from];
        self.score[from] = 0;
        self.count[into] += self.count[from];
        self.count[from] = 0;
        self.merge_positions(from, into);
    }

    /// Entity `from` is `into` for the order of the sides: where it is first a source and
    /// first seen.
    pub fn merge_positions(&mut self, from: usize, into: usize) {
        self.first_source[into] = self.first_source[into].min(self.first_source[from]);
        self.first_seen[into] = self.first_seen[into].min(self.first_seen[from]);
    }
}

/// The scores of `n` entities over the document's facts.
pub fn score(facts: &[Facts], roles: &[Role], readings: &[Reading], n: usize) -> Scores {
    let mut s = Scores {
        score: vec![0usize; n],
        count: vec![0usize; n],
        first_source: vec![usize::MAX; n],
        first_seen: vec![usize::MAX; n],
    };
    for (si, f) in facts.iter().enumerate() {
        sentence(&mut s, si, f, roles, readings.get(si));
    }
    s
}

/// Adds one sentence (`si`) to the scores.
fn sentence(s: &mut Scores, si: usize, f: &Facts, roles: &[Role], reading: Option<&Reading>) {
    for (mi, m) in f.mentions.iter().enumerate() {
        if let Target::Entity(e) = m.target {
            s.count[e] += 1;
            s.first_seen[e] = s.first_seen[e].min(si * 100_000 + mi);
        }
    }
    // the order of the sides follows the body; headlines come after it
    let body = roles.get(si).is_none_or(|r| *r == Role::Body);
    let order = if body { si } else { si + 50_000 };
    let mut credit = |mi: usize, w: usize, pos: usize| {
        if let Target::Entity(e) = f.mentions[mi].target {
            s.score[e] += w;
            if w > 0 {
                s.first_source[e] = s.first_source[e].min(order * 100_000 + pos);
            }
        }
    };
    for fr in &f.frames {
        let w = if fr.quoted {
            0
        } else {
            match fr.class {
                VerbClass::Report => 3,
                VerbClass::Act => 2,
                _ => 1,
            }
        };
        for &m in &fr.members {
            credit(m, w, fr.first);
        }
    }
    // the tree's sources: the speaker of an attribution (3) and the subject of any
    // main predicate (2), where the frames above did not already credit the mention
    if let Some(r) = reading {
        let framed: Vec<usize> = f
            .frames
            .iter()
            .flat_map(|fr| fr.members.iter().copied())
            .collect();
        let mut tree_credit = |spans: &[(u32, u32)], w: usize| {
            for (mi, m) in f.mentions.iter().enumerate() {
                let inside = spans
                    .iter()
                    .any(|&(a, b)| (m.start as u64) < b as u64 && (a as u64) < m.end as u64);
                if inside && m.agentive && !framed.contains(&mi) {
                    credit(mi, w, m.first);
                }
            }
        };
        if let Some(sp) = &r.speech {
            tree_credit(&sp.speakers, 3);
        }
        if let Some(act) = r.act.as_ref().filter(|a| a.kind == ActKind::Act) {
            tree_credit(&act.subjects, 2);
        }
    }
    if let Some(a) = f.according.as_deref()
        && let Some(m) = a.mention
    {
        credit(m, 3, a.cue.0);
    }
}
