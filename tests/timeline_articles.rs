//! The timeline on invented articles, through the whole pipeline (`analyze`).

use bilateral::input::Document;
use bilateral::model::{Analysis, EventKind, Granularity};
use bilateral::{Options, analyze};

fn analysis(text: &str) -> Analysis {
    let doc = Document::parse("test.txt", text.as_bytes().to_vec()).expect("valid test article");
    analyze(&doc, &Options::default())
}

fn values(a: &Analysis) -> Vec<(String, String)> {
    a.sentences
        .iter()
        .flat_map(|s| {
            s.dates
                .iter()
                .map(|d| (d.text(&a.source).to_string(), d.value.clone()))
        })
        .collect()
}

const STRIKE: &str = "+++
title = \"Dockers and port operator to resume talks\"
published = 2024-03-14
parties = [\"the union=dockers' union,dockers\", \"the company=Harbourline\"]
+++
The dockers' union and Harbourline met on Monday for the first time since the strike began on the 3rd.
The meeting lasted nearly two hours, the union said.
Harbourline said the same day that it may raise its offer, but it did not say by how much.
The two sides will meet again on the 20th, and a ballot of members is planned for April 2.
Last week the union rejected a 4% offer; in 2019 a similar dispute ended after 2,023 people signed a petition.
A columnist for the Sunday Times wrote that the 10th anniversary of the port's privatisation falls this year.
";

#[test]
fn strike_article_dates() {
    let a = analysis(STRIKE);
    let v = values(&a);
    let get = |t: &str| v.iter().find(|(x, _)| x == t).map(|(_, val)| val.as_str());
    // 2024-03-14 is a Thursday.
    assert_eq!(get("Monday"), Some("2024-03-11"));
    assert_eq!(get("the 3rd"), Some("2024-03-03"));
    assert_eq!(get("the same day"), Some("2024-03-11"));
    assert_eq!(get("the 20th"), Some("2024-03-20"), "future tense: {v:?}");
    assert_eq!(get("April 2"), Some("2024-04-02"));
    assert_eq!(get("Last week"), Some("2024-W10"));
    assert_eq!(get("2019"), Some("2019"));
    assert_eq!(get("this year"), Some("2024"));
    // Traps: the modal "may", a count, a newspaper, an anniversary.
    for (text, _) in &v {
        assert!(
            !["may", "2,023", "023", "Sunday", "the 10th"].contains(&text.as_str()),
            "{v:?}"
        );
    }
}

#[test]
fn strike_article_events() {
    let a = analysis(STRIKE);
    let main: Vec<_> = a.events.iter().filter(|e| e.main).collect();
    assert_eq!(main.len(), 1, "{:#?}", a.events);
    let main = main[0];
    assert_eq!(main.date, "2024-03-11");
    assert_eq!(main.kind, EventKind::Meeting);
    assert!(
        main.attributes.iter().any(|x| x == "nearly two hours"),
        "{:?}",
        main.attributes
    );
    assert!(
        main.attributes.iter().any(|x| x == "first time"),
        "{:?}",
        main.attributes
    );
    // The strike start is an event of its own, but the first sentence belongs to the meeting.
    assert!(a.events.iter().any(|e| e.date == "2024-03-03"));
    let same_day = a
        .sentences
        .iter()
        .find(|s| s.text(&a.source).contains("the same day"))
        .unwrap();
    assert_eq!(same_day.event, Some(main.id));
    // The future meeting and the ballot are on the timeline, after the main event.
    let pos = |d: &str| a.events.iter().position(|e| e.date == d).unwrap();
    assert!(pos("2024-03-20") > pos("2024-03-11"));
    assert_eq!(a.events[pos("2024-04-02")].kind, EventKind::Vote);
    // Events are in date order.
    let days: Vec<_> = a
        .events
        .iter()
        .filter(|e| e.granularity == Granularity::Day)
        .map(|e| e.date.clone())
        .collect();
    let mut sorted = days.clone();
    sorted.sort();
    assert_eq!(days, sorted);
}

const SUMMIT_UNDATED: &str = "+++
title = \"Freedonia and Sylvania hold border talks\"
+++
Freedonian and Sylvanian negotiators held talks on the 12th in the border town of Ostrava.
Freedonia said the talks were constructive.
They had last met on 4 June 2021, after the clashes of May.
";

#[test]
fn without_a_publication_date_nothing_is_guessed() {
    let a = analysis(SUMMIT_UNDATED);
    assert!(a.notes.iter().any(|n| n.starts_with("no publication date")));
    let v = values(&a);
    assert!(
        v.contains(&("the 12th".into(), "XXXX-XX-12".into())),
        "{v:?}"
    );
    assert!(
        v.contains(&("4 June 2021".into(), "2021-06-04".into())),
        "{v:?}"
    );
    assert!(v.contains(&("May".into(), "XXXX-05".into())), "{v:?}");
    // Text order, not date order.
    let dates: Vec<_> = a.events.iter().map(|e| e.date.as_str()).collect();
    assert_eq!(dates, vec!["XXXX-XX-12", "2021-06-04", "XXXX-05"]);
    assert_eq!(a.events[0].kind, EventKind::Talks);
    assert!(a.events[0].main);
}

#[test]
fn published_on_the_command_line_overrides() {
    let doc = Document::parse("t.txt", SUMMIT_UNDATED.as_bytes().to_vec()).unwrap();
    let a = analyze(
        &doc,
        &Options {
            published: Some("2022-03-15".into()),
            ..Options::default()
        },
    );
    assert!(
        a.notes
            .iter()
            .all(|n| !n.starts_with("no publication date"))
    );
    let v = values(&a);
    assert!(
        v.contains(&("the 12th".into(), "2022-03-12".into())),
        "{v:?}"
    );
    assert!(
        v.contains(&("May".into(), "2021-05".into())),
        "past tense: {v:?}"
    );
}

/// The main event is the interaction the headline and lead report, not the latest dated
/// call: here a phone call on Thursday and a vote on Friday come after Tuesday's meeting.
#[test]
fn main_event_is_the_lead_interaction_not_the_latest_call() {
    let a = analysis(include_str!("articles/lead_meeting_later_call.txt"));
    let main: Vec<_> = a.events.iter().filter(|e| e.main).collect();
    assert_eq!(main.len(), 1, "{:?}", a.events);
    // 2024-05-10 is a Friday: Tuesday is the 7th.
    assert_eq!(main[0].date, "2024-05-07");
    assert_eq!(main[0].kind, EventKind::Meeting);
    // Facts of other events (the "second round" of the call, a future "second meeting")
    // are not the meeting's; "first meeting" is.
    assert_eq!(main[0].attributes, vec!["first meeting".to_string()]);
    let call = a
        .events
        .iter()
        .find(|e| e.date == "2024-05-09")
        .expect("the call");
    assert_eq!(call.kind, EventKind::Call);
    // Date order on the axis.
    let dates: Vec<&str> = a.events.iter().map(|e| e.date.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

/// A readout whose headline and lead report a call without a date: the call is the
/// publication date's, said in a note; an earlier dated meeting is background.
#[test]
fn undated_lead_call_takes_the_reference_date() {
    let a = analysis(include_str!("articles/lead_undated_call.txt"));
    let main: Vec<_> = a.events.iter().filter(|e| e.main).collect();
    assert_eq!(main.len(), 1, "{:?}", a.events);
    assert_eq!(main[0].date, "2024-02-20");
    assert_eq!(main[0].kind, EventKind::Call);
    assert!(main[0].attributes.is_empty());
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("dated by the publication date")),
        "{:?}",
        a.notes
    );
    let met = a
        .events
        .iter()
        .find(|e| e.date == "2024-02-12")
        .expect("the meeting");
    assert!(!met.main);
}

/// Without a publication date the text order stays, but what the text dates well enough is
/// in date order: May 9 before May 10, 2019 before 12 March 2021.
#[test]
fn without_a_reference_known_dates_keep_date_order() {
    let a = analysis(
        "Freedonian President Karl Brun spoke by phone with Sylvanian Prime Minister Ola Vex on \
         May 10.\nThe Sylvanian parliament voted on the treaty on May 9.\nThe treaty was signed \
         on 12 March 2021, after talks that began in 2019.\nBrun said on the 4th that the border \
         would stay open.\n",
    );
    let dates: Vec<&str> = a.events.iter().map(|e| e.date.as_str()).collect();
    let pos = |d: &str| dates.iter().position(|x| *x == d).expect(d);
    assert!(pos("XXXX-05-09") < pos("XXXX-05-10"), "{dates:?}");
    assert!(pos("2019") < pos("2021-03-12"), "{dates:?}");
    let main: Vec<&str> = a
        .events
        .iter()
        .filter(|e| e.main)
        .map(|e| e.date.as_str())
        .collect();
    assert_eq!(main, ["XXXX-05-10"], "the call of the lead");
}

/// Two dated interactions in the lead: the later one is the news, the earlier background.
/// A headline naming an attack and a call reports the call.
#[test]
fn the_leads_latest_interaction_is_the_main_event() {
    let a = analysis(
        "+++\npublished = 2024-05-10\n+++\nFreedonian and Sylvanian leaders discuss border attack \
         in phone call\nA week after their meeting on May 2, Freedonian President Karl Brun spoke \
         by phone with Sylvanian Prime Minister Ola Vex on Wednesday.\nBrun said the attack on \
         the border post on May 6 was not ordered by his government.\nVex said Sylvania wanted \
         an inquiry.\n",
    );
    let main: Vec<(&str, EventKind)> = a
        .events
        .iter()
        .filter(|e| e.main)
        .map(|e| (e.date.as_str(), e.kind))
        .collect();
    // 2024-05-10 is a Friday: Wednesday is the 8th.
    assert_eq!(main, [("2024-05-08", EventKind::Call)], "{:?}", a.events);
}
