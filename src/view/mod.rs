//! Views of an [`crate::model::Analysis`]: JSON, plain text, Markdown and CSV exports, and the
//! terminal reader.
//!
//! Views only read the analysis; they never run it again and never see the raw input. What
//! several views say alike lives here: the title ([`title`]), the speaker worth showing
//! ([`honest_speaker`]) and a claim's text with hard line breaks reflowed ([`claim_text`]).

pub mod export;
pub mod json;
pub mod plain;
/// Sanitizing lives below every stage (`crate::sanitize`): input and the views both use it.
pub use crate::sanitize;
pub mod tui;

use crate::model::{Analysis, Mention, Role, Sentence, Side};
use std::borrow::Cow;

/// The article's title: the front matter's, else the text's title line.
pub fn title(analysis: &Analysis) -> Option<Cow<'_, str>> {
    if let Some(t) = &analysis.meta.title {
        return Some(sanitize::escape_controls(t));
    }
    analysis
        .sentences
        .iter()
        .take_while(|s| s.role != Role::Body)
        .find(|s| s.role == Role::Title)
        .map(|s| sanitize::escape_controls(s.text(&analysis.source)))
}

/// A sentence's text for output: controls made visible, hard line breaks reflowed.
pub fn claim_text<'a>(analysis: &'a Analysis, sentence: &Sentence) -> Cow<'a, str> {
    tui::state::reflow(sanitize::escape_controls(sentence.text(&analysis.source)))
}

/// Rules that read the speaker from the subject of the main clause: their speaker stands
/// before the cue.
const SUBJECT_RULES: &[&str] = &[
    "subject-source",
    "subject-actor",
    "subject-state",
    "joint",
    "third-party",
    "narrator",
    "logistics",
    "striking-members",
];

/// The sentence's speaker mention when it can be the node that decided (see the module
/// rules), else `None`.
pub fn honest_speaker<'s>(analysis: &Analysis, sentence: &'s Sentence) -> Option<&'s Mention> {
    let ev = &sentence.evidence;
    let sp = ev.speaker.as_ref()?;
    let inside =
        |start: usize, end: usize| sentence.start <= start && start < end && end <= sentence.end;
    if !inside(sp.start, sp.end) || sp.text(&analysis.source).is_empty() {
        return None;
    }
    if let Some(cue) = &ev.cue
        && inside(cue.start, cue.end)
        && SUBJECT_RULES.contains(&ev.rule.as_ref())
        && sp.start >= cue.end
    {
        return None;
    }
    // A one-side speaker is not the source of a joint statement, nor of the other side's.
    match (sentence.side, sp.party) {
        (Side::Both, Some(_)) if ev.rule.as_ref() == "joint" => None,
        (Side::A | Side::B, Some(p)) if Some(p) != sentence.side.party() => None,
        _ => Some(sp),
    }
}

/// Who a claim is from, for the exports, `--plain` and the citation: the speaker of its
/// attribution ([`honest_speaker`]), else — for a side's or a joint claim — the actor of its
/// act (`evidence.actor`), when it lies in the sentence.
pub fn claim_source<'s>(analysis: &Analysis, sentence: &'s Sentence) -> Option<&'s Mention> {
    honest_speaker(analysis, sentence).or_else(|| {
        // narration has no source: the subject of "The call lasted an hour" is not one
        if sentence.side == Side::Neither {
            return None;
        }
        sentence.evidence.actor.as_ref().filter(|a| {
            sentence.start <= a.start
                && a.start < a.end
                && a.end <= sentence.end
                && !a.text(&analysis.source).is_empty()
        })
    })
}

/// The cue of a claim: its attribution's cue, else its act's predicate, when it lies in the
/// sentence. A cue without a speaker beside an act is not the claim's (its source is the
/// actor, [`claim_source`]): the predicate is.
pub fn claim_cue(sentence: &Sentence) -> Option<&Mention> {
    let ev = &sentence.evidence;
    let act = ev.speaker.is_none() && ev.predicate.is_some();
    ev.cue
        .as_ref()
        .filter(|_| !act)
        .or(ev.predicate.as_ref())
        .filter(|c| sentence.start <= c.start && c.end <= sentence.end)
}

/// Names of the parties that speak besides the two sides: the speakers of sentences decided
/// by the `third-party` rule, first appearance first, at most five.
pub fn other_parties(analysis: &Analysis) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &analysis.sentences {
        if s.evidence.rule != "third-party" {
            continue;
        }
        let Some(sp) = &s.evidence.speaker else {
            continue;
        };
        if sp.party.is_some() {
            continue;
        }
        // a party is named without its article: "the United Nations" → "United Nations"
        let text = sp.text(&analysis.source);
        let text = ["the ", "The "]
            .iter()
            .find_map(|d| text.strip_prefix(d))
            .unwrap_or(text);
        let name = sanitize::escape_controls(text).into_owned();
        let key = name.to_lowercase();
        if !name.is_empty() && !out.iter().any(|o| o.to_lowercase() == key) {
            out.push(name);
            if out.len() == 5 {
                break;
            }
        }
    }
    out
}

/// The note on parties beyond the two sides, when there are any.
/// `reader`: the reader's wording, which offers its chooser (`p`) first.
pub fn others_note(others: &[String], reader: bool) -> Option<String> {
    (!others.is_empty()).then(|| {
        format!(
            "more parties speak here ({}): to compare two others, {}run bilateral --party \
             NAME --party NAME",
            others.join(", "),
            if reader { "press p or " } else { "" }
        )
    })
}

/// The analysis notes and the note on other parties, controls made visible.
pub fn all_notes(analysis: &Analysis) -> Vec<String> {
    let mut notes: Vec<String> = analysis
        .notes
        .iter()
        .map(|n| sanitize::escape_controls(n).into_owned())
        .collect();
    notes.extend(others_note(&other_parties(analysis), false));
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PartyId;

    /// "The two leaders condemned Sylvania…": a one-side name after the verb is not the
    /// speaker the joint rule read, so nothing is shown rather than that name.
    #[test]
    fn a_speaker_that_cannot_have_decided_is_not_shown() {
        let mut a = tui::fixture::analysis();
        let at = a
            .sentences
            .iter()
            .position(|s| s.side == Side::Both)
            .expect("a joint sentence");
        let (start, end) = (a.sentences[at].start, a.sentences[at].end);
        let mut s = a.sentences[at].clone();
        s.evidence.rule = "joint".into();
        // The cue at the start, the "speaker" after it.
        s.evidence.cue = Some(Mention {
            start,
            end: start + 1,
            party: None,
        });
        s.evidence.speaker = Some(Mention {
            start: start + 2,
            end: end.min(start + 6),
            party: Some(PartyId::B),
        });
        assert!(honest_speaker(&a, &s).is_none());
        // Outside the sentence: never.
        s.evidence.speaker = Some(Mention {
            start: end + 1,
            end: end + 3,
            party: None,
        });
        assert!(honest_speaker(&a, &s).is_none());
        a.sentences[at] = s;
        // The untouched sentences keep their speakers.
        assert!(a.sentences.iter().any(|s| honest_speaker(&a, s).is_some()));
    }
}
