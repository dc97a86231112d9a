//! `--json`: the analysis as a JSON document (schema in `docs/json.md`).
//!
//! JSON escaping makes any text safe to print, so the exact input text is kept here.

use crate::model::Analysis;
use std::io::{self, Write};

/// Writes `analysis` as pretty-printed JSON followed by a newline.
pub fn write(analysis: &Analysis, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, analysis)?;
    out.write_all(b"\n")
}
