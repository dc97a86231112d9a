//! The per-sentence decision (rules 1–13 of the module doc, tried in the order of the tables
//! in [`super::steps`]; 14 is in `readout`) and the carried context.

use super::super::clauses::{Reading, Speech};
use super::super::lexicon::{LEXICON, VerbClass, class};
use super::super::parties::frames::Frame;
use super::super::parties::tokens::Kind;
use super::super::parties::{Facts, Parties, Pron, Target};
use super::super::segment::Span;
use super::rule::Rule;
use super::steps::{self, Input};
use crate::model::{PartyId, Role, Side};

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

    fn explicit(mut self) -> Decision {
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

/// Decides one sentence and updates the context.
pub fn decide(
    src: &str,
    facts: &Facts,
    role: Role,
    parties: &Parties,
    ctx: &mut Context,
    reading: &Reading,
) -> Decision {
    if matches!(
        role,
        Role::Byline | Role::Source | Role::Dateline | Role::Boilerplate
    ) {
        return Decision::neither(Rule::Boilerplate).explicit();
    }
    let d = {
        let input = Input::new(src, facts, parties, ctx, reading);
        let d = steps::first(steps::RULES, &input)
            .unwrap_or_else(|| Decision::neither(steps::FALLBACK));
        // the tree decides where the rules found no source, and where they found only a third
        // party that the tree ties to a side ("Head of the Sylvanian delegation Anton Keller")
        // — or a logistics verb that the tree reads as the discussion of a topic ("They had an
        // in-depth discussion on trade")
        if matches!(d.rule, Rule::NoSource | Rule::ThirdParty | Rule::Logistics)
            && let Some(t) = steps::first(steps::TREE, &input)
            && (d.rule == Rule::NoSource || (t.side != Side::Neither && t.rule != Rule::Logistics))
        {
            t
        } else {
            d
        }
    };
    // carry the context
    match d.side {
        Side::A | Side::B => {
            // "they" after one person ("The Prime Minister set out…", "Varga threw her
            // support…") is not that person's side, whether the rules (token span) or the
            // tree (byte span) found the speaker or actor
            let within = |m: &&super::super::parties::Ment| match (d.speaker, d.by_tree) {
                (Some((first, last)), _) => m.first >= first && m.last <= last,
                (
                    None,
                    Some(TreeHit {
                        who: Some((a, b)), ..
                    }),
                ) => m.start >= a as usize && m.end <= b as usize,
                _ => false,
            };
            let mut inside = facts.mentions.iter().filter(within);
            let one_person = matches!((inside.next(), inside.next()), (Some(m), None) if m.person);
            ctx.last_group = if one_person {
                ctx.last_group.filter(|&s| s == Side::Both)
            } else {
                Some(d.side)
            };
            if d.explicit {
                ctx.last_person = Some(d.side);
            }
        }
        Side::Both => ctx.last_group = Some(Side::Both),
        Side::Neither => {
            let mentions = |p: PartyId| {
                facts
                    .mentions
                    .iter()
                    .any(|m| matches!(m.target, Target::Entity(e) if parties.side_of(e) == Some(p)))
            };
            let any_entity = facts
                .mentions
                .iter()
                .any(|m| matches!(m.target, Target::Entity(_)));
            if d.rule == Rule::Logistics && mentions(PartyId::A) && mentions(PartyId::B) {
                ctx.last_group = Some(Side::Both);
            } else if any_entity || d.rule != Rule::NoSource {
                // a line that names no one (a banner, a date) leaves "they" as it was
                ctx.last_group = None;
            }
        }
    }
    if let Some(side) = d.sets_scope {
        ctx.scope = Some((side, ctx.paragraph + 1));
    }
    d
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
