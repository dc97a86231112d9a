//! `--json`: the analysis as a JSON document (schema in `docs/json.md`).
//!
//! JSON escaping makes any text safe to print, so the exact input text is kept here: C0
//! controls are escaped by JSON itself, DEL and C1 controls by
//! [`JsonControlEscaper`](super::sanitize::JsonControlEscaper).

use crate::model::Analysis;
use std::io::{self, Write};

/// Writes `analysis` as pretty-printed JSON followed by a newline.
pub fn write(analysis: &Analysis, out: &mut impl Write) -> io::Result<()> {
    // serde_json writes in tiny pieces (a quote, an indent); buffer them before the escaper
    // so it scans large chunks.
    let mut safe = io::BufWriter::with_capacity(
        64 * 1024,
        super::sanitize::JsonControlEscaper::new(&mut *out),
    );
    serde_json::to_writer_pretty(&mut safe, analysis)?;
    safe.write_all(b"\n")?;
    safe.flush()
}
