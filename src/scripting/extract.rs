//! `bilateral extract [--json] FILE|URL|-`: the article as bilateral reads it, for scripts.
//!
//! Without `--json`: bilateral's own text format (TOML front matter with title, source, url
//! and published; then one paragraph per line), a file that opens again as the same article.
//! With `--json`: one object `{"title", "byline", "site", "url", "published", "lang", "text"}`
//! (absent values are `null`; `published` is `YYYY-MM-DD`).

use crate::input::Document;
use std::io::Write;

/// Writes the article of `doc`.
pub fn run(doc: &Document, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    let article = crate::analysis::article_of(doc);
    if json {
        serde_json::to_writer(&mut *out, &article)?;
        out.write_all(b"\n")
    } else {
        out.write_all(article.to_text_format().as_bytes())
    }
}
