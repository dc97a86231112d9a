//! The rules of one sentence as a table of steps: [`RULES`] (rules 2–13 of the module doc)
//! and [`TREE`] (the tree's reading). The order of a table is its priority: the first step
//! that decides wins.
//!
//! Steps share what more than one of them reads through [`Input`], computed once on first
//! use: the frames outside quotations, the logistics and copula candidates of the main
//! subjects (rule 6's leftovers, read by rules 9 and 7) and whether the sentence is an
//! agentless report (rule 10, read before rule 8, by it, and again after rule 12).

use std::cell::OnceCell;

use super::super::clauses::{ActKind, Reading};
use super::super::lexicon::{VerbClass, class};
use super::super::parties::frames::{Frame, skip_determiners};
use super::super::parties::{Facts, Parties, Pron, Target};
use super::decide::{Context, Decision, Resolved, TreeHit, from_frame, is_side, resolve_spans};
use super::decide::{mention_side, resolve_members};
use super::rule::Rule;
use crate::model::Side;

/// One step: the rules it may decide by (in the order the docs name them) and the function
/// that tries it.
pub struct Step {
    pub rules: &'static [Rule],
    pub run: fn(&Input) -> Option<Decision>,
}

/// Rules 2–13, in the order they are tried: the order is the priority. Rule 10 is read in
/// three places (before rule 8 with a scope, inside rule 8, and without a scope after the
/// scope), and the frames of rules 7 and 9 are those rule 6 passed over.
pub const RULES: &[Step] = &[
    Step {
        rules: &[Rule::HeadlineColon],
        run: headline_colon,
    },
    Step {
        rules: &[Rule::AccordingTo, Rule::ThirdParty],
        run: according_to,
    },
    Step {
        rules: &[Rule::PassiveAgent],
        run: passive_agent,
    },
    Step {
        rules: &[Rule::PostPosed],
        run: post_posed,
    },
    Step {
        rules: &[
            Rule::SubjectSource,
            Rule::SubjectActor,
            Rule::TreeActor,
            Rule::Joint,
            Rule::ThirdParty,
            Rule::Narrator,
        ],
        run: main_subject,
    },
    Step {
        rules: &[Rule::AgentlessReport],
        run: scoped_agentless_report,
    },
    Step {
        rules: &[Rule::EmbeddedSource, Rule::AgentlessReport],
        run: embedded_source,
    },
    Step {
        rules: &[Rule::SubjectState],
        run: subject_state,
    },
    Step {
        rules: &[Rule::Logistics],
        run: logistics,
    },
    Step {
        rules: &[Rule::StrikingMembers],
        run: striking_members,
    },
    Step {
        rules: &[Rule::Scope],
        run: scope,
    },
    Step {
        rules: &[Rule::AgentlessReport],
        run: agentless_report,
    },
];

/// What [`RULES`] decide when no step does.
pub const FALLBACK: Rule = Rule::NoSource;

/// The tree's reading, in the order it is tried, where [`RULES`] found no source (or only a
/// third party or logistics: see [`super::decide::decide`]).
pub const TREE: &[Step] = &[
    Step {
        rules: &[Rule::TreeSource],
        run: tree_source,
    },
    Step {
        rules: &[
            Rule::Logistics,
            Rule::Joint,
            Rule::JointTopic,
            Rule::TreeActor,
        ],
        run: tree_act,
    },
];

/// The first decision of `steps` for `input`.
pub fn first(steps: &[Step], input: &Input) -> Option<Decision> {
    steps.iter().find_map(|step| {
        let d = (step.run)(input)?;
        debug_assert!(
            step.rules.contains(&d.rule),
            "{:?} not among its step's rules",
            d.rule
        );
        Some(d)
    })
}

/// Every rule a sentence's decision may name, in the order [`super::decide::decide`] tries
/// them: boilerplate, [`RULES`], [`TREE`], then [`FALLBACK`] (which the tree replaces).
#[cfg(test)]
pub fn order() -> Vec<Rule> {
    std::iter::once(Rule::Boilerplate)
        .chain(RULES.iter().flat_map(|s| s.rules.iter().copied()))
        .chain(TREE.iter().flat_map(|s| s.rules.iter().copied()))
        .chain(std::iter::once(FALLBACK))
        .collect()
}

/// One sentence as the steps read it, with what several of them share.
pub struct Input<'a> {
    pub src: &'a str,
    pub facts: &'a Facts,
    pub parties: &'a Parties,
    pub ctx: &'a Context,
    pub reading: &'a Reading,
    frames: OnceCell<Vec<&'a Frame>>,
    candidates: OnceCell<Candidates<'a>>,
    agentless: OnceCell<Agentless>,
}

/// The main-clause frames rule 6 passes over: the first logistics frame (rule 7) and the
/// first copula with a single side as subject (rule 9).
#[derive(Default)]
struct Candidates<'a> {
    logistic: Option<&'a Frame>,
    weak: Option<(&'a Frame, Side)>,
}

/// Rule 10, decided once.
#[derive(Clone, Copy)]
struct Agentless {
    /// "It has been stressed that …".
    it: bool,
    /// Either form: the above, or a main-clause passive with no agent.
    report: bool,
}

impl<'a> Input<'a> {
    pub fn new(
        src: &'a str,
        facts: &'a Facts,
        parties: &'a Parties,
        ctx: &'a Context,
        reading: &'a Reading,
    ) -> Input<'a> {
        Input {
            src,
            facts,
            parties,
            ctx,
            reading,
            frames: OnceCell::new(),
            candidates: OnceCell::new(),
            agentless: OnceCell::new(),
        }
    }

    /// The frames outside quotations.
    fn frames(&self) -> &[&'a Frame] {
        self.frames
            .get_or_init(|| self.facts.frames.iter().filter(|f| !f.quoted).collect())
    }

    fn resolve(&self, members: &[usize]) -> Resolved {
        resolve_members(members, self.facts, self.parties, self.ctx)
    }

    fn candidates(&self) -> &Candidates<'a> {
        self.candidates.get_or_init(|| {
            let mut c = Candidates::default();
            for &fr in self.frames().iter().filter(|f| f.main) {
                match fr.class {
                    VerbClass::Logistic => {
                        c.logistic.get_or_insert(fr);
                    }
                    VerbClass::Copula => {
                        if let Resolved::Side(s @ (Side::A | Side::B)) = self.resolve(&fr.members) {
                            c.weak.get_or_insert((fr, s));
                        }
                    }
                    VerbClass::Report | VerbClass::Act => {}
                }
            }
            c
        })
    }

    fn agentless(&self) -> Agentless {
        *self.agentless.get_or_init(|| {
            let (src, toks) = (self.src, &self.facts.tokens);
            let it = toks.len() > 3
                && toks[0].text(src).eq_ignore_ascii_case("it")
                && toks[1].is(class::AUX)
                && toks[1..5.min(toks.len())]
                    .iter()
                    .any(|t| t.text(src).ends_with("ed") && t.verb() == Some(VerbClass::Report));
            Agentless {
                it,
                report: it || agentless_passive(src, self.facts),
            }
        })
    }
}

/// Rule 2, headline colon: "Brun: …".
fn headline_colon(i: &Input) -> Option<Decision> {
    let (src, facts, toks) = (i.src, i.facts, &i.facts.tokens);
    let c = toks.iter().position(|t| t.is_punct(src, ':'))?;
    if c == 0 || c > 8 || facts.inside.get(c).copied().unwrap_or(false) {
        return None;
    }
    let mut k = 0;
    let mut side = None;
    let mut ok = true;
    while k < c {
        if let Some((mi, m)) = facts.mention_starting(k) {
            match mention_side(facts, mi, i.parties) {
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
    let s = side.filter(|_| ok)?;
    Some(Decision {
        side: s,
        rule: Rule::HeadlineColon,
        speaker: Some((0, c)),
        cue: Some((c, c + 1)),
        speech: true,
        explicit: true,
        sets_scope: None,
        by_tree: None,
    })
}

/// Rule 3, according to X (a third party: `third-party`).
fn according_to(i: &Input) -> Option<Decision> {
    let a = i.facts.according.as_deref()?;
    let mi = a.mention?;
    let m = &i.facts.mentions[mi];
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
    match mention_side(i.facts, mi, i.parties) {
        Resolved::Side(s) => Some(mk(s, Rule::AccordingTo)),
        Resolved::Third => Some(mk(Side::Neither, Rule::ThirdParty)),
        _ => None,
    }
}

/// Rule 4, passive agent: "was reported by X".
fn passive_agent(i: &Input) -> Option<Decision> {
    let (src, facts, toks) = (i.src, i.facts, &i.facts.tokens);
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
            && let Resolved::Side(side) = mention_side(facts, mi, i.parties)
        {
            let anaphoric = toks.first().is_some_and(|t| {
                matches!(t.text(src).to_lowercase().as_str(), "this" | "it" | "that")
            });
            return Some(Decision {
                side,
                rule: Rule::PassiveAgent,
                speaker: Some((m.first, m.last)),
                cue: Some((k - 1, k + 1)),
                speech: true,
                explicit: true,
                sets_scope: (anaphoric && side != Side::Both).then_some(side),
                by_tree: None,
            });
        }
    }
    None
}

/// Rule 5, post-posed speech: "“…,” said Brun".
fn post_posed(i: &Input) -> Option<Decision> {
    i.frames().iter().filter(|f| f.post).find_map(|fr| {
        if let Resolved::Side(s) = i.resolve(&fr.members) {
            Some(from_frame(fr, s, Rule::PostPosed))
        } else {
            None
        }
    })
}

/// Rule 6, main subject: the first main-clause frame with a reporting or act verb whose
/// subject resolves (logistics and copula frames are rules 7 and 9's); an act no list names
/// is `tree-actor`.
fn main_subject(i: &Input) -> Option<Decision> {
    let frames = i.frames();
    for fr in frames.iter().filter(|f| f.main) {
        if !matches!(fr.class, VerbClass::Report | VerbClass::Act) {
            continue;
        }
        let mut r = i.resolve(&fr.members);
        if r == Resolved::Unresolved && it_reports(i.src, i.facts, fr) {
            // "While Acme says…, it also claimed…": a side subject earlier in the sentence;
            // "In a statement, it said…": the institution of the last single-side sentence
            // the nearest few earlier subjects only: bounded on a huge sentence
            let before = frames.partition_point(|f| f.first < fr.first);
            let earlier =
                frames[..before]
                    .iter()
                    .rev()
                    .take(8)
                    .find_map(|f| match i.resolve(&f.members) {
                        Resolved::Side(s @ (Side::A | Side::B)) => Some(s),
                        _ => None,
                    });
            if let Some(s @ (Side::A | Side::B)) = earlier.or(i.ctx.last_group) {
                r = Resolved::Side(s);
            }
        }
        match r {
            Resolved::Side(Side::Both) => return Some(from_frame(fr, Side::Both, Rule::Joint)),
            Resolved::Side(s) if is_side(s) => {
                // a predicate no list names is the tree's act ("Varga threw her support")
                let rule = if fr.class == VerbClass::Report {
                    Rule::SubjectSource
                } else if fr.listed {
                    Rule::SubjectActor
                } else {
                    Rule::TreeActor
                };
                return Some(from_frame(fr, s, rule));
            }
            Resolved::Third => {
                let mut d = from_frame(fr, Side::Neither, Rule::ThirdParty);
                d.speech = false;
                return Some(d);
            }
            Resolved::Narrator => {
                let mut d = from_frame(fr, Side::Neither, Rule::Narrator);
                d.speech = false;
                return Some(d);
            }
            _ => {}
        }
    }
    None
}

/// Rule 10 under a scope: "It has been stressed that …" after "This was reported by X".
fn scoped_agentless_report(i: &Input) -> Option<Decision> {
    if !i.agentless().report {
        return None;
    }
    let (side, until) = i.ctx.scope?;
    if until < i.ctx.paragraph {
        return None;
    }
    let mut d = Decision::neither(Rule::AgentlessReport);
    d.side = side;
    d.speech = true;
    Some(d)
}

/// Rule 8, embedded source: a side's reporting or act verb in a subordinate clause (under
/// "It has been stressed that …", rule 10's name).
fn embedded_source(i: &Input) -> Option<Decision> {
    i.frames()
        .iter()
        .filter(|f| !f.main && matches!(f.class, VerbClass::Report | VerbClass::Act))
        .find_map(|fr| match i.resolve(&fr.members) {
            Resolved::Side(s) if is_side(s) => {
                let rule = if i.agentless().it {
                    Rule::AgentlessReport
                } else {
                    Rule::EmbeddedSource
                };
                Some(from_frame(fr, s, rule))
            }
            _ => None,
        })
}

/// Rule 9, standing state: a side as the subject of a copula, when no main verb is logistics.
fn subject_state(i: &Input) -> Option<Decision> {
    let c = i.candidates();
    if c.logistic.is_some() {
        return None;
    }
    let (fr, s) = c.weak?;
    Some(from_frame(fr, s, Rule::SubjectState))
}

/// Rule 7, logistics: the call or meeting happened.
fn logistics(i: &Input) -> Option<Decision> {
    let fr = i.candidates().logistic?;
    let mut d = from_frame(fr, Side::Neither, Rule::Logistics);
    d.speech = false;
    Some(d)
}

/// Rule 12, striking members: "Cabin crew workers at Acme have begun a strike" is the
/// union's act.
fn striking_members(i: &Input) -> Option<Decision> {
    let side = i.ctx.union?;
    if !workers_strike(i.src, i.facts) {
        return None;
    }
    let mut d = Decision::neither(Rule::StrikingMembers);
    d.side = side;
    Some(d)
}

/// The scope of an earlier "This was reported by X" (rule 4).
fn scope(i: &Input) -> Option<Decision> {
    let (side, _) = i.ctx.scope?;
    let mut d = Decision::neither(Rule::Scope);
    d.side = side;
    Some(d)
}

/// Rule 10 with no scope: the issuer of a readout may claim it (`readout`), else it stays
/// neither.
fn agentless_report(i: &Input) -> Option<Decision> {
    if !i.agentless().report {
        return None;
    }
    let mut d = Decision::neither(Rule::AgentlessReport);
    d.speech = true;
    Some(d)
}

/// A decision of the tree: its spans are bytes, not tokens.
fn tree_hit(
    side: Side,
    rule: Rule,
    who: Option<(u32, u32)>,
    cue: (u32, u32),
    speech: bool,
) -> Decision {
    Decision {
        side,
        rule,
        speaker: None,
        cue: None,
        speech,
        explicit: true,
        sets_scope: None,
        by_tree: Some(TreeHit { who, cue }),
    }
}

/// The tree: the speaker of the sentence's attribution is a side (`tree-source`).
fn tree_source(i: &Input) -> Option<Decision> {
    let sp = i.reading.speech.as_ref()?;
    match resolve_spans(&sp.speakers, i.facts, i.parties, i.ctx) {
        Resolved::Side(s) => Some(tree_hit(s, Rule::TreeSource, sp.speaker, sp.cue, true)),
        _ => None,
    }
}

/// The tree: the main predicate — logistics, a joint subject (`joint`), the interaction as
/// the subject of a content predicate (`joint-topic`), or a side as its subject
/// (`tree-actor`).
fn tree_act(i: &Input) -> Option<Decision> {
    let act = i.reading.act.as_ref()?;
    let who = Some(act.subject);
    match act.kind {
        ActKind::Logistics => Some(tree_hit(
            Side::Neither,
            Rule::Logistics,
            who,
            act.predicate,
            false,
        )),
        ActKind::Joint => Some(tree_hit(Side::Both, Rule::Joint, who, act.predicate, false)),
        ActKind::Topic => Some(tree_hit(
            Side::Both,
            Rule::JointTopic,
            who,
            act.predicate,
            false,
        )),
        ActKind::Act => match resolve_spans(&act.subjects, i.facts, i.parties, i.ctx) {
            Resolved::Side(s) => Some(tree_hit(s, Rule::TreeActor, who, act.predicate, false)),
            _ => None,
        },
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// README.md's bullet "**The rules, in order**" names the rules in the order of the
    /// tables here.
    ///
    /// What is parsed: the bullet is the README line starting `- **The rules, in order**` and
    /// the lines after it up to the next line that starts a bullet (`- `) or is blank; in it,
    /// every `backticked` word that is a rule name ([`Rule::from_name`]), in order, repeats
    /// included (labels such as `both` and `neither` are no rule names and are skipped).
    /// Expected: [`order`] (boilerplate, [`RULES`], [`TREE`], no-source), then
    /// `quote-continuation`, the one pass over all sentences the bullet names (speaker labels,
    /// speech continuations, the scope reaching back one sentence and readouts have bullets of
    /// their own).
    #[test]
    fn readme_lists_the_rules_in_the_order_of_the_tables() {
        let readme = include_str!("../../../README.md");
        let start = readme
            .find("\n- **The rules, in order**")
            .expect("README has the bullet \"The rules, in order\"")
            + 1;
        let mut lines = readme[start..].lines();
        let mut bullet = lines.next().unwrap_or_default().to_string();
        for line in lines.take_while(|l| !l.starts_with("- ") && !l.trim().is_empty()) {
            bullet.push(' ');
            bullet.push_str(line);
        }
        let listed: Vec<Rule> = bullet
            .split('`')
            .skip(1)
            .step_by(2)
            .filter_map(Rule::from_name)
            .collect();
        let mut expected = order();
        expected.push(Rule::QuoteContinuation);
        assert_eq!(listed, expected);
    }

    #[test]
    fn the_order_runs_from_boilerplate_to_the_fallback() {
        let order = order();
        assert_eq!(order.first(), Some(&Rule::Boilerplate));
        assert_eq!(order.last(), Some(&FALLBACK));
        assert!(RULES.iter().chain(TREE).all(|s| !s.rules.is_empty()));
    }
}
