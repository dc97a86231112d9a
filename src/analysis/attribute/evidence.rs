//! Evidence for a decision: speaker and cue spans, quote kind, hedges.

use super::super::clauses::Speech;
use super::super::gazetteer::whole_word;
use super::super::lexicon::{LEXICON, mark};
use super::super::parties::tokens::Kind;
use super::super::parties::{Facts, Parties};
use super::super::segment::Span;
use super::decide::Decision;
use crate::model::{Evidence, Mention, PartyId, QuoteKind};

fn span_mention(facts: &Facts, (a, b): (usize, usize), d: &Decision) -> Option<Mention> {
    let toks = &facts.tokens;
    let first = toks.get(a)?;
    let last = toks.get(b.checked_sub(1)?)?;
    if last.end < first.start {
        return None;
    }
    Some(Mention {
        start: first.start(),
        end: last.end(),
        party: d.side.party(),
    })
}

fn byte_mention((start, end): (u32, u32), party: Option<PartyId>) -> Mention {
    Mention {
        start: start as usize,
        end: end as usize,
        party,
    }
}

/// The evidence of decision `d`. `speech` is the tree's attribution in the sentence, if any
/// ([`crate::analysis::clauses::Speech`]): `speaker` and `cue` name attributions only — the
/// tree's when it has a speaker (the outermost attribution: "Vale said Brun congratulated
/// him" is Vale's, whichever side the decision took from the embedded clause), else the
/// decision's own when it is speech — unless the tree read the same cue and found it no
/// speaker ("Vale was asked about the plan": a passive's subject is asked, not speaking;
/// "Vale is expected to sign") —, else the tree's cue with no speaker ("the outcome seems
/// certain", also beside an act) — and an act's subject and predicate go to `actor` and
/// `predicate`.
pub fn build(
    text: &str,
    span: &Span,
    facts: Option<&Facts>,
    d: &Decision,
    speech: Option<&Speech>,
    _parties: &Parties,
) -> Evidence {
    let hay = &text[span.start..span.end];
    // a sentence whose tokens hold no hedge's mark word has no hedge (lexicon::mark)
    let may_hedge = LEXICON.hedges_unmarked
        || facts.is_none_or(|f| f.tokens.iter().any(|t| t.marks() & mark::HEDGE != 0));
    let hedges: Vec<Mention> = if may_hedge {
        LEXICON
            .hedges
            .find_iter(hay)
            .filter(|m| whole_word(hay, m.start(), m.end()))
            .map(|m| Mention {
                start: span.start + m.start(),
                end: span.start + m.end(),
                party: None,
            })
            .collect()
    } else {
        Vec::new()
    };
    let Some(facts) = facts else {
        return Evidence {
            rule: d.rule.name().into(),
            hedged: !hedges.is_empty(),
            hedges,
            ..Evidence::default()
        };
    };
    let (mut who, mut what) = match d.by_tree {
        Some(hit) => (
            hit.who.map(|w| byte_mention(w, d.side.party())),
            Some(byte_mention(hit.cue, None)),
        ),
        None => (
            d.speaker.and_then(|r| span_mention(facts, r, d)),
            d.cue.and_then(|r| span_mention(facts, r, d)),
        ),
    };
    if let Some(c) = what.as_mut() {
        c.party = None;
    }
    let (tree_speaker, tree_cue) = match speech {
        Some(sp) => (
            sp.speaker.map(|w| byte_mention(w, None)),
            Some(byte_mention(sp.cue, None)),
        ),
        None => (None, None),
    };
    // the tree read the decision's own cue and found no speaker for it — the subject of a
    // passive ("Vale was asked about…", "Vale is expected to…"), a speaker the learnt judge
    // finds unlikely ("Vale appears tired"): the decision's subject is no speaker either
    if d.speech
        && tree_speaker.is_none()
        && matches!((&what, &tree_cue), (Some(a), Some(b)) if a.start == b.start)
    {
        who = None;
    }
    // where the decision's speaker and the tree's overlap they name the same person: the
    // decision's spans stay (its speaker is the party's mention, "Israeli Prime Minister's
    // Office"); a shared cue is not enough ("Brun, an aide, said Vale's plan failed": the
    // decision may have taken "Vale" for the speaker of "said")
    let agree = d.speech
        && match (&who, &tree_speaker) {
            (Some(a), Some(b)) => a.start < b.end && b.start < a.end,
            _ => false,
        };
    let (speaker, cue, actor, predicate) = if tree_speaker.is_some() && !agree {
        // the tree's attribution is the outermost one with a speaker ("Vale said Brun
        // congratulated him" is Vale's): PolNeAR's and the reader's speaker, whatever side the
        // decision took from an embedded or quoted clause
        let (actor, predicate) = if d.speech { (None, None) } else { (who, what) };
        (tree_speaker, tree_cue, actor, predicate)
    } else if d.speech && who.is_some() {
        (who.take(), what.take(), None, None)
    } else if d.speech {
        (tree_speaker, what.take().or(tree_cue), None, None)
    } else if tree_speaker.is_some() {
        // an act with an attribution beside it ("Russia avoided criticism and emphasized…")
        (tree_speaker, tree_cue, who, what)
    } else if who.is_some() {
        // an attribution whose source the tree did not find still has its cue beside the
        // act ("Outside groups supporting Rubio also have spent heavily": PolNeAR's and the
        // reader's cue); the claim's cue stays the act's predicate (`view::claim_cue`)
        (None, tree_cue, who, what)
    } else {
        // but where there is no act it is the sentence's attribution ("the outcome seems
        // certain")
        (None, tree_cue, None, what)
    };
    let words: Vec<usize> = (0..facts.tokens.len())
        .filter(|&k| facts.tokens[k].kind() == Kind::Word)
        .collect();
    let inside = words.iter().filter(|&&k| facts.inside[k]).count();
    let in_range = |k: usize, r: Option<(usize, usize)>| r.is_some_and(|(a, b)| k >= a && k < b);
    let outside_content = words
        .iter()
        .filter(|&&k| !facts.inside[k] && !in_range(k, d.speaker) && !in_range(k, d.cue))
        .count();
    let quote = if d.speech || speech.is_some_and(|s| s.speaker.is_some()) {
        if inside == 0 {
            QuoteKind::Indirect
        } else if outside_content <= 3 {
            QuoteKind::Direct
        } else {
            QuoteKind::Mixed
        }
    } else if !words.is_empty() && inside == words.len() {
        QuoteKind::Direct
    } else {
        QuoteKind::None
    };
    Evidence {
        rule: d.rule.name().into(),
        speaker,
        cue,
        actor,
        predicate,
        quote,
        hedged: !hedges.is_empty(),
        hedges,
    }
}
