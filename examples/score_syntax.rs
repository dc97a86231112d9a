//! Scores the tagger and parser on gold-token CoNLL-U files, as the CoNLL 2018 shared task
//! does: UPOS accuracy, UAS and LAS over all words, punctuation included; LAS compares the
//! universal part of the relation (`nsubj` for `nsubj:pass`), and "LAS full" the whole label.
//!
//! ```text
//! cargo run --release --example score_syntax -- ../shared/corpora/ud-english/en_ewt-test.conllu.gz …
//! cargo run --release --example score_syntax -- --model /tmp/model.bin FILE…
//! ```
//!
//! Without `--model` the model compiled into the library is scored. Files may be gzipped
//! (`.gz`) or plain.

#[path = "common/ud.rs"]
mod ud;

use bilateral::analysis::text::model::Model;
use bilateral::analysis::text::{annotate_words_with, conllu, model};
use std::path::Path;
use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("score_syntax: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut loaded: Option<Model<'static>> = None;
    if args.first().is_some_and(|a| a == "--model") {
        let path = args.get(1).ok_or("--model needs a path")?.clone();
        let bytes: &'static [u8] = Box::leak(
            std::fs::read(&path)
                .map_err(|e| format!("{path}: {e}"))?
                .into_boxed_slice(),
        );
        loaded = Some(Model::parse(bytes).map_err(|e| e.to_string())?);
        args.drain(..2);
    }
    let model = match &loaded {
        Some(m) => m,
        None => model().map_err(|e| e.to_string())?,
    };
    if args.is_empty() {
        return Err("usage: score_syntax [--model PATH] FILE…".into());
    }
    println!("| file | words | UPOS | XPOS | UAS | LAS | LAS full | lemma | words/s |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for file in &args {
        let path = Path::new(file);
        let sentences = if file.ends_with(".gz") {
            ud::read_gz(path)?
        } else {
            let text = std::fs::read_to_string(path).map_err(|e| format!("{file}: {e}"))?;
            conllu::read(&text).map_err(|e| format!("{file}: {e}"))?
        };
        let (mut n, mut upos, mut xpos, mut uas, mut las, mut full, mut lemma) =
            (0, 0, 0, 0, 0, 0, 0);
        let mut elapsed = 0.0;
        for s in &sentences {
            let forms = ud::forms(s);
            let words: Vec<&str> = forms.iter().map(String::as_str).collect();
            let started = Instant::now();
            let got = annotate_words_with(Some(model), &words);
            elapsed += started.elapsed().as_secs_f64();
            let heads = ud::heads(s);
            for ((w, a), gold_head) in s.words().zip(&got).zip(heads) {
                n += 1;
                upos += usize::from(a.upos.as_str() == w[conllu::UPOS]);
                xpos += usize::from(a.xpos == w[conllu::XPOS]);
                lemma += usize::from(*a.lemma == w[conllu::LEMMA].to_lowercase());
                let head = a.head.map_or(0, |h| usize::from(h) + 1);
                if head == gold_head {
                    uas += 1;
                    let base = |r: &str| r.split(':').next().unwrap_or("").to_string();
                    las += usize::from(base(a.rel) == base(&w[conllu::DEPREL]));
                    full += usize::from(a.rel == w[conllu::DEPREL]);
                }
            }
        }
        let pc = |x: usize| x as f64 / n.max(1) as f64 * 100.0;
        let name = path
            .file_name()
            .map_or(file.as_str(), |f| f.to_str().unwrap_or(file));
        println!(
            "| {name} | {n} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.0} |",
            pc(upos),
            pc(xpos),
            pc(uas),
            pc(las),
            pc(full),
            pc(lemma),
            n as f64 / elapsed.max(1e-9)
        );
    }
    Ok(())
}
