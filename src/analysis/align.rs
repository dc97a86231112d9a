//! Alignment: for each claim of one side, the claim of the other side that answers it.
//!
//! Rules (a simple, explainable measure, computed once for the whole article):
//! - only side A and side B sentences have counterparts, and a counterpart is always a claim
//!   of the *other* side tied to the *same event* (claims with no event pair among themselves);
//! - the topic is the set of content words: lower-cased tokens of the text layer's tokenizer
//!   ([`crate::analysis::text::tokenize`], the one every stage reads: a possessive `'s` or a
//!   hyphen is a token of its own) of three characters or more with a letter, with a plural
//!   `s` dropped (not after s, i, u: "crisis", "status"), minus the words of
//!   `assets/align_stopwords.txt` and minus the words of the parties' names, aliases and
//!   people (every claim names its side, so those say nothing about the topic — a naive
//!   overlap would pair every claim with every other);
//! - the score of a pair is the sum over shared words of `ln(1 + n / df)` (rare words weigh
//!   more); a pair needs at least [`MIN_SHARED`] shared words; the best score wins, ties go to
//!   the claim nearest in the text, then to the earlier one (never to hash order).
//!
//! Linear in the input: each content word is lower-cased into one reused buffer and numbered
//! once per article, so claims hold word numbers; one inverted index per event and side; a
//! word found in more than [`MAX_POSTING`] claims of a bucket is too common to be a topic and
//! is skipped, so no claim is ever compared with a whole side. Never a counterpart on the
//! claim's own side.

use crate::model::{Party, PartyId, Sentence, Side};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

/// Shared content words needed for two claims to answer each other.
pub const MIN_SHARED: usize = 2;
/// Words in more claims than this (in one event bucket) are ignored.
pub const MAX_POSTING: usize = 64;

static STOPWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::assets::entries(include_str!("../../assets/align_stopwords.txt"))
        .flat_map(str::split_whitespace)
        .collect()
});

/// Lower-cased stem of a word: a final plural `s` dropped (civilians → civilian).
fn stem(word: &str) -> String {
    let mut w = word.to_lowercase();
    stem_in_place(&mut w);
    w
}

/// [`stem`] of a word already lower-cased, in place.
fn stem_in_place(w: &mut String) {
    if w.contains('’') {
        *w = w.replace('’', "'");
    }
    if w.ends_with("'s") {
        w.truncate(w.len() - 2);
    }
    if let Some(base) = w.strip_suffix('s')
        && base.chars().count() >= 4
        && !base.ends_with(['s', 'i', 'u'])
    {
        w.truncate(w.len() - 1);
    }
}

/// Every content word of the article gets a number, so claims hold numbers, not strings.
#[derive(Default)]
struct Words {
    ids: HashMap<Box<str>, u32>,
    texts: Vec<Box<str>>,
}

impl Words {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.texts.len() as u32;
        self.texts.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }
}

/// The content words of `text`, deduplicated and in the order of their text (the order the
/// scores are summed in). `word` is a reused buffer.
fn content_words(
    text: &str,
    names: &HashSet<String>,
    words: &mut Words,
    word: &mut String,
) -> Vec<u32> {
    let mut out = Vec::new();
    for (a, b) in crate::analysis::text::tokenize(text) {
        let w = &text[a as usize..b as usize];
        if w.chars().count() < 3 || !w.chars().any(char::is_alphabetic) {
            continue;
        }
        word.clear();
        if w.is_ascii() {
            word.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            // Not char by char: final sigma lower-cases by its place in the word.
            word.push_str(&w.to_lowercase());
        }
        if STOPWORDS.contains(word.as_str()) {
            continue;
        }
        stem_in_place(word);
        if STOPWORDS.contains(word.as_str()) || names.contains(word.as_str()) {
            continue;
        }
        out.push(words.id(word));
    }
    out.sort_unstable_by(|&a, &b| words.texts[a as usize].cmp(&words.texts[b as usize]));
    out.dedup();
    out
}

/// A claim in an event bucket: sentence index, side, content words.
type Claim = (usize, PartyId, Vec<u32>);

/// Counterparts of every sentence (by index), `None` for most.
/// `text` is the input the sentences' spans index.
pub fn counterparts(text: &str, sentences: &[Sentence], parties: &[Party]) -> Vec<Option<usize>> {
    let mut names = HashSet::default();
    for p in parties {
        let people = p.people.iter().map(|x| x.name.as_str());
        for name in std::iter::once(p.name.as_str())
            .chain(p.aliases.iter().map(String::as_str))
            .chain(people)
        {
            for (a, b) in crate::analysis::text::tokenize(name) {
                names.insert(stem(&name[a as usize..b as usize]));
            }
        }
    }
    let mut out = vec![None; sentences.len()];
    // Buckets: event → claims (sentence index, side, words).
    let mut buckets: HashMap<Option<usize>, Vec<Claim>> = HashMap::default();
    let mut words = Words::default();
    let mut word = String::new();
    for s in sentences {
        let Some(party) = s.side.party() else {
            continue;
        };
        let content = content_words(s.text(text), &names, &mut words, &mut word);
        buckets
            .entry(s.event)
            .or_default()
            .push((s.index, party, content));
    }
    // Per claim of a bucket: shared words and score against the claim being matched, and
    // which slots were touched (reset after each claim).
    let mut scores: Vec<(usize, f64)> = Vec::new();
    let mut touched: Vec<usize> = Vec::new();
    for claims in buckets.values() {
        let mut df: HashMap<u32, usize> = HashMap::default();
        let mut postings: HashMap<(PartyId, u32), Vec<usize>> = HashMap::default();
        for (slot, (_, party, words)) in claims.iter().enumerate() {
            for &w in words {
                *df.entry(w).or_default() += 1;
                postings.entry((*party, w)).or_default().push(slot);
            }
        }
        scores.clear();
        scores.resize(claims.len(), (0, 0.0));
        let n = claims.len() as f64;
        for (index, party, words) in claims {
            for &w in words {
                let Some(list) = postings.get(&(party.other(), w)) else {
                    continue;
                };
                if list.len() > MAX_POSTING {
                    continue;
                }
                let weight = (1.0 + n / df[&w] as f64).ln();
                for &slot in list {
                    let e = &mut scores[slot];
                    if e.0 == 0 {
                        touched.push(slot);
                    }
                    e.0 += 1;
                    e.1 += weight;
                }
            }
            // The order of `touched` does not matter: the comparison below is a total order
            // (score, then distance, then index; no two slots share an index).
            let best = touched
                .iter()
                .map(|&slot| (slot, scores[slot]))
                .filter(|(_, (shared, _))| *shared >= MIN_SHARED)
                .max_by(|(a, (_, sa)), (b, (_, sb))| {
                    sa.total_cmp(sb).then_with(|| {
                        // Nearer in the text wins a tie: compare distances reversed.
                        claims[*b]
                            .0
                            .abs_diff(*index)
                            .cmp(&claims[*a].0.abs_diff(*index))
                            // Then the earlier claim: compare indexes reversed.
                            .then_with(|| claims[*b].0.cmp(&claims[*a].0))
                    })
                });
            if let Some((slot, _)) = best {
                out[*index] = Some(claims[slot].0);
            }
            for slot in touched.drain(..) {
                scores[slot] = (0, 0.0);
            }
        }
    }
    // Only cross-side pairs can come out of the index; keep that true if it ever changes.
    debug_assert!(out.iter().enumerate().all(|(i, c)| c.is_none_or(|c| {
        sentences[c].side != sentences[i].side && sentences[c].side != Side::Neither
    })));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Person, Role};

    /// A sentence of a test article: (index, side, event, text).
    type Row<'a> = (usize, Side, Option<usize>, &'a str);

    fn sentence(index: usize, side: Side, event: Option<usize>, text: &str) -> Row<'_> {
        (index, side, event, text)
    }

    /// [`counterparts`] of the rows joined into one text, a space apart.
    fn counterparts_of(rows: &[Row], parties: &[Party]) -> Vec<Option<usize>> {
        let mut source = String::new();
        let mut sentences = Vec::new();
        for &(index, side, event, text) in rows {
            if !source.is_empty() {
                source.push(' ');
            }
            let start = source.len();
            source.push_str(text);
            sentences.push(Sentence {
                index,
                start,
                end: source.len(),
                paragraph: index,
                role: Role::Body,
                side,
                evidence: Evidence::default(),
                dates: Vec::new(),
                event,
                counterpart: None,
            });
        }
        counterparts(&source, &sentences, parties)
    }

    fn parties() -> Vec<Party> {
        let party = |id, name: &str, alias: &str, person: &str| Party {
            id,
            name: name.into(),
            aliases: vec![alias.into()],
            people: vec![Person {
                name: person.into(),
                title: None,
            }],
            origin: "test".into(),
        };
        vec![
            party(PartyId::A, "Freedonia", "Freedonian", "Rufus Firefly"),
            party(PartyId::B, "Sylvania", "Sylvanian", "Ambassador Trentino"),
        ]
    }

    #[test]
    fn the_answer_shares_the_topic_not_the_names() {
        let s = vec![
            sentence(
                0,
                Side::A,
                Some(0),
                "Firefly told Trentino that Freedonia wants the border villages evacuated.",
            ),
            sentence(
                1,
                Side::A,
                Some(0),
                "Firefly said Freedonia demands a ceasefire to protect civilians in the border villages.",
            ),
            sentence(
                2,
                Side::B,
                Some(0),
                "Trentino said Sylvania would consider a ceasefire only if civilians were safe from raids.",
            ),
            sentence(
                3,
                Side::B,
                Some(0),
                "Sylvania told Freedonia that trade talks would resume in spring.",
            ),
            sentence(
                4,
                Side::Neither,
                Some(0),
                "Civilians fled the ceasefire line.",
            ),
        ];
        let c = counterparts_of(&s, &parties());
        // 1 ↔ 2 share "ceasefire" and "civilian"; names (Firefly, Sylvania…) count for nothing,
        // so 3 (which only shares names and "told") answers nobody.
        assert_eq!(c[1], Some(2));
        assert_eq!(c[2], Some(1));
        assert_eq!(c[3], None);
        assert_eq!(c[4], None, "narration has no counterpart");
    }

    #[test]
    fn events_must_match() {
        let s = vec![
            sentence(
                0,
                Side::A,
                Some(0),
                "Freedonia demands a ceasefire to protect civilians.",
            ),
            sentence(
                1,
                Side::B,
                Some(1),
                "Sylvania rejects a ceasefire that leaves civilians exposed.",
            ),
        ];
        assert_eq!(counterparts_of(&s, &parties()), vec![None, None]);
    }

    #[test]
    fn never_the_same_side_or_a_joint_claim() {
        let s = vec![
            sentence(
                0,
                Side::A,
                None,
                "Freedonia demands a ceasefire to protect civilians.",
            ),
            sentence(
                1,
                Side::A,
                None,
                "Freedonia repeats its ceasefire demand for civilians.",
            ),
            sentence(
                2,
                Side::Both,
                None,
                "Both back a ceasefire protecting civilians.",
            ),
        ];
        assert_eq!(counterparts_of(&s, &parties()), vec![None, None, None]);
    }

    #[test]
    fn very_common_words_are_skipped_and_big_inputs_stay_fast() {
        // 20 000 claims all sharing two words: those words exceed MAX_POSTING and are
        // ignored; a quadratic pairing would take minutes here.
        let texts: Vec<String> = (0..20_000)
            .map(|i| format!("ceasefire civilians topic{i} extra{}", i / 2))
            .collect();
        let s: Vec<Row> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let side = if i % 2 == 0 { Side::A } else { Side::B };
                sentence(i, side, Some(0), text)
            })
            .collect();
        let c = counterparts_of(&s, &parties());
        // Pairs (2k, 2k+1) still share extra{k} but only one word: below MIN_SHARED.
        assert!(c.iter().all(Option::is_none));
    }

    #[test]
    fn a_full_tie_goes_to_the_earlier_claim() {
        // Sentences 0 and 2 answer 1 equally well and are equally near: the earlier wins,
        // every time (hash order once decided this, so runs could differ).
        let s = vec![
            sentence(
                0,
                Side::B,
                Some(0),
                "Sylvania rejects the ceasefire for civilians.",
            ),
            sentence(
                1,
                Side::A,
                Some(0),
                "Freedonia wants a ceasefire for civilians.",
            ),
            sentence(
                2,
                Side::B,
                Some(0),
                "Sylvania rejects the ceasefire for civilians.",
            ),
        ];
        for _ in 0..20 {
            assert_eq!(counterparts_of(&s, &parties())[1], Some(0));
        }
    }

    #[test]
    fn stems() {
        assert_eq!(stem("Civilians"), "civilian");
        assert_eq!(stem("Freedonia’s"), "freedonia");
        assert_eq!(stem("crisis"), "crisis");
        assert_eq!(stem("gas"), "gas");
    }
}
