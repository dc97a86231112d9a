//! Learns the reporting verbs (and nouns: "claim", "statement") of
//! `assets/reporting_verbs.tsv` from PolNeAR's training split.
//!
//! ```sh
//! cargo run --release --example learn_reporting_verbs -- ../shared/eval/polnear/data/train \
//!     > assets/reporting_verbs.tsv
//! ```
//!
//! Every article is segmented and parsed by bilateral itself; a verb or noun lemma is a cue
//! when the people who annotated PolNeAR put its tokens inside an attribution's Cue at least
//! `MIN_COUNT` times and in at least `MIN_RATE` of its occurrences. Only the training split is
//! read (the dev split measures, the test split is kept aside). Deterministic: the output is
//! sorted by count, then lemma.

use bilateral::analysis::{segment, text};
use std::collections::BTreeMap;
use std::path::Path;

const MIN_COUNT: usize = 5;
const MIN_RATE: f64 = 0.3;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: learn_reporting_verbs TRAIN_DIR")?;
    let mut names: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    names.sort();
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for gold_path in &names {
        let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(gold_path)?)?;
        let txt = gold["text_file"].as_str().ok_or("gold without text_file")?;
        let body = std::fs::read_to_string(Path::new(&dir).join(txt))?;
        let cues: Vec<(u32, u32)> = gold["attributions"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|a| a["cue"].as_array().into_iter().flatten())
            .filter_map(|f| Some((f["start"].as_u64()? as u32, f["end"].as_u64()? as u32)))
            .collect();
        let seg = segment::segment(&body, 0);
        for s in &seg.sentences {
            for t in text::annotate(&body[s.start..s.end], s.start as u32) {
                let pos = t.upos.as_str();
                if pos != "VERB" && pos != "NOUN" {
                    continue;
                }
                let e = counts.entry(format!("{}\t{pos}", t.lemma)).or_default();
                e.1 += 1;
                if cues.iter().any(|&(a, b)| a < t.end && t.start < b) {
                    e.0 += 1;
                }
            }
        }
    }
    let mut rows: Vec<(&String, usize, usize)> = counts
        .iter()
        .filter(|(_, (c, n))| *c >= MIN_COUNT && *c as f64 >= MIN_RATE * *n as f64)
        .map(|(l, &(c, n))| (l, c, n))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!(
        "# Reporting verbs learnt from PolNeAR's training split ({} articles) by \
         examples/learn_reporting_verbs.rs:\n# verb lemmas inside a gold Cue >= {MIN_COUNT} times \
         and in >= {:.0}% of their occurrences, as parsed by bilateral.\n# lemma\tUPOS\tin_cue\ttotal\trate",
        names.len(),
        MIN_RATE * 100.0
    );
    for (l, c, n) in rows {
        println!("{l}\t{c}\t{n}\t{:.3}", c as f64 / n as f64);
    }
    Ok(())
}
