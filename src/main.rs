//! The `bilateral` command line: arguments → load → analyse → one view.
//!
//! Exit codes: 0 success; 1 a failure that is not the input's fault (writing the output,
//! the terminal); 2 bad input or bad usage; 128 + N when the reader is ended by signal N
//! (129 also when its terminal goes away); 101 an internal error (a panic: the terminal is
//! restored and the message says where to report it). Errors are one line on stderr (usage
//! errors add clap's usage hint), never a backtrace unless `RUST_BACKTRACE` asks for one.
//!
//! Every message printed here goes through [`escape_controls`]: error messages quote input
//! (file names, `--party` values, front matter, JSON lines given to `bilateral dates`), and
//! clap quotes bad arguments as given (it passes CR and C1 controls through), so no character
//! of them may reach the terminal as a control.

use bilateral::input::{DEFAULT_MAX_SIZE, Document, PartySpec};
use bilateral::sanitize::escape_controls;
use bilateral::view;
use bilateral::{Options, analyze};
use clap::{Parser, Subcommand};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Read an article about two parties and see what each side said, side by side.
#[derive(Parser, Debug)]
#[command(
    name = "bilateral",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    /// The article: a file (plain text, HTML or Markdown), an http(s) URL, or `-` for stdin.
    /// Without it, stdin when it is not a terminal, else the bundled seed article.
    file: Option<PathBuf>,

    /// Print the analysis as JSON (schema in docs/json.md).
    #[arg(long, conflicts_with_all = ["plain", "format"])]
    json: bool,

    /// Print plain text instead of opening the reader (the default when stdout is not a terminal).
    #[arg(long, conflicts_with = "format")]
    plain: bool,

    /// Print in this format instead of opening the reader: the two sides' claims with
    /// speaker, cue, date and place as a Markdown table or CSV, or plain text, or JSON.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

    /// A side of the interaction, as NAME or NAME=ALIAS,ALIAS…; give it twice to fix both sides
    /// and their order.
    #[arg(long = "party", value_name = "NAME[=ALIAS,…]", value_parser = PartySpec::parse)]
    parties: Vec<PartySpec>,

    /// Publication date (YYYY-MM-DD), the reference for relative dates; overrides front matter.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_published)]
    published: Option<String>,

    /// Largest input accepted, in bytes (at most 4 GiB − 1 whatever is given).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_SIZE)]
    max_size: u64,

    /// Width of the `--plain` output in columns (default: the terminal's, or 100).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    width: Option<u16>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Plain,
    Json,
    Markdown,
    Csv,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Segment stdin into sentences; print them as a JSON array of strings.
    Sentences,
    /// Read JSON lines {"text", "reference"} on stdin; print one {"dates": [...]} line each.
    Dates,
    /// Print the article of a page, Markdown file or text: front matter and one paragraph per
    /// line (a file bilateral opens again), or JSON with --json.
    Extract {
        /// The input: a file, an http(s) URL, or `-` for stdin (also when omitted).
        file: Option<PathBuf>,
        /// Print {"title", "byline", "site", "url", "published", "lang", "text"} as JSON.
        #[arg(long)]
        json: bool,
        /// Largest input accepted, in bytes.
        #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_SIZE)]
        max_size: u64,
    },
    /// Tag, lemmatize and parse stdin; print CoNLL-U (with --conllu: read CoNLL-U, keep its
    /// tokens, fill in LEMMA, UPOS, XPOS, HEAD and DEPREL).
    Parse {
        /// Read CoNLL-U on stdin instead of text.
        #[arg(long)]
        conllu: bool,
    },
}

fn parse_published(text: &str) -> Result<String, bilateral::input::DateError> {
    bilateral::input::parse_date(text)
}

fn main() -> ExitCode {
    view::tui::panic::install_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            say(&format!("bilateral: {}", escape_controls(&message)));
            ExitCode::from(2)
        }
        Err(Failure::Output(err)) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Output(err)) => {
            let err = err.to_string();
            say(&format!(
                "bilateral: cannot write the output: {}",
                escape_controls(&err)
            ));
            ExitCode::from(1)
        }
        Err(Failure::Terminal(err)) => {
            let err = err.to_string();
            say(&format!(
                "bilateral: the terminal failed: {}",
                escape_controls(&err)
            ));
            ExitCode::from(1)
        }
        Err(Failure::Signal(sig)) => ExitCode::from(u8::try_from(128 + sig).unwrap_or(1)),
    }
}

/// Writes one line on stderr; a stderr that is gone (a closed terminal) is ignored rather
/// than turned into a panic as `eprintln!` would.
fn say(line: &str) {
    let _ = writeln!(io::stderr(), "{line}");
}

/// `--help` and `--version` print as clap prints them (exit 0); a usage error is printed as
/// plain text with every control made visible (exit 2).
fn usage_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = err.print();
        return ExitCode::SUCCESS;
    }
    // `Display` renders without styles; the text may quote arguments as given.
    let text = err.to_string();
    let _ = io::stderr().write_all(escape_controls(&text).as_bytes());
    ExitCode::from(2)
}

enum Failure {
    /// The input or the usage is wrong: exit 2.
    Input(String),
    /// Writing failed: exit 1.
    Output(io::Error),
    /// The reader's terminal failed (setting it up, reading keys, drawing): exit 1.
    Terminal(io::Error),
    /// The reader was ended by a signal: exit 128 + signal, like a shell would report.
    Signal(i32),
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Failure {
        Failure::Output(err)
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let stdout = io::stdout();
    match cli.command {
        Some(Command::Sentences) => {
            let text = read_stdin_text(cli.max_size)?;
            return Ok(bilateral::scripting::sentences::run(
                &text,
                &mut stdout.lock(),
            )?);
        }
        Some(Command::Dates) => {
            return bilateral::scripting::dates::run(io::stdin().lock(), &mut stdout.lock())
                .map_err(|e| Failure::Input(e.to_string()));
        }
        Some(Command::Extract {
            file,
            json,
            max_size,
        }) => {
            let path = file.unwrap_or_else(|| PathBuf::from("-"));
            let doc = Document::load(&path, max_size).map_err(|e| Failure::Input(e.to_string()))?;
            let mut out = io::BufWriter::new(stdout.lock());
            bilateral::scripting::extract::run(&doc, json, &mut out)?;
            out.flush()?;
            return Ok(());
        }
        Some(Command::Parse { conllu }) => {
            let text = read_stdin_text(cli.max_size)?;
            if !conllu {
                return Ok(bilateral::scripting::parse::run_text(
                    &text,
                    &mut stdout.lock(),
                )?);
            }
            return match bilateral::scripting::parse::run_conllu(&text, &mut stdout.lock()) {
                Ok(()) => Ok(()),
                Err(bilateral::scripting::parse::ParseError::Input(e)) => {
                    Err(Failure::Input(e.to_string()))
                }
                Err(bilateral::scripting::parse::ParseError::Output(e)) => Err(Failure::Output(e)),
            };
        }
        None => {}
    }
    if cli.parties.len() > 2 {
        return Err(Failure::Input(format!(
            "--party was given {} times; an interaction has two sides",
            cli.parties.len()
        )));
    }
    let doc = match &cli.file {
        Some(path) => {
            Document::load(path, cli.max_size).map_err(|e| Failure::Input(e.to_string()))?
        }
        // as Unix tools do: a pipe or a file on stdin is the input
        None if stdin_has_input() => {
            Document::load("-".as_ref(), cli.max_size).map_err(|e| Failure::Input(e.to_string()))?
        }
        None => Document::seed(),
    };
    let options = Options {
        parties: cli.parties.into_iter().map(Into::into).collect(),
        published: cli.published,
    };
    let analysis = analyze(&doc, &options);

    let format = match (cli.json, cli.plain, cli.format) {
        (true, _, _) => Some(Format::Json),
        (_, true, _) => Some(Format::Plain),
        (_, _, f) => f,
    };
    if format.is_none() && io::stdout().is_terminal() {
        return match view::tui::run(&analysis, &bilateral::analyze_with_sides)
            .map_err(Failure::Terminal)?
        {
            view::tui::Exit::Quit => Ok(()),
            view::tui::Exit::Signal(sig) => Err(Failure::Signal(sig)),
        };
    }
    let mut out = io::BufWriter::new(stdout.lock());
    match format.unwrap_or(Format::Plain) {
        Format::Json => view::json::write(&analysis, &mut out)?,
        Format::Markdown => view::export::write_markdown(&analysis, &mut out)?,
        Format::Csv => view::export::write_csv(&analysis, &mut out)?,
        Format::Plain => {
            let width = cli.width.map(usize::from).unwrap_or_else(terminal_width);
            view::plain::write(&analysis, width, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// Whether stdin carries an input: a pipe, a file or a socket. A terminal, `/dev/null` (how
/// test harnesses and services start programs) and a closed stdin do not: the seed opens.
fn stdin_has_input() -> bool {
    if io::stdin().is_terminal() {
        return false;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        use std::os::unix::fs::FileTypeExt;
        let Ok(fd) = io::stdin().as_fd().try_clone_to_owned() else {
            return false;
        };
        let Ok(meta) = std::fs::File::from(fd).metadata() else {
            return false;
        };
        let kind = meta.file_type();
        kind.is_fifo() || kind.is_file() || kind.is_socket()
    }
    #[cfg(not(unix))]
    {
        true
    }
}

fn terminal_width() -> usize {
    ratatui::crossterm::terminal::size().map_or(100, |(w, _)| usize::from(w).clamp(20, 200))
}

fn read_stdin_text(max_size: u64) -> Result<String, Failure> {
    bilateral::input::read_stdin_text(max_size).map_err(|e| Failure::Input(e.to_string()))
}
