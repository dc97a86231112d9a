//! Segmentation of whole articles: the seed, and articles written for these tests.

use bilateral::analysis::segment::segment;
use bilateral::input::Document;

#[test]
fn seed_has_nineteen_units_that_are_exact_slices() {
    let doc = Document::seed();
    let text: &str = &doc.text;
    let seg = segment(text, doc.body_start);
    let units: Vec<&str> = seg
        .sentences
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(units.len(), 19, "{units:#?}");
    assert_eq!(seg.paragraphs.len(), 17);
    // Two lines hold two sentences each; every other line is one unit.
    let mut per_paragraph = vec![0; seg.paragraphs.len()];
    for s in &seg.sentences {
        per_paragraph[s.paragraph] += 1;
    }
    assert_eq!(per_paragraph.iter().filter(|&&n| n == 2).count(), 2);
    assert!(per_paragraph.iter().all(|&n| n == 1 || n == 2));
    // Lossless: the units and the whitespace between them rebuild the body.
    let mut last = doc.body_start;
    for s in &seg.sentences {
        assert!(text[last..s.start].trim().is_empty());
        last = s.end;
    }
    assert!(text[last..].trim().is_empty());
    // The title and the source line have no final punctuation and are still units.
    assert_eq!(units[0], text[doc.body_start..].lines().next().unwrap());
    assert!(units.iter().any(|u| u.starts_with("Source:")));
}

/// An invented readout with most of the traps news text holds.
const READOUT: &str = "\
Freedonia and Sylvania agree to resume border talks
Foreign ministers speak by phone for an hour
VARN, Oct. 3 (Wire) - Freedonian Foreign Minister Ana M. Ruiz spoke on Tuesday with her Sylvanian counterpart, Mr. Olek Brandt, the ministry said.
“We are ready. We agreed on two points,” Ms. Ruiz told reporters at 4 p.m. Officials in the U.S. and the E.U. welcomed the call.
Mr. Brandt’s office said the talks were “useful.” It added that Sylvania’s position had not changed (see No. 4 of the 2021 accord).
The ministers’ aides will meet again on Dec. 10 in St. Ives. (Photo: K. Lind/Wire)
Source: Wire

Jon Park is a diplomatic correspondent for the Wire.
";

#[test]
fn invented_readout() {
    let seg = segment(READOUT, 0);
    let units: Vec<&str> = seg
        .sentences
        .iter()
        .map(|s| &READOUT[s.start..s.end])
        .collect();
    assert_eq!(
        units,
        [
            "Freedonia and Sylvania agree to resume border talks",
            "Foreign ministers speak by phone for an hour",
            "VARN, Oct. 3 (Wire) - Freedonian Foreign Minister Ana M. Ruiz spoke on Tuesday with her Sylvanian counterpart, Mr. Olek Brandt, the ministry said.",
            "“We are ready.",
            "We agreed on two points,” Ms. Ruiz told reporters at 4 p.m.",
            "Officials in the U.S. and the E.U. welcomed the call.",
            "Mr. Brandt’s office said the talks were “useful.”",
            "It added that Sylvania’s position had not changed (see No. 4 of the 2021 accord).",
            "The ministers’ aides will meet again on Dec. 10 in St. Ives. (Photo: K. Lind/Wire)",
            "Source: Wire",
            "Jon Park is a diplomatic correspondent for the Wire.",
        ]
    );
    assert_eq!(seg.paragraphs.len(), 8);
}

#[test]
fn crlf_and_bom_free_offsets_stay_exact() {
    let text = "Title line\r\nFirst one. Second one.\r\n\r\nLast.\r\n";
    let seg = segment(text, 0);
    let units: Vec<&str> = seg
        .sentences
        .iter()
        .map(|s| &text[s.start..s.end])
        .collect();
    assert_eq!(units, ["Title line", "First one.", "Second one.", "Last."]);
}
