//! Evidence for a decision: speaker and cue spans, quote kind, hedges.

use super::super::parties::lexicon::{LEXICON, mark};
use super::super::parties::tokens::Kind;
use super::super::parties::{Facts, Parties, gazetteer::whole_word};
use super::super::segment::Span;
use super::decide::Decision;
use crate::model::{Evidence, Mention, QuoteKind};

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

pub fn build(
    text: &str,
    span: &Span,
    facts: Option<&Facts>,
    d: &Decision,
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
            rule: d.rule.into(),
            hedged: !hedges.is_empty(),
            hedges,
            ..Evidence::default()
        };
    };
    let speaker = d.speaker.and_then(|r| span_mention(facts, r, d));
    let mut cue = d.cue.and_then(|r| span_mention(facts, r, d));
    if let Some(c) = cue.as_mut() {
        c.party = None;
    }
    let words: Vec<usize> = (0..facts.tokens.len())
        .filter(|&k| facts.tokens[k].kind() == Kind::Word)
        .collect();
    let inside = words.iter().filter(|&&k| facts.inside[k]).count();
    let in_range = |k: usize, r: Option<(usize, usize)>| r.is_some_and(|(a, b)| k >= a && k < b);
    let outside_content = words
        .iter()
        .filter(|&&k| !facts.inside[k] && !in_range(k, d.speaker) && !in_range(k, d.cue))
        .count();
    let quote = if d.speech {
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
        rule: d.rule.into(),
        speaker,
        cue,
        quote,
        hedged: !hedges.is_empty(),
        hedges,
    }
}
