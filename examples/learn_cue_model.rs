//! Learns `assets/cue_model.tsv`, the learnt judge of a verb and its speaker
//! (`src/analysis/clauses/learnt.rs`), from PolNeAR's training split.
//!
//! ```sh
//! cargo run --release --example learn_cue_model -- ../shared/eval/polnear/data/train \
//!     > assets/cue_model.tsv
//! ```
//!
//! Every article is segmented and parsed by bilateral itself; every verb outside quotation
//! marks that the tree rules give a speaker (`clauses::candidates`) is an example, positive
//! when the people who annotated PolNeAR put the verb inside an attribution's Cue and that
//! speaker's noun phrase overlaps the same attribution's Source. A verb nested in another
//! attribution's Content is a negative: PolNeAR marks only the outermost, and so does the
//! measure. The model is a logistic regression (features seen at least `MIN_SEEN` times,
//! `EPOCHS` passes of stochastic gradient descent with L2 decay `L2`, examples in an order
//! fixed by a seeded shuffle, weights averaged over the passes): deterministic.
//!
//! `--hold I/K` leaves out every K-th article from the I-th (to measure on them, e.g. with
//! `score.py --only`), and prints the held-out log loss and the precision and recall at a few
//! thresholds to stderr; `--list FILE` writes the held-out articles' names to FILE.

use bilateral::analysis::{clauses, segment, text};
use std::collections::BTreeMap;

#[path = "common/polnear.rs"]
#[allow(dead_code)] // the contents of attributions are not read here
mod polnear;

const MIN_SEEN: usize = 10;
const EPOCHS: usize = 8;
const L2: f64 = 1e-5;
const RATE: f64 = 0.05;

/// A setting: the constant, or the environment's `LEARN_NAME` (to try others).
fn setting(name: &str, default: f64) -> f64 {
    std::env::var(format!("LEARN_{name}"))
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
/// Weights smaller than this are not written.
const MIN_WEIGHT: f64 = 0.05;

type Example = (Vec<usize>, bool);

use polnear::Spans;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or("usage: learn_cue_model TRAIN_DIR [--hold I/K] [--list FILE]")?;
    let mut hold: Option<(usize, usize)> = None;
    let mut list: Option<String> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--hold" => {
                let v = args.next().ok_or("--hold I/K")?;
                let (i, k) = v.split_once('/').ok_or("--hold I/K")?;
                hold = Some((i.parse()?, k.parse()?));
            }
            "--list" => list = Some(args.next().ok_or("--list FILE")?),
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    let names = polnear::gold_files(&dir)?;
    let held = |i: usize| hold.is_some_and(|(h, k)| i % k == h);
    if let Some(path) = &list {
        let held_names: Vec<String> = names
            .iter()
            .enumerate()
            .filter(|&(i, _)| held(i))
            .map(|(_, p)| {
                p.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .trim_end_matches(".gold.json")
                    .to_string()
            })
            .collect();
        std::fs::write(path, held_names.join("\n") + "\n")?;
    }
    // feature strings → (index, count in the training part)
    let mut index: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut train: Vec<(Vec<String>, bool)> = Vec::new();
    let mut test: Vec<(Vec<String>, bool)> = Vec::new();
    for (i, gold_path) in names.iter().enumerate() {
        let polnear::Article { body, attributions } = polnear::read(&dir, gold_path)?;
        let pairs: Vec<(Spans, Spans)> = attributions
            .into_iter()
            .map(|a| (a.cue, a.source))
            .collect();
        let hit = |(a, b): (u32, u32), fs: &[(u32, u32)]| fs.iter().any(|&(x, y)| a < y && x < b);
        let seg = segment::segment(&body, 0);
        let mut open = false;
        let mut paragraph = usize::MAX;
        for s in &seg.sentences {
            if s.paragraph != paragraph {
                open = false;
                paragraph = s.paragraph;
            }
            let toks = text::annotate(&body[s.start..s.end], s.start as u32);
            let (cands, still_open) =
                clauses::candidates(&toks, &body[s.start..s.end], s.start as u32, open);
            open = still_open;
            for c in cands {
                let label = pairs
                    .iter()
                    .any(|(cue, src)| hit(c.cue, cue) && hit(c.speaker, src));
                if held(i) {
                    test.push((c.features, label));
                } else {
                    for f in &c.features {
                        let n = index.len();
                        index.entry(f.clone()).or_insert((n, 0)).1 += 1;
                    }
                    train.push((c.features, label));
                }
            }
        }
    }
    // the features seen often enough, numbered in order
    let kept: Vec<&String> = index
        .iter()
        .filter(|(_, (_, n))| *n >= setting("MIN_SEEN", MIN_SEEN as f64) as usize)
        .map(|(f, _)| f)
        .collect();
    let number: BTreeMap<&String, usize> = kept.iter().enumerate().map(|(i, f)| (*f, i)).collect();
    let encode = |set: &[(Vec<String>, bool)]| -> Vec<Example> {
        set.iter()
            .map(|(fs, y)| {
                let mut v: Vec<usize> = fs.iter().filter_map(|f| number.get(f).copied()).collect();
                v.sort_unstable();
                v.dedup();
                (v, *y)
            })
            .collect()
    };
    let train = encode(&train);
    let test = encode(&test);
    let dim = kept.len();
    let (w, bias) = fit(&train, dim);
    let positives = train.iter().filter(|e| e.1).count();
    if hold.is_some() {
        report(&test, &w, bias);
    }
    println!(
        "# The learnt judge of a verb and its speaker (src/analysis/clauses/learnt.rs), learnt from \
         PolNeAR's training split\n# ({} articles{}) by examples/learn_cue_model.rs: a logistic \
         regression over {} examples ({} positive),\n# features seen >= {MIN_SEEN} times, \
         {EPOCHS} passes of SGD (rate {RATE}, L2 {L2}), averaged weights.\n# feature\tweight",
        names.len() - names.iter().enumerate().filter(|&(i, _)| held(i)).count(),
        hold.map_or(String::new(), |(i, k)| format!(
            ", every {k}th from the {i}th left out"
        )),
        train.len(),
        positives,
    );
    println!("bias\t{bias:.4}");
    for (f, x) in kept.iter().zip(&w) {
        if x.abs() >= MIN_WEIGHT {
            println!("{f}\t{x:.4}");
        }
    }
    Ok(())
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Logistic regression by SGD with L2 decay (applied lazily to the features of the example),
/// averaged over every step; a fixed xorshift shuffle each pass.
fn fit(data: &[Example], dim: usize) -> (Vec<f64>, f64) {
    let mut w = vec![0.0f64; dim];
    let mut b = 0.0f64;
    // averaged weights: sum of w over steps, kept with the trick of the time-stamped update
    let mut u = vec![0.0f64; dim];
    let mut ub = 0.0f64;
    let mut c = 1.0f64;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let (epochs, rate, l2) = (
        setting("EPOCHS", EPOCHS as f64) as usize,
        setting("RATE", RATE),
        setting("L2", L2),
    );
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let (x, y) = &data[i];
            let z = b + x.iter().map(|&j| w[j]).sum::<f64>();
            let g = sigmoid(z) - if *y { 1.0 } else { 0.0 };
            for &j in x {
                let step = rate * (g + l2 * w[j]);
                w[j] -= step;
                u[j] -= c * step;
            }
            b -= rate * g;
            ub -= c * rate * g;
            c += 1.0;
        }
    }
    let avg: Vec<f64> = w.iter().zip(&u).map(|(w, u)| w - u / c).collect();
    (avg, b - ub / c)
}

/// Held-out log loss, and precision and recall at a few thresholds, to stderr.
fn report(test: &[Example], w: &[f64], b: f64) {
    let ps: Vec<(f64, bool)> = test
        .iter()
        .map(|(x, y)| (sigmoid(b + x.iter().map(|&j| w[j]).sum::<f64>()), *y))
        .collect();
    let loss: f64 = ps
        .iter()
        .map(|&(p, y)| -(if y { p } else { 1.0 - p }).max(1e-9).ln())
        .sum::<f64>()
        / ps.len().max(1) as f64;
    let pos = ps.iter().filter(|p| p.1).count();
    eprintln!(
        "held out: {} examples, {pos} positive, log loss {loss:.4}",
        ps.len()
    );
    for th in [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7] {
        let pred = ps.iter().filter(|p| p.0 >= th).count();
        let tp = ps.iter().filter(|p| p.0 >= th && p.1).count();
        eprintln!(
            "  p >= {th:.1}: predicted {pred}, precision {:.3}, recall {:.3}",
            tp as f64 / pred.max(1) as f64,
            tp as f64 / pos.max(1) as f64
        );
    }
}
