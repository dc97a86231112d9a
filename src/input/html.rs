//! HTML → [`Article`]: the page's article text and metadata.
//!
//! Two maintained crates do the work, each where it measured best on real news pages
//! (`../shared/eval/extraction`): `rs-trafilatura` (a port of trafilatura) finds the article
//! body and drops navigation, share widgets, scripts and styles, with `dom_smoothie` (a port
//! of Mozilla's Readability) as a second opinion ([`body`]); `dom_smoothie` reads the
//! metadata: title, byline, site name, published time (meta tags and JSON-LD), language. The
//! canonical URL is `<link rel="canonical">`; the published date falls back on the first
//! `<time datetime>` of the page; the language and direction on `<html lang dir>`.
//!
//! This module never panics on any input; a page without article text is an error.

use super::article::{Article, clean_field, paragraphs_per_line};
use dom_smoothie::{Config, Readability};

/// Extracts the article of an HTML page (`bytes` in any encoding the page declares).
/// `url` is where the page came from, when known. Errors are messages without the input name.
///
/// The extractors run on a worker thread with a large stack and a time limit
/// ([`time_limit`]): a hostile page (elements nested tens of thousands deep) makes their tree
/// walks slow or deep, and must give an error, not a hang or a stack overflow. A panic in
/// them is an error too.
pub fn extract(bytes: Vec<u8>, url: Option<&str>) -> Result<Article, HtmlError> {
    let limit = time_limit(bytes.len());
    let url = url.map(str::to_string);
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = std::thread::Builder::new()
        .name("html".into())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let _ = tx.send(extract_now(&bytes, url.as_deref()));
        })
        .map_err(HtmlError::Start)?;
    match rx.recv_timeout(limit) {
        Ok(result) => {
            let _ = worker.join();
            result
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => Err(HtmlError::Timeout(limit.as_secs())),
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(HtmlError::Failed),
    }
}

/// Why a page gave no article. The message names no input: the reader adds its name.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    /// The worker thread could not be started.
    #[error("cannot start the HTML extraction: {0}")]
    Start(std::io::Error),
    /// The extraction took longer than its time limit, this many seconds.
    #[error("the page could not be read within {0} s (is it nested very deeply, or huge?)")]
    Timeout(u64),
    /// The extraction panicked.
    #[error("the HTML extraction failed on this page")]
    Failed,
    #[error("is an HTML page without article text: no paragraphs of an article were found in it")]
    NoArticle,
}

/// Stack of the extraction thread (reserved, not used unless a page nests deeply).
const WORKER_STACK: usize = 256 << 20;

/// How long the extraction of a page of `len` bytes may take: 60 s, and 2 s more per MB
/// (a 50 MB page is read in about 20 s). `BILATERAL_EXTRACT_TIMEOUT` (seconds) overrides it.
fn time_limit(len: usize) -> std::time::Duration {
    let secs = std::env::var("BILATERAL_EXTRACT_TIMEOUT")
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0 && *s < 1e6)
        .unwrap_or(60.0 + 2.0 * len as f64 / 1e6);
    std::time::Duration::from_secs_f64(secs)
}

fn extract_now(bytes: &[u8], url: Option<&str>) -> Result<Article, HtmlError> {
    // Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares: a saved page is
    // often re-encoded without its `<meta charset>` being changed, and non-ASCII text in a
    // legacy encoding is almost never valid UTF-8 by chance.
    let html = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => rs_trafilatura::encoding::transcode_to_utf8(bytes),
    };
    let meta = metadata(&html, url);
    let text = body(&html, url);
    if !has_article_text(&text, &meta.title) {
        return Err(HtmlError::NoArticle);
    }
    let mut article = Article {
        title: clean_field(Some(&meta.title)),
        byline: clean_field(meta.byline.as_deref()),
        site: clean_field(meta.site_name.as_deref()),
        url: None,
        published: meta.published_time.as_deref().and_then(date_of),
        lang: clean_field(meta.lang.as_deref()),
        dir: clean_field(meta.dir.as_deref()),
        text,
    };
    let doc = dom_query::Document::from(html.as_str());
    article.url = canonical(&doc).or_else(|| clean_field(meta.url.as_deref()));
    if article.published.is_none() {
        article.published = time_element(&doc);
    }
    if article.dir.is_none() {
        article.dir = doc
            .select("html")
            .attr("dir")
            .and_then(|d| clean_field(Some(&d)));
    }
    if article.lang.is_none() {
        article.lang = doc
            .select("html")
            .attr("lang")
            .and_then(|d| clean_field(Some(&d)));
    }
    if article.url.is_none() {
        article.url = url.map(str::to_string);
    }
    Ok(article)
}

fn metadata(html: &str, url: Option<&str>) -> dom_smoothie::Metadata {
    let cfg = Config {
        max_elements_to_parse: 0,
        ..Config::default()
    };
    match Readability::new(html, url, Some(cfg)) {
        Ok(r) => {
            let ld = r.parse_json_ld();
            r.get_article_metadata(ld)
        }
        Err(_) => dom_smoothie::Metadata::default(),
    }
}

/// Fewer words than this, once lines that only repeat the title are left out, is no article
/// (an error page, an empty app shell, a page that needs JavaScript).
const MIN_ARTICLE_WORDS: usize = 12;

fn has_article_text(text: &str, title: &str) -> bool {
    let title = title.split_whitespace().collect::<Vec<_>>();
    text.lines()
        .filter(|line| line.split_whitespace().ne(title.iter().copied()))
        .flat_map(str::split_whitespace)
        .take(MIN_ARTICLE_WORDS)
        .count()
        >= MIN_ARTICLE_WORDS
}

/// The article body, one paragraph per line.
///
/// Both extractors read the page. trafilatura's text is kept, unless Readability's is shorter
/// and lies almost wholly inside it ([`AGREEMENT`] of its word 4-grams): then the two agree on
/// that core and the rest of trafilatura's text is page matter around the article (a teaser
/// list, a "more stories" block), so Readability's text is kept. On the extraction suite this
/// raises body F1 from 0.958 (trafilatura alone) and 0.952 (Readability alone) to 0.975.
fn body(html: &str, url: Option<&str>) -> String {
    let traf = trafilatura_body(html, url);
    let readable = readability_body(html, url);
    choose(traf, readable)
}

/// Share of Readability's 4-grams that must be in trafilatura's text for the two to agree.
const AGREEMENT: f64 = 0.9;

fn choose(traf: String, readable: String) -> String {
    let r = shingles(&readable);
    if r.is_empty() {
        return traf;
    }
    let t = shingles(&traf);
    let inside = r.iter().filter(|g| t.contains(*g)).count();
    let shorter = words(&readable) < words(&traf);
    if shorter && inside as f64 >= AGREEMENT * r.len() as f64 {
        readable
    } else {
        traf
    }
}

fn words(text: &str) -> usize {
    WORD.find_iter(text).count()
}

static WORD: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\w+").expect("a valid pattern"));

/// Hashes of the word 4-grams of `text`.
fn shingles(text: &str) -> rustc_hash::FxHashSet<u64> {
    use std::hash::{Hash, Hasher};
    let tokens: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    tokens
        .windows(4)
        .map(|w| {
            let mut h = rustc_hash::FxHasher::default();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

fn trafilatura_body(html: &str, url: Option<&str>) -> String {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_string),
        // its default cuts the text at a million bytes, silently (and may cut a character in
        // two): the size limit is --max-size, applied to the page
        max_extracted_len: usize::MAX,
        ..rs_trafilatura::Options::default()
    };
    match rs_trafilatura::extract_with_options(html, &options) {
        Ok(r) => paragraphs_per_line(blocks(&r.content_text).iter().map(String::as_str)),
        Err(_) => String::new(),
    }
}

fn readability_body(html: &str, url: Option<&str>) -> String {
    let cfg = Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Config::default()
    };
    match Readability::new(html, url, Some(cfg)).and_then(|mut r| r.parse()) {
        Ok(a) => paragraphs_per_line(blocks(&a.text_content).iter().map(String::as_str)),
        Err(_) => String::new(),
    }
}

/// The paragraphs of an extractor's text: blocks separated by blank lines (a single line
/// break inside a block is the page source's own wrapping, not a paragraph break).
fn blocks(text: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for line in text.lines() {
        if line.trim().is_empty() {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push(' ');
            last.push_str(line);
        }
    }
    out
}

/// `<link rel="canonical" href="…">`.
fn canonical(doc: &dom_query::Document) -> Option<String> {
    let sel = doc.select("link[rel=canonical]");
    let href = sel.attr("href")?;
    clean_field(Some(&href))
}

/// The date of the first `<time datetime="…">` (or `<time>` text) in the page.
fn time_element(doc: &dom_query::Document) -> Option<String> {
    for node in doc.select("time").nodes() {
        if let Some(d) = node.attr("datetime").and_then(|v| date_of(&v)) {
            return Some(d);
        }
        if let Some(d) = date_of(&node.text()) {
            return Some(d);
        }
    }
    None
}

/// The calendar date at the start of a timestamp (`2024-05-26T10:00:00Z`, `2024-05-26`), or a
/// full date written out (`May 26, 2024`, `26 May 2024`), as `YYYY-MM-DD`.
pub fn date_of(value: &str) -> Option<String> {
    let value = value.trim();
    if let Some(prefix) = value.get(..10)
        && let Ok(d) = prefix.parse::<jiff::civil::Date>()
    {
        return Some(d.to_string());
    }
    if value.len() > 200 {
        return None;
    }
    let mut context = None;
    crate::analysis::timeline::dates_in(value, None, &mut context)
        .into_iter()
        .map(|d| d.resolved.value)
        .find(|v| v.len() == 10 && !v.contains('X'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_timestamps_and_words() {
        assert_eq!(
            date_of("2024-05-26T10:00:00+09:00").as_deref(),
            Some("2024-05-26")
        );
        assert_eq!(date_of(" 2021-10-11 ").as_deref(), Some("2021-10-11"));
        assert_eq!(date_of("May 26, 2024").as_deref(), Some("2024-05-26"));
        assert_eq!(date_of("yesterday"), None);
    }
}
