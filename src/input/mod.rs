//! Reading an article: bytes from a file, stdin, a URL or the bundled seed → a [`Document`].
//!
//! This module checks that the input is something we can analyse (no NUL byte, not empty,
//! not above the size limit, under 4 GiB), recognises its format by content
//! ([`format::detect`]) and turns it into article text:
//!
//! - **plain text** (UTF-8, optional TOML front matter) is never changed: [`Document::text`] is
//!   the input exactly as read (a BOM included), so every byte offset indexes the user's file;
//! - **HTML** ([`html`]) and **Markdown** ([`markdown`]) are converted to an [`Article`] whose
//!   text (one paragraph per line) becomes [`Document::text`]: offsets index that extracted
//!   text, the one `bilateral extract --json` prints.
//!
//! A note ([`Document::notes`]) says what was recognised and what was dropped. It must never
//! panic on any input. What goes wrong is an [`InputError`]: the input's name and a [`Problem`]
//! (typed, one variant per failure, the readers' own errors — [`FrontMatterError`],
//! [`markdown::MarkdownError`], [`html::HtmlError`], [`fetch::FetchError`] — inside), whose
//! message is the one line the command prints.
//!
//! The sides it reads from front matter are handed to the analysis in the analysis's own form
//! ([`crate::model::GivenParty`]); this module imports nothing of the analysis but the
//! timeline's date finder (for dates in a page's metadata).

mod article;
mod error;
pub mod fetch;
pub mod format;
mod front_matter;
pub mod html;
pub mod markdown;

pub use article::Article;
pub use error::{InputError, Problem};
pub use format::Format;
pub use front_matter::{DateError, FrontMatterError, PartyError, PartySpec, parse_date};

use crate::model::{GivenParty, Meta};
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
    /// Parties named in the front matter, in the analysis's form.
    pub parties: Vec<GivenParty>,
    /// The format the input was recognised as.
    pub format: Format,
    /// What the page gives beyond [`Meta`] (byline, language, direction); text left empty.
    pub page: Article,
    /// Remarks about the reading: what was recognised and dropped (shown as analysis notes).
    pub notes: Vec<String>,
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

    /// Reads `path` (`-` for stdin, or an `http(s)://` URL), refusing inputs larger than
    /// `max_size` bytes.
    pub fn load(path: &Path, max_size: u64) -> Result<Document, InputError> {
        if path.as_os_str() == "-" {
            let bytes = read_limited(std::io::stdin().lock(), "<stdin>", max_size)?;
            return Document::parse("<stdin>", bytes);
        }
        if let Some(url) = path.to_str().filter(|p| fetch::is_url(p)) {
            let page = fetch::fetch(url, &fetch::Settings::from_env(max_size))
                .map_err(|e| InputError::new(url, e))?;
            return Document::parse_as(url, page.bytes, Some(&page.url), page.html);
        }
        let name = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| InputError::io(&name, e))?;
        if meta.is_dir() {
            return Err(InputError::new(&name, Problem::Directory));
        }
        check_size(&name, meta.len(), max_size)?;
        let file = std::fs::File::open(path).map_err(|e| InputError::io(&name, e))?;
        // `Take` hides the file's size from `read_to_end`: reserve it, or the buffer grows by
        // doubling to up to twice the input
        let mut bytes = Vec::new();
        bytes.try_reserve_exact(meta.len() as usize + 1).ok();
        let bytes = read_limited_into(file, &name, max_size, bytes)?;
        Document::parse(&name, bytes)
    }

    /// Checks `bytes`, recognises their format and reads them (see the module doc).
    pub fn parse(name: &str, bytes: Vec<u8>) -> Result<Document, InputError> {
        Document::parse_as(name, bytes, None, false)
    }

    /// [`Document::parse`] for a page fetched from `url`; `html` when the server said so.
    fn parse_as(
        name: &str,
        bytes: Vec<u8>,
        url: Option<&str>,
        html: bool,
    ) -> Result<Document, InputError> {
        check_size(name, bytes.len() as u64, u64::MAX)?;
        let format = if html {
            Format::Html
        } else {
            format::detect(&bytes, name)
        };
        if format == Format::Html {
            let article = html::extract(bytes, url).map_err(|e| InputError::new(name, e))?;
            let notes = vec![html_note(&article)];
            return Ok(Document::from_article(
                name,
                article,
                Vec::new(),
                Format::Html,
                notes,
            ));
        }
        if let Some(pos) = bytes.iter().position(|&b| b == 0) {
            return Err(InputError::new(name, Problem::Binary(pos)));
        }
        let text = String::from_utf8(bytes)
            .map_err(|e| InputError::new(name, Problem::NotUtf8(e.utf8_error().valid_up_to())))?;
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let fm = if format == Format::Markdown {
            front_matter::split_lenient(&text[bom..])
        } else {
            front_matter::split(&text[bom..])
        }
        .map_err(|e| InputError::new(name, e))?;
        if format == Format::Markdown {
            let body = &text[bom + fm.body_offset..];
            let converted = markdown::convert(body).map_err(|e| InputError::new(name, e))?;
            let mut article = converted.article;
            let mut parties = fm.parties;
            if parties.is_empty() {
                parties = converted.parties;
            }
            let note = markdown_note(
                &converted.dropped,
                fm.body_offset > 0 || converted.front_matter,
            );
            // TOML front matter speaks first
            article.title = fm.meta.title.or(article.title);
            article.site = fm.meta.source.or(article.site);
            article.url = fm.meta.url.or(article.url);
            article.published = fm.meta.published.or(article.published);
            if article.text.trim().is_empty() {
                return Err(InputError::new(name, Problem::EmptyMarkdown));
            }
            let mut doc =
                Document::from_article(name, article, parties, Format::Markdown, vec![note]);
            doc.meta.subtitle = fm.meta.subtitle;
            return Ok(doc);
        }
        let body_start = bom + fm.body_offset;
        if text[body_start..].trim().is_empty() {
            return Err(InputError::new(name, Problem::Empty));
        }
        Ok(Document {
            name: name.to_string(),
            body_start,
            meta: fm.meta,
            parties: fm.parties.into_iter().map(GivenParty::from).collect(),
            // one copy (an `Arc` needs its own allocation); the `String` is freed right away
            text: Arc::from(text),
            format: Format::Plain,
            page: Article::default(),
            notes: Vec::new(),
        })
    }

    /// A document whose text is an extracted article's.
    fn from_article(
        name: &str,
        mut article: Article,
        parties: Vec<PartySpec>,
        format: Format,
        notes: Vec<String>,
    ) -> Document {
        let text = std::mem::take(&mut article.text);
        Document {
            name: name.to_string(),
            text: Arc::from(text),
            body_start: 0,
            meta: Meta {
                title: article.title.clone(),
                subtitle: None,
                source: article.site.clone(),
                url: article.url.clone(),
                published: article.published.clone(),
            },
            parties: parties.into_iter().map(GivenParty::from).collect(),
            format,
            page: article,
            notes,
        }
    }

    /// The article as `bilateral extract` prints it: the metadata and the text analysed.
    pub fn article(&self) -> Article {
        Article {
            title: self.meta.title.clone(),
            byline: self.page.byline.clone(),
            site: self.meta.source.clone(),
            url: self.meta.url.clone(),
            published: self.meta.published.clone(),
            lang: self.page.lang.clone(),
            dir: self.page.dir.clone(),
            text: self.body().to_string(),
        }
    }
}

fn html_note(article: &Article) -> String {
    let paragraphs = article.text.lines().count();
    let mut note = format!(
        "read as HTML: article text extracted ({paragraphs} paragraph{}); menus, scripts, \
         share buttons, ads and other page parts dropped",
        if paragraphs == 1 { "" } else { "s" }
    );
    let lang = article.lang.as_deref().unwrap_or("");
    let rtl = article
        .dir
        .as_deref()
        .is_some_and(|d| d.eq_ignore_ascii_case("rtl"));
    let english = lang.is_empty() || lang.to_ascii_lowercase().starts_with("en");
    if !english || rtl {
        note.push_str(&format!(
            "; the page is in `{}`{}, and the analysis is made for English",
            if lang.is_empty() { "?" } else { lang },
            if rtl { " (right-to-left)" } else { "" }
        ));
    }
    note
}

fn markdown_note(dropped: &markdown::Dropped, front_matter: bool) -> String {
    let mut gone = vec!["formatting marks".to_string()];
    let count = |n: usize, what: &str| match n {
        0 => None,
        1 => Some(format!("1 {what}")),
        n => Some(format!("{n} {what}s")),
    };
    gone.extend(count(dropped.link_urls, "link URL"));
    gone.extend(count(dropped.code_blocks, "code block"));
    gone.extend(count(dropped.images, "image"));
    gone.extend(count(dropped.html_blocks, "HTML block"));
    format!(
        "read as Markdown{}: {} dropped",
        if front_matter {
            " with front matter"
        } else {
            ""
        },
        gone.join(", ")
    )
}

/// Reads all of stdin as UTF-8 text, without front matter or emptiness checks
/// (for the scripting entries, where an empty input is a valid one).
pub fn read_stdin_text(max_size: u64) -> Result<String, InputError> {
    let bytes = read_limited(std::io::stdin().lock(), "<stdin>", max_size)?;
    String::from_utf8(bytes)
        .map_err(|e| InputError::new("<stdin>", Problem::NotUtf8(e.utf8_error().valid_up_to())))
}

/// Refuses a `size` above `max_size` or above [`HARD_MAX_SIZE`].
fn check_size(name: &str, size: u64, max_size: u64) -> Result<(), InputError> {
    if size > HARD_MAX_SIZE && max_size > HARD_MAX_SIZE {
        return Err(InputError::new(name, Problem::OverHardLimit(size)));
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
        .map_err(|e| InputError::io(name, e))?;
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
