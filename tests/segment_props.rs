//! Property tests of the segmenter: the lossless invariants hold on arbitrary strings.

use bilateral::analysis::segment::segment;
use proptest::prelude::*;

/// Text that looks a little like news: words, punctuation, quotes, newlines, odd characters.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr.".to_string()),
        Just("U.S.".to_string()),
        Just("a.m.".to_string()),
        Just("1.".to_string()),
        Just("2)".to_string()),
        Just("•".to_string()),
        Just(". . .".to_string()),
        Just("...".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("。".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{2028}".to_string()),
        Just("\u{0}".to_string()),
        prop::sample::select(vec![
            "the", "The", "talks", "Sylvania", "I", "a", "B", "co", "It"
        ])
        .prop_map(str::to_string),
        any::<u16>().prop_map(|n| n.to_string()),
        prop::sample::select(vec![" ", ". ", "! ", "? ", ", ", "; ", ":", "\t", "  "])
            .prop_map(str::to_string),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

fn check_invariants(text: &str, body_start: usize) -> Result<(), TestCaseError> {
    let seg = segment(text, body_start);
    let mut last = body_start;
    for s in &seg.sentences {
        prop_assert!(s.start < s.end, "empty span {s:?}");
        prop_assert!(s.start >= last, "overlap or disorder at {s:?}");
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let unit = &text[s.start..s.end];
        prop_assert_eq!(unit.trim(), unit, "untrimmed {:?}", unit);
        prop_assert!(
            text[last..s.start].chars().all(char::is_whitespace),
            "non-whitespace lost before {s:?}"
        );
        let p = seg.paragraphs[s.paragraph];
        prop_assert!(p.start <= s.start && s.end <= p.end, "{s:?} outside {p:?}");
        last = s.end;
    }
    prop_assert!(text[last..].chars().all(char::is_whitespace));
    for (i, p) in seg.paragraphs.iter().enumerate() {
        prop_assert_eq!(p.index, i);
        prop_assert!(p.start < p.end);
        prop_assert!(i == 0 || seg.paragraphs[i - 1].end <= p.start);
    }
    let again = segment(text, body_start);
    prop_assert_eq!(&seg.sentences, &again.sentences);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn invariants_on_arbitrary_strings(text in any::<String>()) {
        check_invariants(&text, 0)?;
    }

    #[test]
    fn invariants_on_newsish_text(text in newsish()) {
        check_invariants(&text, 0)?;
    }

    #[test]
    fn invariants_with_a_body_offset(head in prop::sample::select(vec!["", "+++\n", "a = 1\n+++\n"]), text in newsish()) {
        let whole = format!("{head}{text}");
        check_invariants(&whole, head.len())?;
    }
}
