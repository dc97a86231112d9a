//! Shared by `train_syntax` and `score_syntax`: reading the gzipped UD treebanks.

use bilateral::analysis::text::conllu;
use std::io::Read;
use std::path::Path;

/// Reads and parses one `.conllu.gz` file.
pub fn read_gz(path: &Path) -> Result<Vec<conllu::Sentence>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    conllu::read(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The word forms of a sentence.
pub fn forms(s: &conllu::Sentence) -> Vec<String> {
    s.words().map(|w| w[conllu::FORM].clone()).collect()
}

/// The gold heads of a sentence (0 = root, as in the file); unparsable heads are 0.
pub fn heads(s: &conllu::Sentence) -> Vec<usize> {
    s.words()
        .map(|w| w[conllu::HEAD].parse().unwrap_or(0))
        .collect()
}
