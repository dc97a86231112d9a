//! The timeline of the bundled seed, through the whole pipeline (`analyze`), and the
//! sentence ↔ event rule with hand-built attributions.

use bilateral::analysis::attribute::Attribution;
use bilateral::analysis::parties::Parties;
use bilateral::analysis::segment::Span;
use bilateral::analysis::timeline;
use bilateral::input::{Document, PartySpec};
use bilateral::model::{EventKind, Evidence, Granularity, Role, Side};
use bilateral::{Options, analyze};

#[test]
fn seed_has_four_events_and_the_reported_call_is_main() {
    let a = analyze(&Document::seed(), &Options::default());
    let dated: Vec<(&str, EventKind)> =
        a.events.iter().map(|e| (e.date.as_str(), e.kind)).collect();
    assert_eq!(
        dated,
        vec![
            ("2023-10-07", EventKind::Attack),
            ("2023-10-16", EventKind::Call),
            ("2023-12-08", EventKind::Vote),
            ("2023-12-10", EventKind::Call),
        ]
    );
    let main: Vec<_> = a.events.iter().filter(|e| e.main).collect();
    assert_eq!(main.len(), 1);
    let main = main[0];
    assert_eq!(main.date, "2023-12-10");
    assert!(
        main.attributes.iter().any(|x| x == "about 50 minutes"),
        "{:?}",
        main.attributes
    );
    assert!(a.events[1].attributes.iter().any(|x| x.contains("first")));
    assert!(a.events.iter().all(|e| e.granularity == Granularity::Day));

    // Every undated statement of either side belongs to the reported call; a side's dated
    // act (Russia's vote "on the 8th") belongs to its own event.
    for s in &a.sentences {
        if matches!(s.side, Side::A | Side::B | Side::Both) {
            if s.dates.is_empty() {
                assert_eq!(
                    s.event,
                    Some(main.id),
                    "sentence {}: {}",
                    s.index,
                    s.text(&a.source)
                );
            } else {
                assert!(
                    s.event.is_some(),
                    "sentence {}: {}",
                    s.index,
                    s.text(&a.source)
                );
            }
        }
    }
    // "on the 10th" and "that day" resolve to the call's date.
    let values: Vec<&str> = a
        .sentences
        .iter()
        .flat_map(|s| s.dates.iter().map(|d| d.value.as_str()))
        .collect();
    assert!(
        values.iter().filter(|v| **v == "2023-12-10").count() >= 2,
        "{values:?}"
    );
    // Mentions are spans of the input.
    for s in &a.sentences {
        for d in &s.dates {
            assert_eq!(&Document::seed().text[d.start..d.end], d.text(&a.source));
            assert!(!d.text(&a.source).is_empty());
        }
    }
    // Events point back at sentences that point at them.
    for e in &a.events {
        for &i in &e.sentences {
            assert!(i < a.sentences.len());
        }
    }
}

#[test]
fn participants_come_from_the_named_sides() {
    let options = Options {
        parties: vec![
            PartySpec::parse("Israel=Netanyahu,Israeli").unwrap().into(),
            PartySpec::parse("Russia=Putin,Kremlin,Russian")
                .unwrap()
                .into(),
        ],
        ..Options::default()
    };
    let a = analyze(&Document::seed(), &options);
    let of = |date: &str| {
        a.events
            .iter()
            .find(|e| e.date == date)
            .unwrap()
            .participants
            .clone()
    };
    assert_eq!(of("2023-12-10"), vec!["Israel", "Russia"]);
    // "The two leaders had their first phone call on October 16."
    assert_eq!(of("2023-10-16"), vec!["Israel", "Russia"]);
}

#[test]
fn without_a_reference_the_seed_keeps_what_the_text_says() {
    let mut doc = Document::seed();
    doc.meta.published = None;
    let a = analyze(&doc, &Options::default());
    assert!(
        a.notes.iter().any(|n| n.starts_with("no publication date")),
        "{:?}",
        a.notes
    );
    let dates: Vec<&str> = a.events.iter().map(|e| e.date.as_str()).collect();
    // Text order, and nothing guessed.
    assert_eq!(
        dates,
        vec!["XXXX-XX-10", "XXXX-XX-08", "XXXX-10-07", "XXXX-10-16"]
    );
}

fn attribution(side: Side) -> Attribution {
    Attribution {
        side,
        evidence: Evidence::default(),
    }
}

/// Spans for sentences separated by one space.
fn spans(sentences: &[&str]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut out = Vec::new();
    for s in sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(s);
        out.push(Span {
            start,
            end: text.len(),
            paragraph: 0,
        });
    }
    (text, out)
}

#[test]
fn undated_statements_of_a_side_belong_to_the_main_event() {
    let sentences = [
        "Freedonia's president spoke with the Sylvanian premier by phone on Monday.",
        "Freedonia demanded the return of the border posts.",
        "Sylvania said it wanted calm.",
        "The weather in the capital was mild.",
        "The two sides first met in 2019.",
        "The call lasted 40 minutes.",
    ];
    let (text, spans) = spans(&sentences);
    let roles = vec![Role::Body; spans.len()];
    let sides = [
        Side::Both,
        Side::A,
        Side::B,
        Side::Neither,
        Side::Both,
        Side::Neither,
    ];
    let attributions: Vec<Attribution> = sides.iter().map(|s| attribution(*s)).collect();
    // 2024-03-13 is a Wednesday: Monday is the 11th.
    let t = timeline::build(
        &text,
        &spans,
        &roles,
        &attributions,
        &Parties::default(),
        Some("2024-03-13"),
    );
    let main = t.events.iter().position(|e| e.main).expect("a main event");
    assert_eq!(t.events[main].date, "2024-03-11");
    assert_eq!(t.events[main].kind, EventKind::Call);
    assert_eq!(t.event_of[0], Some(main));
    assert_eq!(t.event_of[1], Some(main), "side A, no date of its own");
    assert_eq!(t.event_of[2], Some(main), "side B, no date of its own");
    assert_eq!(t.event_of[3], None, "narration without a date or a cue");
    let y2019 = t.events.iter().position(|e| e.date == "2019").unwrap();
    assert_eq!(
        t.event_of[4],
        Some(y2019),
        "its own date wins over the side"
    );
    assert_eq!(t.event_of[5], Some(main), "names the call");
    assert!(
        t.events[main]
            .attributes
            .contains(&"40 minutes".to_string())
    );
}
