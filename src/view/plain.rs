//! `--plain`: the analysis as plain text, for pipes and for readers who want no full screen.
//!
//! PLACEHOLDER LAYOUT (to be replaced by the two sides side by side): every sentence on its
//! own line with its side.

use super::sanitize::escape_controls;
use crate::model::{Analysis, Side};
use std::io::{self, Write};

/// Writes `analysis` as text lines at most `width` columns wide where possible.
pub fn write(analysis: &Analysis, _width: usize, out: &mut impl Write) -> io::Result<()> {
    if let Some(title) = &analysis.meta.title {
        writeln!(out, "{}", escape_controls(title))?;
    }
    for sentence in &analysis.sentences {
        let side = match sentence.side {
            Side::A | Side::B => sentence
                .side
                .party()
                .and_then(|p| analysis.parties.get(p.index()))
                .map_or("?", |p| p.name.as_str()),
            Side::Both => "both",
            Side::Neither => "-",
        };
        writeln!(
            out,
            "[{}] {}",
            escape_controls(side),
            escape_controls(&sentence.text)
        )?;
    }
    Ok(())
}
