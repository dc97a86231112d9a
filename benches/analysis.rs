//! Throughput of the analysis on the generated corpus (`benches/corpus`): the whole pipeline
//! on 1 and 10 MB (100 MB too with `BILATERAL_BENCH_100MB=1`), and each stage alone on
//! 10 MB, reported by criterion as MiB/s (`Throughput::Bytes`).
//!
//! ```sh
//! cargo bench --bench analysis                          # 1 MB and 10 MB, stages
//! BILATERAL_BENCH_100MB=1 cargo bench --bench analysis  # also 100 MB
//! cargo bench --bench analysis -- stages                # stages only
//! ```

mod corpus;

use bilateral::analysis::{align, attribute, clauses, parties, segment, structure, timeline};
use bilateral::input::Document;
use bilateral::model::Sentence;
use bilateral::{Options, analyze, view};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const MB: usize = 1 << 20;

fn document(size: usize) -> Document {
    Document::parse("corpus", corpus::generate(1, size).into_bytes()).expect("corpus parses")
}

fn whole(c: &mut Criterion) {
    let mut sizes = vec![1, 10];
    if std::env::var_os("BILATERAL_BENCH_100MB").is_some() {
        sizes.push(100);
    }
    let options = Options::default();
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    for mb in sizes {
        let doc = document(mb * MB);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        if mb >= 100 {
            group.measurement_time(Duration::from_secs(60));
        } else {
            group.measurement_time(Duration::from_secs(8));
        }
        group.bench_function(format!("{mb}MB"), |b| {
            b.iter(|| analyze(black_box(&doc), &options))
        });
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let doc = document(10 * MB);
    let text: &str = &doc.text;
    let bytes = Throughput::Bytes(text.len() as u64);
    let options = Options::default();
    let meta = doc.meta.clone();

    // The inputs of every stage, computed once.
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
    // attribution takes the facts out of `found`: each timed run gets a fresh copy
    let with_facts = found.clone();
    let attributions =
        attribute::attribute_all(text, &seg.sentences, &roles, &readings, &mut found);
    let analysis = analyze(&doc, &options);
    let sentences: Vec<Sentence> = analysis.sentences.clone();

    let mut group = c.benchmark_group("stages");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.throughput(bytes);
    group.bench_function("parse", |b| {
        b.iter(|| Document::parse("corpus", black_box(text.as_bytes().to_vec())))
    });
    group.bench_function("segment", |b| {
        b.iter(|| segment::segment(black_box(text), doc.body_start))
    });
    group.bench_function("structure", |b| {
        b.iter(|| structure::roles(black_box(text), &seg, &meta))
    });
    group.bench_function("clauses", |b| {
        b.iter(|| clauses::read_all(black_box(text), &seg.sentences, &roles))
    });
    group.bench_function("parties", |b| {
        b.iter(|| {
            parties::find(
                black_box(text),
                &seg.sentences,
                &roles,
                &readings,
                &doc.parties,
                "x",
            )
        })
    });
    group.bench_function("attribute", |b| {
        b.iter_batched(
            || with_facts.clone(),
            |mut p| {
                attribute::attribute_all(black_box(text), &seg.sentences, &roles, &readings, &mut p)
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("timeline", |b| {
        b.iter(|| {
            timeline::build(
                black_box(text),
                &seg.sentences,
                &roles,
                &attributions,
                &found,
                meta.published.as_deref(),
            )
        })
    });
    group.bench_function("align", |b| {
        b.iter(|| align::counterparts(text, black_box(&sentences), &analysis.parties))
    });
    group.bench_function("json", |b| {
        let mut out = Vec::with_capacity(text.len() * 4);
        b.iter(|| {
            out.clear();
            view::json::write(black_box(&analysis), &mut out).unwrap();
        })
    });
    group.bench_function("plain", |b| {
        let mut out = Vec::with_capacity(text.len() * 2);
        b.iter(|| {
            out.clear();
            view::plain::write(black_box(&analysis), 100, &mut out).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, whole, stages);
criterion_main!(benches);
