//! The country a lone leader speaks for, when the text never ties them to one.
//!
//! A side that is a person or a bare office ("President Brun", "the Prime Minister") facing a
//! country side is almost always the head of the other country in the story; naming the side
//! after the person would make a third "side" of what is one. The rules, in order:
//!
//! 0. **Source line.** A "Source: …" line naming one country and nothing else that can
//!    speak ("Source: Government of Freedonia"): the text was issued by that country, and
//!    a minister no title ties to a country speaks for it.
//! 1. **Compound with the counterpart.** A country glued by a hyphen to the other side
//!    ("Freedonia-Sylvania relationship", "Sylvania–Freedonia talks") is the home country.
//! 2. **Sole acting country.** Otherwise, the one country (other than the counterpart) that is
//!    the subject of a verb anywhere ("It was stressed that Freedonia will…").
//!
//! Before the sides are chosen, untied leaders who act ("The Prime Minister set out…" next to
//! "President Vex of Sylvania" and "Freedonia could offer…") belong to the one acting country
//! with no named people of its own, when another acting country has its named leader: the
//! text names the foreign leader and leaves its own by title. Two such countries tie nothing.
//!
//! An acting candidate (rule 2, and the untied-leader rule) must never follow a preposition
//! anywhere in the text ("the situation in
//! Sylvania", "talks between Freedonia and …"): a leader's readout talks *about* other
//! countries and only names its own as an actor ("It was stressed that Freedonia will…").
//! A candidate must be a country with no people of its own (a country with its own named
//! leader is someone else), and the answer must be unique: two candidates tie nothing.
//! The tie is never made when the sides were given by the user, or when the other side is not
//! a country (two candidates, a union and a company).

use super::lexicon::class;
use super::tokens::Token;
use super::{Entity, EntityKind, Facts, Target};
use crate::analysis::gazetteer::{Form, GAZETTEER};
use crate::model::Role;
use std::collections::BTreeMap;

fn glued(src: &str, toks: &[Token], a: usize) -> bool {
    match (toks.get(a), toks.get(a + 1), toks.get(a + 2)) {
        (Some(x), Some(h), Some(y)) => {
            let t = h.text(src);
            (t == "-" || t == "–" || t == "‑") && x.end == h.start && h.end == y.start
        }
        _ => false,
    }
}

/// The one country named on the document's "Source: …" lines (rule 0), when they name no
/// other entity that can act.
pub fn source_country(
    src: &str,
    facts: &[Facts],
    roles: &[Role],
    entities: &[Entity],
) -> Option<usize> {
    let mut found = None;
    for (f, role) in facts.iter().zip(roles) {
        if *role != Role::Source {
            continue;
        }
        let first = f.tokens.iter().find(|t| t.is_word()).map(|t| t.text(src));
        if !first
            .is_some_and(|w| w.eq_ignore_ascii_case("source") || w.eq_ignore_ascii_case("sources"))
        {
            continue;
        }
        for m in f.mentions.iter().filter(|m| m.agentive) {
            let Target::Entity(e) = m.target else {
                return None;
            };
            if entities[e].kind != EntityKind::Country || found.is_some_and(|c| c != e) {
                return None;
            }
            found = Some(e);
        }
    }
    found
}

/// The home country of side entity `me`, facing `other`; `issuer` is the country of the
/// source line ([`source_country`]).
pub fn home_country(
    src: &str,
    facts: &[Facts],
    entities: &[Entity],
    issuer: Option<usize>,
    me: usize,
    other: usize,
) -> Option<usize> {
    if !entities[me].may_be_leader() || entities[other].kind != EntityKind::Country {
        return None;
    }
    let places = place_like(src, facts, entities.len());
    let candidate = |e: usize| {
        e != other
            && e != me
            && entities[e].kind == EntityKind::Country
            && entities[e].people.is_empty()
    };
    if let Some(c) = issuer.filter(|&c| candidate(c)) {
        return Some(c);
    }
    let mut compound: BTreeMap<usize, usize> = BTreeMap::new();
    let mut acting: BTreeMap<usize, usize> = BTreeMap::new();
    for f in facts {
        let entity = |m: usize| match f.mentions[m].target {
            Target::Entity(e) => Some(e),
            _ => None,
        };
        for (i, w) in f.mentions.windows(2).enumerate() {
            let (x, y) = (&w[0], &w[1]);
            if y.first == x.last + 1 && x.last > 0 && glued(src, &f.tokens, x.last - 1) {
                let (Some(ex), Some(ey)) = (entity(i), entity(i + 1)) else {
                    continue;
                };
                for (c, o) in [(ex, ey), (ey, ex)] {
                    if o == other && candidate(c) {
                        *compound.entry(c).or_default() += 1;
                    }
                }
            }
        }
        for fr in f.frames.iter().filter(|fr| !fr.quoted) {
            for &m in &fr.members {
                if let Some(c) = entity(m).filter(|&c| candidate(c) && !places[c]) {
                    *acting.entry(c).or_default() += 1;
                }
            }
        }
    }
    let unique = |map: &BTreeMap<usize, usize>| {
        (map.len() == 1)
            .then(|| map.keys().next().copied())
            .flatten()
    };
    if compound.is_empty() {
        unique(&acting)
    } else {
        unique(&compound)
    }
}

/// The one acting country with no named people, when another acting country has its named
/// people and some untied leader acts too: where the untied leaders belong.
pub fn leaders_country(
    src: &str,
    facts: &[Facts],
    entities: &[Entity],
    score: &[usize],
) -> Option<usize> {
    let places = place_like(src, facts, entities.len());
    let acting = |e: usize| score.get(e).is_some_and(|&s| s > 0);
    let countries =
        || (0..entities.len()).filter(|&e| acting(e) && entities[e].kind == EntityKind::Country);
    let untied_leader = (0..entities.len()).any(|e| acting(e) && entities[e].may_be_leader());
    let counterpart = countries().any(|e| !entities[e].people.is_empty());
    let mut bare = countries().filter(|&e| entities[e].people.is_empty() && !places[e]);
    match (untied_leader && counterpart, bare.next(), bare.next()) {
        (true, Some(home), None) => Some(home),
        _ => None,
    }
}

/// Per entity: named after a preposition somewhere ("the situation in Sylvania", "talks
/// between Freedonia and…"): a country the text talks about, which a leader's own country
/// rarely is in their own readout. Such a country is never guessed as a leader's home. A
/// capital or seat of government after a preposition is where something happened ("told
/// journalists in Nairobi"), which says nothing of the kind, and "of" relates rather than
/// places ("the detention of Sylvanian traders"): neither counts.
fn place_like(src: &str, facts: &[Facts], n: usize) -> Vec<bool> {
    let mut out = vec![false; n];
    for f in facts {
        for m in &f.mentions {
            let Target::Entity(e) = m.target else {
                continue;
            };
            let seat = GAZETTEER
                .find(src, m.start, m.end)
                .iter()
                .any(|h| matches!(h.form, Form::Capital | Form::Seat));
            if seat {
                continue;
            }
            // walk back over a few determiners: "in the Freedonian capital"
            let mut k = m.first;
            while k > 0
                && m.first - k < 3
                && f.tokens[k - 1].is_word()
                && f.tokens[k - 1].is(class::DET)
            {
                k -= 1;
            }
            // "of" relates a noun to the country ("the people of Sylvania", "the detention of
            // Sylvanian traders"); it does not place anything there
            if e < n
                && k > 0
                && f.tokens[k - 1].is_word()
                && f.tokens[k - 1].is(class::PREP)
                && !f.tokens[k - 1].text(src).eq_ignore_ascii_case("of")
            {
                out[e] = true;
            }
        }
    }
    out
}
