//! Rendering: insta snapshots of whole frames on `TestBackend`, style assertions for the
//! selection in both themes, degenerate sizes, and the cost of a frame on a huge article.
//!
//! The seed snapshots change whenever an analysis stage changes what the seed shows: review
//! the diff, then accept it with `INSTA_UPDATE=always cargo test --lib render_tests`
//! (`cargo insta` is not needed) and read the `.snap` files before committing.

use super::fixture;
use super::state::{Action, Pane, State};
use super::theme::{SELECTED_GLYPH, Theme};
use super::widgets::{self, ViewCache};
use crate::input::Document;
use crate::model::{Analysis, Side};
use crate::{Options, analyze};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn seed() -> Analysis {
    analyze(&Document::seed(), &Options::default())
}

fn frame(
    analysis: &Analysis,
    (w, h): (u16, u16),
    theme: &Theme,
    actions: &[Action],
) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let mut state = State::new(analysis);
    let mut cache = ViewCache::default();
    // Draw once first so that page sizes are known, as in the real loop.
    terminal
        .draw(|f| widgets::draw(f, &state, &mut cache, theme))
        .unwrap();
    for &a in actions {
        state.page = cache.page;
        state.update(a);
        terminal
            .draw(|f| widgets::draw(f, &state, &mut cache, theme))
            .unwrap();
    }
    terminal
}

fn text_of(buffer: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The seed at the four required sizes, in colour and with NO_COLOR (same text, so one
/// snapshot per size; the styles are asserted separately below).
#[test]
fn seed_snapshots() {
    let a = seed();
    for (w, h) in [
        (200, 60),
        (120, 35),
        (120, 30),
        (100, 30),
        (80, 24),
        (60, 20),
        (40, 12),
        (30, 8),
    ] {
        let colour = frame(&a, (w, h), &Theme::color(), &[]);
        let mono = frame(&a, (w, h), &Theme::mono(), &[]);
        assert_eq!(
            text_of(colour.backend().buffer()),
            text_of(mono.backend().buffer()),
            "NO_COLOR changes styles, never text"
        );
        // The seed's snapshots live outside `src/`: they show the seed's names, and the code
        // itself knows none.
        insta::with_settings!({
            snapshot_path => "../../../tests/snapshots",
            prepend_module_to_snapshot => false,
            description => "The reader on the seed. When an analysis stage changes what the seed \
                shows, review the diff and accept it with \
                `INSTA_UPDATE=always cargo test --lib render_tests` (then read the .snap files)."
        }, {
            insta::assert_snapshot!(format!("seed_{w}x{h}"), colour.backend());
        });
    }
}

/// The seed in use: the note without a publication date (whole, on its own line, still
/// there after a key), a followed pair (`c`: `↔` on the claim it came from), the widened
/// one-line paragraph (no empty rows), and the help with its legend.
#[test]
fn seed_interaction_snapshots() {
    let mut doc = Document::seed();
    doc.meta.published = None;
    let undated = analyze(&doc, &Options::default());
    let a = seed();
    type Shot<'a> = (&'a str, &'a Analysis, (u16, u16), &'a [Action]);
    let shots: [Shot; 6] = [
        (
            "seed_80x24_no_date_after_a_key",
            &undated,
            (80, 24),
            &[Action::Down],
        ),
        (
            "seed_120x35_followed_pair",
            &a,
            (120, 35),
            &[Action::Down, Action::Counterpart],
        ),
        (
            "seed_100x30_expanded_one_line",
            &a,
            (100, 30),
            &[Action::Expand],
        ),
        ("seed_100x30_help_legend", &a, (100, 30), &[Action::Help]),
        (
            "seed_60x20_tab",
            &a,
            (60, 20),
            &[Action::Down, Action::NextPane],
        ),
        ("seed_40x12_help", &a, (40, 12), &[Action::Help]),
    ];
    for (name, analysis, size, actions) in shots {
        let t = frame(analysis, size, &Theme::color(), actions);
        insta::with_settings!({
            snapshot_path => "../../../tests/snapshots",
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(name, t.backend());
        });
    }
}

/// More parties than two: the note under the timeline, and the chooser `p` opens.
#[test]
fn three_parties_note_and_chooser() {
    let doc = Document::parse(
        "three_parties.txt",
        include_bytes!("../../../tests/articles/three_parties.txt").to_vec(),
    )
    .unwrap();
    let a = analyze(&doc, &Options::default());
    let t = frame(
        &a,
        (80, 24),
        &Theme::color(),
        &[Action::ChooseSides, Action::Down],
    );
    let text = text_of(t.backend().buffer());
    assert!(text.contains("more parties speak here"), "{text}");
    assert!(text.contains("European Union"), "{text}");
    insta::assert_snapshot!("three_parties_80x24_chooser", t.backend());
}

#[test]
fn fixture_snapshots() {
    let a = fixture::analysis();
    let t = Theme::color();
    insta::assert_snapshot!("fixture_120x30", frame(&a, (120, 30), &t, &[]).backend());
    insta::assert_snapshot!("fixture_80x24", frame(&a, (80, 24), &t, &[]).backend());
    insta::assert_snapshot!(
        "fixture_60x20_stacked_right",
        frame(&a, (60, 20), &t, &[Action::PaneRight]).backend()
    );
    let search: Vec<Action> = std::iter::once(Action::SearchStart)
        .chain("civilians".chars().map(Action::SearchInput))
        .collect();
    insta::assert_snapshot!(
        "fixture_100x26_search",
        frame(&a, (100, 26), &t, &search).backend()
    );
    insta::assert_snapshot!(
        "fixture_100x30_help",
        frame(&a, (100, 30), &t, &[Action::Help]).backend()
    );
    insta::assert_snapshot!(
        "fixture_120x24_help_two_columns",
        frame(&a, (120, 24), &t, &[Action::Help]).backend()
    );
    insta::assert_snapshot!(
        "fixture_100x30_expanded_counterpart",
        frame(
            &a,
            (100, 30),
            &t,
            &[Action::Down, Action::Counterpart, Action::Expand]
        )
        .backend()
    );
}

/// Finds the first cell showing `glyph` inside the pane columns.
fn find(buffer: &Buffer, glyph: &str) -> Option<(u16, u16)> {
    (0..buffer.area.height)
        .flat_map(|y| (0..buffer.area.width).map(move |x| (x, y)))
        .find(|&(x, y)| buffer[(x, y)].symbol() == glyph)
}

#[test]
fn selection_is_visible_without_colour() {
    let a = fixture::analysis();
    for theme in [Theme::color(), Theme::mono()] {
        let t = frame(&a, (100, 30), &theme, &[]);
        let buf = t.backend().buffer();
        let (x, y) = find(buf, SELECTED_GLYPH).expect("a gutter glyph");
        // The selected claim's text: bold + reversed, in the default colour.
        let cell = &buf[(x + 2, y)];
        assert!(
            cell.modifier.contains(Modifier::BOLD | Modifier::REVERSED),
            "{cell:?}"
        );
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        if theme.mono {
            for yy in 0..buf.area.height {
                for xx in 0..buf.area.width {
                    let c = &buf[(xx, yy)];
                    assert_eq!(c.fg, ratatui::style::Color::Reset, "no colour at {xx},{yy}");
                    assert_eq!(c.bg, ratatui::style::Color::Reset);
                }
            }
        } else {
            // The side's colour is on the gutter, not on the text.
            assert_ne!(buf[(x, y)].fg, ratatui::style::Color::Reset);
        }
    }
}

#[test]
fn search_matches_are_marked_in_both_themes() {
    let a = fixture::analysis();
    let search: Vec<Action> = std::iter::once(Action::SearchStart)
        .chain("civilians".chars().map(Action::SearchInput))
        .chain([Action::SearchConfirm])
        .collect();
    for theme in [Theme::color(), Theme::mono()] {
        let t = frame(&a, (120, 30), &theme, &search);
        let buf = t.backend().buffer();
        let text = text_of(buf);
        assert!(text.contains("1/2"), "{text}");
        let styled: Vec<_> = (0..buf.area.height)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                buf[(x, y)].symbol() == "v" && buf[(x, y)].style() != Default::default()
            })
            .filter(|&(x, y)| {
                buf[(x, y)].modifier.contains(Modifier::UNDERLINED)
                    || buf[(x, y)].bg != ratatui::style::Color::Reset
            })
            .collect();
        assert!(
            styled.len() >= 2,
            "both matches highlighted, got {styled:?}"
        );
    }
}

#[test]
fn tiny_and_empty_areas_do_not_panic() {
    let a = seed();
    for (w, h) in [
        (1, 1),
        (0, 0),
        (1, 40),
        (200, 1),
        (40, 12),
        (39, 12),
        (76, 12),
    ] {
        let t = frame(&a, (w, h), &Theme::color(), &[Action::Help, Action::Down]);
        assert_eq!(t.backend().buffer().area.width, w);
    }
    let one = frame(&a, (1, 1), &Theme::mono(), &[]);
    insta::assert_snapshot!("seed_1x1", one.backend());
    let zero = frame(&a, (0, 0), &Theme::mono(), &[]);
    assert_eq!(zero.backend().buffer().area.area(), 0);
}

#[test]
fn too_small_says_what_it_needs() {
    let a = fixture::analysis();
    let t = frame(&a, (30, 8), &Theme::color(), &[]);
    let text = text_of(t.backend().buffer());
    assert!(text.contains("need 40×12"), "{text}");
    assert!(text.contains("have 30×8"), "{text}");
}

#[test]
fn article_text_is_sanitized_on_screen() {
    let mut a = fixture::analysis();
    fixture::set_text(
        &mut a,
        1,
        "Firefly said \u{1b}]0;owned\u{7} and \u{1b}[2J \u{9b}31m.",
    );
    a.meta.title = Some("Title \u{1b}[31mred".into());
    let t = frame(&a, (120, 30), &Theme::color(), &[]);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control char reached a cell: {:?}",
            cell.symbol()
        );
    }
    assert!(text_of(buf).contains("␛]0;owned␇"));
    // In the detail, a right-to-left override is shown, not obeyed.
    fixture::set_text(&mut a, 1, "Firefly said \u{202e}dias nitup");
    let t = frame(&a, (120, 30), &Theme::color(), &[]);
    let text = text_of(t.backend().buffer());
    assert!(text.contains("⟨U+202E⟩"), "{text}");
}

/// A frame costs the same on 100 000 claims: only what is drawn is wrapped.
#[test]
fn frames_wrap_only_visible_claims() {
    let mut a = fixture::analysis();
    let template = a.sentences[2].clone();
    a.sentences.truncate(1);
    for i in 1..100_000 {
        let mut s = template.clone();
        s.index = i;
        s.side = if i % 2 == 0 { Side::A } else { Side::B };
        s.counterpart = None;
        s.event = None;
        a.sentences.push(s);
    }
    a.events.clear();
    let theme = Theme::color();
    let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
    let mut state = State::new(&a);
    let mut cache = ViewCache::default();
    for action in [
        Action::Down,
        Action::Bottom,
        Action::PaneRight,
        Action::PageUp,
        Action::Top,
    ] {
        state.update(action);
        terminal
            .draw(|f| widgets::draw(f, &state, &mut cache, &theme))
            .unwrap();
    }
    assert!(
        cache.wrap.len() < 200,
        "wrapped {} claims",
        cache.wrap.len()
    );
    assert_eq!(state.focus, Pane::Right);
    // B is on the right (A left, as in --plain and --json); B's first claim is sentence 1.
    assert_eq!(state.current_sentence(), Some(1));
}

/// Prints the seed as the README shows it:
/// `cargo test --lib readme_capture -- --ignored --nocapture`.
#[test]
#[ignore = "a helper for the README, not a test"]
fn readme_capture() {
    let a = seed();
    let t = frame(&a, (100, 30), &Theme::mono(), &[]);
    for line in text_of(t.backend().buffer()).lines() {
        println!("{}", line.trim_end());
    }
}

/// Measures a key press + frame on 20 and on 100 000 claims (prints, asserts nothing):
/// `cargo test --release --lib measure_key_cost -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement, not a test"]
fn measure_key_cost() {
    use std::time::Instant;
    for n in [20usize, 100_000] {
        let mut a = fixture::analysis();
        let template = a.sentences[2].clone();
        a.sentences.truncate(1);
        for i in 1..n {
            let mut s = template.clone();
            s.index = i;
            s.paragraph = i;
            s.side = [Side::A, Side::B, Side::Both, Side::Neither][i % 4];
            s.counterpart = None;
            s.event = Some(i * 3 / n);
            a.sentences.push(s);
        }
        for e in &mut a.events {
            e.sentences = a
                .sentences
                .iter()
                .filter(|s| s.event == Some(e.id))
                .map(|s| s.index)
                .collect();
        }
        let theme = Theme::color();
        let mut terminal = Terminal::new(TestBackend::new(120, 30)).unwrap();
        let start = Instant::now();
        let mut state = State::new(&a);
        let setup = start.elapsed();
        let mut cache = ViewCache::default();
        let keys = [
            Action::Down,
            Action::PaneRight,
            Action::NextEvent,
            Action::Bottom,
            Action::PageUp,
            Action::Counterpart,
            Action::Top,
            Action::PrevEvent,
        ];
        let rounds = 250;
        let start = Instant::now();
        for i in 0..rounds * keys.len() {
            state.page = cache.page;
            state.update(keys[i % keys.len()]);
            terminal
                .draw(|f| widgets::draw(f, &state, &mut cache, &theme))
                .unwrap();
        }
        let per_key = start.elapsed() / (rounds * keys.len()) as u32;
        println!("{n:>7} sentences: state setup {setup:?}, key + frame {per_key:?}");
    }
}
