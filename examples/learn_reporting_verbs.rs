//! Learns the reporting verbs (and nouns: "claim", "statement"; adjectives of a stance:
//! "confident", "eager") of `assets/reporting_verbs.tsv` from PolNeAR's training split.
//!
//! ```sh
//! cargo run --release --example learn_reporting_verbs -- ../shared/eval/polnear/data/train \
//!     > assets/reporting_verbs.tsv
//! ```
//!
//! Every article is segmented and parsed by bilateral itself; a verb, noun or adjective lemma is a
//! cue when the people who annotated PolNeAR put its tokens inside an attribution's Cue at least
//! `MIN_COUNT` times and in at least `MIN_RATE` of its occurrences — the occurrences that could be
//! annotated: PolNeAR marks only the outermost of nested attributions, so a word inside another
//! attribution's Content and outside every Cue ("I think" inside a quotation) is not counted. The
//! last column, `sourced`, is the share of its cues whose attribution names a Source: a verb that
//! is mostly a cue without one ("seems", "appears") gives no speaker. The column `inverted` is the
//! share of its sourced cues whose Source follows it straight away ("“…,” said Vale", "…, writes
//! Nate Silver": at most two words between, none of them "by"): a verb that English puts before its
//! speaker, where "told AFP" never is. Rows with UPOS `VERB:XPOS` list the forms under the rate
//! ("continues" is rarely a cue where "continued" is one): the tree rules do not read them as cues.
//! Only the training split is read (the dev split measures, the test split is kept aside).
//! Deterministic: the output is sorted by count, then lemma.

use bilateral::analysis::{segment, text};
use std::collections::BTreeMap;

#[path = "common/polnear.rs"]
mod polnear;

const MIN_COUNT: usize = 5;
/// A cue found where the rate is lower costs more in precision than it brings in recall: a
/// speaker right about 40 % of the time is worth giving only while the F1 is under 80 %.
const MIN_RATE: f64 = 0.4;
/// Fewest occurrences of a verb form for its own rate to be listed.
const MIN_FORM: usize = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .ok_or("usage: learn_reporting_verbs TRAIN_DIR")?;
    let names = polnear::gold_files(&dir)?;
    // lemma -> (in a cue, occurrences, in a cue of an attribution with a Source)
    // (in a cue, occurrences, in a cue of an attribution with a Source, of those with the
    // Source right after the cue)
    let mut counts: BTreeMap<String, (usize, usize, usize, usize)> = BTreeMap::new();
    for gold_path in &names {
        let polnear::Article { body, attributions } = polnear::read(&dir, gold_path)?;
        // (cue fragment, where the attribution's Source starts, if it has one)
        let cues: Vec<((u32, u32), Option<u32>)> = attributions
            .iter()
            .flat_map(|a| {
                let source = a.source.iter().map(|f| f.0).min();
                a.cue.iter().map(move |&f| (f, source))
            })
            .collect();
        let contents: Vec<(u32, u32)> = attributions
            .iter()
            .flat_map(|a| a.content.iter().copied())
            .collect();
        let seg = segment::segment(&body, 0);
        for s in &seg.sentences {
            let toks = text::annotate(&body[s.start..s.end], s.start as u32);
            for (i, t) in toks.iter().enumerate() {
                let pos = t.upos.as_str();
                if !matches!(pos, "VERB" | "NOUN" | "ADJ") {
                    continue;
                }
                let hit = |&(a, b): &(u32, u32)| a < t.end && t.start < b;
                let cue = cues.iter().find(|(f, _)| hit(f));
                // the Source follows the cue straight away: "said Vale", "wrote a man" (not
                // "was reported by the press")
                let inverted = cue.and_then(|(_, s)| *s).is_some_and(|from| {
                    let between: Vec<&text::Token> =
                        toks[i + 1..].iter().take_while(|u| u.end <= from).collect();
                    from >= t.end
                        && toks[i + 1..].iter().any(|u| u.start >= from)
                        && between.len() <= 2
                        && between.iter().all(|u| &*u.lemma != "by")
                });
                // inside another attribution's content, a cue is nested and never annotated
                // (PolNeAR marks the outermost only): not an occurrence the rate is about
                if cue.is_none() && contents.iter().any(hit) {
                    continue;
                }
                let mut keys = vec![format!("{}\t{pos}", t.lemma)];
                if pos == "VERB" {
                    keys.push(format!("{}\tVERB:{}", t.lemma, t.xpos));
                }
                for key in keys {
                    let e = counts.entry(key).or_default();
                    e.1 += 1;
                    if let Some(&(_, source)) = cue {
                        e.0 += 1;
                        e.2 += usize::from(source.is_some());
                        e.3 += usize::from(inverted);
                    }
                }
            }
        }
    }
    // lemmas over the rate; forms ("VERB:VBZ") under it, seen often enough to tell
    let mut rows: Vec<(&String, usize, usize, usize, usize)> = counts
        .iter()
        .filter(|&(l, &(c, n, _, _))| {
            let low = (c as f64) < MIN_RATE * n as f64;
            if let Some((lemma, _)) = l.split_once("\tVERB:") {
                // a form of a verb that is a cue often enough to matter
                let cue = counts
                    .get(&format!("{lemma}\tVERB"))
                    .is_some_and(|e| e.0 >= MIN_COUNT);
                low && n >= MIN_FORM && cue
            } else {
                c >= MIN_COUNT && !low
            }
        })
        .map(|(l, &(c, n, src, inv))| (l, c, n, src, inv))
        .collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!(
        "# Reporting verbs learnt from PolNeAR's training split ({} articles) by \
         examples/learn_reporting_verbs.rs:\n# lemmas inside a gold Cue >= {MIN_COUNT} times \
         and in >= {:.0}% of their occurrences outside other attributions' Content, as parsed \
         by bilateral;\n# sourced: the share of those cues whose attribution names a Source;\n\
         # inverted: the share of the sourced ones whose Source follows the cue straight away;\n\
         # UPOS VERB:XPOS: a form under that rate, seen >= {MIN_FORM} times (\"continues\").\n\
         # lemma\tUPOS\tin_cue\ttotal\trate\tsourced\tinverted",
        names.len(),
        MIN_RATE * 100.0
    );
    for (l, c, n, src, inv) in rows {
        println!(
            "{l}\t{c}\t{n}\t{:.3}\t{:.3}\t{:.3}",
            c as f64 / n as f64,
            src as f64 / c.max(1) as f64,
            inv as f64 / src.max(1) as f64
        );
    }
    Ok(())
}
