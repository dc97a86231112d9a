//! Writes a generated news-like corpus (invented two-party stories) to stdout or a file.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- 100M            > /tmp/corpus-100M.txt
//! cargo run --release --example gen_corpus -- 10M --seed 3 --out /tmp/corpus-10M.txt
//! ```
//!
//! The same size and seed always give the same bytes (see `benches/corpus/mod.rs`).

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut size = None;
    let mut seed = 1u64;
    let mut out_path = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => match args.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => return usage("--seed needs a number"),
            },
            "--out" => match args.next() {
                Some(p) => out_path = Some(p),
                None => return usage("--out needs a path"),
            },
            "-h" | "--help" => return usage(""),
            other => match corpus::parse_size(other) {
                Some(s) if size.is_none() => size = Some(s),
                _ => return usage(&format!("unexpected argument `{other}`")),
            },
        }
    }
    let Some(size) = size else {
        return usage("give a size, e.g. 10M");
    };
    let text = corpus::generate(seed, size);
    let written = match out_path {
        Some(path) => std::fs::write(&path, text.as_bytes()),
        None => std::io::stdout().lock().write_all(text.as_bytes()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: cannot write the corpus: {e}");
            ExitCode::from(1)
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("gen_corpus: {problem}");
    }
    eprintln!("usage: gen_corpus SIZE [--seed N] [--out PATH]   (SIZE like 1M, 100M, 64k)");
    ExitCode::from(2)
}
