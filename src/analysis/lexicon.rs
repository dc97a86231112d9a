//! The word lists of `assets/` (`lexicon.txt`, `titles.txt`, `hedges.txt`), parsed once.
//!
//! Knowledge lives in the asset files; this module only parses them into lookup tables:
//! one map from lower-case word to its classes (preposition, determiner, agent noun…) and
//! verb class (regular forms generated from the lemma), with the marks of [`mark`] (the
//! mark words of titles, hedges and gazetteer forms), looked up once per token by
//! `parties::tokens`; and two Aho–Corasick automata (titles, hedges) matched
//! ASCII-case-insensitively. A short ASCII word is looked up by one integer key, lower-cased
//! without a copy. It must never hold a name of a country, person or organisation itself (the
//! gazetteer's mark words come from [`super::gazetteer`], not from this module's files).
//!
//! It lies below every stage (with [`super::gazetteer`] and the word helpers
//! [`with_lowercase`] and [`is_dotted_initialism`]): `text`, `segment`, `structure`, `clauses`,
//! `parties` and `attribute` all read it, and it imports no stage.

use super::gazetteer::GAZETTEER;
use crate::assets;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// What a verb says about its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbClass {
    /// Speech, positions, communication acts ("said", "warned", "agreed").
    Report,
    /// Acts of a side ("voted", "sued", "erected").
    Act,
    /// The interaction itself happened ("spoke", "met", "held").
    Logistic,
    /// "is", "remains": a state, not content.
    Copula,
}

/// Word classes, as bit flags.
pub mod class {
    pub const ADVERB: u32 = 1;
    pub const PREP: u32 = 1 << 1;
    pub const DET: u32 = 1 << 2;
    pub const SUBORD: u32 = 1 << 3;
    pub const COORD: u32 = 1 << 4;
    pub const PRON_PERSON: u32 = 1 << 5;
    pub const PRON_GROUP: u32 = 1 << 6;
    pub const PRON_THING: u32 = 1 << 7;
    pub const PRON_FIRST: u32 = 1 << 8;
    pub const AGENT: u32 = 1 << 9;
    pub const JOINT: u32 = 1 << 10;
    pub const JOINT_DET: u32 = 1 << 11;
    pub const EVENT: u32 = 1 << 12;
    pub const HONORIFIC: u32 = 1 << 13;
    pub const PARTICLE: u32 = 1 << 14;
    pub const GENERIC_ORG: u32 = 1 << 15;
    pub const AUX: u32 = 1 << 16;
    pub const NEG: u32 = 1 << 17;
    pub const VERB: u32 = 1 << 18;
    pub const CALENDAR: u32 = 1 << 19;
    pub const DISCUSSION: u32 = 1 << 20;
    pub const WORKER: u32 = 1 << 21;
    pub const STRIKE: u32 = 1 << 22;
    pub const UNION_HEAD: u32 = 1 << 23;
    pub const PRONOUN: u32 = PRON_PERSON | PRON_GROUP | PRON_THING | PRON_FIRST;
}

/// How many bits the word classes take: a token packs them with more (`tokens::Token`).
pub const CLASS_BITS: u32 = 24;
/// The bits of the word classes.
pub const CLASS_MASK: u32 = (1 << CLASS_BITS) - 1;

/// Marks beyond the classes (not classes: [`Lexicon::flags`] and [`Lexicon::known`] ignore
/// them): the word is the mark word of a title (of a gazetteer form, of a hedge). Every title and
/// gazetteer form and hedge has one mark word — its longest word — and a whole-word match of the form
/// covers that word as a token, so a sentence with no marked token has no match to find and
/// the automaton need not run over it.
pub mod mark {
    pub const TITLE: u32 = 1 << super::CLASS_BITS;
    pub const GAZETTEER: u32 = 1 << (super::CLASS_BITS + 1);
    pub const HEDGE: u32 = 1 << (super::CLASS_BITS + 2);
    /// Every mark.
    pub const ALL: u32 = TITLE | GAZETTEER | HEDGE;
}
const _: () = assert!(
    class::UNION_HEAD < 1 << CLASS_BITS,
    "a class does not fit a token"
);

pub struct Lexicon {
    /// Lower-case word → its classes and, for a verb form, its verb class.
    words: HashMap<String, (u32, Option<VerbClass>)>,
    /// The same for the ASCII words of at most 15 bytes, keyed by [`short_key`]: the common
    /// look-up hashes one integer and compares no string.
    short: std::collections::HashMap<
        u128,
        (u32, Option<VerbClass>),
        std::hash::BuildHasherDefault<KeyHasher>,
    >,
    /// Titles ("prime minister"), leftmost-longest, ASCII case-insensitive.
    pub titles: AhoCorasick,
    /// Hedges ("reportedly"), leftmost-longest, ASCII case-insensitive.
    pub hedges: AhoCorasick,
    /// Some title has no mark word: the title automaton must run over every sentence.
    pub titles_unmarked: bool,
    /// Some gazetteer form has no mark word.
    pub gazetteer_unmarked: bool,
    /// Some hedge has no mark word.
    pub hedges_unmarked: bool,
    /// Some key could be the text of a token that is not a word (one character that is not
    /// a letter or digit, or a possessive `'s`): only then are such tokens looked up.
    pub nonword_keys: bool,
    /// The nouns of the `[time]` section (no class bit: a token has none to spare).
    times: rustc_hash::FxHashSet<String>,
}

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(
        include_str!("../../assets/lexicon.txt"),
        include_str!("../../assets/titles.txt"),
        include_str!("../../assets/hedges.txt"),
    )
});

const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
];

fn phrases(text: &str) -> Vec<String> {
    assets::entries(text).map(str::to_lowercase).collect()
}

/// A contiguous NFA, not the DFA the builder picks for small lists: the DFA costs ~5 M
/// instructions more to build (a third of start-up on a short article) and the kind never
/// changes what matches.
fn automaton(list: &[String]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(list)
        .expect("word-list automaton builds")
}

/// Regular forms of a verb lemma: -s, -ed, -ing.
pub fn inflect(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let bytes = lemma.as_bytes();
    let last = bytes.last().copied().unwrap_or(b' ');
    let before = bytes.len().checked_sub(2).map_or(b' ', |i| bytes[i]);
    let vowel = |b: u8| b"aeiou".contains(&b);
    if last == b'e' {
        let stem = &lemma[..lemma.len() - 1];
        out.extend([
            format!("{lemma}s"),
            format!("{lemma}d"),
            format!("{stem}ing"),
        ]);
    } else if last == b'y' && !vowel(before) {
        let stem = &lemma[..lemma.len() - 1];
        out.extend([
            format!("{stem}ies"),
            format!("{stem}ied"),
            format!("{lemma}ing"),
        ]);
    } else if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
    {
        out.extend([
            format!("{lemma}es"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        ]);
    } else {
        out.extend([
            format!("{lemma}s"),
            format!("{lemma}ed"),
            format!("{lemma}ing"),
        ]);
    }
    out
}

impl Lexicon {
    fn parse(lexicon: &str, titles: &str, hedges: &str) -> Lexicon {
        let mut words: HashMap<String, (u32, Option<VerbClass>)> = HashMap::default();
        let mut times = rustc_hash::FxHashSet::default();
        for (section, line) in assets::sectioned(lexicon) {
            if section == "time" {
                times.insert(line.to_lowercase());
                continue;
            }
            let verb_class = match section {
                "report" => Some(VerbClass::Report),
                "act" => Some(VerbClass::Act),
                "logistic" => Some(VerbClass::Logistic),
                "copula" => Some(VerbClass::Copula),
                _ => None,
            };
            if let Some(vc) = verb_class {
                let mut forms = Vec::new();
                let mut items = line.split_whitespace();
                if let Some(lemma) = items.next() {
                    if vc == VerbClass::Copula {
                        forms.push(lemma.to_lowercase());
                    } else {
                        forms.extend(inflect(&lemma.to_lowercase()));
                    }
                }
                forms.extend(items.map(str::to_lowercase));
                for form in forms {
                    let entry = words.entry(form).or_default();
                    entry.0 |= class::VERB;
                    entry.1.get_or_insert(vc);
                }
                continue;
            }
            let flag = match section {
                "aux" => class::AUX,
                "negation" => class::NEG,
                "adverb" => class::ADVERB,
                "preposition" => class::PREP,
                "determiner" => class::DET,
                "subordinator" => class::SUBORD,
                "coordinator" => class::COORD,
                "pronoun-person" => class::PRON_PERSON,
                "pronoun-group" => class::PRON_GROUP,
                "pronoun-thing" => class::PRON_THING,
                "pronoun-first" => class::PRON_FIRST,
                "agent" => class::AGENT,
                "joint" => class::JOINT,
                "joint-det" => class::JOINT_DET,
                "event" => class::EVENT,
                "honorific" => class::HONORIFIC,
                "particle" => class::PARTICLE,
                "generic-org" => class::GENERIC_ORG,
                "discussion" => class::DISCUSSION,
                "worker" => class::WORKER,
                "strike-word" => class::STRIKE,
                "union-head" => class::UNION_HEAD,
                _ => 0,
            };
            words.entry(line.to_lowercase()).or_default().0 |= flag;
        }
        for word in CALENDAR {
            words.entry((*word).to_string()).or_default().0 |= class::CALENDAR;
        }
        let title_list = phrases(titles);
        let mut marks = |forms: &mut dyn Iterator<Item = &str>, bit: u32| {
            let mut unmarked = false;
            for form in forms {
                match mark_keys(form) {
                    Some(keys) => {
                        for key in keys {
                            words.entry(key).or_default().0 |= bit;
                        }
                    }
                    None => unmarked = true,
                }
            }
            unmarked
        };
        let titles_unmarked = marks(&mut title_list.iter().map(String::as_str), mark::TITLE);
        let gazetteer_unmarked = marks(&mut GAZETTEER.forms(), mark::GAZETTEER);
        let hedge_list = phrases(hedges);
        let hedges_unmarked = marks(&mut hedge_list.iter().map(String::as_str), mark::HEDGE);
        let nonword_keys = words.keys().any(|w| {
            let mut chars = w.chars();
            let one = chars.next().is_some_and(|c| !c.is_alphanumeric()) && chars.next().is_none();
            one || w.ends_with(['\'', '’']) || w.ends_with("'s") || w.ends_with("’s")
        });
        let short = words
            .iter()
            .filter_map(|(w, v)| Some((short_key(w.as_bytes())?, *v)))
            .collect();
        Lexicon {
            words,
            short,
            titles: automaton(&title_list),
            hedges: automaton(&hedge_list),
            titles_unmarked,
            gazetteer_unmarked,
            hedges_unmarked,
            nonword_keys,
            times,
        }
    }

    /// The classes of `word` (any case).
    pub fn flags(&self, word: &str) -> u32 {
        self.classes(word).0 & CLASS_MASK
    }

    /// The classes and marks ([`mark`]) and the verb class of `word` (any case), in one
    /// look-up.
    pub fn classes(&self, word: &str) -> (u32, Option<VerbClass>) {
        let found = match short_key(word.as_bytes()) {
            Some(key) => self.short.get(&key).copied(),
            None => lookup(&self.words, word),
        };
        found.unwrap_or((0, None))
    }

    pub fn is(&self, word: &str, flags: u32) -> bool {
        self.flags(word) & flags != 0
    }

    /// A noun that heads a bare time phrase ("week", "month", "Tuesday"): the `[time]`
    /// section or a calendar name. `word` in lower case.
    pub fn time(&self, word: &str) -> bool {
        self.times.contains(word) || self.is(word, class::CALENDAR)
    }

    /// The class of a verb form (any case), if it is a known verb.
    pub fn verb(&self, word: &str) -> Option<VerbClass> {
        self.classes(word).1
    }

    /// Whether `word` is in any list at all (a common word, not a name).
    pub fn known(&self, word: &str) -> bool {
        let (flags, verb) = self.classes(word);
        flags & CLASS_MASK != 0 || verb.is_some()
    }
}

/// The keys under which the mark word of `form` is looked up ([`mark`]): its longest word
/// (a run of letters and digits, as a token is; not an `s` after an apostrophe, which is
/// part of a possessive token), lower-cased, and for a word with other than ASCII letters
/// also as written (a token with no ASCII capital is looked up as written). `None` when the
/// form has no such word.
fn mark_keys(form: &str) -> Option<Vec<String>> {
    let mut best: Option<&str> = None;
    let mut at = 0;
    for word in form.split(|c: char| !c.is_alphanumeric()) {
        let after_apostrophe = form[..at].ends_with(['\'', '’']);
        at += word.len()
            + form[at + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if word.is_empty() || after_apostrophe {
            continue;
        }
        if best.is_none_or(|b| word.len() > b.len()) {
            best = Some(word);
        }
    }
    let word = best?;
    Some(if word.is_ascii() {
        vec![word.to_ascii_lowercase()]
    } else {
        vec![word.to_string(), word.to_lowercase()]
    })
}

/// An ASCII word of at most 15 bytes, lower-cased, packed with its length (top byte) into one
/// integer (`None` for any other word). Every key being lower case, this is the key the word
/// looks up whatever its case, as in [`lookup`].
fn short_key(word: &[u8]) -> Option<u128> {
    const LANES: u128 = u128::from_ne_bytes([0x01; 16]);
    if word.len() > 15 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    let x = u128::from_le_bytes(buf);
    if x & (LANES * 0x80) != 0 {
        return None;
    }
    // per byte (all below 0x80, so no carry crosses a byte): high bit set when 'A'..='Z'
    let at_least_a = x + LANES * u128::from(0x80 - b'A');
    let past_z = x + LANES * u128::from(0x80 - b'Z' - 1);
    let upper = (at_least_a ^ past_z) & (LANES * 0x80);
    Some((x | (upper >> 2)) | ((word.len() as u128) << 120))
}

/// Hashes a [`short_key`]: one multiplication, folded so that both the low bits (the
/// bucket) and the high bits (the tag) are mixed.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
    fn write_u128(&mut self, k: u128) {
        let folded = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
        self.0 = folded.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// `word` as it is when it has no ASCII capitals, else lower-cased (every key is lower case,
/// so a word with an ASCII capital never matches as it is): a short ASCII word is
/// lower-cased on the stack, so the common lookup allocates nothing.
fn lookup<V: Copy>(map: &HashMap<String, V>, word: &str) -> Option<V> {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return map.get(word).copied();
    }
    with_lowercase(word, |w| map.get(w).copied())
}

/// Calls `f` with `word` lower-cased; a short ASCII word is lower-cased on the stack, so the
/// common case allocates nothing. The one place a word list's look-up lower-cases its key
/// (here and in `structure::cues`).
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // lower-cased ASCII is still UTF-8
        if let Ok(w) = std::str::from_utf8(lower) {
            return f(w);
        }
    }
    f(&word.to_lowercase())
}

/// "U.S", "E.U", "U.S.A", "Ph.D": two or more pieces of one to three letters joined by full stops.
pub fn is_dotted_initialism(word: &str) -> bool {
    let mut pieces = 0;
    for piece in word.split('.') {
        let n = piece.chars().count();
        if n == 0 || n > 3 || !piece.chars().all(char::is_alphabetic) {
            return false;
        }
        pieces += 1;
    }
    pieces >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_verbs() {
        assert!(inflect("stress").contains(&"stressed".to_string()));
        assert!(inflect("note").contains(&"noted".to_string()));
        assert!(inflect("criticize").contains(&"criticizing".to_string()));
        assert!(inflect("reply").contains(&"replied".to_string()));
    }

    #[test]
    fn every_class_fits_a_token() {
        // a class past CLASS_BITS would be cut off when a token packs its classes
        assert!(
            LEXICON
                .words
                .values()
                .all(|(f, _)| f & !CLASS_MASK & !mark::ALL == 0)
        );
        const { assert!(class::UNION_HEAD < 1 << CLASS_BITS) };
    }

    #[test]
    fn mark_words_are_longest_whole_words() {
        assert_eq!(
            mark_keys("vice-President"),
            Some(vec!["president".to_string()])
        );
        assert_eq!(mark_keys("Land’s End"), Some(vec!["land".to_string()]));
        assert_eq!(
            mark_keys("Ürün"),
            Some(vec!["Ürün".to_string(), "ürün".to_string()])
        );
        assert_eq!(mark_keys("--"), None);
        // a mark is not a class: a title word stays an unknown word
        let lx = &*LEXICON;
        assert_ne!(lx.classes("ambassador").0 & mark::TITLE, 0);
        assert_eq!(lx.flags("ambassador") & mark::ALL, 0);
    }

    #[test]
    fn classes_load() {
        let lx = &*LEXICON;
        assert_eq!(lx.verb("said"), Some(VerbClass::Report));
        assert_eq!(lx.verb("Met"), Some(VerbClass::Logistic));
        assert!(lx.is("between", class::PREP));
        assert!(lx.is("officials", class::AGENT));
        assert!(lx.is("The", class::DET));
        assert!(lx.is("has", class::AUX));
    }
}
