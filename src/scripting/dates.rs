//! `bilateral dates`: JSON lines `{"text": ..., "reference": "YYYY-MM-DD"}` on stdin, one JSON
//! line `{"dates": [...]}` per input line on stdout, in order.
//!
//! PLACEHOLDER (to be replaced): no dates are found.

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

/// Answers each line; a line that is not a valid request is an error naming the line number.
pub fn run(input: impl BufRead, out: &mut impl Write) -> Result<(), String> {
    for (n, line) in input.lines().enumerate() {
        let line = line.map_err(|e| format!("<stdin>: cannot be read: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        let request: Request = serde_json::from_str(&line).map_err(|e| {
            format!(
                "<stdin>: line {}: not a JSON object {{\"text\", \"reference\"}}: {e}",
                n + 1
            )
        })?;
        let _ = (&request.text, &request.reference);
        let response = Response { dates: Vec::new() };
        serde_json::to_writer(&mut *out, &response).map_err(|e| e.to_string())?;
        out.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    Ok(())
}
