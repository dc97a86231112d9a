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
//!    Organisations outside the gazetteer are found from their use as subjects ([`orgs`]).
//!    Their names, name words and aliases go into one per-document automaton, run once.
//!    A country missing from the gazetteer is learnt from its demonym before a title and its
//!    name elsewhere in the text ([`unknown`]).
//! 2. **Frames.** For each sentence, which mention is the subject of which verb ([`frames`]).
//! 3. **Sources, not mentions.** Each entity scores by the frames it is the subject of
//!    (reporting verb 3, act 2, logistic or copula 1; quoted subjects 0) and by "according to X"
//!    (3). The two best-scoring entities that can be sides (countries, organisations, people,
//!    offices; never media or places) are the sides; ties go to the one mentioned more, then
//!    the one seen first. With fewer than two sources, the most-mentioned entity fills in.
//! 4. **Order.** A is the side that first appears as a source in the body (headlines count
//!    after the body, since they often lead with the reaction), else the first mentioned.
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
//! Everything here is linear in the input: automata are built once (the document one once per
//! document), and each sentence is tokenized and scanned a bounded number of times.

pub mod frames;
mod home;
pub mod mentions;
pub mod orgs;
pub mod people;
pub mod tokens;
mod unknown;

use super::clauses::{ActKind, Reading};
use super::segment::Span;
use super::{gazetteer, lexicon};
use crate::model::{GivenParty, Party, PartyId, Person, Role};
use aho_corasick::{AhoCorasickBuilder, MatchKind};
use frames::Frame;
use gazetteer::{EntryKind, Form, GAZETTEER, whole_word};
use lexicon::{LEXICON, mark};
use mentions::{EHit, HitForm};
use rustc_hash::FxHashMap as HashMap;
use tokens::{Kind, Token};

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

/// Per-sentence raw material before the document automaton runs.
struct Raw {
    tokens: Vec<Token>,
    gaz: Vec<gazetteer::Hit>,
    titles: Vec<(usize, usize)>,
}

/// The token range covering byte span `[start, end)`.
fn token_range(toks: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
    let first = toks.partition_point(|t| t.start() < start);
    let last = toks.partition_point(|t| t.end() <= end);
    (first < last && toks[first].start() == start && toks[last - 1].end() == end)
        .then_some((first, last))
}

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

fn given_entity(
    reg: &mut Registry,
    spec: &GivenParty,
    extra: &mut Vec<(String, usize, HitForm)>,
) -> usize {
    let lookup = |form: &str| GAZETTEER.lookup(form);
    let found = std::iter::once(&spec.name)
        .chain(spec.aliases.iter())
        .find_map(|f| lookup(f));
    let e = match found {
        Some(entry) => reg.entry(entry),
        None => reg.keyed(
            &format!("given:{}", spec.name.to_lowercase()),
            &spec.name,
            EntityKind::Given,
        ),
    };
    for form in std::iter::once(&spec.name).chain(spec.aliases.iter()) {
        if lookup(form).is_none() {
            extra.push((form.clone(), e, HitForm::Name));
        }
    }
    e
}

/// Finds the two sides. `given` fixes them (and their order) when not empty.
pub fn find(
    text: &str,
    sentences: &[Span],
    roles: &[Role],
    readings: &[Reading],
    given: &[GivenParty],
    origin: &str,
) -> Parties {
    let mut reg = Registry::default();
    // 1. tokens, gazetteer and title hits
    let mut raws = Vec::with_capacity(sentences.len());
    for s in sentences {
        let tokens = tokens::tokenize(text, s.start, s.end);
        // a sentence with no mark word of a form has no match of it (lexicon::mark)
        let marks = tokens.iter().fold(0, |m, t| m | t.marks());
        let gaz = if marks & mark::GAZETTEER != 0 || LEXICON.gazetteer_unmarked {
            GAZETTEER.find(text, s.start, s.end)
        } else {
            Vec::new()
        };
        let hay = &text[s.start..s.end];
        let titles = if marks & mark::TITLE != 0 || LEXICON.titles_unmarked {
            LEXICON
                .titles
                .find_iter(hay)
                .filter(|m| whole_word(hay, m.start(), m.end()))
                .filter_map(|m| token_range(&tokens, s.start + m.start(), s.start + m.end()))
                .collect()
        } else {
            Vec::new()
        };
        raws.push(Raw {
            tokens,
            gaz,
            titles,
        });
    }
    // 2. people and organisation runs
    let mut extra: Vec<(String, usize, HitForm)> = Vec::new();
    let given_entities: Vec<usize> = given
        .iter()
        .take(2)
        .map(|spec| given_entity(&mut reg, spec, &mut extra))
        .collect();
    // countries missing from the gazetteer, learnt from "Freedonian President …" + "Freedonia"
    let learnt = unknown::learn(
        text,
        raws.iter()
            .map(|r| (r.tokens.as_slice(), r.titles.as_slice())),
    );
    for l in learnt {
        let taken = |form: &str| extra.iter().any(|x| x.0.eq_ignore_ascii_case(form));
        if taken(&l.name) || taken(&l.demonym) {
            continue;
        }
        let key = format!("learnt:{}", l.name.to_lowercase());
        let e = reg.keyed(&key, &l.name, EntityKind::Country);
        extra.push((l.name, e, HitForm::Name));
        extra.push((l.demonym, e, HitForm::Demonym));
    }
    let mut found_people: Vec<people::Found> = Vec::new();
    let mut runs = orgs::Runs::default();
    let given_automaton = (!extra.is_empty())
        .then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(extra.iter().map(|x| x.0.as_str()))
                .ok()
        })
        .flatten();
    // buffers reused from sentence to sentence
    let mut hits: Vec<people::TokHit> = Vec::new();
    let mut slots: Vec<people::Slot> = Vec::new();
    for (si, (s, raw)) in sentences.iter().zip(&raws).enumerate() {
        hits.clear();
        hits.extend(raw.gaz.iter().filter_map(|h| {
            let (first, last) = token_range(&raw.tokens, h.start, h.end)?;
            let kind = GAZETTEER.entries[h.entry].kind;
            Some(people::TokHit {
                first,
                last,
                entry: reg.entry(h.entry),
                country_like: matches!(kind, EntryKind::Country | EntryKind::Org),
            })
        }));
        if let Some(ac) = &given_automaton {
            let hay = &text[s.start..s.end];
            for m in ac.find_iter(hay) {
                if !whole_word(hay, m.start(), m.end()) {
                    continue;
                }
                if let Some((first, last)) =
                    token_range(&raw.tokens, s.start + m.start(), s.start + m.end())
                {
                    hits.push(people::TokHit {
                        first,
                        last,
                        entry: extra[m.pattern().as_usize()].1,
                        country_like: true,
                    });
                }
            }
            hits.sort_by_key(|h| h.first);
        }
        slots.clear();
        slots.resize(raw.tokens.len(), people::Slot::Free);
        if let Some(r) = readings.get(si) {
            proper_slots(&raw.tokens, &r.proper, &mut slots);
        }
        for h in &hits {
            slots[h.first..h.last].fill(people::Slot::Taken);
        }
        for &(a, b) in &raw.titles {
            slots[a..b].fill(people::Slot::Taken);
        }
        found_people.extend(people::find(text, &raw.tokens, &raw.titles, &hits, &slots));
        runs.add(text, &raw.tokens, &slots);
    }
    // people: tied first, then untied joining by a shared name word
    let mut word_owner: HashMap<String, Option<usize>> = HashMap::default();
    let mut person_titles: Vec<(usize, String)> = Vec::new();
    found_people.sort_by_key(|p| p.tie.is_none());
    for p in &found_people {
        let entity = match p.tie {
            Some(e) => Some(e),
            None => p
                .words
                .iter()
                .find_map(|w| word_owner.get(w).copied().flatten())
                .or_else(|| {
                    Some(reg.keyed(&format!("person:{}", p.name), &p.name, EntityKind::Person))
                }),
        };
        let Some(e) = entity else { continue };
        if reg.entities[e].kind == EntityKind::Person && reg.entities[e].name.len() < p.name.len() {
            reg.entities[e].name = p.name.clone();
        }
        // the same person seen again ("Mr. Fumio Kishida", later "Minister Kishida") keeps the
        // first name found and the first title
        if let Some(q) = reg.entities[e]
            .people
            .iter_mut()
            .find(|q| q.name == p.name || p.words.iter().any(|w| q.name.split(' ').any(|x| x == w)))
        {
            if q.title.is_none() {
                q.title = p.title.clone();
            }
        } else {
            reg.entities[e].people.push(Person {
                name: p.name.clone(),
                title: p.title.clone(),
            });
        }
        if let Some(t) = &p.title {
            person_titles.push((e, t.to_lowercase()));
        }
        let mut forms = p.words.clone();
        forms.push(p.name.clone());
        for w in forms {
            if GAZETTEER.lookup(&w).is_some() {
                continue;
            }
            match word_owner.get(&w) {
                Some(Some(owner)) if *owner != e => {
                    word_owner.insert(w, None);
                }
                None => {
                    word_owner.insert(w, Some(e));
                }
                _ => {}
            }
        }
    }
    for (w, owner) in &word_owner {
        if let Some(e) = owner {
            extra.push((w.clone(), *e, HitForm::Person));
        }
    }
    for (run, canonical) in runs.organisations() {
        if word_owner.contains_key(&run) || GAZETTEER.lookup(&run).is_some() {
            continue;
        }
        // first names before a known surname: "Karl Brun had a call" is the person Brun
        if let Some(&Some(person)) = run
            .rsplit(' ')
            .next()
            .filter(|last| last.len() < run.len())
            .and_then(|last| word_owner.get(last))
        {
            extra.push((run, person, HitForm::Person));
            continue;
        }
        let display = if canonical.chars().all(char::is_uppercase) {
            runs.spelled.get(&canonical).unwrap_or(&canonical).clone()
        } else {
            canonical.clone()
        };
        let e = reg.keyed(&format!("org:{canonical}"), &display, EntityKind::Org);
        extra.push((run, e, HitForm::Name));
    }
    for (generic, run) in &runs.generic {
        if let Some(&e) = reg.by_key.get(&format!("org:{run}")) {
            extra.push((generic.clone(), e, HitForm::Name));
            let mut cap = generic.clone();
            cap.replace_range(0..1, "T");
            extra.push((cap, e, HitForm::Name));
        }
    }
    // "the guild" for the one organisation named "… Guild"
    let mut heads: HashMap<String, Option<usize>> = HashMap::default();
    for (key, &e) in &reg.by_key {
        let Some(name) = key.strip_prefix("org:") else {
            continue;
        };
        let Some(head) = name.rsplit(' ').next().filter(|h| h.len() < name.len()) else {
            continue;
        };
        let head = head.to_lowercase();
        if LEXICON.is(&head, lexicon::class::GENERIC_ORG) {
            let slot = heads.entry(head).or_insert(Some(e));
            if *slot != Some(e) {
                *slot = None;
            }
        }
    }
    let mut heads: Vec<(String, usize)> = heads
        .into_iter()
        .filter_map(|(h, e)| Some((h, e?)))
        .collect();
    heads.sort();
    for (head, e) in heads {
        extra.push((format!("the {head}"), e, HitForm::Name));
        extra.push((format!("The {head}"), e, HitForm::Name));
    }
    extra.sort_by(|a, b| a.0.cmp(&b.0));
    extra.dedup_by(|a, b| a.0 == b.0);
    let doc_automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(extra.iter().map(|x| x.0.as_str()))
        .ok();
    // 3. mentions and frames
    let mut facts = Vec::with_capacity(sentences.len());
    let mut open_quote = false;
    let mut last_paragraph = usize::MAX;
    let mut offices: HashMap<String, usize> = HashMap::default();
    // buffers reused from sentence to sentence
    let mut hits: Vec<EHit> = Vec::new();
    let mut kept: Vec<EHit> = Vec::new();
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut scratch = mentions::Scratch::default();
    for (s, raw) in sentences.iter().zip(raws) {
        if s.paragraph != last_paragraph {
            open_quote = false;
            last_paragraph = s.paragraph;
        }
        let toks = raw.tokens;
        hits.clear();
        for h in &raw.gaz {
            if let Some((first, last)) = token_range(&toks, h.start, h.end) {
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
        if let Some(ac) = &doc_automaton {
            let hay = &text[s.start..s.end];
            for m in ac.find_iter(hay) {
                if !whole_word(hay, m.start(), m.end()) {
                    continue;
                }
                let (_, e, form) = &extra[m.pattern().as_usize()];
                if let Some((first, last)) =
                    token_range(&toks, s.start + m.start(), s.start + m.end())
                {
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
        let frames = frames::find(text, &toks, &ments, &inside);
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
    // 4. bare offices: the one person with that title, unless they appear side by side
    let mut redirect: HashMap<usize, usize> = HashMap::default();
    for (title, &office) in &offices {
        let holders: Vec<usize> = {
            let mut h: Vec<usize> = person_titles
                .iter()
                .filter(|(_, t)| t == title)
                .map(|(e, _)| *e)
                .collect();
            h.sort_unstable();
            h.dedup();
            h
        };
        if holders.len() != 1 {
            continue;
        }
        let holder = holders[0];
        let side_by_side = facts.iter().any(|f| {
            let has = |e: usize| f.mentions.iter().any(|m| m.target == Target::Entity(e));
            has(office) && has(holder)
        });
        if !side_by_side {
            redirect.insert(office, holder);
        }
    }
    for f in &mut facts {
        for m in &mut f.mentions {
            if let Target::Entity(e) = m.target
                && let Some(&r) = redirect.get(&e)
            {
                m.target = Target::Entity(r);
            }
        }
    }
    // 5. score the entities as sources
    let n = reg.entities.len();
    let mut score = vec![0usize; n];
    let mut count = vec![0usize; n];
    let mut first_source = vec![usize::MAX; n];
    let mut first_seen = vec![usize::MAX; n];
    for (si, f) in facts.iter().enumerate() {
        for (mi, m) in f.mentions.iter().enumerate() {
            if let Target::Entity(e) = m.target {
                count[e] += 1;
                first_seen[e] = first_seen[e].min(si * 100_000 + mi);
            }
        }
        // the order of the sides follows the body; headlines come after it
        let body = roles.get(si).is_none_or(|r| *r == Role::Body);
        let order = if body { si } else { si + 50_000 };
        let mut credit = |mi: usize, w: usize, pos: usize| {
            if let Target::Entity(e) = f.mentions[mi].target {
                score[e] += w;
                if w > 0 {
                    let si = order;
                    first_source[e] = first_source[e].min(si * 100_000 + pos);
                }
            }
        };
        for fr in &f.frames {
            let w = if fr.quoted {
                0
            } else {
                match fr.class {
                    lexicon::VerbClass::Report => 3,
                    lexicon::VerbClass::Act => 2,
                    _ => 1,
                }
            };
            for &m in &fr.members {
                credit(m, w, fr.first);
            }
        }
        // the tree's sources: the speaker of an attribution (3) and the subject of any
        // main predicate (2), where the frames above did not already credit the mention
        if let Some(r) = readings.get(si) {
            let framed: Vec<usize> = f
                .frames
                .iter()
                .flat_map(|fr| fr.members.iter().copied())
                .collect();
            let mut tree_credit = |spans: &[(u32, u32)], w: usize| {
                for (mi, m) in f.mentions.iter().enumerate() {
                    let inside = spans
                        .iter()
                        .any(|&(a, b)| (m.start as u64) < b as u64 && (a as u64) < m.end as u64);
                    if inside && m.agentive && !framed.contains(&mi) {
                        credit(mi, w, m.first);
                    }
                }
            };
            if let Some(sp) = &r.speech {
                tree_credit(&sp.speakers, 3);
            }
            if let Some(act) = r.act.as_ref().filter(|a| a.kind == ActKind::Act) {
                tree_credit(&act.subjects, 2);
            }
        }
        if let Some(a) = f.according.as_deref()
            && let Some(m) = a.mention
        {
            credit(m, 3, a.cue.0);
        }
    }
    // 5a. untied leaders who act, next to exactly one acting country with no named people
    // and a counterpart country with its named leader: they speak for that country
    if given_entities.is_empty()
        && let Some(home) = home::leaders_country(&facts, &reg.entities, &score)
    {
        for p in 0..n {
            if score[p] > 0
                && matches!(
                    reg.entities[p].kind,
                    EntityKind::Person | EntityKind::Office
                )
            {
                merge(&mut reg.entities, &mut facts, p, home);
                score[home] += score[p];
                score[p] = 0;
                count[home] += count[p];
                count[p] = 0;
                first_source[home] = first_source[home].min(first_source[p]);
                first_seen[home] = first_seen[home].min(first_seen[p]);
            }
        }
    }
    let eligible =
        |e: usize| !matches!(reg.entities[e].kind, EntityKind::Media | EntityKind::Place);
    let mut sides: Vec<usize> = given_entities.clone();
    let mut ranked: Vec<usize> = (0..n)
        .filter(|&e| eligible(e) && (score[e] > 0 || count[e] > 1))
        .collect();
    ranked.sort_by_key(|&e| (usize::MAX - score[e], usize::MAX - count[e], first_seen[e]));
    for e in ranked {
        if sides.len() >= 2 {
            break;
        }
        if !sides.contains(&e) {
            sides.push(e);
        }
    }
    // 5b. a lone person or bare office facing a country speaks for its home country
    if given_entities.is_empty() && sides.len() == 2 {
        let issuer = home::source_country(text, &facts, roles, &reg.entities);
        for k in 0..2 {
            let (me, other) = (sides[k], sides[1 - k]);
            if let Some(home) = home::home_country(text, &facts, &reg.entities, issuer, me, other) {
                merge(&mut reg.entities, &mut facts, me, home);
                first_source[home] = first_source[home].min(first_source[me]);
                first_seen[home] = first_seen[home].min(first_seen[me]);
                sides[k] = home;
            }
        }
        let key = |e: usize| first_source[e].min(first_seen[e].saturating_add(usize::MAX / 2));
        if key(sides[1]) < key(sides[0]) {
            sides.swap(0, 1);
        }
    }
    let mut notes = Vec::new();
    match sides.len() {
        0 => notes.push("no side found: name the two sides with --party NAME (twice)".to_string()),
        1 => notes.push("only one side found: name the other with --party".to_string()),
        _ => {}
    }
    // 6. parties with their aliases as found
    let ids = [PartyId::A, PartyId::B];
    let parties = sides
        .iter()
        .zip(ids)
        .enumerate()
        .map(|(k, (&e, id))| {
            let entity = &reg.entities[e];
            let name = given
                .get(k)
                .map_or_else(|| entity.name.clone(), |g| g.name.clone());
            let mut aliases: Vec<String> =
                given.get(k).map(|g| g.aliases.clone()).unwrap_or_default();
            for f in &facts {
                for m in &f.mentions {
                    if m.target == Target::Entity(e) {
                        let form = text[m.start..m.end].to_string();
                        if form != name && !aliases.contains(&form) && aliases.len() < 24 {
                            aliases.push(form);
                        }
                    }
                }
            }
            Party {
                id,
                name,
                aliases,
                people: entity.people.clone(),
                origin: if k < given.len() {
                    origin.to_string()
                } else {
                    "detected".to_string()
                },
            }
        })
        .collect();
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

/// Word classes the tagger does not overrule: the grammar words and referring nouns the rules
/// are built on ("The Ministers shared…" is the two ministers even when tagged a proper
/// noun). Open-class knowledge (a verb such as "grant", an organisation head such as
/// "network") yields to the tagger's proper noun.
const CLOSED_CLASSES: u32 = lexicon::class::ADVERB
    | lexicon::class::PREP
    | lexicon::class::DET
    | lexicon::class::SUBORD
    | lexicon::class::COORD
    | lexicon::class::PRONOUN
    | lexicon::class::AGENT
    | lexicon::class::JOINT
    | lexicon::class::JOINT_DET
    | lexicon::class::HONORIFIC
    | lexicon::class::PARTICLE
    | lexicon::class::AUX
    | lexicon::class::NEG
    | lexicon::class::CALENDAR;

/// Marks as [`people::Slot::Proper`] the tokens the tagger read as proper nouns (`proper`:
/// byte spans in order; a token is one when a proper-noun span covers it exactly), unless
/// the lexicon gives the word a [`CLOSED_CLASSES`] class.
fn proper_slots(toks: &[Token], proper: &[(u32, u32)], slots: &mut [people::Slot]) {
    let mut k = 0;
    for (t, slot) in toks.iter().zip(slots.iter_mut()) {
        while k < proper.len() && proper[k].1 <= t.start {
            k += 1;
        }
        if proper.get(k) == Some(&(t.start, t.end)) && t.flags() & CLOSED_CLASSES == 0 {
            *slot = people::Slot::Proper;
        }
    }
}

/// Entity `from` is `into`: its mentions and people move over.
fn merge(entities: &mut [Entity], facts: &mut [Facts], from: usize, into: usize) {
    for f in facts.iter_mut() {
        for m in &mut f.mentions {
            if m.target == Target::Entity(from) {
                m.target = Target::Entity(into);
            }
        }
    }
    let mut people = std::mem::take(&mut entities[from].people);
    if people.is_empty() && entities[from].kind == EntityKind::Person {
        people.push(Person {
            name: entities[from].name.clone(),
            title: None,
        });
    }
    entities[into].people.extend(people);
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
