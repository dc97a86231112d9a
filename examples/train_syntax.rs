//! Trains the tagger, lemmatizer and parser of `src/analysis/text` and writes
//! `assets/syntax/model.bin`.
//!
//! ```text
//! cargo run --release --example train_syntax -- [--final] UD_DIR [ITERATIONS] [OUT] [PARSER_ITERATIONS] [TEXT_DIR]
//! ```
//!
//! The shipped model was made with
//! `cargo run --release --example train_syntax -- --final ../shared/corpora/ud-english 15 assets/syntax/model.bin 7 ../shared/eval/polnear/data/train`
//! (15 tagger epochs, the best of each pass on EWT dev kept: the 13th and the 7th; 7 parser
//! epochs, the number that the same command without `--final` and with 12 parser epochs
//! found best on EWT dev: UPOS 95.36, UAS 85.62, LAS with full labels 82.24 there). EWT
//! test, as `score_syntax` measures it: UPOS 95.41, UAS 86.09, LAS 83.24 (LAS on the
//! universal part of the relation).
//!
//! Training data: UD English EWT train and GUM (open part) train; EWT dev picks the number of
//! iterations (the best dev epoch of each model is kept). With `--final`, once the numbers
//! are chosen, the parser (not the tagger) also learns from EWT dev, except its first 300
//! sentences (`HELD_ASIDE`: the slice `tests/syntax_model.rs` scores), and from GUM-open dev,
//! for exactly `PARSER_ITERATIONS` epochs, the last one kept; those sentences are tagged by
//! the tagger just trained, which has not seen them, so their tags are as wrong as the
//! jackknifed ones. The EWT dev scores such a run prints are no longer held out: measure its
//! model on test. Steps:
//!
//! 1. word clusters for the tagger and the parser (`learn_clusters`): 256 classes of the
//!    words seen at least 4 times in unlabeled text, the training treebanks' sentences and
//!    the `.txt` files of `TEXT_DIR` (the PolNeAR training articles; never dev or test
//!    text), by spherical k-means over each word's left and right neighbours, from a fixed
//!    seed;
//! 2. the tagger's first pass (averaged perceptron over joint UPOS+XPOS classes), up to
//!    `ITERATIONS` epochs (default 15), the best on EWT dev kept;
//! 3. jackknifing: the training sentences are split in four; each quarter is tagged by a
//!    first pass trained on the other three, so the second pass learns from first-pass tags
//!    as wrong as they will be at run time;
//! 4. the tagger's second pass (sees the first pass's tags to the right), trained and
//!    jackknifed the same way: the parser learns from the jackknifed second-pass tags;
//! 5. the lemma rules and exceptions (`lemma.rs`);
//! 6. the parser: arc-hybrid with a dynamic oracle (Goldberg & Nivre 2013) on trees made
//!    projective by lifting; exploration (following its own wrong predictions with
//!    probability 0.9) from the second epoch; up to `PARSER_ITERATIONS` epochs (default
//!    `ITERATIONS`), best on EWT dev (LAS with predicted tags, the model pruned as it will be
//!    shipped) kept (with `--final`: the last); the best model so far is written to `OUT`
//!    after each better epoch, so a run stopped after epoch k has written what
//!    `PARSER_ITERATIONS = k` would;
//! 7. weights averaged, scaled to `i16` (stored as one-byte codes, `model.rs`), small ones
//!    pruned until each table fits its size budget (the smallest floor on |weight| that
//!    fits, by bisection over the exact table size); written with `model::write`. The
//!    budgets: the tagger tables `TAGGER_BUDGET` and `TAGGER2_BUDGET` (1.6 and 2.0 MB), the
//!    parser table what the rest of the model leaves of `MODEL_BUDGET` (14.95 MB): about
//!    11.2 MB, a third of the unpruned table's 37 MB.
//!
//! `TRAIN_SYNTAX_TAGGER_CACHE=FILE` keeps steps 2–4 (both tagger tables, the jackknifed tags
//! and the generator's state) in `FILE`: the first run writes it, later runs read it and go
//! straight to the parser, with the same result as a run without the cache. Delete the file
//! when the tagger's features or the data change.
//!
//! For experiments: `TRAIN_SYNTAX_PARSER_BUDGET=BYTES` overrides the parser table's budget,
//! `TRAIN_SYNTAX_CLUSTERS=K` the number of clusters (0: none), and
//! `TRAIN_SYNTAX_REPORT_UNPRUNED=1` also scores each epoch's unpruned model on EWT dev (what
//! pruning to the budget costs: about 0.1 UAS and LAS at the 11.2 MB budget, nothing at
//! some epochs; it was 0.3 when the slots were 8 bytes and the budget 10.2 MB).
//!
//! Deterministic: fixed-seed shuffles (the jackknife folds run two at a time, each on its
//! own seed, so the thread schedule cannot change a result), features sorted before writing;
//! the same input gives the same model, byte for byte. About 12 minutes on a loaded
//! two-core machine (the clusters 1, the tagger stage 5; a parser epoch 35–45 seconds).

#[path = "common/ud.rs"]
mod ud;

use bilateral::analysis::text::model::{self, Model, ModelParts, Row};
use bilateral::analysis::text::parser::{self, Action, State};
use bilateral::analysis::text::tagger::{self, NO_TAG, WordInfo};
use bilateral::analysis::text::{Upos, conllu, lemma};
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Size budget of each tagger table, in bytes: what the tables of the 2.0 and 2.5 MB budgets
/// of the 8-byte-slot format (BLSYN007) take in this one, so the parser got the bytes saved.
const TAGGER_BUDGET: usize = 1_593_343;
const TAGGER2_BUDGET: usize = 1_994_419;
/// Size budget of the whole model, in bytes: the parser table gets what the rest leaves.
const MODEL_BUDGET: usize = 14_950_000;
/// Number of word clusters (`learn_clusters`).
const CLUSTERS: usize = 256;

/// The parser table's budget: `MODEL_BUDGET` less the bytes of everything else (`rest`), or
/// `TRAIN_SYNTAX_PARSER_BUDGET` (bytes) for experiments.
fn parser_budget(rest: usize) -> usize {
    std::env::var("TRAIN_SYNTAX_PARSER_BUDGET")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(MODEL_BUDGET.saturating_sub(rest))
}
const FOLDS: usize = 4;
/// EWT dev's first sentences, which `tests/syntax_model.rs` scores: never trained on.
const HELD_ASIDE: usize = 300;
const PARSER_ITERATIONS_NOTE: &str =
    "the last of PARSER_ITERATIONS epochs kept (dev scores below are not held out)";
const SEED: u64 = 0x5eed_2026_1206;

struct Sent {
    forms: Vec<String>,
    infos: Vec<WordInfo>,
    tags: Vec<u8>,
    lemmas: Vec<String>,
    /// Gold heads, `n` for the root.
    heads: Vec<u16>,
    labels: Vec<u8>,
}

/// xorshift64*: a small fixed-seed generator for shuffling and exploration.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

#[derive(Clone, Copy)]
struct Param {
    class: u8,
    w: i32,
    total: i64,
}

/// An averaged perceptron with sparse rows: each feature keeps only the classes it was
/// updated for.
struct Perceptron {
    rows: FxHashMap<u64, Vec<Param>>,
    clock: i64,
}

impl Perceptron {
    fn new() -> Perceptron {
        Perceptron {
            rows: FxHashMap::default(),
            clock: 1,
        }
    }

    fn scores(&self, feats: &[u64], out: &mut [i64]) {
        out.iter_mut().for_each(|s| *s = 0);
        for f in feats {
            if let Some(row) = self.rows.get(f) {
                for p in row {
                    out[usize::from(p.class)] += i64::from(p.w);
                }
            }
        }
    }

    fn update(&mut self, feats: &[u64], gold: usize, guess: usize) {
        let clock = self.clock;
        for &f in feats {
            let row = self.rows.entry(f).or_default();
            for (class, delta) in [(gold, 1), (guess, -1)] {
                let class = class as u8;
                match row.iter_mut().find(|p| p.class == class) {
                    Some(p) => {
                        p.w += delta;
                        p.total += clock * i64::from(delta);
                    }
                    None => row.push(Param {
                        class,
                        w: delta,
                        total: clock * i64::from(delta),
                    }),
                }
            }
        }
    }

    fn tick(&mut self) {
        self.clock += 1;
    }

    /// The averaged weight of a parameter, and the scale that maps the largest of them to
    /// the i16 range (32 000).
    fn averaged(&self) -> (impl Fn(&Param) -> f64 + '_, f64) {
        let clock = self.clock as f64;
        let avg = move |p: &Param| f64::from(p.w) - p.total as f64 / clock;
        let max = self
            .rows
            .values()
            .flatten()
            .map(|p| avg(p).abs())
            .fold(0.0f64, f64::max)
            .max(1e-9);
        (avg, 32000.0 / max)
    }

    /// Averaged, quantised to i16; entries with |weight| ≤ `floor` dropped.
    fn quantised(&self, floor: i16) -> Vec<Row> {
        let (avg, scale) = self.averaged();
        let mut rows: Vec<Row> = self
            .rows
            .iter()
            .map(|(&f, row)| {
                let mut q: Vec<(u8, i16)> = row
                    .iter()
                    .map(|p| (p.class, (avg(p) * scale).round() as i16))
                    .filter(|&(_, w)| w.abs() > floor)
                    .collect();
                q.sort_unstable();
                (f, q)
            })
            .filter(|(_, q)| !q.is_empty())
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    /// Quantised and pruned to fit `budget` bytes: the smallest floor on |weight| that
    /// fits, found from histograms of the weights in one pass.
    fn fitted(&self, budget: usize) -> (Vec<Row>, i16) {
        let (avg, scale) = self.averaged();
        const TOP: usize = 32768;
        // every row's quantised magnitudes, one after the other
        let mut mags: Vec<u16> = Vec::new();
        let mut ends: Vec<usize> = Vec::with_capacity(self.rows.len());
        for row in self.rows.values() {
            mags.extend(
                row.iter()
                    .map(|p| ((avg(p) * scale).round().abs() as usize).min(TOP) as u16),
            );
            ends.push(mags.len());
        }
        let bytes_at = |floor: usize| {
            let (mut features, mut outside, mut start) = (0usize, 0usize, 0usize);
            for &end in &ends {
                let kept = mags[start..end]
                    .iter()
                    .filter(|&&m| usize::from(m) > floor)
                    .count();
                if kept > 0 {
                    features += 1;
                    outside += model::entry_bytes(kept);
                }
                start = end;
            }
            model::table_bytes_for(features, outside)
        };
        // the smallest floor that fits (the size only shrinks as the floor rises)
        let (mut lo, mut hi) = (0usize, TOP);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if bytes_at(mid) <= budget {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        let floor = lo;
        let floor = i16::try_from(floor).unwrap_or(i16::MAX);
        (self.quantised(floor), floor)
    }
}

struct Inventory {
    tags: Vec<(Upos, String)>,
    tag_index: BTreeMap<(Upos, String), u8>,
    labels: Vec<String>,
    label_index: BTreeMap<String, u8>,
    root: u8,
    /// The parser's word clusters (empty until learnt).
    clusters: Vec<(u64, u16)>,
}

fn inventory(sents: &[conllu::Sentence]) -> Result<Inventory, String> {
    let mut tag_counts: BTreeMap<(Upos, String), usize> = BTreeMap::new();
    let mut label_counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in sents {
        for w in s.words() {
            let upos = Upos::parse(&w[conllu::UPOS]).ok_or_else(|| format!("bad UPOS {}", w[3]))?;
            *tag_counts
                .entry((upos, w[conllu::XPOS].clone()))
                .or_default() += 1;
            *label_counts.entry(w[conllu::DEPREL].clone()).or_default() += 1;
        }
    }
    let mut tags: Vec<((Upos, String), usize)> = tag_counts.into_iter().collect();
    tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    tags.truncate(250);
    let mut labels: Vec<(String, usize)> = label_counts.into_iter().collect();
    labels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    labels.truncate(64);
    let tags: Vec<(Upos, String)> = tags.into_iter().map(|t| t.0).collect();
    let labels: Vec<String> = labels.into_iter().map(|l| l.0).collect();
    let tag_index = tags
        .iter()
        .enumerate()
        .map(|(i, t)| (t.clone(), i as u8))
        .collect();
    let label_index: BTreeMap<String, u8> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.clone(), i as u8))
        .collect();
    let root = *label_index.get("root").ok_or("no root label")?;
    Ok(Inventory {
        tags,
        tag_index,
        labels,
        label_index,
        root,
        clusters: Vec::new(),
    })
}

fn convert(s: &conllu::Sentence, inv: &Inventory) -> Sent {
    let forms = ud::forms(s);
    let n = forms.len();
    let mut tags = Vec::with_capacity(n);
    let mut lemmas = Vec::with_capacity(n);
    let mut labels = Vec::with_capacity(n);
    for w in s.words() {
        let upos = Upos::parse(&w[conllu::UPOS]).unwrap_or(Upos::X);
        tags.push(
            *inv.tag_index
                .get(&(upos, w[conllu::XPOS].clone()))
                .unwrap_or(&0),
        );
        lemmas.push(w[conllu::LEMMA].to_lowercase());
        labels.push(*inv.label_index.get(&w[conllu::DEPREL]).unwrap_or(&0));
    }
    let heads = ud::heads(s)
        .into_iter()
        .map(|h| {
            if h == 0 || h > n {
                n as u16
            } else {
                (h - 1) as u16
            }
        })
        .collect();
    Sent {
        infos: forms.iter().map(|f| WordInfo::new(f)).collect(),
        forms,
        tags,
        lemmas,
        heads,
        labels,
    }
}

/// Whether `h` dominates `k` (`n` is the root and dominates everything).
fn dominates(heads: &[u16], h: usize, mut k: usize) -> bool {
    let n = heads.len();
    for _ in 0..=n {
        if k == h {
            return true;
        }
        if k >= n {
            return false;
        }
        k = usize::from(heads[k]);
    }
    false
}

/// Lifts non-projective arcs (the shortest first) until the tree is projective.
fn projectivize(heads: &[u16]) -> Vec<u16> {
    let mut heads = heads.to_vec();
    let n = heads.len();
    for _ in 0..n * 2 {
        let mut worst: Option<(usize, usize)> = None;
        for d in 0..n {
            let h = usize::from(heads[d]);
            if h >= n {
                continue;
            }
            let (lo, hi) = (h.min(d), h.max(d));
            if (lo + 1..hi).any(|k| !dominates(&heads, h, k))
                && worst.is_none_or(|(len, _)| hi - lo < len)
            {
                worst = Some((hi - lo, d));
            }
        }
        match worst {
            Some((_, d)) => {
                let h = usize::from(heads[d]);
                heads[d] = heads[h];
            }
            None => break,
        }
    }
    heads
}

/// Trains a tagger pass for `epochs` epochs; `first` (aligned with `sents`) holds first-pass
/// tags when this is the second pass. With `dev`, the best epoch on it is kept.
#[allow(clippy::too_many_arguments)]
fn train_tagger(
    sents: &[&Sent],
    first: Option<&[&[u8]]>,
    classes: usize,
    finite: &[bool; 256],
    epochs: usize,
    rng: &mut Rng,
    dev: Option<&Dev>,
) -> (Perceptron, usize, Vec<Row>) {
    let mut p = Perceptron::new();
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0i64; classes];
    let mut best: Option<(f64, usize, Vec<Row>)> = None;
    let contexts: Vec<Vec<u8>> = first.map_or_else(Vec::new, |f| {
        f.iter().map(|t| tagger::verb_context(t, finite)).collect()
    });
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &i in &order {
            let s = sents[i];
            let (mut p1, mut p2) = (NO_TAG, NO_TAG);
            for k in 0..s.infos.len() {
                match first {
                    Some(first) => tagger::features_second(
                        &s.infos,
                        k,
                        p1,
                        p2,
                        first[i],
                        &contexts[i],
                        &mut feats,
                    ),
                    None => tagger::features(&s.infos, k, p1, p2, &mut feats),
                }
                p.scores(&feats, &mut scores);
                let guess = argmax64(&scores);
                let gold = usize::from(s.tags[k]);
                if guess != gold {
                    p.update(&feats, gold, guess);
                } else {
                    right += 1;
                }
                total += 1;
                p.tick();
                p2 = p1;
                p1 = guess as u8;
            }
        }
        let train_acc = right as f64 / total.max(1) as f64 * 100.0;
        let Some(dev) = dev else { continue };
        let (rows, _) = p.fitted(dev.budget);
        let (t1, t2) = match dev.first_pass {
            Some(base) => (base.to_vec(), rows.clone()),
            None => (rows.clone(), Vec::new()),
        };
        let bytes = model::write(&parts(dev.inv, t1, t2, Vec::new(), Vec::new(), Vec::new()));
        let m = Model::parse(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let acc = tag_accuracy(&m, dev.sents);
        eprintln!("  epoch {epoch}: train {train_acc:.2}  dev tags {acc:.2}");
        if best.as_ref().is_none_or(|b| acc > b.0) {
            best = Some((acc, epoch, rows));
        }
    }
    match best {
        Some((_, epoch, rows)) => (p, epoch, rows),
        None => (p, epochs, Vec::new()),
    }
}

struct Dev<'a> {
    sents: &'a [Sent],
    inv: &'a Inventory,
    /// The size budget of the table being trained: epochs are compared pruned, as shipped.
    budget: usize,
    /// The first pass's table, when a second pass is being trained.
    first_pass: Option<&'a [Row]>,
}

/// Held-out tags for every training sentence: each of `FOLDS` parts is tagged by a tagger
/// trained on the others (two folds at a time, each with its own seed: deterministic).
fn jackknife(
    sents: &[Sent],
    first: Option<&[Vec<u8>]>,
    classes: usize,
    finite: &[bool; 256],
    epochs: usize,
) -> Vec<Vec<u8>> {
    let fold_tags = |fold: usize| -> Vec<(usize, Vec<u8>)> {
        let idx: Vec<usize> = (0..sents.len()).filter(|i| i % FOLDS != fold).collect();
        let rest: Vec<&Sent> = idx.iter().map(|&i| &sents[i]).collect();
        let rest_first: Option<Vec<&[u8]>> =
            first.map(|f| idx.iter().map(|&i| f[i].as_slice()).collect());
        let mut rng = Rng(SEED ^ (fold as u64 + 2));
        let (p, _, _) = train_tagger(
            &rest,
            rest_first.as_deref(),
            classes,
            finite,
            epochs,
            &mut rng,
            None,
        );
        let rows = p.quantised(0);
        let bytes = model::write(&ModelParts {
            tags: vec![(Upos::X, String::new()); classes],
            labels: vec!["root".into()],
            tagger: rows,
            tagger2: Vec::new(),
            parser: Vec::new(),
            lemmas: Vec::new(),
            rules: Vec::new(),
            clusters: Vec::new(),
        });
        let m = Model::parse(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let (mut right, mut total) = (0usize, 0usize);
        let mut out = Vec::new();
        for (i, s) in sents.iter().enumerate().filter(|(i, _)| i % FOLDS == fold) {
            let tags = tagger::pass(
                &m.tagger,
                None,
                classes,
                &s.infos,
                first.map(|f| f[i].as_slice()),
                finite,
            );
            right += tags.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
            total += tags.len();
            out.push((i, tags));
        }
        eprintln!(
            "  fold {fold}: held-out tag accuracy {:.2}",
            right as f64 / total.max(1) as f64 * 100.0
        );
        out
    };
    let mut predicted = vec![Vec::new(); sents.len()];
    for pair in (0..FOLDS).collect::<Vec<_>>().chunks(2) {
        let results: Vec<Vec<(usize, Vec<u8>)>> = std::thread::scope(|scope| {
            let handles: Vec<_> = pair
                .iter()
                .map(|&fold| scope.spawn(move || fold_tags(fold)))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_default())
                .collect()
        });
        for (i, tags) in results.into_iter().flatten() {
            predicted[i] = tags;
        }
    }
    predicted
}

fn argmax64(scores: &[i64]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

fn tag_accuracy(m: &Model<'_>, dev: &[Sent]) -> f64 {
    let (mut right, mut total) = (0usize, 0usize);
    for s in dev {
        let tags = tagger::tag(m, &s.infos);
        right += tags.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
        total += tags.len();
    }
    right as f64 / total.max(1) as f64 * 100.0
}

#[allow(clippy::type_complexity)]
fn parts(
    inv: &Inventory,
    tagger: Vec<Row>,
    tagger2: Vec<Row>,
    parser: Vec<Row>,
    lemmas: Vec<(Vec<u8>, Vec<u8>)>,
    rules: Vec<(Vec<u8>, Vec<u8>)>,
) -> ModelParts {
    ModelParts {
        tags: inv.tags.clone(),
        labels: inv.labels.clone(),
        tagger,
        tagger2,
        parser,
        lemmas,
        rules,
        clusters: inv.clusters.clone(),
    }
}

/// UPOS accuracy, UAS, LAS (full labels) with predicted tags.
fn parse_scores(m: &Model<'_>, dev: &[Sent], root: u8) -> (f64, f64, f64) {
    let (mut upos, mut uas, mut las, mut total) = (0usize, 0usize, 0usize, 0usize);
    for s in dev {
        let tags = tagger::tag(m, &s.infos);
        let arcs = parser::parse(m, root, &s.infos, &tags);
        for k in 0..s.forms.len() {
            let gold_upos = m.tags.get(usize::from(s.tags[k])).map(|t| t.0);
            let got_upos = m.tags.get(usize::from(tags[k])).map(|t| t.0);
            upos += usize::from(gold_upos == got_upos);
            if arcs[k].0 == s.heads[k] {
                uas += 1;
                las += usize::from(arcs[k].1 == s.labels[k]);
            }
            total += 1;
        }
    }
    let pc = |x: usize| x as f64 / total.max(1) as f64 * 100.0;
    (pc(upos), pc(uas), pc(las))
}

#[allow(clippy::too_many_arguments)]
fn train_parser(
    sents: &[Sent],
    predicted: &[Vec<u8>],
    inv: &Inventory,
    tagger_rows: &(Vec<Row>, Vec<Row>),
    dev: &[Sent],
    epochs: usize,
    budget: usize,
    select: bool,
    rng: &mut Rng,
    save: &dyn Fn(&[Row]) -> Result<(), String>,
) -> Result<(Vec<Row>, usize, f64), String> {
    let n_labels = inv.labels.len();
    let classes = 1 + 2 * n_labels;
    let mut p = Perceptron::new();
    let gold_heads: Vec<Vec<u16>> = sents.iter().map(|s| projectivize(&s.heads)).collect();
    let mut order: Vec<usize> = (0..sents.len())
        .filter(|&i| sents[i].forms.len() < 400)
        .collect();
    let mut feats = Vec::new();
    let mut scores = vec![0i64; classes];
    let mut costs = Vec::new();
    let mut best: Option<(f64, usize, Vec<Row>)> = None;
    for epoch in 1..=epochs {
        let started = Instant::now();
        rng.shuffle(&mut order);
        let (mut right, mut total) = (0usize, 0usize);
        for &i in &order {
            let s = &sents[i];
            let tags = &predicted[i];
            let heads = &gold_heads[i];
            let mut state = State::new(s.forms.len(), inv.root);
            while !state.done() {
                parser::features(&state, &s.infos, tags, &mut feats);
                p.scores(&feats, &mut scores);
                state.costs(heads, &s.labels, n_labels, &mut costs);
                let min = costs.iter().copied().min().unwrap_or(0);
                let mut guess = None;
                let mut gold = None;
                for c in 0..classes {
                    if costs[c] == i32::MAX {
                        continue;
                    }
                    if guess.is_none_or(|g: usize| scores[c] > scores[g]) {
                        guess = Some(c);
                    }
                    if costs[c] == min && gold.is_none_or(|g: usize| scores[c] > scores[g]) {
                        gold = Some(c);
                    }
                }
                let (Some(guess), Some(gold)) = (guess, gold) else {
                    break;
                };
                let next = if costs[guess] > min {
                    p.update(&feats, gold, guess);
                    if epoch > 1 && rng.below(10) < 9 {
                        guess
                    } else {
                        gold
                    }
                } else {
                    right += 1;
                    guess
                };
                total += 1;
                p.tick();
                state.apply(Action::of_class(next, n_labels));
            }
        }
        let (rows, floor) = p.fitted(budget);
        if std::env::var_os("TRAIN_SYNTAX_REPORT_UNPRUNED").is_some() {
            let full = p.quantised(0);
            let bytes = model::write(&parts(
                inv,
                tagger_rows.0.clone(),
                tagger_rows.1.clone(),
                full.clone(),
                Vec::new(),
                Vec::new(),
            ));
            let m = Model::parse(&bytes).unwrap_or_else(|e| panic!("{e}"));
            let (upos, uas, las) = parse_scores(&m, dev, inv.root);
            eprintln!(
                "    unpruned: dev UPOS {upos:.2} UAS {uas:.2} LAS {las:.2}  ({} features, {} bytes; pruned floor {floor}, {} features)",
                full.len(),
                model::table_bytes(&full),
                rows.len()
            );
        }
        let bytes = model::write(&parts(
            inv,
            tagger_rows.0.clone(),
            tagger_rows.1.clone(),
            rows.clone(),
            Vec::new(),
            Vec::new(),
        ));
        let m = Model::parse(&bytes).unwrap_or_else(|e| panic!("{e}"));
        let (upos, uas, las) = parse_scores(&m, dev, inv.root);
        eprintln!(
            "  parser epoch {epoch}: train {:.2}  dev UPOS {upos:.2} UAS {uas:.2} LAS {las:.2}  ({:.0}s, {} features)",
            right as f64 / total.max(1) as f64 * 100.0,
            started.elapsed().as_secs_f64(),
            p.rows.len()
        );
        if !select || best.as_ref().is_none_or(|b| las > b.0) {
            save(&rows)?;
            best = Some((las, epoch, rows));
        }
    }
    Ok(match best {
        Some((las, epoch, rows)) => (rows, epoch, las),
        None => (Vec::new(), epochs, 0.0),
    })
}

/// The tagger's two passes and the jackknifed tags the parser learns from.
fn train_taggers(
    sents: &[Sent],
    dev: &[Sent],
    inv: &Inventory,
    epochs: usize,
    rng: &mut Rng,
) -> (Vec<Row>, Vec<Row>, Vec<Vec<u8>>) {
    eprintln!("tagger, first pass:");
    let all: Vec<&Sent> = sents.iter().collect();
    let classes = inv.tags.len();
    let dev1 = Dev {
        sents: dev,
        inv,
        budget: TAGGER_BUDGET,
        first_pass: None,
    };
    let finite = model::finite_classes(inv.tags.iter().map(|t| t.1.as_str()));
    let (_, epochs1, rows1) = train_tagger(&all, None, classes, &finite, epochs, rng, Some(&dev1));
    eprintln!("  best epoch {epochs1}, {} features", rows1.len());
    eprintln!("jackknifing the first pass ({FOLDS} folds):");
    let first = jackknife(sents, None, classes, &finite, epochs1);
    let first_refs: Vec<&[u8]> = first.iter().map(Vec::as_slice).collect();

    eprintln!("tagger, second pass:");
    let dev2 = Dev {
        sents: dev,
        inv,
        budget: TAGGER2_BUDGET,
        first_pass: Some(&rows1),
    };
    let (_, epochs2, rows2) = train_tagger(
        &all,
        Some(&first_refs),
        classes,
        &finite,
        epochs,
        rng,
        Some(&dev2),
    );
    eprintln!("  best epoch {epochs2}, {} features", rows2.len());
    eprintln!("jackknifing the second pass ({FOLDS} folds):");
    let predicted = jackknife(sents, Some(&first), classes, &finite, epochs2);
    (rows1, rows2, predicted)
}

/// The tagger stage's result kept between runs (`TRAIN_SYNTAX_TAGGER_CACHE=FILE`, to try
/// parser settings without retraining the tagger): both tables, the jackknifed tags and the
/// generator's state, so a run from the cache gives the same model as one without.
fn write_cache(
    path: &Path,
    rows1: &[Row],
    rows2: &[Row],
    predicted: &[Vec<u8>],
    state: u64,
) -> Result<(), String> {
    let mut out = state.to_le_bytes().to_vec();
    for rows in [rows1, rows2] {
        out.extend_from_slice(&(rows.len() as u64).to_le_bytes());
        for (h, ws) in rows {
            out.extend_from_slice(&h.to_le_bytes());
            out.extend_from_slice(&(ws.len() as u32).to_le_bytes());
            for &(c, w) in ws {
                out.push(c);
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
    }
    out.extend_from_slice(&(predicted.len() as u64).to_le_bytes());
    for tags in predicted {
        out.extend_from_slice(&(tags.len() as u32).to_le_bytes());
        out.extend_from_slice(tags);
    }
    std::fs::write(path, out).map_err(|e| format!("{}: {e}", path.display()))
}

#[allow(clippy::type_complexity)]
fn read_cache(path: &Path) -> Option<(Vec<Row>, Vec<Row>, Vec<Vec<u8>>, u64)> {
    let bytes = std::fs::read(path).ok()?;
    let mut at = 0usize;
    let mut take = |n: usize| -> Option<&[u8]> {
        let s = bytes.get(at..at + n)?;
        at += n;
        Some(s)
    };
    let u64_of = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
    let u32_of = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap_or([0; 4])) as usize;
    let state = u64_of(take(8)?);
    let mut tables = Vec::new();
    for _ in 0..2 {
        let n = u64_of(take(8)?) as usize;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let h = u64_of(take(8)?);
            let k = u32_of(take(4)?);
            let mut ws = Vec::with_capacity(k);
            for _ in 0..k {
                let b = take(3)?;
                ws.push((b[0], i16::from_le_bytes([b[1], b[2]])));
            }
            rows.push((h, ws));
        }
        tables.push(rows);
    }
    let n = u64_of(take(8)?) as usize;
    let mut predicted = Vec::with_capacity(n);
    for _ in 0..n {
        let k = u32_of(take(4)?);
        predicted.push(take(k)?.to_vec());
    }
    let rows2 = tables.pop()?;
    let rows1 = tables.pop()?;
    Some((rows1, rows2, predicted, state))
}

/// The norm of a word as `WordInfo::norm` hashes it: lower case, digits folded to `0`.
fn norm_of(form: &str) -> String {
    form.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// Word clusters learnt from unlabeled text (`texts`: token sequences): every word seen at
/// least `MIN_COUNT` times is described by the words just left and right of it (counts over
/// the `CONTEXTS` most frequent words, square-rooted and scaled to unit length), and the
/// descriptions are grouped by spherical k-means into `k` clusters (k-means++ seeding from a
/// fixed seed, `KMEANS_ROUNDS` rounds): deterministic. Returns `(norm hash, cluster)`.
fn learn_clusters(texts: &[Vec<String>], k: usize, rng: &mut Rng) -> Vec<(u64, u16)> {
    const MIN_COUNT: usize = 4;
    const CONTEXTS: usize = 800;
    const KMEANS_ROUNDS: usize = 20;
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for t in texts {
        for w in t {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, usize)> = counts
        .iter()
        .filter(|e| *e.1 >= MIN_COUNT)
        .map(|(w, c)| (*w, *c))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let index: FxHashMap<&str, usize> = vocab.iter().enumerate().map(|(i, w)| (w.0, i)).collect();
    let dims = 2 * (CONTEXTS + 2);
    // context id of a neighbour: a frequent word, "other", or the text's edge
    let ctx = |w: Option<&String>| match w {
        None => CONTEXTS + 1,
        Some(w) => index
            .get(w.as_str())
            .copied()
            .filter(|&i| i < CONTEXTS)
            .unwrap_or(CONTEXTS),
    };
    let mut rows: Vec<FxHashMap<u32, f32>> = vec![FxHashMap::default(); vocab.len()];
    for t in texts {
        for (i, w) in t.iter().enumerate() {
            let Some(&v) = index.get(w.as_str()) else {
                continue;
            };
            let left = ctx(i.checked_sub(1).and_then(|j| t.get(j)));
            let right = CONTEXTS + 2 + ctx(t.get(i + 1));
            *rows[v].entry(left as u32).or_default() += 1.0;
            *rows[v].entry(right as u32).or_default() += 1.0;
        }
    }
    let vectors: Vec<Vec<(u32, f32)>> = rows
        .into_iter()
        .map(|r| {
            let mut v: Vec<(u32, f32)> = r.into_iter().map(|(d, c)| (d, c.sqrt())).collect();
            v.sort_unstable_by_key(|e| e.0);
            let len = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-9);
            v.iter_mut().for_each(|e| e.1 /= len);
            v
        })
        .collect();
    let k = k.min(vectors.len()).max(1);
    let dot = |v: &[(u32, f32)], c: &[f32]| v.iter().map(|&(d, x)| x * c[d as usize]).sum::<f32>();
    // k-means++ seeding (distance 1 - cosine), from the fixed-seed generator
    let mut centroids: Vec<Vec<f32>> = Vec::with_capacity(k);
    let dense = |v: &[(u32, f32)]| {
        let mut c = vec![0f32; dims];
        v.iter().for_each(|&(d, x)| c[d as usize] = x);
        c
    };
    centroids.push(dense(&vectors[0]));
    let mut nearest: Vec<f32> = vectors
        .iter()
        .map(|v| (1.0 - dot(v, &centroids[0])).max(0.0))
        .collect();
    while centroids.len() < k {
        let total: f64 = nearest.iter().map(|&d| f64::from(d)).sum();
        let mut target = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let mut pick = 0;
        for (i, &d) in nearest.iter().enumerate() {
            target -= f64::from(d);
            if target <= 0.0 {
                pick = i;
                break;
            }
        }
        let c = dense(&vectors[pick]);
        for (v, d) in vectors.iter().zip(nearest.iter_mut()) {
            *d = d.min((1.0 - dot(v, &c)).max(0.0));
        }
        centroids.push(c);
    }
    let mut assign = vec![0usize; vectors.len()];
    for round in 0..KMEANS_ROUNDS {
        let mut moved = 0;
        for (v, a) in vectors.iter().zip(assign.iter_mut()) {
            let mut best = (f32::MIN, 0);
            for (j, c) in centroids.iter().enumerate() {
                let s = dot(v, c);
                if s > best.0 {
                    best = (s, j);
                }
            }
            if *a != best.1 || round == 0 {
                moved += usize::from(*a != best.1);
                *a = best.1;
            }
        }
        for c in centroids.iter_mut() {
            c.iter_mut().for_each(|x| *x = 0.0);
        }
        for (v, &a) in vectors.iter().zip(&assign) {
            for &(d, x) in v {
                centroids[a][d as usize] += x;
            }
        }
        for c in centroids.iter_mut() {
            let len = c.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
            c.iter_mut().for_each(|x| *x /= len);
        }
        eprintln!("  k-means round {}: {moved} words moved", round + 1);
        if round > 0 && moved == 0 {
            break;
        }
    }
    vocab
        .iter()
        .zip(&assign)
        .map(|(w, &a)| (bilateral::analysis::text::hash::str(w.0), a as u16))
        .collect()
}

/// Unlabeled text for the clusters: the training treebanks' sentences and every `.txt` file
/// in `dir` (tokenized by the library's tokenizer), as normalised words.
fn unlabeled(train: &[conllu::Sentence], dir: Option<&Path>) -> Result<Vec<Vec<String>>, String> {
    let mut texts: Vec<Vec<String>> = train
        .iter()
        .map(|s| ud::forms(s).iter().map(|f| norm_of(f)).collect())
        .collect();
    if let Some(dir) = dir {
        let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                texts.push(
                    bilateral::analysis::text::tokenize(line)
                        .into_iter()
                        .map(|(a, b)| norm_of(&line[a as usize..b as usize]))
                        .collect(),
                );
            }
        }
    }
    Ok(texts)
}

fn main() {
    if let Err(e) = run() {
        eprintln!("train_syntax: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let all_args: Vec<String> = std::env::args().collect();
    let final_run = all_args.iter().any(|a| a == "--final");
    let args: Vec<String> = all_args.into_iter().filter(|a| a != "--final").collect();
    let dir = PathBuf::from(args.get(1).ok_or(
        "usage: train_syntax [--final] UD_DIR [ITERATIONS] [OUT] [PARSER_ITERATIONS] [TEXT_DIR]",
    )?);
    let epochs: usize = args
        .get(2)
        .map_or(Ok(15), |a| a.parse())
        .map_err(|_| "bad ITERATIONS")?;
    let out = args
        .get(3)
        .map_or_else(|| PathBuf::from("assets/syntax/model.bin"), PathBuf::from);
    let parser_epochs: usize = args
        .get(4)
        .map_or(Ok(epochs), |a| a.parse())
        .map_err(|_| "bad PARSER_ITERATIONS")?;
    let text_dir = args.get(5).map(PathBuf::from);
    let read = |name: &str| ud::read_gz(&Path::new(&dir).join(name));
    let started = Instant::now();
    let mut train = read("en_ewt-train.conllu.gz")?;
    train.extend(read("en_gum_open-train.conllu.gz")?);
    let dev_raw = read("en_ewt-dev.conllu.gz")?;
    // --final: the parser also learns from the dev sentences, except EWT dev's first
    // HELD_ASIDE (the CI's floor test scores them)
    let extra_raw: Vec<conllu::Sentence> = if final_run {
        let mut extra: Vec<conllu::Sentence> = dev_raw.iter().skip(HELD_ASIDE).cloned().collect();
        extra.extend(read("en_gum_open-dev.conllu.gz")?);
        extra
    } else {
        Vec::new()
    };
    let mut inv = inventory(&train)?;
    let mut sents: Vec<Sent> = train
        .iter()
        .map(|s| convert(s, &inv))
        .filter(|s| !s.forms.is_empty())
        .collect();
    let mut dev: Vec<Sent> = dev_raw.iter().map(|s| convert(s, &inv)).collect();
    let mut extra: Vec<Sent> = extra_raw
        .iter()
        .map(|s| convert(s, &inv))
        .filter(|s| !s.forms.is_empty())
        .collect();
    eprintln!(
        "{} training sentences, {} tag classes, {} labels ({:.1}s)",
        sents.len(),
        inv.tags.len(),
        inv.labels.len(),
        started.elapsed().as_secs_f64()
    );
    let mut rng = Rng(SEED);

    // the clusters first: the tagger reads them too
    let k: usize = std::env::var("TRAIN_SYNTAX_CLUSTERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CLUSTERS);
    if k > 0 {
        let texts = unlabeled(&train, text_dir.as_deref())?;
        eprintln!(
            "clusters: {k} from {} words of unlabeled text",
            texts.iter().map(Vec::len).sum::<usize>()
        );
        inv.clusters = learn_clusters(&texts, k, &mut Rng(SEED ^ 0xc105_7e55));
        let map: FxHashMap<u64, u16> = inv.clusters.iter().copied().collect();
        let covered = |ss: &[Sent]| {
            let (mut hit, mut all) = (0usize, 0usize);
            for s in ss {
                hit += s.infos.iter().filter(|i| map.contains_key(&i.norm)).count();
                all += s.infos.len();
            }
            hit as f64 / all.max(1) as f64 * 100.0
        };
        for s in sents
            .iter_mut()
            .chain(dev.iter_mut())
            .chain(extra.iter_mut())
        {
            for info in s.infos.iter_mut() {
                info.cluster = map
                    .get(&info.norm)
                    .map_or(tagger::NO_CLUSTER, |&c| u64::from(c));
            }
        }
        eprintln!(
            "  {} words clustered; tokens covered: train {:.1} %, dev {:.1} %",
            inv.clusters.len(),
            covered(&sents),
            covered(&dev)
        );
    }

    let cache = std::env::var_os("TRAIN_SYNTAX_TAGGER_CACHE").map(PathBuf::from);
    let cached = cache.as_deref().and_then(read_cache);
    let (tagger_rows, predicted) = match cached {
        Some((rows1, rows2, predicted, state)) => {
            eprintln!("tagger: read from the cache");
            rng = Rng(state);
            ((rows1, rows2), predicted)
        }
        None => {
            let (rows1, rows2, predicted) = train_taggers(&sents, &dev, &inv, epochs, &mut rng);
            if let Some(path) = &cache {
                write_cache(path, &rows1, &rows2, &predicted, rng.0)?;
            }
            ((rows1, rows2), predicted)
        }
    };

    eprintln!("lemmas:");
    let items: Vec<(String, u8, String)> = sents
        .iter()
        .flat_map(|s| {
            s.forms
                .iter()
                .zip(&s.tags)
                .zip(&s.lemmas)
                .map(|((f, &t), l)| (f.to_lowercase(), t, l.clone()))
        })
        .collect();
    let (exceptions, rules) = lemma::learn(&items);
    eprintln!("  {} exceptions, {} rules", exceptions.len(), rules.len());

    // everything but the parser table, to size the parser's budget
    let rest = model::write(&parts(
        &inv,
        tagger_rows.0.clone(),
        tagger_rows.1.clone(),
        Vec::new(),
        exceptions.clone(),
        rules.clone(),
    ))
    .len();
    let budget = parser_budget(rest);
    eprintln!(
        "parser: budget {budget} bytes (tagger tables {} + {} bytes, the rest {rest} bytes)",
        model::table_bytes(&tagger_rows.0),
        model::table_bytes(&tagger_rows.1)
    );
    // the extra sentences (--final) are tagged by the tagger just trained, which has not seen
    // them: their tags are as wrong as the jackknifed ones
    let mut predicted = predicted;
    if !extra.is_empty() {
        let bytes = model::write(&parts(
            &inv,
            tagger_rows.0.clone(),
            tagger_rows.1.clone(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        ));
        let m = Model::parse(&bytes).map_err(|e| e.to_string())?;
        for s in &extra {
            predicted.push(tagger::tag(&m, &s.infos));
        }
        eprintln!(
            "  --final: {} more sentences (EWT dev after the first {HELD_ASIDE}, GUM-open dev), {PARSER_ITERATIONS_NOTE}",
            extra.len()
        );
        sents.extend(extra);
    }
    // the best model so far is written after each better epoch, so the file is whole whenever
    // the run is stopped (a run stopped after epoch k is the run with PARSER_ITERATIONS = k)
    let save = |rows: &[Row]| {
        let bytes = model::write(&parts(
            &inv,
            tagger_rows.0.clone(),
            tagger_rows.1.clone(),
            rows.to_vec(),
            exceptions.clone(),
            rules.clone(),
        ));
        std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))
    };
    let (parser_rows, parser_epochs, dev_las) = train_parser(
        &sents,
        &predicted,
        &inv,
        &tagger_rows,
        &dev,
        parser_epochs,
        budget,
        !final_run,
        &mut rng,
        &save,
    )?;
    eprintln!(
        "parser: best epoch {parser_epochs} (dev LAS {dev_las:.2}), {} features",
        parser_rows.len()
    );

    let bytes = model::write(&parts(
        &inv,
        tagger_rows.0,
        tagger_rows.1,
        parser_rows,
        exceptions,
        rules,
    ));
    let m = Model::parse(&bytes).map_err(|e| e.to_string())?;
    let (upos, uas, las) = parse_scores(&m, &dev, inv.root);
    eprintln!(
        "final model on EWT dev: UPOS {upos:.2} UAS {uas:.2} LAS {las:.2}; {} bytes",
        bytes.len()
    );
    std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "wrote {} ({:.0}s)",
        out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
