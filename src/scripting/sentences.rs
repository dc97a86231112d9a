//! `bilateral sentences`: segment stdin and print the sentences as a JSON array of strings.
//!
//! The whole of stdin is the text (no front matter is read, no title is assumed). The units are
//! exactly those of the analysis (`src/analysis/segment`): each string is a slice of the input,
//! so line breaks inside a soft-wrapped sentence are kept as written. Output is one JSON array on
//! one line, e.g. `["The talks ended.","Both sides left."]`; an empty input gives `[]`.
//! This is the contract of the outside Golden Rules scorer (`score.py --json`).

use crate::analysis::segment::segment;
use std::io::{self, Write};

/// Segments `text` (no front matter is read) and writes the JSON array.
pub fn run(text: &str, out: &mut impl Write) -> io::Result<()> {
    let seg = segment(text, 0);
    let list: Vec<&str> = seg
        .sentences
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    serde_json::to_writer(&mut *out, &list)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::run;

    #[test]
    fn prints_a_json_array_of_exact_slices() {
        let mut out = Vec::new();
        run("Mr. Vale left.\nHe said: “Go.” Then he went.", &mut out).unwrap();
        let got: Vec<String> = serde_json::from_slice(&out).unwrap();
        assert_eq!(got, ["Mr. Vale left.", "He said: “Go.”", "Then he went."]);
        let mut out = Vec::new();
        run("", &mut out).unwrap();
        assert_eq!(out, b"[]\n");
    }
}
