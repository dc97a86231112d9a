//! Times each analysis stage once on a file and prints seconds and MB/s per stage — a quick,
//! criterion-free way to see where the time goes (the criterion benches in `benches/` are the
//! careful measurement).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- 10M --out /tmp/corpus-10M.txt
//! cargo run --release --example stage_times -- /tmp/corpus-10M.txt [ROUNDS]
//! ```
//!
//! Every stage runs `ROUNDS` times (default 3) and the fastest round is printed. On Linux the
//! time is the process's CPU time over all its threads (`getrusage`, microseconds), which a
//! busy shared machine disturbs much less than wall time; where it cannot be read it falls
//! back to wall time. It only reads the file it is given.

use bilateral::analysis::{align, attribute, clauses, parties, segment, structure, timeline};
use bilateral::input::Document;
use bilateral::view;
use bilateral::{Options, analyze};
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// CPU time this process has run, all its threads together (the parser annotates on every
/// core), when the system tells it.
fn cpu_time() -> Option<Duration> {
    // SAFETY: getrusage only writes the struct it is given
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return None;
    }
    let micros = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    Some(micros(usage.ru_utime) + micros(usage.ru_stime))
}

/// Like [`best`], with an input made by `setup` outside the timed part of each round.
fn best_with<I, T>(
    rounds: usize,
    mut setup: impl FnMut() -> I,
    mut f: impl FnMut(I) -> T,
) -> Duration {
    (0..rounds.max(1))
        .map(|_| {
            let input = setup();
            let (wall, cpu) = (Instant::now(), cpu_time());
            black_box(f(input));
            match (cpu, cpu_time()) {
                (Some(a), Some(b)) => b.saturating_sub(a),
                _ => wall.elapsed(),
            }
        })
        .min()
        .unwrap_or_default()
}

/// The least CPU time (wall time where it cannot be read) of `rounds` runs of `f`.
fn best<T>(rounds: usize, mut f: impl FnMut() -> T) -> Duration {
    best_with(rounds, || (), |()| f())
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: stage_times FILE [ROUNDS]");
        return ExitCode::from(2);
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(3);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("stage_times: cannot read {path}: {e}");
            return ExitCode::from(1);
        }
    };
    let doc = match Document::parse(&path, bytes) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("stage_times: {e}");
            return ExitCode::from(1);
        }
    };
    let text: &str = &doc.text;
    let meta = doc.meta.clone();
    let seg = segment::segment(text, doc.body_start);
    let roles = structure::roles(text, &seg, &meta);
    let readings = clauses::read_all(text, &seg.sentences, &roles);
    let mut found = parties::find(
        text,
        &seg.sentences,
        &roles,
        &readings,
        &doc.parties,
        "front matter",
    );
    // attribution takes the facts out of `found`: each timed round gets a fresh copy
    let with_facts = found.clone();
    let attributions =
        attribute::attribute_all(text, &seg.sentences, &roles, &readings, &mut found);
    let analysis = analyze(&doc, &Options::default());

    let mb = text.len() as f64 / 1e6;
    let report = |name: &str, d: Duration| {
        let s = d.as_secs_f64();
        println!("{name:<10} {s:>8.3} s {:>9.1} MB/s", mb / s);
    };
    println!(
        "{path}: {:.2} MB, {} sentences, best of {rounds}",
        mb,
        seg.sentences.len()
    );
    report(
        "segment",
        best(rounds, || segment::segment(text, doc.body_start)),
    );
    report(
        "structure",
        best(rounds, || structure::roles(text, &seg, &meta)),
    );
    report(
        "clauses",
        best(rounds, || clauses::read_all(text, &seg.sentences, &roles)),
    );
    report(
        "parties",
        best(rounds, || {
            parties::find(text, &seg.sentences, &roles, &readings, &doc.parties, "x")
        }),
    );
    report(
        "attribute",
        best_with(
            rounds,
            || with_facts.clone(),
            |mut p| attribute::attribute_all(text, &seg.sentences, &roles, &readings, &mut p),
        ),
    );
    report(
        "timeline",
        best(rounds, || {
            timeline::build(
                text,
                &seg.sentences,
                &roles,
                &attributions,
                &found,
                meta.published.as_deref(),
            )
        }),
    );
    report(
        "align",
        best(rounds, || {
            align::counterparts(text, &analysis.sentences, &analysis.parties)
        }),
    );
    report(
        "analyze",
        best(rounds, || analyze(&doc, &Options::default())),
    );
    let mut out = Vec::with_capacity(text.len() * 10);
    report(
        "json",
        best(rounds, || {
            out.clear();
            view::json::write(&analysis, &mut out).map(|()| out.len())
        }),
    );
    ExitCode::SUCCESS
}
