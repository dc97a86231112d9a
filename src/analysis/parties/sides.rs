//! Steps 3 and 4 of the module doc, choosing the sides and their order, then the party list.
//!
//! The two best-scoring entities ([`super::sources`]) that can be sides (countries,
//! organisations, people, offices; never media or places) are the sides, after the given ones;
//! ties go to the one mentioned more, then the one seen first. With fewer than two sources,
//! the most-mentioned entity fills in. A lone person or office chosen against the country that
//! issued the text (its "Source: …" line) is that country's leader: they join it and the
//! second side is chosen again. Untied leaders who act may first join their home
//! country, and a side that is a lone person or bare office facing a country is renamed after
//! its home country when the text shows it ([`super::home`]); its mentions and people move to
//! that country. A is the side that first appears as a source in the body, else the first
//! mentioned.

use super::sources::Scores;
use super::{Entity, EntityKind, Facts, Target, home};
use crate::model::{GivenParty, Party, PartyId, Person, Role};

/// The entities of the sides (at most two), in order: A first.
pub fn choose(
    text: &str,
    roles: &[Role],
    given: &[usize],
    entities: &mut [Entity],
    facts: &mut [Facts],
    scores: &mut Scores,
) -> Vec<usize> {
    if given.is_empty() {
        leaders_home(text, facts, entities, scores);
    }
    let mut sides = rank(given, entities, scores);
    if given.is_empty()
        && sides.len() == 2
        && let Some((leader, country)) = issuers_own_leader(text, roles, entities, facts, &sides)
    {
        merge(entities, facts, leader, country);
        scores.merge(leader, country);
        sides = rank(given, entities, scores);
    }
    if given.is_empty() && sides.len() == 2 {
        officials_home(entities, facts, scores, &sides);
        home_and_order(text, roles, entities, facts, scores, &mut sides);
    }
    sides
}

/// Untied leaders who act, next to exactly one acting country with no named people and a
/// counterpart country with its named leader: they speak for that country.
fn leaders_home(text: &str, facts: &mut [Facts], entities: &mut [Entity], scores: &mut Scores) {
    let Some(home) = home::leaders_country(text, facts, entities, &scores.score) else {
        return;
    };
    for p in 0..entities.len() {
        if scores.score[p] > 0 && entities[p].may_be_leader() {
            merge(entities, facts, p, home);
            scores.merge(p, home);
        }
    }
}

/// Untied officials who act but are no side ("Foreign ministry spokesperson Li Wen told a
/// briefing…"), when one side is a country that names none of its people and the other a
/// country whose people the text ties to it ("Philippine President Maria Cruz"): they speak
/// for the first. A text ties the other side's people and leaves its own side's untied, the
/// same reading as [`leaders_home`] before the sides are known.
fn officials_home(
    entities: &mut [Entity],
    facts: &mut [Facts],
    scores: &mut Scores,
    sides: &[usize],
) {
    let country = |e: usize| entities[e].kind == EntityKind::Country;
    let (a, b) = (sides[0], sides[1]);
    if !country(a) || !country(b) {
        return;
    }
    let home = match (entities[a].people.is_empty(), entities[b].people.is_empty()) {
        (true, false) => a,
        (false, true) => b,
        _ => return,
    };
    for p in 0..entities.len() {
        if scores.score[p] > 0 && !sides.contains(&p) && entities[p].may_be_leader() {
            merge(entities, facts, p, home);
            scores.merge(p, home);
        }
    }
}

/// A lone person or bare office chosen as a side against the very country that issued the
/// text (the one country of its "Source: …" line, [`home::source_country`]): the issuer's
/// own leader, whom its readout names without a tie ("President Brun sent a message…" under
/// "Source: Government of Freedonia"), not a side of their own. Returns (that side, the
/// country) so that the person joins the country and the second side is chosen again.
fn issuers_own_leader(
    text: &str,
    roles: &[Role],
    entities: &[Entity],
    facts: &[Facts],
    sides: &[usize],
) -> Option<(usize, usize)> {
    let issuer = home::source_country(text, facts, roles, entities)?;
    (0..2).find_map(|k| {
        let (me, other) = (sides[k], sides[1 - k]);
        (other == issuer && entities[me].may_be_leader()).then_some((me, other))
    })
}

/// The given sides, then the best sources that can be sides, up to two.
fn rank(given: &[usize], entities: &[Entity], scores: &Scores) -> Vec<usize> {
    let eligible = |e: usize| !matches!(entities[e].kind, EntityKind::Media | EntityKind::Place);
    let (score, count) = (&scores.score, &scores.count);
    let mut sides: Vec<usize> = given.to_vec();
    let mut ranked: Vec<usize> = (0..entities.len())
        .filter(|&e| eligible(e) && (score[e] > 0 || count[e] > 1))
        .collect();
    ranked.sort_by_key(|&e| {
        (
            usize::MAX - score[e],
            usize::MAX - count[e],
            scores.first_seen[e],
        )
    });
    for e in ranked {
        if sides.len() >= 2 {
            break;
        }
        if !sides.contains(&e) {
            sides.push(e);
        }
    }
    sides
}

/// A lone person or bare office facing a country speaks for its home country; then A is the
/// side first a source (in the body), else first seen.
fn home_and_order(
    text: &str,
    roles: &[Role],
    entities: &mut [Entity],
    facts: &mut [Facts],
    scores: &mut Scores,
    sides: &mut [usize],
) {
    let issuer = home::source_country(text, facts, roles, entities);
    for k in 0..2 {
        let (me, other) = (sides[k], sides[1 - k]);
        if let Some(home) = home::home_country(text, facts, entities, issuer, me, other) {
            merge(entities, facts, me, home);
            scores.merge_positions(me, home);
            sides[k] = home;
        }
    }
    let key =
        |e: usize| scores.first_source[e].min(scores.first_seen[e].saturating_add(usize::MAX / 2));
    if key(sides[1]) < key(sides[0]) {
        sides.swap(0, 1);
    }
}

/// Entity `from` is `into`: its mentions and people move over.
fn merge(entities: &mut [Entity], facts: &mut [Facts], from: usize, into: usize) {
    for f in facts.iter_mut() {
        for m in &mut f.mentions {
            if m.target == Target::Entity(from) {
                m.target = Target::Entity(into);
            }
        }
    }
    let mut people = std::mem::take(&mut entities[from].people);
    if people.is_empty()
        && entities[from].kind != EntityKind::Office
        && entities[from].may_be_leader()
    {
        people.push(Person {
            name: entities[from].name.clone(),
            title: None,
        });
    }
    entities[into].people.extend(people);
}

/// The remark for the reader when fewer than two sides were found.
pub fn note(found: usize) -> Option<String> {
    match found {
        0 => Some("no side found: name the two sides with --party NAME (twice)".to_string()),
        1 => Some("only one side found: name the other with --party".to_string()),
        _ => None,
    }
}

/// The parties of `sides`, with the given names and aliases, then the forms found (up to 24
/// aliases).
pub fn parties(
    text: &str,
    sides: &[usize],
    entities: &[Entity],
    facts: &[Facts],
    given: &[GivenParty],
    origin: &str,
) -> Vec<Party> {
    let ids = [PartyId::A, PartyId::B];
    sides
        .iter()
        .zip(ids)
        .enumerate()
        .map(|(k, (&e, id))| {
            let entity = &entities[e];
            let name = given
                .get(k)
                .map_or_else(|| entity.name.clone(), |g| g.name.clone());
            let mut aliases: Vec<String> =
                given.get(k).map(|g| g.aliases.clone()).unwrap_or_default();
            for f in facts {
                for m in &f.mentions {
                    if m.target == Target::Entity(e) {
                        let form = text[m.start..m.end].to_string();
                        if form != name && !aliases.contains(&form) && aliases.len() < 24 {
                            aliases.push(form);
                        }
                    }
                }
            }
            Party {
                id,
                name,
                aliases,
                people: entity.people.clone(),
                origin: if k < given.len() {
                    origin.to_string()
                } else {
                    "detected".to_string()
                },
            }
        })
        .collect()
}
