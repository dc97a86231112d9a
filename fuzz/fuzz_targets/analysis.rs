//! Fuzz target over the whole analysis: bytes → `Document::parse` → `analyze` → invariants.
//!
//! The first byte picks the options (no party / one / two named sides, a publication date),
//! the rest is the article. Refused inputs (NUL, invalid UTF-8, empty) are fine; a panic, a
//! broken invariant (see `bilateral::analysis::invariants`) or a non-deterministic result is
//! a find.

#![no_main]

use bilateral::analysis::invariants;
use bilateral::input::{Document, PartySpec};
use bilateral::{Options, analyze};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, article)) = data.split_first() else {
        return;
    };
    let Ok(doc) = Document::parse("fuzz", article.to_vec()) else {
        return;
    };
    let mut options = Options::default();
    if choice & 1 == 1 {
        options.parties.push(
            PartySpec::parse("Freedonia=Freedonian,Firefly")
                .unwrap()
                .into(),
        );
    }
    if choice & 2 == 2 {
        options.parties.push(
            PartySpec::parse("Sylvania=Sylvanian,Trentino")
                .unwrap()
                .into(),
        );
    }
    if choice & 4 == 4 {
        options.published = Some("2023-12-11".into());
    }
    let analysis = analyze(&doc, &options);
    if let Err(broken) = invariants::check(&doc.text, doc.body_start, &analysis) {
        panic!("invariant broken: {broken}");
    }
    if choice & 8 == 8 {
        assert_eq!(analysis, analyze(&doc, &options), "not deterministic");
    }
});
