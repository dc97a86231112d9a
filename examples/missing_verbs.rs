//! Prints, for each headline on stdin (one a line), the words `text::missing_verb` could make
//! its verb when the tagger reads it with none, with their gaps, and the one chosen at
//! `missing_verb::MAX_GAP` (`*`); with `--prose`, the same for sentences of prose (an article's body)
//! and `MAX_GAP_PROSE`. For checking the gaps against a retrained model:
//!
//! ```text
//! head -qn1 ../shared/eval/polnear/data/train/*.txt | cargo run --release --example missing_verbs
//! for f in $(ls ../shared/eval/polnear/data/train/*.txt | head -150); do
//!   target/release/bilateral sentences < $f | jq -r '.[1:][]'; done |
//!   cargo run --release --example missing_verbs -- --prose
//! ```
//!
//! Lines in which the tagger finds a verb print nothing.

use bilateral::analysis::text;
use bilateral::analysis::text::Register;
use bilateral::analysis::text::missing_verb::{self, MAX_GAP, MAX_GAP_PROSE};
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = text::model().map_err(|e| e.to_string())?;
    let (register, max_gap) = match std::env::args().nth(1).as_deref() {
        None => (Register::Headline, MAX_GAP),
        Some("--prose") => (Register::Prose, MAX_GAP_PROSE),
        Some(other) => {
            return Err(format!(
                "unknown argument {other}; usage: missing_verbs [--prose] < LINES"
            )
            .into());
        }
    };
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let words: Vec<&str> = text::tokenize(&line)
            .iter()
            .map(|&(s, e)| &line[s as usize..e as usize])
            .collect();
        let infos = text::word_infos(model, &words);
        let candidates = missing_verb::candidates(model, &words, &infos, register);
        let chosen = candidates.iter().position(|c| c.gap <= max_gap);
        for (k, c) in candidates.iter().enumerate() {
            let mark = if Some(k) == chosen { '*' } else { ' ' };
            println!("{mark} {:>7} {:<16} {line}", c.gap, words[c.index]);
        }
    }
    Ok(())
}
