//! Lemmas learnt from the treebanks: a table of exceptions and suffix rules for the rest.
//!
//! A lemma depends on the word and its tag (`saw`/VBD → `see`, `saw`/NN → `saw`). What the
//! training data teaches is kept in two parts of the model:
//!
//! - **rules**, keyed by tag and a word ending of up to six characters: "strip *k*
//!   characters, append *s*" (`-ies`/NNS → strip 3, append `y`). The longest ending with a
//!   rule wins, so a rule learnt for `-ves` overrides a general `-s`. They were learnt over
//!   the distinct words of the training data, so they carry to words never seen;
//! - **exceptions**: every seen word and tag whose lemma the rules get wrong (`went` → `go`,
//!   `children` → `child`).
//!
//! Lemmas are lower case (the consumers compare them with word lists). [`learn`] is the
//! training program's half; [`lemma`] the run-time half.

use super::model::Records;
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Longest word ending a rule is keyed by, in characters.
const MAX_SUFFIX: usize = 6;

fn apply(lower: &str, rule: &[u8]) -> Option<String> {
    let (&strip, append) = rule.split_first()?;
    let strip = usize::from(strip);
    let count = lower.chars().count();
    if strip > count {
        return None;
    }
    let cut = lower
        .char_indices()
        .nth(count - strip)
        .map_or(lower.len(), |(i, _)| i);
    let mut out = String::with_capacity(cut + append.len());
    out.push_str(&lower[..cut]);
    out.push_str(std::str::from_utf8(append).ok()?);
    Some(out)
}

fn key(tag: u8, text: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(text.len() + 1);
    k.push(tag);
    k.extend_from_slice(text.as_bytes());
    k
}

/// The lemma by the longest word ending with a rule; `rules` looks a key up.
fn by_rules<R: AsRef<[u8]>>(rules: impl Fn(&[u8]) -> Option<R>, lower: &str, tag: u8) -> String {
    // ends[k]: where the last k characters start (ends[0] is the empty ending)
    let mut ends = [lower.len(); MAX_SUFFIX + 1];
    let mut count = 0;
    for (i, _) in lower.char_indices().rev().take(MAX_SUFFIX) {
        count += 1;
        ends[count] = i;
    }
    let mut key = Vec::with_capacity(lower.len() + 1);
    for &start in ends[..=count].iter().rev() {
        key.clear();
        key.push(tag);
        key.extend_from_slice(&lower.as_bytes()[start..]);
        if let Some(rule) = rules(&key)
            && let Some(l) = apply(lower, rule.as_ref())
            && !l.is_empty()
        {
            return l;
        }
    }
    lower.to_string()
}

/// The lemma of a lower-case word with joint tag `tag`.
pub fn lemma(lemmas: &Records<'_>, rules: &Records<'_>, lower: &str, tag: u8) -> String {
    if let Some(l) = lemmas.get(&key(tag, lower))
        && let Ok(l) = std::str::from_utf8(l)
    {
        return l.to_string();
    }
    by_rules(|k| rules.get(k), lower, tag)
}

/// Most words the cache of [`lemma_cached`] keeps; when full it starts again empty.
const CACHE_WORDS: usize = 1 << 16;

/// The lemmas one thread has found, by tag and word, for one model's tables.
#[derive(Default)]
struct Cache {
    /// The model's exception table the entries come from (its address).
    tables: usize,
    /// Tag byte, then the word.
    known: FxHashMap<Box<[u8]>, Box<str>>,
    key: Vec<u8>,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// [`lemma`], remembered per thread: news repeats its words, and a word's look-up in the
/// model's tables costs up to eight binary searches. It changes no lemma.
pub fn lemma_cached(lemmas: &Records<'_>, rules: &Records<'_>, lower: &str, tag: u8) -> Box<str> {
    CACHE.with_borrow_mut(|cache| {
        let tables = lemmas.address();
        if cache.tables != tables {
            cache.known.clear();
            cache.tables = tables;
        }
        cache.key.clear();
        cache.key.push(tag);
        cache.key.extend_from_slice(lower.as_bytes());
        if let Some(l) = cache.known.get(cache.key.as_slice()) {
            return l.clone();
        }
        let l: Box<str> = lemma(lemmas, rules, lower, tag).into_boxed_str();
        if cache.known.len() >= CACHE_WORDS {
            cache.known.clear();
        }
        cache
            .known
            .insert(cache.key.clone().into_boxed_slice(), l.clone());
        l
    })
}

/// The "strip, append" rule that turns `lower` into `lemma`.
fn rule_of(lower: &str, lemma: &str) -> Vec<u8> {
    let common = lower
        .chars()
        .zip(lemma.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let strip = lower.chars().count() - common;
    let append: String = lemma.chars().skip(common).collect();
    let mut rule = vec![u8::try_from(strip).unwrap_or(u8::MAX)];
    rule.extend_from_slice(append.as_bytes());
    rule
}

/// Learns rules and exceptions from `(lower-case form, tag, lower-case lemma)` observations;
/// returns `(exceptions, rules)` as model records.
#[allow(clippy::type_complexity)]
pub fn learn(items: &[(String, u8, String)]) -> (Vec<(Vec<u8>, Vec<u8>)>, Vec<(Vec<u8>, Vec<u8>)>) {
    // the majority lemma of each (form, tag)
    let mut seen: BTreeMap<(u8, &str), BTreeMap<&str, usize>> = BTreeMap::new();
    for (form, tag, lemma) in items {
        *seen
            .entry((*tag, form.as_str()))
            .or_default()
            .entry(lemma.as_str())
            .or_default() += 1;
    }
    let majority: Vec<(u8, &str, &str)> = seen
        .iter()
        .map(|(&(tag, form), lemmas)| {
            let best = lemmas
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map_or(form, |(l, _)| *l);
            (tag, form, best)
        })
        .collect();
    // rule counts per (tag, ending), over distinct words
    let mut counts: BTreeMap<Vec<u8>, BTreeMap<Vec<u8>, usize>> = BTreeMap::new();
    for &(tag, form, lemma) in &majority {
        let rule = rule_of(form, lemma);
        let starts: Vec<usize> = form.char_indices().map(|(i, _)| i).collect();
        let n = starts.len();
        for k in 0..=n.min(MAX_SUFFIX) {
            let suffix = if k == 0 { "" } else { &form[starts[n - k]..] };
            *counts
                .entry(key(tag, suffix))
                .or_default()
                .entry(rule.clone())
                .or_default() += 1;
        }
    }
    let best: BTreeMap<Vec<u8>, (Vec<u8>, usize)> = counts
        .into_iter()
        .map(|(k, rules)| {
            let (rule, count) = rules
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
                .unwrap_or_default();
            (k, (rule, count))
        })
        .collect();
    // keep a rule when it is seen twice and says something its shorter ending does not
    let mut rules = Vec::new();
    for (k, (rule, count)) in &best {
        let is_tag_default = k.len() == 1;
        let parent_rule = if is_tag_default {
            None
        } else {
            let text = std::str::from_utf8(&k[1..]).unwrap_or("");
            let mut chars = text.chars();
            chars.next();
            best.get(&key(k[0], chars.as_str())).map(|p| &p.0)
        };
        if is_tag_default || (*count >= 2 && parent_rule != Some(rule)) {
            rules.push((k.clone(), rule.clone()));
        }
    }
    let table: BTreeMap<Vec<u8>, Vec<u8>> = rules.iter().cloned().collect();
    let lookup = |k: &[u8]| table.get(k);
    let mut exceptions = Vec::new();
    for &(tag, form, lemma) in &majority {
        if by_rules(lookup, form, tag) != lemma {
            exceptions.push((key(tag, form), lemma.as_bytes().to_vec()));
        }
    }
    (exceptions, rules)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::Upos;
    use crate::analysis::text::model::{self, ModelParts};

    #[test]
    fn learnt_rules_carry_to_unseen_words() {
        let obs = |f: &str, t: u8, l: &str| (f.to_string(), t, l.to_string());
        let items = vec![
            obs("cities", 1, "city"),
            obs("parties", 1, "party"),
            obs("talks", 1, "talk"),
            obs("leaders", 1, "leader"),
            obs("sides", 1, "side"),
            obs("notes", 1, "note"),
            obs("rates", 1, "rate"),
            obs("sites", 1, "site"),
            obs("children", 1, "child"),
            obs("went", 2, "go"),
            obs("walked", 2, "walk"),
            obs("talked", 2, "talk"),
        ];
        let (exceptions, rules) = learn(&items);
        let bytes = model::write(&ModelParts {
            tags: vec![(Upos::Noun, "NN".into())],
            labels: vec!["root".into()],
            tagger: vec![],
            tagger2: vec![],
            parser: vec![],
            lemmas: exceptions,
            rules,
            clusters: vec![],
        });
        let m = model::Model::parse(&bytes).unwrap();
        let l = |w: &str, t: u8| lemma(&m.lemmas, &m.rules, w, t);
        assert_eq!(l("children", 1), "child");
        assert_eq!(l("went", 2), "go");
        assert_eq!(l("armies", 1), "army");
        assert_eq!(l("votes", 1), "vote");
        assert_eq!(l("jumped", 2), "jump");
        assert_eq!(l("", 2), "");
        assert_eq!(l("é", 9), "é");

        // the cache gives the same lemmas, keeps tags apart, and starts again for other tables
        let c = |w: &str, t: u8| lemma_cached(&m.lemmas, &m.rules, w, t).to_string();
        for _ in 0..2 {
            assert_eq!(c("went", 2), "go");
            assert_eq!(c("went", 1), l("went", 1));
            assert_eq!(c("armies", 1), "army");
        }
        let other = model::write(&ModelParts {
            tags: vec![(Upos::Noun, "NN".into())],
            labels: vec!["root".into()],
            tagger: vec![],
            tagger2: vec![],
            parser: vec![],
            lemmas: vec![(vec![2, b'w', b'e', b'n', b't'], b"wend".to_vec())],
            rules: vec![(vec![2], vec![0])],
            clusters: vec![],
        });
        let o = model::Model::parse(&other).unwrap();
        assert_eq!(&*lemma_cached(&o.lemmas, &o.rules, "went", 2), "wend");
    }
}
