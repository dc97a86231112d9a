//! A hand-made analysis of an invented article (Freedonia and Sylvania), for the reader's tests.
//!
//! Built directly as an `Analysis` so the reader is tested without depending on how the
//! analysis stages label the seed. Offsets are consistent with the text built here.

use crate::model::*;

/// (paragraph, side, text, event, counterpart)
type Row = (usize, Side, &'static str, Option<usize>, Option<usize>);

const ROWS: &[Row] = &[
    (
        0,
        Side::Neither,
        "Freedonia and Sylvania leaders speak by phone",
        None,
        None,
    ),
    (
        1,
        Side::A,
        "Freedonian President Rufus Firefly spoke by phone with Sylvanian Ambassador Trentino on Sunday, the Freedonian office said.",
        Some(2),
        None,
    ),
    (
        1,
        Side::A,
        "Firefly urged an immediate ceasefire to protect civilians on both sides of the border.",
        Some(2),
        Some(4),
    ),
    (
        2,
        Side::B,
        "Sylvania's foreign ministry said the talks were “frank and useful”.",
        Some(2),
        None,
    ),
    (
        2,
        Side::B,
        "Trentino reportedly rejected any ceasefire that would leave civilians in the border villages exposed to new raids.",
        Some(2),
        Some(2),
    ),
    (
        3,
        Side::Both,
        "The two leaders agreed to speak again in March.",
        Some(2),
        None,
    ),
    (
        4,
        Side::Neither,
        "The dispute began on October 7 when border posts were shelled.",
        Some(0),
        None,
    ),
    (
        4,
        Side::Neither,
        "The two men first spoke on October 16.",
        Some(1),
        None,
    ),
    (
        5,
        Side::A,
        "Firefly also thanked Sylvania for its help with the evacuation of Freedonian citizens.",
        Some(1),
        None,
    ),
    (6, Side::Neither, "Source: Example Wire", None, None),
];

fn mention(sentence_start: usize, sentence: &str, word: &str) -> Option<Mention> {
    let at = sentence.find(word)?;
    Some(Mention {
        start: sentence_start + at,
        end: sentence_start + at + word.len(),
        party: None,
    })
}

/// The invented article, analysed by hand.
pub fn analysis() -> Analysis {
    let mut text = String::new();
    let mut sentences = Vec::new();
    let mut paragraphs: Vec<Paragraph> = Vec::new();
    for (index, &(paragraph, side, body, event, counterpart)) in ROWS.iter().enumerate() {
        if let Some(last) = paragraphs.last_mut() {
            if last.index == paragraph {
                text.push(' ');
            } else {
                last.end = text.len();
                text.push('\n');
            }
        }
        if paragraphs.last().is_none_or(|p| p.index != paragraph) {
            paragraphs.push(Paragraph {
                index: paragraph,
                start: text.len(),
                end: text.len(),
            });
        }
        let start = text.len();
        text.push_str(body);
        let (speaker, cue, rule) = match side {
            Side::A => ("Firefly", "said", "speaker-cue"),
            Side::B => ("Sylvania", "said", "speaker-cue"),
            Side::Both => ("The two leaders", "agreed", "joint-subject"),
            Side::Neither => ("", "", "narration"),
        };
        let hedges: Vec<Mention> = mention(start, body, "reportedly").into_iter().collect();
        sentences.push(Sentence {
            index,
            start,
            end: text.len(),
            paragraph,
            role: if index == 0 { Role::Title } else { Role::Body },
            side,
            evidence: Evidence {
                rule: rule.into(),
                speaker: mention(start, body, speaker).filter(|_| !speaker.is_empty()),
                cue: mention(start, body, cue).filter(|_| !cue.is_empty()),
                quote: if body.contains('“') {
                    QuoteKind::Mixed
                } else if side == Side::Neither {
                    QuoteKind::None
                } else {
                    QuoteKind::Indirect
                },
                hedged: !hedges.is_empty(),
                hedges,
                ..Evidence::default()
            },
            dates: Vec::new(),
            event,
            counterpart,
        });
    }
    if let Some(last) = paragraphs.last_mut() {
        last.end = text.len();
    }
    let event = |id: usize, date: &str, kind: EventKind, label: &str, main: bool| Event {
        id,
        date: date.into(),
        granularity: Granularity::Day,
        kind,
        label: label.into(),
        main,
        participants: Vec::new(),
        attributes: Vec::new(),
        sentences: sentences
            .iter()
            .filter(|s: &&Sentence| s.event == Some(id))
            .map(|s| s.index)
            .collect(),
    };
    let events = vec![
        event(0, "2023-10-07", EventKind::Attack, "shelling", false),
        event(1, "2023-10-16", EventKind::Call, "call", false),
        event(2, "2023-12-10", EventKind::Call, "call", true),
    ];
    Analysis {
        source: text.as_str().into(),
        schema: SCHEMA_VERSION,
        meta: Meta {
            title: Some("Freedonia and Sylvania leaders speak by phone".into()),
            subtitle: None,
            source: Some("Example Wire".into()),
            url: None,
            published: Some("2023-12-11".into()),
        },
        parties: vec![
            Party {
                id: PartyId::A,
                name: "Freedonia".into(),
                aliases: vec!["Freedonian".into()],
                people: Vec::new(),
                origin: "detected".into(),
            },
            Party {
                id: PartyId::B,
                name: "Sylvania".into(),
                aliases: vec!["Sylvanian".into()],
                people: Vec::new(),
                origin: "detected".into(),
            },
        ],
        paragraphs,
        sentences,
        events,
        notes: Vec::new(),
    }
}

/// Gives sentence `i` of `a` the text `new`: appended to the source, with the sentence's span
/// moved onto it (its mentions still point at the old text, which stays in place).
pub fn set_text(a: &mut Analysis, i: usize, new: &str) {
    let mut source = a.source.to_string();
    source.push('\n');
    let start = source.len();
    source.push_str(new);
    if let Some(s) = a.sentences.get_mut(i) {
        s.start = start;
        s.end = source.len();
    }
    a.source = source.into();
}
