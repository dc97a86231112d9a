//! Step 1 of the module doc, the document's own names: countries learnt from the text,
//! people, and organisations outside the gazetteer. They become document forms
//! ([`DocForm`]), matched in every sentence by one per-document automaton
//! ([`automaton`]), run once.
//!
//! In order: countries missing from the gazetteer are learnt from their demonym before a
//! title and their name elsewhere ([`super::unknown`]); each sentence's people ([`super::people`])
//! and capitalised runs ([`super::orgs`]) are found around the gazetteer, given and title hits;
//! people are tied to an entity (tied people first, then untied ones joining by a shared name
//! word), and their name words become forms; runs used as subjects become organisations ("Karl
//! Brun" after "President Brun" is the person); "the union" names the one organisation named
//! "… Union".

use super::given::DocForm;
use super::mentions::HitForm;
use super::scan::Raw;
use super::tokens::Token;
use super::{EntityKind, Registry, orgs, people, token_range, unknown};
use crate::analysis::clauses::Reading;
use crate::analysis::gazetteer::{EntryKind, GAZETTEER, whole_word};
use crate::analysis::lexicon::{self, LEXICON};
use crate::analysis::segment::Span;
use crate::model::Person;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap as HashMap;

/// A person's name word (or whole name) → the entity it names (`None`: shared by two).
type WordOwner = HashMap<String, Option<usize>>;

/// What the names leave for the later steps.
pub struct Names {
    /// Every person's entity with a title of theirs, lower-cased (for the bare offices).
    pub person_titles: Vec<(usize, String)>,
}

/// Finds the document's names: their entities go into `reg`, their forms into `forms`
/// (which holds the given sides' forms already).
pub fn find(
    text: &str,
    sentences: &[Span],
    readings: &[Reading],
    raws: &[Raw],
    reg: &mut Registry,
    forms: &mut Vec<DocForm>,
) -> Names {
    learn_countries(text, raws, reg, forms);
    let (found_people, runs) = people_and_runs(text, sentences, readings, raws, reg, forms);
    let (word_owner, person_titles) = tie_people(found_people, reg);
    for (w, owner) in &word_owner {
        if let Some(e) = owner {
            forms.push((w.clone(), *e, HitForm::Person));
        }
    }
    organisations(&runs, &word_owner, reg, forms);
    generic_heads(reg, forms);
    Names { person_titles }
}

/// The document automaton over `forms`, which it sorts and dedups by text (the first form of
/// a text wins).
pub fn automaton(forms: &mut Vec<DocForm>) -> Option<AhoCorasick> {
    forms.sort_by(|a, b| a.0.cmp(&b.0));
    forms.dedup_by(|a, b| a.0 == b.0);
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(forms.iter().map(|x| x.0.as_str()))
        .ok()
}

/// Countries missing from the gazetteer, learnt from "Freedonian President …" + "Freedonia"
/// (unless a given form already has the name or demonym).
fn learn_countries(text: &str, raws: &[Raw], reg: &mut Registry, forms: &mut Vec<DocForm>) {
    let learnt = unknown::learn(
        text,
        raws.iter()
            .map(|r| (r.tokens.as_slice(), r.titles.as_slice())),
    );
    for l in learnt {
        let taken = |form: &str| forms.iter().any(|x| x.0.eq_ignore_ascii_case(form));
        if taken(&l.name) || taken(&l.demonym) {
            continue;
        }
        let key = format!("learnt:{}", l.name.to_lowercase());
        let e = reg.keyed(&key, &l.name, EntityKind::Country);
        forms.push((l.name, e, HitForm::Name));
        forms.push((l.demonym, e, HitForm::Demonym));
    }
}

/// Each sentence's people and capitalised runs, found in the words no gazetteer, given or
/// learnt form and no title takes.
fn people_and_runs(
    text: &str,
    sentences: &[Span],
    readings: &[Reading],
    raws: &[Raw],
    reg: &mut Registry,
    forms: &[DocForm],
) -> (Vec<people::Found>, orgs::Runs) {
    let mut found_people: Vec<people::Found> = Vec::new();
    let mut runs = orgs::Runs::default();
    let given_automaton = (!forms.is_empty())
        .then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .build(forms.iter().map(|x| x.0.as_str()))
                .ok()
        })
        .flatten();
    // buffers reused from sentence to sentence
    let mut hits: Vec<people::TokHit> = Vec::new();
    let mut slots: Vec<people::Slot> = Vec::new();
    for (si, (s, raw)) in sentences.iter().zip(raws).enumerate() {
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
                        entry: forms[m.pattern().as_usize()].1,
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
        let tree = readings.get(si).map_or(&[][..], |r| &r.frames[..]);
        runs.add(text, &raw.tokens, &slots, &raw.titles, tree);
    }
    (found_people, runs)
}

/// Ties the people found to entities: tied first, then untied joining by a shared name word.
/// Returns the owner of each name word (`None`: shared by two entities) and the people's
/// titles.
fn tie_people(
    mut found_people: Vec<people::Found>,
    reg: &mut Registry,
) -> (WordOwner, Vec<(usize, String)>) {
    let mut word_owner: WordOwner = HashMap::default();
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
    (word_owner, person_titles)
}

/// The runs used as subjects become organisations (a run ending in a known person's surname
/// is that person), with their generic aliases ("the union" of "… Union" when the run says
/// so).
fn organisations(
    runs: &orgs::Runs,
    word_owner: &WordOwner,
    reg: &mut Registry,
    forms: &mut Vec<DocForm>,
) {
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
            forms.push((run, person, HitForm::Person));
            continue;
        }
        let display = if canonical.chars().all(char::is_uppercase) {
            runs.spelled.get(&canonical).unwrap_or(&canonical).clone()
        } else {
            canonical.clone()
        };
        let e = reg.keyed(&format!("org:{canonical}"), &display, EntityKind::Org);
        forms.push((run, e, HitForm::Name));
    }
    for (generic, run) in &runs.generic {
        if let Some(&e) = reg.by_key.get(&format!("org:{run}")) {
            forms.push((generic.clone(), e, HitForm::Name));
            let mut cap = generic.clone();
            cap.replace_range(0..1, "T");
            forms.push((cap, e, HitForm::Name));
        }
    }
}

/// "the guild" for the one organisation named "… Guild".
fn generic_heads(reg: &Registry, forms: &mut Vec<DocForm>) {
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
        forms.push((format!("the {head}"), e, HitForm::Name));
        forms.push((format!("The {head}"), e, HitForm::Name));
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
