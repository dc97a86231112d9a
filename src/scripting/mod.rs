//! Scripting entries: small stdin → stdout commands for other programs and for outside scorers.
//!
//! - `bilateral sentences`: text on stdin → a JSON array of the sentence strings.
//! - `bilateral dates`: JSON lines `{"text", "reference"}` → JSON lines `{"dates": [...]}`.

pub mod dates;
pub mod sentences;
