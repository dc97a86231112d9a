//! The per-sentence decision (rules 1–13 of the module doc; 14 is in `readout`) and the carried context.

use super::super::clauses::{ActKind, Reading, Speech};
use super::super::lexicon::{LEXICON, VerbClass, class};
use super::super::parties::frames::{Frame, skip_determiners};
use super::super::parties::tokens::Kind;
use super::super::parties::{Facts, Parties, Pron, Target};
use super::super::segment::Span;
use crate::model::{PartyId, Role, Side};

/// What was decided for one sentence, with token ranges for the evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub side: Side,
    pub rule: &'static str,
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
    pub fn neither(rule: &'static str) -> Decision {
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
            rule: "speaker-label",
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
    pub fn continues(&mut self, side: Side, rule: &'static str) {
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
            "logistics" | "boilerplate" | "joint" | "third-party" | "narrator"
        ) {
            return false;
        }
        !self.explicit || (matches!(self.side, Side::A | Side::B) && self.side != side)
    }
}

/// What the previous sentences leave for the next.
#[derive(Debug, Clone, Default)]
pub struct Context {
    paragraph: usize,
    /// Side of the last single-side speaker (for "he"/"she").
    last_person: Option<Side>,
    /// Side of the last sentence (for "they").
    last_group: Option<Side>,
    /// Reporting scope: side and the last paragraph it covers.
    scope: Option<(Side, usize)>,
    /// The side that is a union, when exactly one is.
    union: Option<Side>,
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

fn resolve_members(members: &[usize], facts: &Facts, parties: &Parties, ctx: &Context) -> Resolved {
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

fn is_side(side: Side) -> bool {
    !matches!(side, Side::Neither)
}

fn from_frame(fr: &Frame, side: Side, rule: &'static str) -> Decision {
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

fn mention_side(facts: &Facts, m: usize, parties: &Parties) -> Resolved {
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
        return Decision::neither("boilerplate").explicit();
    }
    let mut d = rules(src, facts, parties, ctx);
    // the tree decides where the rules found no source, and where they found only a third
    // party that the tree ties to a side ("Head of the Sylvanian delegation Anton Keller")
    // — or a logistics verb that the tree reads as the discussion of a topic ("They had an
    // in-depth discussion on trade")
    if matches!(d.rule, "no-source" | "third-party" | "logistics")
        && let Some(t) = by_tree(facts, parties, ctx, reading)
        && (d.rule == "no-source" || (t.side != Side::Neither && t.rule != "logistics"))
    {
        d = t;
    }
    // carry the context
    match d.side {
        Side::A | Side::B => {
            // "they" after one person ("The Prime Minister set out…") is not that person's side
            let one_person = d.speaker.is_some_and(|(first, last)| {
                let mut inside = facts
                    .mentions
                    .iter()
                    .filter(|m| m.first >= first && m.last <= last);
                matches!((inside.next(), inside.next()), (Some(m), None) if m.person)
            });
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
            if d.rule == "logistics" && mentions(PartyId::A) && mentions(PartyId::B) {
                ctx.last_group = Some(Side::Both);
            } else if any_entity || d.rule != "no-source" {
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

fn rules(src: &str, facts: &Facts, parties: &Parties, ctx: &Context) -> Decision {
    let toks = &facts.tokens;
    // 2. headline colon: "Brun: …"
    if let Some(c) = toks.iter().position(|t| t.is_punct(src, ':'))
        && c > 0
        && c <= 8
        && !facts.inside.get(c).copied().unwrap_or(false)
    {
        let mut k = 0;
        let mut side = None;
        let mut ok = true;
        while k < c {
            if let Some((mi, m)) = facts.mention_starting(k) {
                match mention_side(facts, mi, parties) {
                    Resolved::Side(s) if side.is_none_or(|x| x == s) => side = Some(s),
                    _ => ok = false,
                }
                k = m.last;
            } else if toks[k].is_word() && toks[k].is(class::DET) {
                k += 1;
            } else {
                ok = false;
                break;
            }
        }
        if let (true, Some(s)) = (ok, side) {
            return Decision {
                side: s,
                rule: "headline-colon",
                speaker: Some((0, c)),
                cue: Some((c, c + 1)),
                speech: true,
                explicit: true,
                sets_scope: None,
                by_tree: None,
            };
        }
    }
    // 3. according to X
    if let Some(a) = facts.according.as_deref()
        && let Some(mi) = a.mention
    {
        let m = &facts.mentions[mi];
        let mk = |side, rule| Decision {
            side,
            rule,
            speaker: Some((m.first, m.last)),
            cue: Some(a.cue),
            speech: true,
            explicit: true,
            sets_scope: None,
            by_tree: None,
        };
        match mention_side(facts, mi, parties) {
            Resolved::Side(s) => return mk(s, "according-to"),
            Resolved::Third => return mk(Side::Neither, "third-party"),
            _ => {}
        }
    }
    // 4. passive agent: "was reported by X"
    for k in 2..toks.len() {
        if !toks[k].text(src).eq_ignore_ascii_case("by") {
            continue;
        }
        if toks[k - 1].verb() != Some(VerbClass::Report) || !toks[k - 2].is(class::AUX) {
            continue;
        }
        // only a passive of the main clause: "They discussed the plan agreed by Brun" is not
        // reported by Brun
        if facts.frames.iter().any(|f| {
            f.main
                && !f.quoted
                && f.verb + 1 < k
                && matches!(f.class, VerbClass::Report | VerbClass::Act)
        }) {
            continue;
        }
        let s = skip_determiners(toks, k + 1);
        if let Some((mi, m)) = facts.mention_starting(s).filter(|(_, m)| m.agentive)
            && let Resolved::Side(side) = mention_side(facts, mi, parties)
        {
            let anaphoric = toks.first().is_some_and(|t| {
                matches!(t.text(src).to_lowercase().as_str(), "this" | "it" | "that")
            });
            return Decision {
                side,
                rule: "passive-agent",
                speaker: Some((m.first, m.last)),
                cue: Some((k - 1, k + 1)),
                speech: true,
                explicit: true,
                sets_scope: (anaphoric && side != Side::Both).then_some(side),
                by_tree: None,
            };
        }
    }
    let frames: Vec<&Frame> = facts.frames.iter().filter(|f| !f.quoted).collect();
    // 5. post-posed speech
    for fr in frames.iter().filter(|f| f.post) {
        if let Resolved::Side(s) = resolve_members(&fr.members, facts, parties, ctx) {
            return from_frame(fr, s, "post-posed");
        }
    }
    // 6. main subject
    let mut logistic: Option<&Frame> = None;
    let mut weak: Option<(&Frame, Side)> = None;
    for fr in frames.iter().filter(|f| f.main) {
        let mut r = resolve_members(&fr.members, facts, parties, ctx);
        if r == Resolved::Unresolved && it_reports(src, facts, fr) {
            // "While Acme says…, it also claimed…": a side subject earlier in the sentence;
            // "In a statement, it said…": the institution of the last single-side sentence
            // the nearest few earlier subjects only: bounded on a huge sentence
            let before = frames.partition_point(|f| f.first < fr.first);
            let earlier =
                frames[..before].iter().rev().take(8).find_map(|f| {
                    match resolve_members(&f.members, facts, parties, ctx) {
                        Resolved::Side(s @ (Side::A | Side::B)) => Some(s),
                        _ => None,
                    }
                });
            if let Some(s @ (Side::A | Side::B)) = earlier.or(ctx.last_group) {
                r = Resolved::Side(s);
            }
        }
        match fr.class {
            VerbClass::Logistic => {
                logistic.get_or_insert(fr);
            }
            VerbClass::Copula => {
                if let Resolved::Side(s @ (Side::A | Side::B)) = r {
                    weak.get_or_insert((fr, s));
                }
            }
            VerbClass::Report | VerbClass::Act => match r {
                Resolved::Side(Side::Both) => return from_frame(fr, Side::Both, "joint"),
                Resolved::Side(s) if is_side(s) => {
                    let rule = if fr.class == VerbClass::Report {
                        "subject-source"
                    } else {
                        "subject-actor"
                    };
                    return from_frame(fr, s, rule);
                }
                Resolved::Third => {
                    let mut d = from_frame(fr, Side::Neither, "third-party");
                    d.speech = false;
                    return d;
                }
                Resolved::Narrator => {
                    let mut d = from_frame(fr, Side::Neither, "narrator");
                    d.speech = false;
                    return d;
                }
                _ => {}
            },
        }
    }
    // 10. agentless report: "It has been stressed that …"
    let agentless = toks.len() > 3
        && toks[0].text(src).eq_ignore_ascii_case("it")
        && toks[1].is(class::AUX)
        && toks[1..5.min(toks.len())]
            .iter()
            .any(|t| t.text(src).ends_with("ed") && t.verb() == Some(VerbClass::Report));
    // either form of rule 10, decided once: it is read again after rules 8, 9 and 7
    let agentless_report = agentless || agentless_passive(src, facts);
    if agentless_report
        && let Some((side, until)) = ctx.scope
        && until >= ctx.paragraph
    {
        let mut d = Decision::neither("agentless-report");
        d.side = side;
        d.speech = true;
        return d;
    }
    // 8. embedded source
    for fr in frames
        .iter()
        .filter(|f| !f.main && matches!(f.class, VerbClass::Report | VerbClass::Act))
    {
        if let Resolved::Side(s) = resolve_members(&fr.members, facts, parties, ctx)
            && is_side(s)
        {
            let rule = if agentless {
                "agentless-report"
            } else {
                "embedded-source"
            };
            return from_frame(fr, s, rule);
        }
    }
    // 9. standing state
    if let Some((fr, s)) = weak
        && logistic.is_none()
    {
        return from_frame(fr, s, "subject-state");
    }
    // 7. logistics
    if let Some(fr) = logistic {
        let mut d = from_frame(fr, Side::Neither, "logistics");
        d.speech = false;
        return d;
    }
    // striking members: "Cabin crew workers at Acme have begun a strike" is the union's act
    if let Some(side) = ctx.union
        && workers_strike(src, facts)
    {
        let mut d = Decision::neither("striking-members");
        d.side = side;
        return d;
    }
    // scope from an earlier "This was reported by X"
    if let Some((side, _)) = ctx.scope {
        let mut d = Decision::neither("scope");
        d.side = side;
        return d;
    }
    if agentless_report {
        // no scope: the issuer of a readout may claim it (`readout`), else it stays neither
        let mut d = Decision::neither("agentless-report");
        d.speech = true;
        return d;
    }
    Decision::neither("no-source")
}

/// The tree's reading, where the rules above found no source: the speaker of a reporting
/// verb or "according to" (`tree-source`), the subject of any main predicate (`tree-actor`),
/// a joint subject (`joint`), the interaction as the subject of a content predicate
/// (`joint-topic`), or a logistics predicate (`logistics`).
fn by_tree(facts: &Facts, parties: &Parties, ctx: &Context, r: &Reading) -> Option<Decision> {
    let hit = |side, rule, who, cue, speech| Decision {
        side,
        rule,
        speaker: None,
        cue: None,
        speech,
        explicit: true,
        sets_scope: None,
        by_tree: Some(TreeHit { who, cue }),
    };
    if let Some(sp) = &r.speech
        && let Resolved::Side(s) = resolve_spans(&sp.speakers, facts, parties, ctx)
    {
        return Some(hit(s, "tree-source", sp.speaker, sp.cue, true));
    }
    let act = r.act.as_ref()?;
    let who = Some(act.subject);
    match act.kind {
        ActKind::Logistics => Some(hit(Side::Neither, "logistics", who, act.predicate, false)),
        ActKind::Joint => Some(hit(Side::Both, "joint", who, act.predicate, false)),
        ActKind::Topic => Some(hit(Side::Both, "joint-topic", who, act.predicate, false)),
        ActKind::Act => match resolve_spans(&act.subjects, facts, parties, ctx) {
            Resolved::Side(s) => Some(hit(s, "tree-actor", who, act.predicate, false)),
            _ => None,
        },
    }
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

/// Workers named before a strike word, outside quotations ("Acme workers walked out",
/// "Cabin crew … have begun a three-day strike").
fn workers_strike(src: &str, facts: &Facts) -> bool {
    let toks = &facts.tokens;
    let outside = |k: usize| !facts.inside.get(k).copied().unwrap_or(false);
    let Some(worker) = toks
        .iter()
        .enumerate()
        .position(|(k, t)| outside(k) && t.is_word() && t.is(class::WORKER))
    else {
        return false;
    };
    toks.iter().enumerate().skip(worker + 1).any(|(k, t)| {
        let w = t.text(src);
        outside(k)
            && t.is_word()
            && (t.is(class::STRIKE)
                || (w.to_lowercase().starts_with("walk")
                    && toks
                        .get(k + 1)
                        .is_some_and(|n| n.text(src).eq_ignore_ascii_case("out"))))
    })
}

/// "it said", "it also warned": a lone "it" as the subject of an active reporting verb (not the
/// expletive "It has been stressed", "It is clear that").
fn it_reports(src: &str, facts: &Facts, fr: &Frame) -> bool {
    let [m] = fr.members[..] else { return false };
    let m = &facts.mentions[m];
    m.target == Target::Pronoun(Pron::Thing)
        && fr.class == VerbClass::Report
        && facts.tokens.get(m.last..fr.verb).is_some_and(|between| {
            between
                .iter()
                .all(|t| t.is_word() && !t.is(class::AUX | class::NEG))
        })
        && facts
            .tokens
            .get(fr.verb)
            .is_some_and(|t| t.text(src).ends_with('d'))
}

/// "The invitation was accepted with gratitude.": a main-clause passive of a reporting or act
/// verb with no agent ("by …") and no side named before it.
fn agentless_passive(src: &str, facts: &Facts) -> bool {
    let toks = &facts.tokens;
    let Some(aux) = toks.iter().take(8).position(|t| {
        t.is_word() && matches!(t.text(src).to_lowercase().as_str(), "was" | "were" | "been")
    }) else {
        return false;
    };
    // a noun phrase as subject: "This was published…" (a banner) and "It was stressed…"
    // (rule 10) are not this rule's
    if aux == 0
        || toks[..aux].iter().any(|t| !t.is_word())
        || toks[0].is(class::PRONOUN)
        || facts.mentions.iter().any(|m| m.first < aux && m.agentive)
    {
        return false;
    }
    let mut k = aux + 1;
    while toks
        .get(k)
        .is_some_and(|t| t.is_word() && t.is(class::ADVERB | class::AUX))
    {
        k += 1;
    }
    let Some(verb) = toks.get(k).filter(|t| t.is_word()) else {
        return false;
    };
    let passive = verb.text(src).ends_with("ed")
        && matches!(verb.verb(), Some(VerbClass::Report | VerbClass::Act));
    passive
        && !toks[k..]
            .iter()
            .any(|t| t.text(src).eq_ignore_ascii_case("by"))
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
                .max_by_key(|&k| (decisions[k].rule == "post-posed", usize::MAX - k));
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
                        decisions[k].rule = "quote-continuation";
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
