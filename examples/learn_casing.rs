//! Learns which words English text writes in lower case, for reading headlines in title case
//! (`src/analysis/clauses/casing.rs`), and writes `assets/lower_case_words.txt`.
//!
//! ```text
//! cargo run --release --example learn_casing -- UD_DIR POLNEAR_TRAIN_DIR > assets/lower_case_words.txt
//! ```
//!
//! The shipped list was made with
//! `cargo run --release --example learn_casing -- ../shared/corpora/ud-english ../shared/eval/polnear/data/train`.
//!
//! Text read: the word forms of UD English EWT train and GUM (open part) train, and the `.txt`
//! articles of PolNeAR's training split, segmented into sentences by the analysis's own
//! segmenter. Dev and test text is never read.
//!
//! Counted: every word but the first of its sentence (a sentence's first word is capitalised
//! whatever it is), in sentences that are not themselves in title case (most of their words
//! capitalised: a headline). A word written all in lower case counts for its lower-case
//! form; a word with only its first letter capitalised ("Court") counts against it. Words in
//! capitals ("NATO") and mixed case ("iPhone") are not counted.
//!
//! Kept: a word seen in lower case at least [`MIN_LOWER`] times and at least as often in lower
//! case as capitalised. "awards", "shun", "honour" are kept; "Somalia", "Trump" are not (never
//! or rarely written in lower case), so a headline's names keep their capital.

#[path = "common/ud.rs"]
#[allow(dead_code)] // only the word forms are read here
mod ud;

use bilateral::analysis::segment::segment;
use std::collections::BTreeMap;
use std::path::Path;
use unicode_segmentation::UnicodeSegmentation;

/// Fewest lower-case occurrences for a word to be kept.
const MIN_LOWER: u32 = 3;

/// The treebank files read (training splits only).
const TREEBANKS: [&str; 2] = ["en_ewt-train.conllu.gz", "en_gum_open-train.conllu.gz"];

#[derive(Default)]
struct Counts {
    /// lower-case form → (times written in lower case, times capitalised)
    words: BTreeMap<String, (u32, u32)>,
}

impl Counts {
    /// Counts the words of one sentence, given as its words in order.
    fn sentence<'a>(&mut self, words: impl Iterator<Item = &'a str>) {
        let words: Vec<&str> = words
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .collect();
        let capitalised = words.iter().filter(|w| starts_upper(w)).count();
        if words.len() >= 4 && capitalised * 4 >= words.len() * 3 {
            return; // a headline in title case
        }
        for w in words.iter().skip(1) {
            if !w.is_ascii() {
                continue;
            }
            let rest_lower = w.bytes().skip(1).all(|b| !b.is_ascii_uppercase());
            if !rest_lower {
                continue;
            }
            let entry = self.words.entry(w.to_ascii_lowercase()).or_default();
            if starts_upper(w) {
                entry.1 += 1;
            } else {
                entry.0 += 1;
            }
        }
    }
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [ud_dir, polnear_dir] = args.as_slice() else {
        return Err("usage: learn_casing UD_DIR POLNEAR_TRAIN_DIR".into());
    };
    let mut counts = Counts::default();
    let mut sentences = 0usize;
    for file in TREEBANKS {
        for s in ud::read_gz(&Path::new(ud_dir).join(file))? {
            let forms = ud::forms(&s);
            counts.sentence(forms.iter().map(String::as_str));
            sentences += 1;
        }
    }
    let mut names: Vec<_> = std::fs::read_dir(polnear_dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for path in &names {
        let text = std::fs::read_to_string(path)?;
        for span in segment(&text, 0).sentences {
            let sentence = &text[span.start..span.end];
            // words as the casing module splits a headline (Unicode word bounds)
            counts.sentence(sentence.split_word_bounds());
            sentences += 1;
        }
    }
    let kept: Vec<&String> = counts
        .words
        .iter()
        .filter(|&(_, &(lower, cap))| lower >= MIN_LOWER && lower >= cap)
        .map(|(w, _)| w)
        .collect();
    println!(
        "# Words English text writes in lower case: a headline in title case is read with them\n\
         # lowered (src/analysis/clauses/casing.rs). Made by examples/learn_casing.rs from {sentences}\n\
         # sentences of UD English EWT train (CC BY-SA 4.0), GUM train (open part, CC BY) and\n\
         # PolNeAR's training articles: words seen in lower case at least {MIN_LOWER} times and at\n\
         # least as often as capitalised, not counting a sentence's first word. {} words.",
        kept.len()
    );
    for w in kept {
        println!("{w}");
    }
    Ok(())
}
