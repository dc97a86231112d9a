//! Fetching an article page from an `http://` or `https://` URL.
//!
//! `ureq` does the HTTP with rustls (no OpenSSL) and decodes gzip and brotli bodies; a
//! `deflate` body is decoded here with `flate2`. The limits: a connect timeout, an overall
//! timeout ([`Settings::from_env`]: `BILATERAL_TIMEOUT` seconds, 30 by default), at most
//! [`MAX_REDIRECTS`] redirects, and `--max-size` applied while the body is read (a larger
//! `Content-Length` is refused before reading, a body that grows past the limit is cut off
//! and refused). Only HTML and text pages are read.
//!
//! Every failure is one line that says what went wrong (offline, DNS, TLS, HTTP status, not
//! HTML, too large, timeout); the caller adds the URL. Nothing here panics.

use std::io::Read;
use std::time::Duration;
use ureq::ResponseExt;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;
/// The overall timeout when `BILATERAL_TIMEOUT` does not set one.
pub const DEFAULT_TIMEOUT_SECS: f64 = 30.0;
/// What bilateral says it is.
pub const USER_AGENT: &str = concat!(
    "bilateral/",
    env!("CARGO_PKG_VERSION"),
    " (terminal article reader; one page on request)"
);

/// How a page is fetched.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The whole request, from connecting to the last byte of the body.
    pub timeout: Duration,
    /// Largest body accepted, in bytes (after decompression).
    pub max_size: u64,
}

impl Settings {
    /// The timeout from `BILATERAL_TIMEOUT` (seconds, fractions allowed) or
    /// [`DEFAULT_TIMEOUT_SECS`]; the size limit as given.
    pub fn from_env(max_size: u64) -> Settings {
        let secs = std::env::var("BILATERAL_TIMEOUT")
            .ok()
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s > 0.0 && *s < 86_400.0)
            .unwrap_or(DEFAULT_TIMEOUT_SECS);
        Settings {
            timeout: Duration::from_secs_f64(secs),
            max_size: max_size.min(super::HARD_MAX_SIZE),
        }
    }
}

/// A fetched page.
#[derive(Debug)]
pub struct Page {
    /// The final URL, after redirects.
    pub url: String,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
    /// The server said it is HTML.
    pub html: bool,
}

/// Whether the argument is a URL rather than a file name: it starts with `http://` or
/// `https://` (any case), or with another scheme followed by `://` (refused by [`fetch`]).
pub fn is_url(arg: &str) -> bool {
    match arg.split_once("://") {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// Why a page could not be fetched. The message is one line without the URL (the reader adds
/// it).
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// A URL of another scheme than http(s), this one (lower-cased).
    #[error("only http:// and https:// URLs can be read, not {0}://")]
    Scheme(String),
    /// The request failed before an answer.
    #[error("{}", describe(.0))]
    Request(ureq::Error),
    /// The server answered with a status that is no success.
    #[error("the server answered {code}{}{reason}", if reason.is_empty() { "" } else { " " })]
    Status { code: u16, reason: &'static str },
    /// The answer is neither HTML nor text: its media type.
    #[error("is not an HTML page or text (the server says Content-Type: {0})")]
    NotAPage(String),
    /// The page is larger than `limit` bytes: at least `size`.
    #[error(
        "the page is larger than the limit of {limit} bytes (at least {size} bytes); raise it with --max-size"
    )]
    TooLarge { limit: u64, size: u64 },
    /// Reading the body failed.
    #[error("{}", read_error(.0))]
    Read(std::io::Error),
}

/// Fetches `url`.
pub fn fetch(url: &str, settings: &Settings) -> Result<Page, FetchError> {
    let scheme = url
        .split_once("://")
        .map_or("", |(s, _)| s)
        .to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(FetchError::Scheme(scheme));
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(settings.timeout))
        .timeout_connect(Some(settings.timeout.min(Duration::from_secs(10))))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(USER_AGENT)
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(url)
        .header(
            "Accept",
            "text/html,application/xhtml+xml,text/plain;q=0.8,text/markdown;q=0.8",
        )
        .header("Accept-Encoding", "gzip, deflate, br")
        .call()
        .map_err(FetchError::Request)?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status {
            code: status.as_u16(),
            reason: status.canonical_reason().unwrap_or(""),
        });
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_ascii_lowercase())
    };
    let content_type = header("content-type").unwrap_or_default();
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    let html = matches!(mime.as_str(), "text/html" | "application/xhtml+xml");
    let text = mime.is_empty()
        || mime.starts_with("text/")
        || matches!(mime.as_str(), "application/xml" | "application/markdown");
    if !html && !text {
        return Err(FetchError::NotAPage(mime));
    }
    let deflate = header("content-encoding").is_some_and(|e| e == "deflate");
    if let Some(len) = header("content-length").and_then(|v| v.parse::<u64>().ok())
        && len > settings.max_size
        && !deflate
        && header("content-encoding").is_none()
    {
        return Err(FetchError::TooLarge {
            limit: settings.max_size,
            size: len,
        });
    }
    let final_url = response.get_uri().to_string();
    let reader = response.body_mut().as_reader();
    let bytes = if deflate {
        read_limited(inflate(reader)?, settings.max_size)?
    } else {
        read_limited(reader, settings.max_size)?
    };
    Ok(Page {
        url: final_url,
        bytes,
        html,
    })
}

/// A deflate body: zlib-wrapped as the standard says, or raw as some servers send it.
fn inflate<'r>(mut reader: impl Read + 'r) -> Result<Box<dyn Read + 'r>, FetchError> {
    let mut head = [0u8; 2];
    let mut got = 0;
    while got < 2 {
        match reader.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) => return Err(FetchError::Read(e)),
        }
    }
    let prefix = std::io::Cursor::new(head[..got].to_vec());
    let chained = prefix.chain(reader);
    let zlib = got == 2
        && (head[0] & 0x0f) == 8
        && (u16::from(head[0]) << 8 | u16::from(head[1])) % 31 == 0;
    Ok(if zlib {
        Box::new(flate2::read::ZlibDecoder::new(chained))
    } else {
        Box::new(flate2::read::DeflateDecoder::new(chained))
    })
}

fn read_limited(reader: impl Read, max: u64) -> Result<Vec<u8>, FetchError> {
    let mut bytes = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(FetchError::Read)?;
    if bytes.len() as u64 > max {
        return Err(FetchError::TooLarge {
            limit: max,
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

fn read_error(err: &std::io::Error) -> String {
    // ureq reports its own errors (timeouts, bad compression) through io::Error
    if let Some(inner) = err.get_ref().and_then(|e| e.downcast_ref::<ureq::Error>()) {
        return describe(inner);
    }
    match err.kind() {
        std::io::ErrorKind::TimedOut => "timed out while reading the page".into(),
        std::io::ErrorKind::InvalidData | std::io::ErrorKind::InvalidInput => {
            format!(
                "the page's body cannot be decoded: {}",
                one_line(&err.to_string())
            )
        }
        _ => format!(
            "the connection failed while reading the page: {}",
            one_line(&err.to_string())
        ),
    }
}

/// One line for a failed request.
fn describe(err: &ureq::Error) -> String {
    use ureq::Error as E;
    match err {
        E::Timeout(_) => "timed out (set BILATERAL_TIMEOUT to wait longer)".into(),
        E::HostNotFound => "the host was not found (DNS lookup failed; are you offline?)".into(),
        E::ConnectionFailed => "cannot connect to the server (are you offline?)".into(),
        E::TooManyRedirects => format!("more than {MAX_REDIRECTS} redirects"),
        E::RedirectFailed => "a redirect could not be followed".into(),
        E::BadUri(u) => format!("is not a valid URL: {}", one_line(u)),
        E::Tls(m) => format!("the TLS connection failed: {m}"),
        E::Rustls(e) => format!("the TLS connection failed: {}", one_line(&e.to_string())),
        E::StatusCode(c) => format!("the server answered {c}"),
        E::BodyExceedsLimit(n) => format!("the page is larger than the limit of {n} bytes"),
        E::Decompress(what, e) => {
            format!(
                "the page's {what} body cannot be decoded: {}",
                one_line(&e.to_string())
            )
        }
        E::Io(e) => match e.kind() {
            std::io::ErrorKind::ConnectionRefused => "the server refused the connection".into(),
            std::io::ErrorKind::TimedOut => {
                "timed out (set BILATERAL_TIMEOUT to wait longer)".into()
            }
            _ => format!("the connection failed: {}", one_line(&e.to_string())),
        },
        other => format!("the request failed: {}", one_line(&other.to_string())),
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_file_names() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(is_url("ftp://example.org"));
        assert!(!is_url("article.txt"));
        assert!(!is_url("./http:/x"));
        assert!(!is_url("a b://c"));
    }

    #[test]
    fn other_schemes_are_refused_without_a_request() {
        let err = fetch("ftp://example.org/x", &Settings::from_env(100))
            .unwrap_err()
            .to_string();
        assert!(err.contains("only http:// and https://"), "{err}");
        let err = fetch("file:///etc/passwd", &Settings::from_env(100))
            .unwrap_err()
            .to_string();
        assert!(err.contains("not file://"), "{err}");
    }
}
