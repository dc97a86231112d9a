//! Prints, for each headline on stdin (one a line), the words `text::headline` could make its
//! verb when the tagger reads it with none, with their gaps, and the one chosen at
//! `headline::MAX_GAP` (`*`). For checking `MAX_GAP` against a retrained model:
//!
//! ```text
//! head -qn1 ../shared/eval/polnear/data/train/*.txt | cargo run --release --example headline_verbs
//! ```
//!
//! Headlines in which the tagger finds a verb print nothing.

use bilateral::analysis::text;
use bilateral::analysis::text::headline::{self, MAX_GAP};
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let model = text::model().map_err(|e| e.to_string())?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let words: Vec<&str> = text::tokenize(&line)
            .iter()
            .map(|&(s, e)| &line[s as usize..e as usize])
            .collect();
        let infos = text::word_infos(model, &words);
        let candidates = headline::candidates(model, &words, &infos);
        let chosen = candidates.iter().position(|c| c.gap <= MAX_GAP);
        for (k, c) in candidates.iter().enumerate() {
            let mark = if Some(k) == chosen { '*' } else { ' ' };
            println!("{mark} {:>7} {:<16} {line}", c.gap, words[c.index]);
        }
    }
    Ok(())
}
