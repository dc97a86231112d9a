//! The per-sentence decision: rules 1–13 of the module doc, tried in the order of the tables
//! in [`super::steps`] (14 is in `readout`), and the context carried to the next sentence.

use super::super::clauses::Reading;
use super::super::parties::{Facts, Ment, Parties, Target};
use super::decide::{Context, Decision, TreeHit};
use super::rule::Rule;
use super::steps::{self, Input};
use crate::model::{PartyId, Role, Side};

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
            let within = |m: &&Ment| match (d.speaker, d.by_tree) {
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
