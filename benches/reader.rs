//! One reader frame at 200×60 after a key press — selection move, pane switch, event jump,
//! search step — on the seed and on generated articles of about 1 000 and 100 000
//! sentences, next to the floor for drawing a screen: one full-screen `Paragraph` of plain
//! text and nothing else, drawn by the same ratatui `TestBackend` in the same run. Also start-up to the first
//! frame on the seed (analysis, reader state, first draw; no process start, no terminal).
//!
//! Frames are timed by the benchmark thread's CPU time ([`thread_time`]), so figures taken
//! on a busy machine stay comparable; `BILATERAL_BENCH_WALL=1` times them by the wall clock.
//!
//! ```sh
//! cargo bench --bench reader
//! ```

mod corpus;
mod thread_time;

use bilateral::analyze;
use bilateral::input::Document;
use bilateral::model::Analysis;
use bilateral::view::tui::state::{Action, State};
use bilateral::view::tui::theme::Theme;
use bilateral::view::tui::widgets::{self, ViewCache};
use criterion::measurement::Measurement;
use criterion::{BenchmarkId, Criterion, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::widgets::{Paragraph, Wrap};
use std::hint::black_box;
use std::time::Duration;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal")
}

/// The generated article with at least `sentences` sentences.
fn big_analysis(sentences: usize) -> Analysis {
    let mut size = sentences * 90;
    loop {
        let doc = Document::parse("corpus", corpus::generate(1, size).into_bytes()).unwrap();
        let analysis = analyze(&doc, &Default::default());
        if analysis.sentences.len() >= sentences {
            return analysis;
        }
        size += size / 4;
    }
}

/// Key presses that undo each other in turn, so the state stays in the same region however
/// many iterations criterion runs.
fn keys(name: &str) -> [Action; 2] {
    match name {
        "move" => [Action::Down, Action::Up],
        "pane" => [Action::NextPane, Action::PrevPane],
        "event" => [Action::NextEvent, Action::PrevEvent],
        _ => [Action::SearchNext, Action::SearchPrev],
    }
}

fn frames<M: Measurement>(c: &mut Criterion<M>) {
    let seed = analyze(&Document::seed(), &Default::default());
    // The same generator at 1 000 sentences: its screens are as full as the 100 000-sentence
    // article's, so the two differ only in length (the seed's panes are half empty).
    let small = big_analysis(1_000);
    let big = big_analysis(100_000);
    let theme = Theme::mono();
    let mut group = c.benchmark_group("frame_200x60");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));

    // The floor: a full screen of plain text in one Paragraph.
    let screen: String = seed
        .sentences
        .iter()
        .map(|s| s.text(&seed.source))
        .collect::<Vec<_>>()
        .join("\n");
    let mut term = terminal();
    group.bench_function("baseline_paragraph", |b| {
        b.iter(|| {
            term.draw(|f| {
                f.render_widget(
                    Paragraph::new(black_box(screen.as_str())).wrap(Wrap { trim: false }),
                    f.area(),
                )
            })
            .unwrap();
        })
    });

    for (article, analysis) in [("seed", &seed), ("1k", &small), ("100k", &big)] {
        for key in ["move", "pane", "event", "search"] {
            let mut state = State::new(analysis);
            let mut cache = ViewCache::default();
            let mut term = terminal();
            if key == "search" {
                state.update(Action::SearchStart);
                for ch in "said".chars() {
                    state.update(Action::SearchInput(ch));
                }
                state.update(Action::SearchConfirm);
            }
            // Move into the middle of the list first, where both neighbours exist.
            for _ in 0..20 {
                state.update(Action::Down);
            }
            term.draw(|f| widgets::draw(f, &state, &mut cache, &theme))
                .unwrap();
            state.page = cache.page;
            let pair = keys(key);
            let mut turn = 0;
            group.bench_function(BenchmarkId::new(article, key), |b| {
                b.iter(|| {
                    state.update(pair[turn & 1]);
                    turn += 1;
                    term.draw(|f| widgets::draw(f, &state, &mut cache, &theme))
                        .unwrap();
                    state.page = cache.page;
                })
            });
        }
    }
    group.finish();
}

fn startup(c: &mut Criterion) {
    let theme = Theme::mono();
    let mut group = c.benchmark_group("startup");
    group.sample_size(50);
    group.bench_function("seed_to_first_frame", |b| {
        b.iter(|| {
            let analysis = analyze(&Document::seed(), &Default::default());
            let state = State::new(&analysis);
            let mut cache = ViewCache::default();
            let mut term = terminal();
            term.draw(|f| widgets::draw(f, &state, &mut cache, &theme))
                .unwrap();
            black_box(cache.page)
        })
    });
    group.finish();
}

/// Frames by thread CPU time (or wall time with `BILATERAL_BENCH_WALL=1`); start-up by wall
/// time, since a person waits for it whatever the CPU does.
fn benches() {
    if std::env::var_os("BILATERAL_BENCH_WALL").is_some() {
        frames(&mut Criterion::default().configure_from_args());
    } else {
        frames(
            &mut Criterion::default()
                .with_measurement(thread_time::ThreadTime)
                .configure_from_args(),
        );
    }
    startup(&mut Criterion::default().configure_from_args());
}

criterion_main!(benches);
