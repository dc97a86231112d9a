//! Properties of the whole analysis on arbitrary Unicode: no panic, lossless spans, one side
//! per sentence that names an existing party, deterministic output, and JSON that reads back
//! to the same analysis. The invariants themselves live in `bilateral::analysis::invariants`
//! (shared with the fuzz target).
//!
//! The generators mix news-like words (invented parties, reporting verbs, quotes, dates,
//! abbreviations) with what pasted text really carries: control characters and escape
//! sequences, combining marks, bidi controls, zero-width characters, odd whitespace, CRLF,
//! unbalanced quotation marks and front matter — and plain `any::<char>()` noise.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use bilateral::analysis::{invariants, segment};
use bilateral::input::{Document, PartySpec};
use bilateral::{Options, analyze};
use proptest::prelude::*;

/// One piece of an article.
fn piece() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Freedonia",
        "Sylvania",
        "Freedonian",
        "Sylvanian",
        "President",
        "Rufus T. Firefly",
        "Ambassador Trentino",
        "the ministry",
        "said",
        "told",
        "according to",
        "added",
        "reportedly",
        "allegedly",
        "on Tuesday",
        "last week",
        "10 December 2023",
        "Dec. 10",
        "2023-12-11",
        "two days later",
        "Mr.",
        "Dr.",
        "U.S.",
        "e.g.",
        "No.",
        "3.5",
        "p.m.",
        "the union",
        "the company",
        "both sides",
        "talks",
        "phone call",
        "agreed",
        "denied",
        "Source:",
        "By",
        "Reporting by",
        "—",
        "-",
        "(",
        ")",
        "[",
        "]",
        ":",
        ";",
        ",",
    ])
    .prop_map(str::to_string);
    let punctuation = prop::sample::select(vec![
        ".", "!", "?", "...", "…", ".\"", ".”", "?'", "!)", "\"", "“", "”", "‘", "’", "«", "»",
        "„", "'", "\u{300c}", "\u{300d}", "。", "！",
    ])
    .prop_map(str::to_string);
    let space = prop::sample::select(vec![
        " ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u{a0}", "\u{2028}", "\u{2029}",
        "\u{3000}", "\u{85}", "\r", "\u{b}", "\u{c}",
    ])
    .prop_map(str::to_string);
    let hostile = prop::sample::select(vec![
        "\u{1b}]0;owned\u{7}",
        "\u{1b}[2J",
        "\u{9b}31m",
        "\u{1b}P",
        "\u{7f}",
        "\u{202e}",
        "\u{202c}",
        "\u{2066}",
        "\u{2069}",
        "\u{200b}",
        "\u{200d}",
        "\u{2060}",
        "\u{feff}",
        "\u{301}",
        "\u{20dd}",
        "\u{308}\u{308}\u{308}",
        "e\u{301}",
        "👩\u{200d}👩\u{200d}👧",
        "🇫🇷",
        "\u{fffd}",
        "\u{1}",
        "\u{8}",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        6 => words,
        3 => punctuation,
        4 => space,
        2 => hostile,
        1 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z0-9]{1,12}",
    ]
}

/// An article: pieces joined, sometimes with front matter.
fn article() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(piece(), 0..120),
        prop::option::of(prop::sample::select(vec![
            "+++\ntitle = \"Freedonia and Sylvania talk\"\npublished = 2023-12-11\n+++\n",
            "+++\nparties = [\"Freedonia=Freedonian\", \"Sylvania\"]\n+++\n",
            "\u{feff}",
            "+++\r\n+++\r\n",
        ])),
    )
        .prop_map(|(pieces, front)| {
            let mut text = front.unwrap_or("").to_string();
            for p in pieces {
                text.push_str(&p);
            }
            text
        })
}

fn options() -> impl Strategy<Value = Options> {
    prop_oneof![
        Just(Options::default()),
        Just(Options {
            parties: vec![
                PartySpec::parse("Freedonia=Freedonian,Firefly")
                    .unwrap()
                    .into()
            ],
            published: None,
        }),
        Just(Options {
            parties: vec![
                PartySpec::parse("Freedonia=Freedonian,Firefly")
                    .unwrap()
                    .into(),
                PartySpec::parse("Sylvania=Sylvanian,Trentino")
                    .unwrap()
                    .into(),
            ],
            published: Some("2023-12-11".into()),
        }),
    ]
}

/// Parses and analyses `text`; checks every invariant and determinism.
fn check_article(text: &str, options: &Options) -> Result<(), TestCaseError> {
    // Refusing an input (NUL, empty, bad front matter) is allowed; panicking is not.
    let Ok(doc) = Document::parse("prop", text.as_bytes().to_vec()) else {
        return Ok(());
    };
    let first = analyze(&doc, options);
    if let Err(broken) = invariants::check(&doc.text, doc.body_start, &first) {
        return Err(TestCaseError::fail(format!("{broken}\ninput: {text:?}")));
    }
    let second = analyze(&doc, options);
    prop_assert_eq!(&first, &second, "analysis is not deterministic");
    let json = serde_json::to_string(&first).unwrap();
    // the JSON carries every span's text; read back, the spans index the same input again
    let mut back: bilateral::model::Analysis = serde_json::from_str(&json).unwrap();
    back.source = first.source.clone();
    prop_assert_eq!(
        &first,
        &back,
        "JSON does not read back to the same analysis"
    );
    prop_assert_eq!(
        serde_json::to_string(&back).unwrap(),
        json,
        "JSON read back does not write the same JSON"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn analysis_holds_its_invariants_on_news_like_noise(text in article(), options in options()) {
        check_article(&text, &options)?;
    }

    #[test]
    fn analysis_holds_its_invariants_on_any_unicode(text in any::<String>(), options in options()) {
        check_article(&text, &options)?;
    }

    /// Segmentation alone (as `bilateral sentences` uses it, from offset 0) is lossless too.
    #[test]
    fn segmentation_is_lossless_from_any_start(text in article(), cut in 0usize..64) {
        let mut start = cut.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let seg = segment::segment(&text, start);
        let mut covered = start;
        for span in &seg.sentences {
            prop_assert!(span.start >= covered && span.start < span.end);
            prop_assert!(text.get(span.start..span.end).is_some(), "not on char boundaries");
            prop_assert!(text[covered..span.start].trim().is_empty(), "lost {:?}", &text[covered..span.start]);
            prop_assert!(span.paragraph < seg.paragraphs.len());
            covered = span.end;
        }
        prop_assert!(text[covered..].trim().is_empty(), "lost the tail {:?}", &text[covered..]);
    }
}

/// Cases that broke naive rules once, kept as plain tests.
#[test]
fn regressions() {
    for text in [
        "\u{301}",
        "a\u{85}b. c",
        "\"Unbalanced quote. Freedonia said. \u{201c}Still open. Sylvania said.",
        "+++\n+++\n\u{202e}.",
        "\u{feff}\u{feff}x",
        "Mr. . . . ! ? …",
    ] {
        check_article(text, &Options::default()).unwrap();
    }
}

/// The benchmark corpus is analysed losslessly too, whatever its seed.
#[test]
fn generated_corpus_holds_the_invariants() {
    for seed in 0..4 {
        let text = corpus::generate(seed, 64 * 1024);
        assert_eq!(
            text,
            corpus::generate(seed, 64 * 1024),
            "the generator is deterministic"
        );
        check_article(&text, &Options::default()).unwrap();
    }
}

#[test]
fn corpus_generator_sizes() {
    let doc = corpus::generate(1, 1 << 20);
    assert!(doc.len() >= 1 << 20 && doc.len() < (1 << 20) + 16_384);
    assert_ne!(corpus::generate(7, 50_000), corpus::generate(8, 50_000));
    assert_eq!(corpus::parse_size("100M"), Some(100 << 20));
    assert_eq!(corpus::parse_size("1.5MB"), Some(3 << 19));
    assert_eq!(corpus::parse_size("64k"), Some(64 << 10));
    assert_eq!(corpus::parse_size("123"), Some(123));
    assert_eq!(corpus::parse_size("1MiB"), Some(1 << 20));
    assert_eq!(corpus::parse_size("x"), None);
}
