//! Rule 11, across paragraphs: a quoted paragraph that names no source continues the quoted
//! speaker of the paragraph just before it (`quote-continuation`).
//!
//! News gives a long quotation a paragraph at a time and names the speaker once:
//!
//! ```text
//! “We notified Sylvania last year,” Brun said.
//! “Sylvania is a close friend, and I want to thank them.”
//! ```
//!
//! The second paragraph is Brun's. A paragraph continues the speaker when
//! 1. it opens with a quotation mark,
//! 2. none of its sentences names a source of its own (an explicit decision: a speaker, an
//!    actor, logistics), and
//! 3. the paragraph just before ends in a sentence that quotes a side's speaker — a quotation
//!    mark in it and explicit speech by a side — or is itself a continued paragraph.
//!
//! Only the sentences inside the quotation take the speaker: the quotation opened at the
//! paragraph's start runs until its closing mark, and a sentence after that is narration
//! again. A plain paragraph in between ends the chain ("…,” Brun said. / Sylvania did not
//! reply. / “It is over.”): the speaker of a quotation is not carried over narration.

use super::decide::Decision;
use super::rule::Rule;
use crate::analysis::segment::Span;
use crate::model::Side;

/// Opening and closing quotation marks; the straight quote does both.
fn opens(c: char) -> bool {
    matches!(c, '“' | '"' | '«' | '„')
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '"' | '»')
}

fn has_quote(text: &str) -> bool {
    text.chars().any(|c| opens(c) || closes(c))
}

/// Applies the rule to all `decisions` (one per sentence of `sentences`, in order).
pub fn apply(text: &str, sentences: &[Span], decisions: &mut [Decision]) {
    let n = decisions.len().min(sentences.len());
    // the side whose quotation the last paragraph ended in, if it did
    let mut carried: Option<Side> = None;
    let mut start = 0;
    while start < n {
        let paragraph = sentences[start].paragraph;
        let end = (start..n)
            .find(|&k| sentences[k].paragraph != paragraph)
            .unwrap_or(n);
        let body = |k: usize| text.get(sentences[k].start..sentences[k].end).unwrap_or("");
        let opens_quoted = body(start).trim_start().starts_with(opens);
        let own_source = (start..end).any(|k| decisions[k].explicit);
        let mut continued = false;
        if let Some(side) = carried
            && opens_quoted
            && !own_source
        {
            for k in inside_opening_quote(start..end, body) {
                decisions[k].continues(side, Rule::QuoteContinuation);
            }
            continued = true;
        }
        let last = &decisions[end - 1];
        carried = if continued {
            // the chain goes on only if the paragraph ends inside the quotation
            carried.filter(|_| decisions[end - 1].rule == Rule::QuoteContinuation)
        } else if last.explicit
            && last.speech
            && matches!(last.side, Side::A | Side::B)
            && has_quote(body(end - 1))
        {
            Some(last.side)
        } else {
            None
        };
        start = end;
    }
}

/// The sentences of a paragraph (`range`) that stand inside the quotation opened at its
/// start: up to and including the one that closes it.
fn inside_opening_quote<'a>(
    range: std::ops::Range<usize>,
    body: impl Fn(usize) -> &'a str,
) -> Vec<usize> {
    let mut inside = Vec::new();
    let mut open = false;
    for k in range {
        let started_open = open || inside.is_empty();
        if !started_open {
            break;
        }
        inside.push(k);
        for c in body(k).chars() {
            if c == '"' {
                open = !open;
            } else if opens(c) {
                open = true;
            } else if closes(c) {
                open = false;
            }
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<Span> {
        // one sentence per line; a blank-free paragraph number per line, sentences of a line
        // split at ". "
        let mut out = Vec::new();
        let mut offset = 0;
        for (p, line) in text.split('\n').enumerate() {
            let mut s = 0;
            for (i, _) in line.match_indices(". ") {
                out.push(Span {
                    start: offset + s,
                    end: offset + i + 1,
                    paragraph: p,
                });
                s = i + 2;
            }
            out.push(Span {
                start: offset + s,
                end: offset + line.len(),
                paragraph: p,
            });
            offset += line.len() + 1;
        }
        out
    }

    fn quoted_by(side: Side) -> Decision {
        let mut d = Decision::neither(Rule::NoSource);
        d.side = side;
        d.rule = Rule::PostPosed;
        d.speech = true;
        d.explicit = true;
        d
    }

    #[test]
    fn a_bare_quoted_paragraph_continues_the_last_quoted_speaker() {
        let text = "“We notified Sylvania,” Brun said.\n“Sylvania is a friend. I thank them.” The crowd left.";
        let s = spans(text);
        let mut d = vec![
            quoted_by(Side::A),
            Decision::neither(Rule::NoSource),
            Decision::neither(Rule::NoSource),
            Decision::neither(Rule::NoSource),
        ];
        apply(text, &s, &mut d);
        assert_eq!(d[1].side, Side::A);
        assert_eq!(d[1].rule, Rule::QuoteContinuation);
        assert_eq!(d[2].side, Side::A, "still inside the quotation");
        assert_eq!(
            d[3].side,
            Side::Neither,
            "after the closing mark: narration"
        );
    }

    #[test]
    fn narration_between_ends_the_chain_and_a_paragraph_with_its_own_source_keeps_it() {
        let text = "“We notified Sylvania,” Brun said.\nSylvania did not reply.\n“It is over.”";
        let s = spans(text);
        let mut d = vec![
            quoted_by(Side::A),
            Decision::neither(Rule::NoSource),
            Decision::neither(Rule::NoSource),
        ];
        apply(text, &s, &mut d);
        assert_eq!(d[2].side, Side::Neither);

        let text = "“We notified Sylvania,” Brun said.\n“It is over,” Vex said.";
        let s = spans(text);
        let mut d = vec![quoted_by(Side::A), quoted_by(Side::B)];
        apply(text, &s, &mut d);
        assert_eq!(d[1].side, Side::B);
    }

    #[test]
    fn a_paraphrase_is_no_quotation_to_continue() {
        // the last sentence reports speech without quotation marks: nothing to continue
        let text = "Brun said Sylvania had been notified.\n“It is over.”";
        let s = spans(text);
        let mut d = vec![quoted_by(Side::A), Decision::neither(Rule::NoSource)];
        apply(text, &s, &mut d);
        assert_eq!(d[1].side, Side::Neither);
    }
}
