//! bilateral: split an article about two parties into each side's statements.
//!
//! The pipeline runs one way (see `README.md` and `docs/json.md`):
//! [`input`] reads bytes into a [`input::Document`]; [`analysis`] turns it into an
//! [`model::Analysis`] (segmentation, parties, attribution, timeline, alignment); the
//! [`view`]s (JSON, plain text, the terminal reader) only read that `Analysis`.
//!
//! The modules form layers; each imports only the layers below it (`tests/layers.rs` checks
//! this):
//!
//! ```text
//! main.rs, scripting        the commands: read, analyse, show
//! view                      JSON, plain text, the terminal reader (reads `model` only)
//! input                     files, pages, formats (uses analysis's date reader for metadata)
//! analysis                  the pipeline; knows nothing of how the text was read
//! model, sanitize, assets   data types, terminal-safe text, bundled files
//! ```
//!
//! This file is the orchestrator between them: [`analyze`] hands a read document to the
//! analysis, and [`analyze_with_sides`] runs it again when the reader's user picks the sides.

pub mod analysis;
pub mod assets;
pub mod input;
pub mod model;
pub mod sanitize;
pub mod scripting;
pub mod view;

pub use analysis::Options;

use input::Document;
use model::{Analysis, GivenParty};

/// Analyses `doc`: its text, body, header and the reader's remarks, with `options`.
pub fn analyze(doc: &Document, options: &Options) -> Analysis {
    let source = analysis::Source {
        text: &doc.text,
        body_start: doc.body_start,
        meta: &doc.meta,
        parties: &doc.parties,
        notes: &doc.notes,
    };
    analysis::analyze(source, options)
}

/// The article of `analysis` analysed again with `names` as the two sides (what `--party`
/// would give; the reference date kept). `None` if its text can no longer be read.
pub fn analyze_with_sides(analysis: &Analysis, names: &[String]) -> Option<Analysis> {
    let doc = Document::parse("article", analysis.source.as_bytes().to_vec()).ok()?;
    let parties = names
        .iter()
        .map(|n| GivenParty {
            name: n.clone(),
            aliases: Vec::new(),
        })
        .collect();
    let options = Options {
        parties,
        published: analysis.meta.published.clone(),
    };
    Some(analyze(&doc, &options))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reanalysis_takes_the_two_sides_picked() {
        let doc = Document::parse(
            "three_parties.txt",
            include_bytes!("../tests/articles/three_parties.txt").to_vec(),
        )
        .unwrap();
        let a = analyze(&doc, &Options::default());
        let names = ["European Union".to_string(), "United Nations".to_string()];
        let b = analyze_with_sides(&a, &names).expect("the same text parses again");
        let got: Vec<&str> = b.parties.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(got, ["European Union", "United Nations"]);
        assert_eq!(b.meta.published, a.meta.published);
    }
}
