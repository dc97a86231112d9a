//! Reading an article: bytes from a file, stdin or the bundled seed → a [`Document`].
//!
//! This module checks that the input is text we can analyse (UTF-8, no NUL byte, not empty,
//! not above the size limit, under 4 GiB) and splits off the optional TOML front matter. It
//! never changes the text: [`Document::text`] is the input exactly as read (a BOM included),
//! so every byte offset the analysis reports indexes the user's file. It must never panic on
//! any input.

mod error;
mod front_matter;

pub use error::InputError;
pub use front_matter::{PartySpec, parse_date};

use crate::model::Meta;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

/// Default maximum input size in bytes (256 MiB); `--max-size` overrides it.
pub const DEFAULT_MAX_SIZE: u64 = 256 * 1024 * 1024;

/// Largest input the analysis can take whatever `--max-size` says: byte offsets are kept as
/// `u32` inside the analysis, so an input must be under 4 GiB.
pub const HARD_MAX_SIZE: u64 = u32::MAX as u64;

/// The bundled seed article, with its front matter.
pub const SEED: &str = include_str!("../../seeds/000_3b3eb5478953191b.txt");
/// The name the seed is shown under.
pub const SEED_NAME: &str = "seed article (built in)";

/// An article ready for analysis.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from, for messages: a path, `<stdin>` or [`SEED_NAME`].
    pub name: String,
    /// The input exactly as read; shared (not copied) with the [`Analysis`](crate::model::Analysis)
    /// made from it, whose spans index it.
    pub text: Arc<str>,
    /// Byte offset where the article body starts (after a BOM and the front matter).
    pub body_start: usize,
    pub meta: Meta,
    /// Parties named in the front matter.
    pub parties: Vec<PartySpec>,
}

impl Document {
    /// The article body: everything after the BOM and the front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The bundled seed.
    pub fn seed() -> Document {
        Document::parse(SEED_NAME, SEED.as_bytes().to_vec()).expect("the bundled seed is valid")
    }

    /// Reads `path` (`-` for stdin), refusing inputs larger than `max_size` bytes.
    pub fn load(path: &Path, max_size: u64) -> Result<Document, InputError> {
        if path.as_os_str() == "-" {
            let bytes = read_limited(std::io::stdin().lock(), "<stdin>", max_size)?;
            return Document::parse("<stdin>", bytes);
        }
        let name = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| InputError::io(&name, &e))?;
        if meta.is_dir() {
            return Err(InputError::new(&name, "is a directory, not an article"));
        }
        check_size(&name, meta.len(), max_size)?;
        let file = std::fs::File::open(path).map_err(|e| InputError::io(&name, &e))?;
        // `Take` hides the file's size from `read_to_end`: reserve it, or the buffer grows by
        // doubling to up to twice the input
        let mut bytes = Vec::new();
        bytes.try_reserve_exact(meta.len() as usize + 1).ok();
        let bytes = read_limited_into(file, &name, max_size, bytes)?;
        Document::parse(&name, bytes)
    }

    /// Checks `bytes` and splits off the front matter.
    pub fn parse(name: &str, bytes: Vec<u8>) -> Result<Document, InputError> {
        check_size(name, bytes.len() as u64, u64::MAX)?;
        if let Some(pos) = bytes.iter().position(|&b| b == 0) {
            return Err(InputError::new(
                name,
                &format!(
                    "contains a NUL byte at byte offset {pos}: this looks like a binary file, not text"
                ),
            ));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            InputError::new(
                name,
                &format!(
                    "is not valid UTF-8: invalid byte sequence at byte offset {}",
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let fm = front_matter::split(&text[bom..]).map_err(|msg| InputError::new(name, &msg))?;
        let body_start = bom + fm.body_offset;
        if text[body_start..].trim().is_empty() {
            return Err(InputError::new(
                name,
                "is empty: there is no article text to read",
            ));
        }
        Ok(Document {
            name: name.to_string(),
            body_start,
            meta: fm.meta,
            parties: fm.parties,
            // one copy (an `Arc` needs its own allocation); the `String` is freed right away
            text: Arc::from(text),
        })
    }
}

/// Reads all of stdin as UTF-8 text, without front matter or emptiness checks
/// (for the scripting entries, where an empty input is a valid one).
pub fn read_stdin_text(max_size: u64) -> Result<String, InputError> {
    let bytes = read_limited(std::io::stdin().lock(), "<stdin>", max_size)?;
    String::from_utf8(bytes).map_err(|e| {
        InputError::new(
            "<stdin>",
            &format!(
                "is not valid UTF-8: invalid byte sequence at byte offset {}",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Refuses a `size` above `max_size` or above [`HARD_MAX_SIZE`].
fn check_size(name: &str, size: u64, max_size: u64) -> Result<(), InputError> {
    if size > HARD_MAX_SIZE && max_size > HARD_MAX_SIZE {
        return Err(InputError::new(
            name,
            &format!("is {size} bytes or more: bilateral reads inputs under 4 GiB"),
        ));
    }
    if size > max_size {
        return Err(InputError::too_large(name, size, max_size));
    }
    Ok(())
}

fn read_limited(reader: impl Read, name: &str, max_size: u64) -> Result<Vec<u8>, InputError> {
    read_limited_into(reader, name, max_size, Vec::new())
}

fn read_limited_into(
    reader: impl Read,
    name: &str,
    max_size: u64,
    mut bytes: Vec<u8>,
) -> Result<Vec<u8>, InputError> {
    reader
        .take(max_size.min(HARD_MAX_SIZE).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::io(name, &e))?;
    check_size(name, bytes.len() as u64, max_size)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_parses_with_its_metadata() {
        let doc = Document::seed();
        assert_eq!(doc.meta.published.as_deref(), Some("2023-12-11"));
        assert_eq!(doc.meta.source.as_deref(), Some("Donga, via News Rebeat"));
        assert!(doc.body().starts_with(doc.meta.title.as_deref().unwrap()));
    }

    #[test]
    fn bom_and_crlf_are_kept_in_the_text() {
        let doc = Document::parse("t", b"\xEF\xBB\xBFHello.\r\nWorld.\r\n".to_vec()).unwrap();
        assert_eq!(doc.body_start, 3);
        assert_eq!(doc.body(), "Hello.\r\nWorld.\r\n");
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = Document::parse("f.txt", b"abc\xFFdef".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.txt: is not valid UTF-8: invalid byte sequence at byte offset 3"
        );
    }

    #[test]
    fn nul_and_blank_inputs_are_refused() {
        assert!(
            Document::parse("f", b"a\0b".to_vec())
                .unwrap_err()
                .to_string()
                .contains("NUL byte at byte offset 1")
        );
        assert!(
            Document::parse("f", b" \n\t\r\n".to_vec())
                .unwrap_err()
                .to_string()
                .contains("is empty")
        );
        assert!(
            Document::parse("f", b"+++\ntitle = \"x\"\n+++\n\n".to_vec())
                .unwrap_err()
                .to_string()
                .contains("is empty")
        );
    }

    #[test]
    fn size_limit_is_enforced_on_streams() {
        let err = read_limited(&b"0123456789"[..], "<stdin>", 4).unwrap_err();
        assert!(err.to_string().contains("larger than the limit"), "{err}");
        assert_eq!(read_limited(&b"0123"[..], "<stdin>", 4).unwrap().len(), 4);
    }

    #[test]
    fn four_gib_is_refused_whatever_the_limit() {
        let err = check_size("big", HARD_MAX_SIZE + 1, u64::MAX).unwrap_err();
        assert!(err.to_string().contains("under 4 GiB"), "{err}");
        // the user's lower limit speaks first
        let err = check_size("big", HARD_MAX_SIZE + 1, 10).unwrap_err();
        assert!(err.to_string().contains("--max-size"), "{err}");
        assert!(check_size("ok", HARD_MAX_SIZE, u64::MAX).is_ok());
    }
}
