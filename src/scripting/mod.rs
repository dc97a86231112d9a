//! Scripting entries: small stdin → stdout commands for other programs and for outside scorers.
//!
//! - `bilateral sentences`: text on stdin → a JSON array of the sentence strings.
//! - `bilateral dates`: JSON lines `{"text", "reference"}` → JSON lines `{"dates": [...]}`.
//! - `bilateral extract`: a page, Markdown or text file → its article (text format or JSON).
//! - `bilateral parse`: text (or CoNLL-U with `--conllu`) → CoNLL-U with tags, lemmas and trees.

pub mod dates;
pub mod extract;
pub mod parse;
pub mod sentences;
