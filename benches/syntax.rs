//! Throughput of the text layer: tokenizing, tagging, lemmatizing and parsing, in tokens per
//! second (criterion's `Throughput::Elements`), on one thread, over sentences of the generated
//! news-like corpus (`benches/corpus`). `tag+parse` takes the tokens as given
//! (`annotate_words`), `annotate` adds the tokenizer, and `model load` is the first-use
//! parse of the compiled-in model's headers.
//!
//! ```sh
//! cargo bench --bench syntax
//! ```

mod corpus;

use bilateral::analysis::segment::segment;
use bilateral::analysis::text::{annotate, annotate_words, model::Model, tokenize};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn sentences() -> Vec<String> {
    let text = corpus::generate(7, 200_000);
    let seg = segment(&text, 0);
    seg.sentences
        .iter()
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}

fn syntax(c: &mut Criterion) {
    let sentences = sentences();
    let words: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| {
            tokenize(s)
                .into_iter()
                .map(|(a, b)| s[a as usize..b as usize].to_string())
                .collect()
        })
        .collect();
    let tokens: usize = words.iter().map(Vec::len).sum();
    // first use loads the model outside the measurement
    black_box(annotate("Warm up.", 0));
    let mut group = c.benchmark_group("syntax");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function("tag+parse", |b| {
        b.iter(|| {
            for w in &words {
                let refs: Vec<&str> = w.iter().map(String::as_str).collect();
                black_box(annotate_words(&refs));
            }
        })
    });
    group.bench_function("annotate", |b| {
        b.iter(|| {
            for s in &sentences {
                black_box(annotate(s, 0));
            }
        })
    });
    group.finish();
    let bytes = include_bytes!("../assets/syntax/model.bin");
    c.bench_function("model load", |b| {
        b.iter(|| black_box(Model::parse(black_box(bytes)).is_ok()))
    });
}

criterion_group!(benches, syntax);
criterion_main!(benches);
