//! Errors about the input: one line, naming the input and what is wrong with it.

use crate::sanitize::escape_controls;
use std::fmt;

/// An input that cannot be analysed. Its `Display` is the one-line message shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    message: String,
}

impl InputError {
    /// `name` is the input's name (path, `<stdin>`), `what` says what is wrong with it.
    pub fn new(name: &str, what: &str) -> InputError {
        InputError {
            message: format!("{}: {}", escape_controls(name), escape_controls(what)),
        }
    }

    pub(crate) fn io(name: &str, err: &std::io::Error) -> InputError {
        let what = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "is a directory, not an article".to_string(),
            _ => format!("cannot be read: {err}"),
        };
        InputError::new(name, &what)
    }

    pub(crate) fn too_large(name: &str, size: u64, limit: u64) -> InputError {
        InputError::new(
            name,
            &format!(
                "is larger than the limit of {limit} bytes ({}{size} bytes); raise it with --max-size",
                if size > limit { "at least " } else { "" }
            ),
        )
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InputError {}
