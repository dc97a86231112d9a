//! Role tests on articles written for this project.

use super::roles;
use crate::analysis::segment::segment;
use crate::model::{Meta, Role};

fn roles_of(text: &str, meta: &Meta) -> Vec<(String, Role)> {
    let seg = segment(text, 0);
    let r = roles(text, &seg, meta);
    seg.sentences
        .iter()
        .zip(r)
        .map(|(s, r)| (text[s.start..s.end].to_string(), r))
        .collect()
}

fn role_list(text: &str) -> Vec<Role> {
    roles_of(text, &Meta::default())
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}

#[test]
fn news_layout() {
    let text = "\
Freedonia and Sylvania agree to resume border talks
Ministers speak by phone for an hour
Published 3 October 2024
By Jon Park
The ministers spoke on Tuesday. They agreed to meet.
Officials welcomed the call.
Source: Wire
Jon Park is a diplomatic correspondent for the Wire. He lives in Varn.";
    use Role::*;
    assert_eq!(
        role_list(text),
        [
            Title, Subtitle, Dateline, Byline, Body, Body, Body, Source, Byline, Byline
        ]
    );
}

#[test]
fn wire_layout_with_caption_credit_and_end_marker() {
    let text = "\
Union calls off strike at Orvo
Monday, March 4, 2024
The union leader and the chief executive. (K. Lind/Wire)
VARN, March 4 (Wire) -
The union said the strike was over. The company agreed to talks.
Reporting by Ann Lee; Editing by Tom Orr
###";
    use Role::*;
    assert_eq!(
        role_list(text),
        [
            Title, Dateline, Source, Dateline, Body, Body, Source, Source
        ]
    );
}

#[test]
fn caption_after_dateline_and_closing_note() {
    let text = "\
Sylvania protests border fence
Tuesday, May 7, 2024
A border post near Varn
Sylvania has protested. Freedonia says the fence is legal.
(*This is an unofficial translation. The original text prevails.)";
    use Role::*;
    assert_eq!(
        role_list(text),
        [Title, Dateline, Source, Body, Body, Source, Source]
    );
}

#[test]
fn a_first_line_with_several_sentences_is_body() {
    use Role::*;
    assert_eq!(
        role_list("The talks ended. Both sides left.\nMore later."),
        [Body, Body, Body]
    );
}

#[test]
fn front_matter_titles_are_recognised() {
    let meta = Meta {
        subtitle: Some("The minister spoke first.".into()),
        ..Meta::default()
    };
    let got: Vec<Role> = roles_of("Headline\nThe minister spoke first.\nBody.", &meta)
        .into_iter()
        .map(|(_, r)| r)
        .collect();
    assert_eq!(got, [Role::Title, Role::Subtitle, Role::Body]);
}

#[test]
fn sentences_that_merely_look_like_cues_stay_body() {
    use Role::*;
    assert_eq!(
        role_list(
            "Title\nThe talks began. Sources close to the talks said little.\nBy Monday, the talks had stalled and both sides left the capital for further consultations at home.\nPhotographers waited."
        ),
        [Title, Body, Body, Body, Body]
    );
}

#[test]
fn one_role_per_sentence_on_empty_and_odd_input() {
    assert!(role_list("").is_empty());
    assert_eq!(role_list("###").len(), 1);
    assert_eq!(role_list("\u{0}\n(\n)").len(), 3);
}

#[test]
fn page_furniture_is_boilerplate_and_the_title_follows_it() {
    let text = "\
Home | World | Politics
Freedonia and Sylvania agree to resume border talks
Share
Facebook Twitter Email
The ministers spoke on Tuesday.
Advertisement
Follow us on Twitter for more news
We use cookies to make this site work. By continuing you agree.
Officials welcomed the call.";
    use Role::*;
    assert_eq!(
        role_list(text),
        [
            Boilerplate,
            Title,
            Boilerplate,
            Boilerplate,
            Body,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Body,
            Body
        ]
    );
}

#[test]
fn prose_with_menu_words_is_not_boilerplate() {
    use Role::*;
    assert_eq!(
        role_list("Talks resume\nThe world news agency said it would share the report."),
        [Title, Body]
    );
}
