//! Errors about the input: one line, naming the input and what is wrong with it.

use super::fetch::FetchError;
use super::front_matter::FrontMatterError;
use super::html::HtmlError;
use super::markdown::MarkdownError;
use crate::sanitize::escape_controls;

/// An input that cannot be analysed: its name (path, URL, `<stdin>`) and what is wrong with it.
/// Its `Display` is the one-line message shown to the user, with the controls of both made
/// visible.
#[derive(Debug, thiserror::Error)]
#[error("{}: {}", escape_controls(.name), escape_controls(&.problem.to_string()))]
pub struct InputError {
    name: String,
    problem: Problem,
}

/// What is wrong with an input.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("no such file")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("is a directory, not an article")]
    Directory,
    #[error("cannot be read: {0}")]
    Read(std::io::Error),
    /// Larger than the limit given (`size` bytes; `at_least` when reading stopped there).
    #[error(
        "is larger than the limit of {limit} bytes ({}{size} bytes); raise it with --max-size",
        if *.size > *.limit { "at least " } else { "" }
    )]
    TooLarge { size: u64, limit: u64 },
    /// At least this many bytes: past what any limit allows.
    #[error("is {0} bytes or more: bilateral reads inputs under 4 GiB")]
    OverHardLimit(u64),
    /// A NUL byte at this offset.
    #[error("contains a NUL byte at byte offset {0}: this looks like a binary file, not text")]
    Binary(usize),
    /// The first invalid byte sequence starts at this offset.
    #[error("is not valid UTF-8: invalid byte sequence at byte offset {0}")]
    NotUtf8(usize),
    #[error("is Markdown without article text: there is nothing to read")]
    EmptyMarkdown,
    #[error("is empty: there is no article text to read")]
    Empty,
    #[error(transparent)]
    FrontMatter(#[from] FrontMatterError),
    #[error(transparent)]
    Markdown(#[from] MarkdownError),
    #[error(transparent)]
    Html(#[from] HtmlError),
    #[error(transparent)]
    Fetch(#[from] FetchError),
}

impl InputError {
    /// `name` is the input's name (path, `<stdin>`, URL), `problem` what is wrong with it.
    pub fn new(name: &str, problem: impl Into<Problem>) -> InputError {
        InputError {
            name: name.to_string(),
            problem: problem.into(),
        }
    }

    /// What is wrong with the input.
    pub fn problem(&self) -> &Problem {
        &self.problem
    }

    pub(crate) fn io(name: &str, err: std::io::Error) -> InputError {
        let problem = match err.kind() {
            std::io::ErrorKind::NotFound => Problem::NotFound,
            std::io::ErrorKind::PermissionDenied => Problem::PermissionDenied,
            std::io::ErrorKind::IsADirectory => Problem::Directory,
            _ => Problem::Read(err),
        };
        InputError::new(name, problem)
    }

    pub(crate) fn too_large(name: &str, size: u64, limit: u64) -> InputError {
        InputError::new(name, Problem::TooLarge { size, limit })
    }
}
