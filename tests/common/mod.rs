//! Running the real binary with arguments and bytes on stdin, for the command-line tests.
#![allow(dead_code)] // each test crate uses part of it

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `bilateral ARGS` with `stdin` piped in; returns its output and exit status.
pub fn bilateral(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilateral"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// [`bilateral`] with its stdout and stderr as text and its exit code.
pub fn run_text(args: &[&str], stdin: &str) -> (String, String, Option<i32>) {
    let out = bilateral(args, stdin.as_bytes());
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code(),
    )
}

/// A file in a directory of its own, removed with the directory when this is dropped.
pub struct TempInput {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl std::ops::Deref for TempInput {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.path
    }
}

/// Writes `bytes` to a file called `name` in a fresh temporary directory.
pub fn temp_file(name: &str, bytes: &[u8]) -> TempInput {
    let dir = tempfile::Builder::new()
        .prefix("bilateral-test-")
        .tempdir()
        .unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    TempInput { _dir: dir, path }
}
