//! Steps 1 and 2 of the module doc for each sentence: its mentions (gazetteer hits and
//! document forms, longest first, then titles and pronouns: [`super::mentions`]), its
//! quotation state, its subject–verb frames ([`super::frames`]) and "according to X".
//!
//! A bare title with no name ("the Prime Minister") is an office entity of its own here;
//! step 6 ([`super::offices`]) may make it the one person with that title.

use super::given::DocForm;
use super::mentions::{self, EHit, HitForm};
use super::scan::Raw;
use super::tokens::{Kind, Token};
use super::{According, EntityKind, Facts, Ment, Registry, frames, mention_starts, token_range};
use crate::analysis::clauses::Reading;
use crate::analysis::gazetteer::{EntryKind, Form, GAZETTEER, whole_word};
use crate::analysis::segment::Span;
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap as HashMap;

/// Every sentence's facts, and the office entity of each bare title (by its lower-case
/// text).
pub fn facts(
    text: &str,
    sentences: &[Span],
    raws: Vec<Raw>,
    readings: &[Reading],
    reg: &mut Registry,
    forms: &[DocForm],
    automaton: Option<&AhoCorasick>,
) -> (Vec<Facts>, HashMap<String, usize>) {
    let mut facts = Vec::with_capacity(sentences.len());
    let mut open_quote = false;
    let mut last_paragraph = usize::MAX;
    let mut offices: HashMap<String, usize> = HashMap::default();
    // buffers reused from sentence to sentence
    let mut hits: Vec<EHit> = Vec::new();
    let mut kept: Vec<EHit> = Vec::new();
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut scratch = mentions::Scratch::default();
    let empty = Reading::default();
    for (si, (s, raw)) in sentences.iter().zip(raws).enumerate() {
        let reading = readings.get(si).unwrap_or(&empty);
        if s.paragraph != last_paragraph {
            open_quote = false;
            last_paragraph = s.paragraph;
        }
        let toks = raw.tokens;
        entity_hits(text, s, &toks, &raw.gaz, reg, forms, automaton, &mut hits);
        kept.clear();
        for &h in &hits {
            if kept.last().is_none_or(|k| k.last <= h.first) {
                kept.push(h);
            }
        }
        let mut office = |title: &str| -> usize {
            *offices.entry(title.to_string()).or_insert_with(|| {
                reg.new_entity(format!("the {}", title_case(title)), EntityKind::Office)
            })
        };
        titles.clear();
        titles.extend(
            raw.titles
                .iter()
                .copied()
                .filter(|t| kept.iter().all(|h| h.last <= t.0 || h.first >= t.1)),
        );
        let ments = mentions::build(text, &toks, &kept, &titles, &mut office, &mut scratch);
        let open_at_start = open_quote;
        let inside = quote_flags(text, &toks, &mut open_quote);
        let frames = frames::find(&toks, &ments, &inside, &reading.frames);
        let according = according(text, &toks, &ments).map(Box::new);
        let mention_at = mention_starts(&ments, toks.len());
        facts.push(Facts {
            tokens: toks.into_boxed_slice(),
            mentions: ments.into_boxed_slice(),
            frames: frames.into_boxed_slice(),
            inside: inside.into_boxed_slice(),
            according,
            mention_at: mention_at.into_boxed_slice(),
            open_at_start,
            open_at_end: open_quote,
        });
    }
    (facts, offices)
}

/// A sentence's entity hits into `hits`: the gazetteer's and the document automaton's, in
/// order of position, the longest first at one position.
#[allow(clippy::too_many_arguments)]
fn entity_hits(
    text: &str,
    s: &Span,
    toks: &[Token],
    gaz: &[crate::analysis::gazetteer::Hit],
    reg: &mut Registry,
    forms: &[DocForm],
    automaton: Option<&AhoCorasick>,
    hits: &mut Vec<EHit>,
) {
    hits.clear();
    for h in gaz {
        if let Some((first, last)) = token_range(toks, h.start, h.end) {
            let g = &GAZETTEER.entries[h.entry];
            let form = match (g.kind, h.form) {
                (EntryKind::Media | EntryKind::Place, _) => HitForm::Inert,
                (_, Form::Demonym) => HitForm::Demonym,
                _ => HitForm::Name,
            };
            hits.push(EHit {
                first,
                last,
                entity: reg.entry(h.entry),
                form,
            });
        }
    }
    if let Some(ac) = automaton {
        let hay = &text[s.start..s.end];
        for m in ac.find_iter(hay) {
            if !whole_word(hay, m.start(), m.end()) {
                continue;
            }
            let (_, e, form) = &forms[m.pattern().as_usize()];
            if let Some((first, last)) = token_range(toks, s.start + m.start(), s.start + m.end()) {
                hits.push(EHit {
                    first,
                    last,
                    entity: *e,
                    form: *form,
                });
            }
        }
    }
    hits.sort_by_key(|h| (h.first, usize::MAX - h.last));
}

/// Per token: inside a quotation. `open` carries the state from sentence to sentence.
fn quote_flags(src: &str, toks: &[Token], open: &mut bool) -> Vec<bool> {
    let mut inside = Vec::with_capacity(toks.len());
    for t in toks {
        if t.kind() == Kind::Quote {
            let q = t.text(src);
            match q {
                "“" | "«" | "„" => *open = true,
                "”" | "»" => *open = false,
                _ => *open = !*open,
            }
            inside.push(true);
        } else {
            inside.push(*open);
        }
    }
    inside
}

fn title_case(title: &str) -> String {
    title
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "according to X": the cue tokens and the mention after "to" (skipping determiners).
fn according(src: &str, toks: &[Token], ments: &[Ment]) -> Option<According> {
    let k = toks
        .iter()
        .position(|t| t.text(src).eq_ignore_ascii_case("according"))?;
    if !toks.get(k + 1)?.text(src).eq_ignore_ascii_case("to") {
        return None;
    }
    let s = frames::skip_determiners(toks, k + 2);
    let mention = ments.iter().position(|m| m.first == s && m.agentive);
    Some(According {
        cue: (k, k + 2),
        mention,
    })
}
