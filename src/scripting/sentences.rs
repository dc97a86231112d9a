//! `bilateral sentences`: segment stdin and print the sentences as a JSON array of strings.

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
