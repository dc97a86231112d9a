//! `bilateral dates`: JSON lines `{"text": ..., "reference": "YYYY-MM-DD"}` on stdin, one JSON
//! line `{"dates": [...]}` per input line on stdout, in order.
//!
//! Each line is read on its own with the timeline's finder and resolver
//! ([`crate::analysis::timeline::dates_in`]); anaphora (`that day`) only see earlier dates of
//! the same line. Only fully known values are printed (`YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`,
//! `YYYY`); with no reference, relative dates are left out. Blank lines are skipped; a line that
//! is not a request is an error naming its line number (serde's message may quote the line:
//! `main` escapes every error message before printing it).

use crate::analysis::timeline::{dates_in, resolve::parse_reference};
use serde::{Deserialize, Serialize};
use std::io::{BufRead, Write};

#[derive(Deserialize)]
struct Request {
    text: String,
    reference: Option<String>,
}

#[derive(Serialize)]
struct Response {
    dates: Vec<String>,
}

/// The dates of one text, as printed by `bilateral dates`.
pub fn dates_of(text: &str, reference: Option<&str>) -> Vec<String> {
    let reference = reference.and_then(parse_reference);
    let mut context = None;
    dates_in(text, reference, &mut context)
        .into_iter()
        .filter(|d| !d.resolved.value.contains('X'))
        .map(|d| d.resolved.value)
        .collect()
}

/// Why `bilateral dates` stopped.
#[derive(Debug, thiserror::Error)]
pub enum DatesError {
    #[error("<stdin>: cannot be read: {0}")]
    Read(std::io::Error),
    /// A line (numbered from 1) that is not a request.
    #[error("<stdin>: line {line}: not a JSON object {{\"text\", \"reference\"}}: {error}")]
    NotARequest {
        line: usize,
        error: serde_json::Error,
    },
    /// Writing an answer failed (the message is the writer's).
    #[error("{0}")]
    Encode(serde_json::Error),
    /// Writing an answer failed (the message is the writer's).
    #[error("{0}")]
    Output(std::io::Error),
}

/// Answers each line; a line that is not a valid request is an error naming the line number.
pub fn run(input: impl BufRead, out: &mut impl Write) -> Result<(), DatesError> {
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(DatesError::Read)?;
        if line.trim().is_empty() {
            continue;
        }
        let request: Request = serde_json::from_str(&line)
            .map_err(|error| DatesError::NotARequest { line: n + 1, error })?;
        let response = Response {
            dates: dates_of(&request.text, request.reference.as_deref()),
        };
        serde_json::to_writer(&mut *out, &response).map_err(DatesError::Encode)?;
        out.write_all(b"\n").map_err(DatesError::Output)?;
        out.flush().map_err(DatesError::Output)?;
    }
    Ok(())
}
