//! State and `update` without a terminal, on the invented Freedonia/Sylvania article.
//! Lists there: A = [1, 2, 8], B = [3, 4], joint = [5], context = [0, 6, 7, 9].

use super::*;
use crate::view::tui::fixture;

fn state(a: &Analysis) -> State<'_> {
    State::new(a)
}

#[test]
fn lists_and_order_follow_the_article() {
    let a = fixture::analysis();
    let s = state(&a);
    assert_eq!(s.items(Pane::Left), &[1, 2, 8]);
    assert_eq!(s.items(Pane::Right), &[3, 4]);
    assert_eq!(s.items(Pane::Joint), &[5]);
    assert_eq!(s.items(Pane::Context), &[0, 6, 7, 9]);
    assert_eq!(s.focus, Pane::Left);
    assert_eq!(s.current_sentence(), Some(1));
    // A is on the left even when B speaks first: one order in the reader, --plain and --json.
    let mut b_first = fixture::analysis();
    for sentence in &mut b_first.sentences {
        sentence.side = match sentence.side {
            Side::A => Side::B,
            Side::B => Side::A,
            other => other,
        };
    }
    let s = state(&b_first);
    assert_eq!(s.order, [PartyId::A, PartyId::B]);
    assert_eq!(s.items(Pane::Left), &[3, 4]);
    assert_eq!(s.items(Pane::Right), &[1, 2, 8]);
}

#[test]
fn moving_is_clamped() {
    let a = fixture::analysis();
    let mut s = state(&a);
    s.update(Action::Up);
    assert_eq!(s.current_sentence(), Some(1));
    s.update(Action::Down);
    assert_eq!(s.current_sentence(), Some(2));
    s.update(Action::Bottom);
    assert_eq!(s.current_sentence(), Some(8));
    s.update(Action::Down);
    assert_eq!(s.current_sentence(), Some(8));
    s.update(Action::Top);
    assert_eq!(s.current_sentence(), Some(1));
    s.page = 2;
    s.update(Action::PageDown);
    assert_eq!(s.current_sentence(), Some(8));
    s.update(Action::HalfUp);
    assert_eq!(s.current_sentence(), Some(2));
}

#[test]
fn switching_pane_lands_on_the_nearest_claim() {
    let a = fixture::analysis();
    let mut s = state(&a);
    s.update(Action::Bottom); // sentence 8
    s.update(Action::PaneRight);
    assert_eq!(s.focus, Pane::Right);
    assert_eq!(s.current_sentence(), Some(4), "nearest to 8 in [3, 4]");
    s.update(Action::Top); // 3
    s.update(Action::PaneLeft);
    assert_eq!(s.current_sentence(), Some(2), "nearest to 3 in [1, 2, 8]");
    // l on the right pane flips back (stacked layout needs it).
    s.update(Action::PaneRight);
    s.update(Action::PaneRight);
    assert_eq!(s.focus, Pane::Left);
    // Tab cycles through all four panes, then folds the lower ones out when collapsed.
    let mut seen = vec![s.focus];
    for _ in 0..4 {
        s.update(Action::NextPane);
        seen.push(s.focus);
    }
    assert_eq!(
        seen,
        [
            Pane::Left,
            Pane::Right,
            Pane::Joint,
            Pane::Context,
            Pane::Left
        ]
    );
    s.update(Action::ToggleLower);
    s.update(Action::NextPane);
    s.update(Action::NextPane);
    assert_eq!(s.focus, Pane::Left);
}

#[test]
fn events_move_every_pane() {
    let a = fixture::analysis();
    let mut s = state(&a);
    assert_eq!(s.event, Some(2), "the first claim's event");
    s.update(Action::PrevEvent); // event 1: sentences 7 (context), 8 (A)
    assert_eq!(s.event, Some(1));
    assert_eq!(s.current_sentence(), Some(8));
    assert_eq!(s.selected_sentence(Pane::Context), Some(7));
    s.update(Action::PrevEvent); // event 0: only context
    assert_eq!(s.event, Some(0));
    assert_eq!(s.current_sentence(), Some(8), "nothing from A: stays");
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("nothing from Freedonia")
    );
    assert_eq!(s.selected_sentence(Pane::Context), Some(6));
    s.update(Action::PrevEvent);
    assert_eq!(s.event, Some(0), "clamped at the first event");
    assert_eq!(
        s.message.as_deref(),
        Some("Oct 7 shelling is the first event")
    );
    s.update(Action::NextEvent);
    s.update(Action::NextEvent);
    assert_eq!(s.event, Some(2));
    assert_eq!(s.current_sentence(), Some(1));
    assert_eq!(s.selected_sentence(Pane::Right), Some(3));
}

#[test]
fn counterpart_jumps_or_says_why_not() {
    let a = fixture::analysis();
    let mut s = state(&a);
    s.update(Action::Counterpart);
    assert_eq!(
        s.message.as_deref(),
        Some("no counterpart found among Sylvania's claims")
    );
    assert_eq!(s.focus, Pane::Left);
    s.update(Action::Down); // 2 ↔ 4
    s.update(Action::Counterpart);
    assert_eq!(s.focus, Pane::Right);
    assert_eq!(s.current_sentence(), Some(4));
    assert_eq!(s.followed, Some((2, 4)), "the view marks 2 with ↔");
    s.update(Action::Counterpart);
    assert_eq!(s.current_sentence(), Some(2));
    s.update(Action::NextPane);
    s.update(Action::NextPane);
    s.update(Action::Counterpart);
    assert!(s.message.as_deref().unwrap().contains("focus a side"));
}

#[test]
fn incremental_search_counts_and_cycles() {
    let a = fixture::analysis();
    let mut s = state(&a);
    s.update(Action::SearchStart);
    for c in "CIVIL".chars() {
        s.update(Action::SearchInput(c));
    }
    // "civilians" in 2 (A) and 4 (B), case-insensitive.
    assert_eq!(s.search.matches, vec![2, 4]);
    assert_eq!(s.search.current, Some(0));
    assert_eq!(s.current_sentence(), Some(2));
    // Moves are ignored while the query is typed (letters arrive as SearchInput).
    s.update(Action::Down);
    assert!(s.search.editing);
    assert_eq!(s.current_sentence(), Some(2));
    s.update(Action::SearchConfirm);
    assert!(!s.search.editing);
    s.update(Action::SearchNext);
    assert_eq!((s.focus, s.current_sentence()), (Pane::Right, Some(4)));
    s.update(Action::SearchNext);
    assert_eq!(s.current_sentence(), Some(2), "wraps around");
    s.update(Action::SearchPrev);
    assert_eq!(s.current_sentence(), Some(4));
    assert_eq!(
        s.update(Action::Back),
        Effect::None,
        "Esc clears the search first"
    );
    assert!(s.search.matches.is_empty());
    assert_eq!(s.update(Action::Back), Effect::None, "Esc never quits");
    assert_eq!(s.message.as_deref(), Some("nothing to close · q quits"));
}

#[test]
fn search_reaches_the_lower_lists_and_backspace_widens() {
    let a = fixture::analysis();
    let mut s = state(&a);
    s.update(Action::ToggleLower);
    s.update(Action::SearchStart);
    for c in "octoberx".chars() {
        s.update(Action::SearchInput(c));
    }
    assert!(s.search.matches.is_empty());
    s.update(Action::SearchBackspace);
    assert_eq!(s.search.matches, vec![6, 7]);
    assert_eq!(s.focus, Pane::Context);
    assert!(!s.lower_collapsed, "a match in a folded list unfolds it");
    s.update(Action::Back);
    assert_eq!(s.search, Search::default());
}

#[test]
fn filter_by_event_and_back() {
    let a = fixture::analysis();
    let mut s = state(&a);
    s.update(Action::Bottom); // 8, event 1
    s.update(Action::FilterEvent);
    assert_eq!(s.filter, Some(1));
    assert_eq!(s.items(Pane::Left), &[8]);
    assert!(s.items(Pane::Right).is_empty());
    assert_eq!(s.items(Pane::Context), &[7]);
    // ] moves the filter along.
    s.update(Action::NextEvent);
    assert_eq!(s.filter, Some(2));
    assert_eq!(s.items(Pane::Left), &[1, 2]);
    s.update(Action::FilterEvent);
    assert_eq!(s.filter, None);
    assert_eq!(s.items(Pane::Left), &[1, 2, 8]);
}

#[test]
fn copy_swap_mouse_help_and_quit() {
    let a = fixture::analysis();
    let mut s = state(&a);
    match s.update(Action::Copy) {
        Effect::Copy(text) => {
            assert!(text.starts_with("Freedonian President"));
            assert!(text.contains(" — Firefly (Freedonia), "), "{text}");
        }
        other => panic!("{other:?}"),
    }
    assert!(s.message.as_deref().unwrap().contains("copied"));
    s.update(Action::Swap);
    assert_eq!(s.focus, Pane::Right);
    assert_eq!(s.items(Pane::Left), &[3, 4]);
    assert_eq!(
        s.current_sentence(),
        Some(1),
        "the same claim stays selected"
    );
    assert_eq!(s.update(Action::ToggleMouse), Effect::Mouse(true));
    assert_eq!(s.update(Action::ToggleMouse), Effect::Mouse(false));
    s.update(Action::Help);
    assert!(s.help);
    assert_eq!(s.update(Action::Back), Effect::None);
    assert!(!s.help);
    s.update(Action::Help);
    s.update(Action::Down);
    assert!(!s.help, "any key closes the help");
    s.update(Action::Help);
    assert_eq!(
        s.update(Action::Quit),
        Effect::None,
        "q closes the help first"
    );
    assert!(!s.help);
    assert_eq!(s.update(Action::Quit), Effect::Quit);
    s.update(Action::Help);
    assert_eq!(
        s.update(Action::ForceQuit),
        Effect::Quit,
        "Ctrl-C quits at once"
    );
    assert_eq!(s.update(Action::Suspend), Effect::Suspend);
}

#[test]
fn mouse_scroll_and_click() {
    let a = fixture::analysis();
    let mut s = state(&a);
    s.update(Action::Scroll(Pane::Right, 1));
    assert_eq!(s.focus, Pane::Left, "the wheel does not steal the focus");
    assert_eq!(s.selected_sentence(Pane::Right), Some(4));
    s.update(Action::Click(Pane::Context, 2));
    assert_eq!((s.focus, s.current_sentence()), (Pane::Context, Some(7)));
    s.update(Action::Click(Pane::Context, 99));
    assert_eq!(s.current_sentence(), Some(9), "clamped");
}

#[test]
fn empty_analysis_never_panics() {
    let mut a = fixture::analysis();
    a.sentences.clear();
    a.paragraphs.clear();
    a.events.clear();
    a.parties.clear();
    let mut s = state(&a);
    for action in [
        Action::Down,
        Action::Up,
        Action::Bottom,
        Action::PageDown,
        Action::PaneRight,
        Action::NextPane,
        Action::NextEvent,
        Action::PrevEvent,
        Action::Counterpart,
        Action::FilterEvent,
        Action::Copy,
        Action::SearchStart,
        Action::SearchInput('x'),
        Action::SearchConfirm,
        Action::SearchNext,
        Action::Swap,
        Action::Click(Pane::Right, 3),
        Action::Scroll(Pane::Joint, -4),
    ] {
        s.update(action);
    }
    assert_eq!(s.current_sentence(), None);
    assert_eq!(s.party_name(PartyId::A), "side A");
}

#[test]
fn nearest_position() {
    assert_eq!(nearest(&[], 5), 0);
    assert_eq!(nearest(&[10, 20, 30], 0), 0);
    assert_eq!(nearest(&[10, 20, 30], 99), 2);
    assert_eq!(nearest(&[10, 20, 30], 14), 0);
    assert_eq!(nearest(&[10, 20, 30], 16), 1);
    assert_eq!(nearest(&[10, 20, 30], 20), 1);
}

#[test]
fn one_side_found_never_focuses_the_missing_side() {
    let mut a = fixture::analysis();
    a.parties.truncate(1);
    let mut s = state(&a);
    let only = s.single_side().expect("one side found");
    let missing = if only == Pane::Left {
        Pane::Right
    } else {
        Pane::Left
    };
    assert_eq!(s.focus, only);
    for _ in 0..8 {
        s.update(Action::NextPane);
        assert_ne!(s.focus, missing, "Tab reached the missing side");
    }
    for _ in 0..8 {
        s.update(Action::PrevPane);
        assert_ne!(s.focus, missing, "Shift-Tab reached the missing side");
    }
    s.update(Action::NextPane);
    while s.focus != only {
        s.update(Action::NextPane);
    }
    for action in [Action::PaneLeft, Action::PaneRight] {
        s.update(action);
        assert_eq!(s.focus, only);
    }
    assert_eq!(s.message.as_deref(), Some(ONE_SIDE_NOTE));
    // Both sides found: no single side.
    let both = fixture::analysis();
    assert_eq!(state(&both).single_side(), None);
}

#[test]
fn tab_keeps_each_panes_position() {
    let a = fixture::analysis();
    let mut s = state(&a);
    s.update(Action::Down); // claim 2 of the left pane
    assert_eq!(s.current_sentence(), Some(2));
    s.update(Action::NextPane);
    s.update(Action::Down); // right pane: 3 → 4
    let right = s.current_sentence();
    for _ in 0..3 {
        s.update(Action::NextPane);
    }
    assert_eq!(s.focus, Pane::Left);
    assert_eq!(s.current_sentence(), Some(2), "back where it was");
    s.update(Action::NextPane);
    assert_eq!(s.current_sentence(), right);
    s.update(Action::PrevPane);
    assert_eq!(s.current_sentence(), Some(2));
}

#[test]
fn copy_cites_speaker_side_source_date_and_url() {
    let mut a = fixture::analysis();
    a.meta.source = Some("Example Wire".into());
    a.meta.published = Some("2023-12-11".into());
    a.meta.url = Some("https://example.org/story".into());
    let s = state(&a);
    let text = s.copy_text().expect("a claim");
    assert!(text.starts_with("Freedonian President"), "{text}");
    assert!(
        text.ends_with("(Freedonia), Example Wire, 2023-12-11, https://example.org/story"),
        "{text}"
    );
    assert!(text.contains(" — "), "{text}");
}

#[test]
fn hard_line_breaks_are_reflowed() {
    assert_eq!(reflow("one\ntwo".into()), "one two");
    assert_eq!(reflow("one  \r\n  two\nthree".into()), "one two three");
    assert_eq!(reflow("no break".into()), "no break");
}

#[test]
fn the_chooser_picks_two_sides_or_closes() {
    let mut a = fixture::analysis();
    // A third party that speaks.
    let third = a
        .sentences
        .iter()
        .position(|s| s.side == Side::Neither && s.evidence.speaker.is_some());
    let mut s = state(&a);
    s.update(Action::ChooseSides);
    let names = s.chooser.as_ref().expect("open").names.clone();
    assert_eq!(
        &names[..2],
        &["Freedonia".to_string(), "Sylvania".to_string()]
    );
    assert_eq!(s.update(Action::Quit), Effect::None, "q closes the chooser");
    assert!(s.chooser.is_none());
    s.update(Action::ChooseSides);
    s.update(Action::Down);
    assert_eq!(s.update(Action::Expand), Effect::None);
    s.update(Action::Up);
    assert_eq!(
        s.update(Action::Expand),
        Effect::Reanalyze(vec!["Sylvania".into(), "Freedonia".into()]),
        "the first pick becomes side A"
    );
    assert!(s.chooser.is_none());
    let _ = third;
    a.parties.clear();
    let mut s = state(&a);
    s.update(Action::ChooseSides);
    assert!(s.chooser.is_none());
    assert!(s.message.as_deref().unwrap().contains("--party"));
}
