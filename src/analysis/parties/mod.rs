//! Finding the two sides of the interaction, and everything attribution needs to recognise
//! them: tokens, mentions and subject–verb frames of every sentence.
//!
//! How the sides are found (no name is known to the code; knowledge is in `assets/`):
//!
//! 1. **Mentions.** One gazetteer automaton (countries with their names, demonyms, capitals and
//!    seats of government; organisations; media; places) and one title automaton run over each
//!    sentence ([`gazetteer`], [`lexicon`]) — only over a sentence with a token that is the mark
//!    word of some form ([`lexicon::mark`]): without one the sentence has no match to find.
//!    People are tied to a country by the text ([`people`]). A name word is a capitalised
//!    word that is no common word, or that the tagger reads as a proper noun
//!    ([`Reading::proper`]; words of closed classes keep their class).
//!    Organisations outside the gazetteer are found from their use as subjects in the tree
//!    ([`orgs`]).
//!    Their names, name words and aliases go into one per-document automaton, run once.
//!    A country missing from the gazetteer is learnt from its demonym before a title and its
//!    name elsewhere in the text ([`unknown`]).
//! 2. **Frames.** For each sentence, which mention is the subject of which verb: the tree's
//!    subject–predicate pairs ([`Reading::frames`]) mapped to the mentions ([`frames`]).
//! 3. **Sources, not mentions.** Each entity scores by the frames it is the subject of
//!    (reporting verb 3, act 2, logistic or copula 1; quoted subjects 0) and by "according to X"
//!    (3). The two best-scoring entities that can be sides (countries, organisations, people,
//!    offices; never media or places) are the sides; ties go to the one mentioned more, then
//!    the one seen first. With fewer than two sources, the most-mentioned entity fills in.
//! 4. **Order.** A is the side that first appears as a source in the body (headlines count
//!    after the body, since they often lead with the reaction), else the first mentioned.
//!    A lone person or bare office chosen against the very country of the "Source: …" line is
//!    that country's own leader (a readout names its own leader untied): they join it and the
//!    second side is chosen again.
//!    A leader here is a person, a bare office, or an organisation found from its use as a
//!    subject whose name is shaped like a person's ([`Entity::may_be_leader`]).
//!    Untied officials who act but are no side belong to the side country that names none of
//!    its people, when the other side's people are tied to it.
//!    A side that is a lone person or bare office facing a country side is renamed after its
//!    home country when the text shows it (`home`: the one country of a "Source: …" line, a
//!    hyphen compound with the counterpart, or the one other country that acts); its mentions and people move to that country.
//!    A capitalised run ending in a known person's surname ("Karl Brun" after "President
//!    Brun") is that person, never an organisation.
//! 5. **Overrides.** `--party` / front-matter sides are fixed in the order given: a name that is
//!    a gazetteer form takes that entity (with all its forms); otherwise it is a new entity
//!    named by the text given, whose aliases are matched as written.
//! 6. **Bare offices.** "the Prime Minister" is the one person with that title, unless a
//!    sentence has the bare title next to that person ("the Prime Minister and Prime Minister
//!    Vex"): then it is someone else, an office of its own that can be a side.
//!
//! [`find`] runs the steps in this order, each in a module of its own: the sentences' tokens
//! with their gazetteer and title hits (`scan`, step 1), the given sides (`given`, step 5),
//! the document's own names (`names`, step 1), each sentence's mentions and frames
//! (`sentence`, steps 1 and 2), the bare offices (`offices`, step 6), the source scores
//! (`sources`, step 3), then the sides chosen, renamed after their home and ordered (`sides`,
//! steps 3 and 4).
//!
//! Everything here is linear in the input: automata are built once (the document one once per
//! document), and each sentence is tokenized and scanned a bounded number of times.

pub mod frames;
mod given;
mod home;
pub mod mentions;
mod names;
mod offices;
pub mod orgs;
pub mod people;
mod scan;
mod sentence;
mod sides;
mod sources;
pub mod tokens;
mod unknown;

use super::clauses::Reading;
use super::segment::Span;
use super::{gazetteer, lexicon};
use crate::model::{GivenParty, Party, PartyId, Person, Role};
use frames::Frame;
use gazetteer::{EntryKind, GAZETTEER};
use rustc_hash::FxHashMap as HashMap;
use tokens::Token;

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pron {
    /// he, she
    Person,
    /// they
    Group,
    /// it, this
    Thing,
    /// I, we
    First,
}

/// What a mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Entity(usize),
    /// Both sides together: "the two leaders".
    Joint,
    Pronoun(Pron),
}

/// A mention in a sentence: byte span, token span `[first, last)`, referent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ment {
    pub start: usize,
    pub end: usize,
    pub first: usize,
    pub last: usize,
    pub target: Target,
    /// Can be a subject that acts (not a bare demonym, a medium or a place).
    pub agentive: bool,
    /// Names one person ("President Brun", "the Prime Minister"), not a group: "they" after
    /// it is not that person's side.
    pub person: bool,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    Country,
    Org,
    Media,
    Place,
    Person,
    /// A bare title: "the Prime Minister".
    Office,
    /// Named by the user.
    Given,
}

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub people: Vec<Person>,
}

impl Entity {
    /// A person or a bare office, or an "organisation" whose name is shaped like a person's
    /// (two or three capitalised words, none a common word or a word of the lexicon: "Ivan
    /// Petrov" acting with no title, found from its use as a subject; not "Network Rail" or
    /// "Acme Foods"): someone who may speak for a country the text never ties them to.
    pub fn may_be_leader(&self) -> bool {
        match self.kind {
            EntityKind::Person | EntityKind::Office => true,
            EntityKind::Org => person_shaped(&self.name),
            _ => false,
        }
    }
}

/// Two or three words, each a capital then lower-case letters, none a common word.
fn person_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.clone().next().is_some()
                && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
                && !super::clauses::casing::lower_case_word(w)
                && !lexicon::LEXICON.known(w)
        })
}

/// "According to X" in a sentence: the token of "according" and the mention after "to".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct According {
    pub cue: (usize, usize),
    pub mention: Option<usize>,
}

/// What attribution needs to know about one sentence.
///
/// There is one per sentence of the document, all alive until attribution: the lists are
/// boxed slices (no spare capacity, 16 bytes each rather than a `Vec`'s 24).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub tokens: Box<[Token]>,
    pub mentions: Box<[Ment]>,
    pub frames: Box<[Frame]>,
    /// Per token: inside a quotation.
    pub inside: Box<[bool]>,
    /// Boxed: few sentences have one, and every sentence's facts are kept until attribution.
    pub according: Option<Box<According>>,
    /// Where mentions start: `(token, mention)` for each token that starts one (the first
    /// such mention), sorted by token. Sparse — a few entries per sentence rather than one per
    /// token of the document; read it through [`Facts::mention_starting`].
    pub mention_at: Box<[(u32, u32)]>,
    /// A quotation is open when the sentence starts / ends (it runs over sentences).
    pub open_at_start: bool,
    pub open_at_end: bool,
}

impl Facts {
    /// The mention starting at token `k` (its index and itself), if any.
    pub fn mention_starting(&self, k: usize) -> Option<(usize, &Ment)> {
        let k = u32::try_from(k).ok()?;
        let at = self.mention_at.binary_search_by_key(&k, |e| e.0).ok()?;
        let mi = self.mention_at[at].1 as usize;
        Some((mi, self.mentions.get(mi)?))
    }
}

/// [`Facts::mention_at`] of a sentence with `n` tokens: like [`frames::mention_index`], the
/// first mention starting at each token (one past the end included), but sparse.
fn mention_starts(ments: &[Ment], n: usize) -> Vec<(u32, u32)> {
    // token indices and mention counts are below the input's length, under 4 GiB
    let mut at: Vec<(u32, u32)> = ments
        .iter()
        .enumerate()
        .filter(|(_, m)| m.first <= n)
        .map(|(k, m)| (m.first as u32, k as u32))
        .collect();
    at.sort_unstable();
    at.dedup_by_key(|e| e.0);
    at
}

#[cfg(test)]
mod mention_at_tests {
    use super::*;

    #[test]
    fn the_first_mention_at_a_token_is_found_whatever_the_order() {
        let m = |first: usize| Ment {
            start: 0,
            end: 0,
            first,
            last: first + 1,
            target: Target::Joint,
            agentive: false,
            person: false,
        };
        // out of token order, two at token 2: the lower index (1) wins, as in a dense index
        let ments = [m(5), m(2), m(2), m(0)];
        let facts = Facts {
            mentions: ments.to_vec().into_boxed_slice(),
            mention_at: mention_starts(&ments, 6).into_boxed_slice(),
            ..Facts::default()
        };
        let dense = frames::mention_index(&ments, 6);
        for k in 0..8 {
            assert_eq!(
                facts.mention_starting(k).map(|x| x.0),
                dense.get(k).copied().flatten()
            );
        }
    }
}

/// The sides found, plus what attribution needs to recognise them.
#[derive(Debug, Clone, Default)]
pub struct Parties {
    pub parties: Vec<Party>,
    /// Remarks for the reader ("no party found: name them with --party").
    pub notes: Vec<String>,
    pub entities: Vec<Entity>,
    /// The entity of side A and side B.
    pub sides: [Option<usize>; 2],
    /// One per sentence.
    pub facts: Vec<Facts>,
}

impl Parties {
    /// The side an entity is, if any.
    pub fn side_of(&self, entity: usize) -> Option<PartyId> {
        if self.sides[0] == Some(entity) {
            Some(PartyId::A)
        } else if self.sides[1] == Some(entity) {
            Some(PartyId::B)
        } else {
            None
        }
    }
}

#[derive(Default)]
struct Registry {
    entities: Vec<Entity>,
    by_entry: HashMap<usize, usize>,
    by_key: HashMap<String, usize>,
}

impl Registry {
    fn entry(&mut self, entry: usize) -> usize {
        if let Some(&e) = self.by_entry.get(&entry) {
            return e;
        }
        let g = &GAZETTEER.entries[entry];
        let kind = match g.kind {
            EntryKind::Country => EntityKind::Country,
            EntryKind::Org => EntityKind::Org,
            EntryKind::Media => EntityKind::Media,
            EntryKind::Place => EntityKind::Place,
        };
        let e = self.new_entity(g.name.clone(), kind);
        self.by_entry.insert(entry, e);
        e
    }
    fn new_entity(&mut self, name: String, kind: EntityKind) -> usize {
        self.entities.push(Entity {
            name,
            kind,
            people: Vec::new(),
        });
        self.entities.len() - 1
    }
    fn keyed(&mut self, key: &str, name: &str, kind: EntityKind) -> usize {
        if let Some(&e) = self.by_key.get(key) {
            return e;
        }
        let e = self.new_entity(name.to_string(), kind);
        self.by_key.insert(key.to_string(), e);
        e
    }
}

/// The token range covering byte span `[start, end)`.
fn token_range(toks: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = toks.partition_point(|t| t.start() < start);
    let last = toks.partition_point(|t| t.end() <= end);
    (first < last && toks[first].start() == start && toks[last - 1].end() == end)
        .then_some((first, last))
}

/// Finds the two sides. `given` fixes them (and their order) when not empty.
///
/// The steps of the module doc, each in a module of its own, in the order they run.
pub fn find(
    text: &str,
    sentences: &[Span],
    roles: &[Role],
    readings: &[Reading],
    given: &[GivenParty],
    origin: &str,
) -> Parties {
    let mut reg = Registry::default();
    // 1. mentions: each sentence's tokens, gazetteer and title hits
    let raws = scan::scan(text, sentences);
    // 5. overrides: the given sides are entities before any found
    let mut forms: Vec<given::DocForm> = Vec::new();
    let given_entities = given::entities(&mut reg, given, &mut forms);
    // 1. mentions: the document's own names — learnt countries, people, organisations
    let names = names::find(text, sentences, readings, &raws, &mut reg, &mut forms);
    let automaton = names::automaton(&mut forms);
    // 1, 2. each sentence's mentions and frames
    let (mut facts, offices) = sentence::facts(
        text,
        sentences,
        raws,
        readings,
        &mut reg,
        &forms,
        automaton.as_ref(),
    );
    // 6. bare offices
    offices::resolve(&offices, &names.person_titles, &mut facts);
    // 3. sources
    let mut scores = sources::score(&facts, roles, readings, reg.entities.len());
    // 3, 4. the sides, their home countries and their order
    let sides = sides::choose(
        text,
        roles,
        &given_entities,
        &mut reg.entities,
        &mut facts,
        &mut scores,
    );
    let notes = sides::note(sides.len()).into_iter().collect();
    let parties = sides::parties(text, &sides, &reg.entities, &facts, given, origin);
    let mut side_slots = [None, None];
    for (k, &e) in sides.iter().enumerate().take(2) {
        side_slots[k] = Some(e);
    }
    Parties {
        parties,
        notes,
        entities: reg.entities,
        sides: side_slots,
        facts,
    }
}
