//! What a sentence's decision is made of ([`Decision`], the carried [`Context`]) and the
//! helpers the steps share to resolve mentions to sides; the decision itself is made in
//! `sentence`, by the tables of `steps`.

use super::super::clauses::Speech;
use super::super::lexicon::{LEXICON, VerbClass, class};
use super::super::parties::frames::Frame;
use super::super::parties::tokens::Kind;
use super::super::parties::{Facts, Parties, Pron, Target};
use super::super::segment::Span;
use super::rule::Rule;
use crate::model::{PartyId, Side};

/// What was decided for one sentence, with token ranges for the evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub side: Side,
    pub rule: Rule,
    /// Speaker tokens `[first, last)` in the sentence.
    pub speaker: Option<(usize, usize)>,
    /// Cue tokens `[first, last)`.
    pub cue: Option<(usize, usize)>,
    /// The content is reported speech.
    pub speech: bool,
    /// The sentence itself names its source (or is logistics/boilerplate): context may not override.
    pub explicit: bool,
    /// "This was reported by X": X's side becomes the scope.
    pub sets_scope: Option<Side>,
    /// Decided by the tree ([`crate::analysis::clauses`]): the speaker or actor and the cue as byte spans
    /// (the token ranges above are the parties' tokens and stay empty).
    pub by_tree: Option<TreeHit>,
}

/// The spans of a decision read from the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeHit {
    pub who: Option<(u32, u32)>,
    pub cue: (u32, u32),
}

impl Decision {
    pub fn neither(rule: Rule) -> Decision {
        Decision {
            side: Side::Neither,
            rule,
            speaker: None,
            cue: None,
            speech: false,
            explicit: false,
            sets_scope: None,
            by_tree: None,
        }
    }

    /// A transcript's speaker label decides: "MINISTER VALE: …".
    pub fn speaker_label(side: Side, sp: &Speech) -> Decision {
        Decision {
            side,
            rule: Rule::SpeakerLabel,
            speaker: None,
            cue: None,
            speech: true,
            explicit: true,
            sets_scope: None,
            by_tree: Some(TreeHit {
                who: sp.speaker,
                cue: sp.cue,
            }),
        }
    }

    /// The sentence continues a speech of `side` opened before it.
    pub fn continues(&mut self, side: Side, rule: Rule) {
        self.side = side;
        self.rule = rule;
        self.speech = true;
        self.speaker = None;
        self.cue = None;
        self.by_tree = None;
    }

    pub(super) fn explicit(mut self) -> Decision {
        self.explicit = true;
        self
    }

    /// Whether a reporting scope of `side` may relabel this sentence: it has no source of its
    /// own, or only the other side's content (the reporting side wins).
    pub fn open_to_scope(&self, side: Side) -> bool {
        if matches!(
            self.rule,
            Rule::Logistics | Rule::Boilerplate | Rule::Joint | Rule::ThirdParty | Rule::Narrator
        ) {
            return false;
        }
        !self.explicit || (matches!(self.side, Side::A | Side::B) && self.side != side)
    }
}

/// What the previous sentences leave for the next.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub(super) paragraph: usize,
    /// Side of the last single-side speaker (for "he"/"she").
    pub(super) last_person: Option<Side>,
    /// Side of the last sentence (for "they").
    pub(super) last_group: Option<Side>,
    /// Reporting scope: side and the last paragraph it covers.
    pub(super) scope: Option<(Side, usize)>,
    /// The side that is a union, when exactly one is.
    pub(super) union: Option<Side>,
}

impl Context {
    pub fn with_union(union: Option<Side>) -> Context {
        Context {
            union,
            ..Context::default()
        }
    }

    pub fn enter(&mut self, paragraph: usize) {
        self.paragraph = paragraph;
        if self.scope.is_some_and(|(_, until)| paragraph > until) {
            self.scope = None;
        }
    }
}

/// A subject resolved to a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Side(Side),
    Third,
    Narrator,
    Unresolved,
}

pub(super) fn resolve_members(
    members: &[usize],
    facts: &Facts,
    parties: &Parties,
    ctx: &Context,
) -> Resolved {
    let (mut a, mut b, mut joint, mut third) = (false, false, false, false);
    let mut pron = None;
    for &m in members {
        match facts.mentions[m].target {
            Target::Entity(e) => match parties.side_of(e) {
                Some(PartyId::A) => a = true,
                Some(PartyId::B) => b = true,
                None => third = true,
            },
            Target::Joint => joint = true,
            Target::Pronoun(p) => pron = Some(p),
        }
    }
    if joint || (a && b) {
        return Resolved::Side(Side::Both);
    }
    if a {
        return Resolved::Side(Side::A);
    }
    if b {
        return Resolved::Side(Side::B);
    }
    if third {
        return Resolved::Third;
    }
    match pron {
        Some(Pron::Person) => ctx.last_person.map_or(Resolved::Unresolved, Resolved::Side),
        Some(Pron::Group) => ctx.last_group.map_or(Resolved::Unresolved, Resolved::Side),
        Some(Pron::First) => Resolved::Narrator,
        _ => Resolved::Unresolved,
    }
}

pub(super) fn is_side(side: Side) -> bool {
    !matches!(side, Side::Neither)
}

pub(super) fn from_frame(fr: &Frame, side: Side, rule: Rule) -> Decision {
    Decision {
        side,
        rule,
        speaker: Some((fr.first, fr.speaker_end.max(fr.first + 1))),
        cue: Some((fr.verb, fr.verb + 1)),
        speech: fr.class == VerbClass::Report,
        explicit: true,
        sets_scope: None,
        by_tree: None,
    }
}

pub(super) fn mention_side(facts: &Facts, m: usize, parties: &Parties) -> Resolved {
    resolve_members(&[m], facts, parties, &Context::default())
}

/// The label of the agentive mentions inside byte spans (a subject and its conjuncts).
pub fn resolve_spans(
    spans: &[(u32, u32)],
    facts: &Facts,
    parties: &Parties,
    ctx: &Context,
) -> Resolved {
    let members: Vec<usize> = facts
        .mentions
        .iter()
        .enumerate()
        // a bare demonym is no actor: "Sylvanian citizens" are not Sylvania, "the Sylvanian
        // delegation" is (the mention is agentive)
        .filter(|(_, m)| m.agentive || !matches!(m.target, Target::Entity(_)))
        .filter(|(_, m)| {
            spans
                .iter()
                .any(|&(a, b)| (m.start as u64) < b as u64 && (a as u64) < m.end as u64)
        })
        .map(|(k, _)| k)
        .collect();
    if members.is_empty() {
        return Resolved::Unresolved;
    }
    resolve_members(&members, facts, parties, ctx)
}

/// Rule 11: sentences inside a quotation running over several sentences take its speaker.
pub fn quote_groups(sentences: &[Span], parties: &Parties, decisions: &mut [Decision]) {
    let n = decisions
        .len()
        .min(parties.facts.len())
        .min(sentences.len());
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j + 1 < n
            && parties.facts[j].open_at_end
            && parties.facts[j + 1].open_at_start
            && sentences[j + 1].paragraph == sentences[i].paragraph
        {
            j += 1;
        }
        if j > i {
            let group = i..=j;
            let source = group
                .clone()
                .filter(|&k| {
                    decisions[k].explicit && decisions[k].speech && is_side(decisions[k].side)
                })
                .max_by_key(|&k| (decisions[k].rule == Rule::PostPosed, usize::MAX - k));
            if let Some(src) = source {
                let side = decisions[src].side;
                for k in group {
                    let starts_in = parties.facts[k].open_at_start
                        && parties.facts[k]
                            .tokens
                            .first()
                            .is_some_and(|t| t.kind() != Kind::Quote);
                    if k != src
                        && !decisions[k].explicit
                        && (starts_in || parties.facts[k].open_at_end)
                    {
                        decisions[k].side = side;
                        decisions[k].rule = Rule::QuoteContinuation;
                        decisions[k].speech = true;
                    }
                }
            }
        }
        i = j + 1;
    }
}

/// The side that is a union: its name or an alias ends in a union word ("the union",
/// "Metal Workers Guild"), when exactly one side does.
pub fn union_side(parties: &Parties) -> Option<Side> {
    let is_union = |p: &crate::model::Party| {
        std::iter::once(&p.name).chain(&p.aliases).any(|n| {
            n.rsplit(' ')
                .next()
                .is_some_and(|w| LEXICON.is(w, class::UNION_HEAD))
        })
    };
    let unions: Vec<Side> = parties
        .parties
        .iter()
        .filter(|p| is_union(p))
        .map(|p| Side::of(p.id))
        .collect();
    match unions[..] {
        [side] => Some(side),
        _ => None,
    }
}
