//! `bilateral sentences`: segment stdin and print the sentences as a JSON array of strings.
//!
//! The whole of stdin is the text (no front matter is read, no title is assumed). The units are
//! exactly those of the analysis (`src/analysis/segment`): each string is a slice of the input,
//! so line breaks inside a soft-wrapped sentence are kept as written. Output is one JSON array on
//! one line, e.g. `["The talks ended.","Both sides left."]`; an empty input gives `[]`.
//! This is the contract of the outside Golden Rules scorer (`score.py --json`).
//!
//! The strings are exact, and safe to print: JSON escapes C0 controls and
//! [`JsonControlEscaper`] writes DEL and C1 controls as `\u007f`…`\u009f`, so no character of
//! the input reaches a terminal as a control.

use crate::analysis::segment::segment;
use crate::sanitize::JsonControlEscaper;
use std::io::{self, Write};

/// Segments `text` (no front matter is read) and writes the JSON array.
pub fn run(text: &str, out: &mut impl Write) -> io::Result<()> {
    let seg = segment(text, 0);
    let list: Vec<&str> = seg
        .sentences
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    let mut safe = io::BufWriter::new(JsonControlEscaper::new(&mut *out));
    serde_json::to_writer(&mut safe, &list)?;
    safe.write_all(b"\n")?;
    safe.flush()
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

    #[test]
    fn controls_are_escaped_and_the_strings_kept_exact() {
        let text = "Vale said \u{1b}]0;owned\u{7} no. Then \u{9b}2J\u{7f} left.";
        let mut out = Vec::new();
        run(text, &mut out).unwrap();
        let printed = String::from_utf8(out.clone()).unwrap();
        assert!(
            !printed.trim_end().chars().any(char::is_control),
            "{printed:?}"
        );
        let got: Vec<String> = serde_json::from_slice(&out).unwrap();
        assert_eq!(got.concat().replace(' ', ""), text.replace(' ', ""));
    }
}
