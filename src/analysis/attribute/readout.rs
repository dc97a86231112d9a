//! Official readouts: a text issued by one side, whose issuer is the implicit reporting party
//! of every sentence (the guideline's reporting-party rule).
//!
//! A text is a readout of side I only on explicit evidence, tried in this order:
//!
//! 1. **Title naming only the counterpart.** A title with no verb frame of the form
//!    "[…] EVENT with X" ("Telephone conversation with the Sylvanian Prime Minister",
//!    "PM call with President Vex of Sylvania"): the issuer is implicit and is the *other* side.
//!    The title must not mention the issuer itself, and X must be a single side.
//! 2. **Source line.** A "Source: …" line ("Source: Freedonian Foreign Ministry") whose only
//!    side mention is one side's, not a medium: that side. Photo credits and "Read more" links
//!    are source lines too, but name what they show, not the issuer: they never count.
//! 3. **Readout marker.** A phrase of `assets/readout.txt` anywhere ("Readout of the call…",
//!    "The outline of the talks is as follows.", "provisional translation") and the first
//!    logistics sentence with
//!    a single side as subject ("Minister Brun held a telephone talk with Minister Vex"):
//!    the subject's side, since a readout opens with its own side's act.
//!
//! A news report that quotes both sides ("Vex said…") carries none of these, so it is never
//! a readout: the rule must never fire on a title with a verb ("Brun holds talks with Vex")
//! or on a title naming both sides.
//!
//! What the readout changes (rule `readout`): in body sentences, content whose source is the
//! other side becomes the issuer's ("The Sylvanian Prime Minister congratulated Brun…" in a
//! Freedonian readout), and so does an agentless report ("It was stressed that…"). Joint
//! content stays `both`, logistics and boilerplate stay `neither`, and titles keep their label.

use super::super::lexicon::{VerbClass, class};
use super::super::parties::tokens::Token;
use super::super::parties::{Facts, Parties, Target};
use super::super::segment::Span;
use super::decide::Decision;
use super::rule::Rule;
use crate::model::{PartyId, Role, Side};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

static MARKERS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let list: Vec<String> = crate::assets::entries(include_str!("../../../assets/readout.txt"))
        .map(str::to_lowercase)
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(list)
        .expect("readout markers build")
});

fn other(side: Side) -> Side {
    match side {
        Side::A => Side::B,
        Side::B => Side::A,
        s => s,
    }
}

/// The sides mentioned (by entity) in the mentions of one sentence.
fn sides_mentioned(f: &Facts, parties: &Parties, from_token: usize) -> (bool, bool) {
    let (mut a, mut b) = (false, false);
    for m in f.mentions.iter().filter(|m| m.first >= from_token) {
        if let Target::Entity(e) = m.target {
            match parties.side_of(e) {
                Some(PartyId::A) => a = true,
                Some(PartyId::B) => b = true,
                None => {}
            }
        }
    }
    (a, b)
}

fn single(ab: (bool, bool)) -> Option<Side> {
    match ab {
        (true, false) => Some(Side::A),
        (false, true) => Some(Side::B),
        _ => None,
    }
}

/// Rule 1: "[…] EVENT with X" in a verbless title.
fn from_title(text: &str, f: &Facts, parties: &Parties) -> Option<Side> {
    if !f.frames.is_empty() {
        return None;
    }
    let toks: &[Token] = &f.tokens;
    let w = toks
        .iter()
        .position(|t| t.is_word() && t.text(text).eq_ignore_ascii_case("with"))?;
    let before = toks.get(w.checked_sub(1)?)?;
    if !before.is_word() || !before.is(class::EVENT) {
        return None;
    }
    // the issuer must not be named before "with"
    if sides_mentioned(f, parties, 0) != sides_mentioned(f, parties, w) {
        return None;
    }
    single(sides_mentioned(f, parties, w)).map(other)
}

/// Rule 2: a "Source: …" line naming one side (not a photo credit or a "Read more" link).
fn from_source(text: &str, f: &Facts, parties: &Parties) -> Option<Side> {
    let first = f.tokens.iter().find(|t| t.is_word())?.text(text);
    if !(first.eq_ignore_ascii_case("source") || first.eq_ignore_ascii_case("sources"))
        || !f.mentions.iter().any(|m| m.agentive)
    {
        return None;
    }
    single(sides_mentioned(f, parties, 0))
}

/// Rule 3: the single-side subject of the first logistics frame of the body.
fn first_logistics(facts: &[Facts], roles: &[Role], parties: &Parties) -> Option<Side> {
    for (f, role) in facts.iter().zip(roles) {
        if *role != Role::Body {
            continue;
        }
        if let Some(fr) = f
            .frames
            .iter()
            .find(|fr| fr.main && !fr.quoted && fr.class == VerbClass::Logistic)
        {
            let mut sides = (false, false);
            for &m in &fr.members {
                match f.mentions[m].target {
                    Target::Entity(e) => match parties.side_of(e) {
                        Some(PartyId::A) => sides.0 = true,
                        Some(PartyId::B) => sides.1 = true,
                        None => return None,
                    },
                    _ => return None,
                }
            }
            return single(sides);
        }
    }
    None
}

/// The issuing side of a readout, if the text is one.
pub fn issuer(text: &str, sentences: &[Span], roles: &[Role], parties: &Parties) -> Option<Side> {
    parties.sides[1]?;
    let facts = &parties.facts;
    let role = |i: usize| roles.get(i).copied().unwrap_or(Role::Body);
    if let Some(f) = facts.first().filter(|_| role(0) == Role::Title)
        && let Some(side) = from_title(text, f, parties)
    {
        return Some(side);
    }
    if let Some(side) = facts
        .iter()
        .enumerate()
        .filter(|(i, _)| role(*i) == Role::Source)
        .find_map(|(_, f)| from_source(text, f, parties))
    {
        return Some(side);
    }
    let marked = sentences.iter().any(|s| {
        text.get(s.start..s.end)
            .is_some_and(|hay| MARKERS.find(hay).is_some())
    });
    if marked {
        return first_logistics(facts, roles, parties);
    }
    None
}

/// Applies the readout rule to the decisions of the body.
pub fn apply(issuer: Side, roles: &[Role], decisions: &mut [Decision]) {
    for (i, d) in decisions.iter_mut().enumerate() {
        if roles.get(i).copied().unwrap_or(Role::Body) != Role::Body {
            continue;
        }
        let content_of_other = d.side == other(issuer)
            && matches!(
                d.rule,
                Rule::SubjectSource
                    | Rule::SubjectActor
                    | Rule::TreeActor
                    | Rule::PostPosed
                    | Rule::EmbeddedSource
                    | Rule::SubjectState
                    | Rule::QuoteContinuation
                    | Rule::AccordingTo
                    | Rule::Scope
            );
        // an agentless report ("It was noted that Sylvania will…") is the issuer's whatever
        // side its complement names: the issuer is the one who noted it; joint content stays
        let agentless = d.side != Side::Both && d.rule == Rule::AgentlessReport;
        if content_of_other || agentless {
            d.side = issuer;
            d.rule = Rule::Readout;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_load_and_match_case_insensitively() {
        assert!(
            MARKERS
                .find("THE OUTLINE OF THE TALKS IS AS FOLLOWS.")
                .is_some()
        );
        assert!(MARKERS.find("Brun said the talks went well.").is_none());
    }

    #[test]
    fn other_swaps_sides_only() {
        assert_eq!(other(Side::A), Side::B);
        assert_eq!(other(Side::Both), Side::Both);
    }
}
