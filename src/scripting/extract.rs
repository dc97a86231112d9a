//! `bilateral extract [--json] FILE|URL|-`: the article as bilateral reads it, for scripts.
//!
//! Without `--json`: bilateral's own text format (TOML front matter with title, source, url
//! and published; then one paragraph per line), a file that opens again as the same article.
//! With `--json`: one object `{"title", "byline", "site", "url", "published", "lang", "text"}`
//! (absent values are `null`; `published` is `YYYY-MM-DD`).

use crate::analysis::{complete_meta, segment, structure};
use crate::input::{Article, Document};
use std::io::Write;

/// Writes the article of `doc`.
pub fn run(doc: &Document, json: bool, out: &mut impl Write) -> std::io::Result<()> {
    let article = article_of(doc);
    if json {
        serde_json::to_writer(&mut *out, &article)?;
        out.write_all(b"\n")
    } else {
        out.write_all(article.to_text_format().as_bytes())
    }
}

/// The article of `doc` as printed: what the document gives, completed from its header lines
/// ([`complete_meta`]) as the analysis completes them.
fn article_of(doc: &Document) -> Article {
    let mut article = doc.article();
    let mut meta = doc.meta.clone();
    if meta.title.is_none() || meta.published.is_none() {
        let seg = segment::segment(&doc.text, doc.body_start);
        let roles = structure::roles(&doc.text, &seg, &meta);
        complete_meta(&doc.text, &seg, &roles, &mut meta);
        article.title = meta.title;
        article.published = meta.published;
    }
    article
}
