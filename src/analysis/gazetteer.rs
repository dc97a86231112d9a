//! The gazetteer of `assets/gazetteer.txt`: countries (names, short names, demonyms, capitals,
//! seats of government), organisations, news media and places, in one Aho–Corasick automaton
//! built once.
//!
//! Rules: forms are matched case-sensitively ("US" is a country, "us" is not) and only as whole
//! words (the characters around a match must not be letters or digits, so "Indiana" is not
//! "India"); a leading "the " in a form is dropped (the determiner is matched by the grammar).
//! Matching is leftmost-longest, so "South Korean" beats "Korean" and "Republic of Korea"
//! beats "Korea". This module knows forms, not roles: whether a mention acts is decided later.
//!
//! A short name several entries share ("Congo": the Democratic Republic of the Congo and the
//! Republic of the Congo) is a `shared` line: its hits carry every entry it may name, and
//! [`Gazetteer::resolve_shared`] gives each such hit to the one of them the rest of the
//! article names most, or drops it when the article names none of them otherwise.
//!
//! Like [`super::lexicon`] (which marks the gazetteer's mark words) it lies below every stage
//! and imports none; `parties` finds the mentions with it.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// What an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Country,
    Org,
    /// News agencies and outlets: never a side.
    Media,
    /// Regions and territories: never a side.
    Place,
}

/// How a form names its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The name or another name ("Sweden", "Kingdom of Sweden").
    Name,
    /// "Swedish": an actor only when followed by an agent noun or a title.
    Demonym,
    /// "Moscow", used as a metonym for the government.
    Capital,
    /// Seats of government such as "Downing Street".
    Seat,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub kind: EntryKind,
}

pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// Pattern index → (entry, form).
    forms: Vec<(usize, Form)>,
    /// Pattern index → the entries a shared form may name (empty for any other form).
    shared: Vec<Vec<usize>>,
    automaton: AhoCorasick,
    /// Lower-case form → entry.
    by_form: HashMap<String, usize>,
    /// Every form as written (the patterns of the automaton).
    forms_written: Vec<String>,
}

/// A whole-word match of a form in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
    pub form: Form,
    /// The pattern matched (which tells whether the form is shared).
    pattern: usize,
}

pub static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::parse(include_str!("../../assets/gazetteer.txt")));

fn split_list(field: &str) -> impl Iterator<Item = &str> {
    field
        .split(',')
        .map(str::trim)
        .map(|f| f.strip_prefix("the ").unwrap_or(f))
        .filter(|f| !f.is_empty())
}

impl Gazetteer {
    fn parse(text: &str) -> Gazetteer {
        let mut entries = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut forms = Vec::new();
        let mut shared_lines = Vec::new();
        for line in crate::assets::entries(text) {
            let fields: Vec<&str> = line.split(" |").map(str::trim).collect();
            if fields[0] == "shared" {
                shared_lines.push(fields);
                continue;
            }
            let kind = match fields[0] {
                "country" => EntryKind::Country,
                "org" => EntryKind::Org,
                "media" => EntryKind::Media,
                "place" => EntryKind::Place,
                _ => continue,
            };
            let Some(name) = fields.get(1).map(|n| n.trim_start_matches('|').trim()) else {
                continue;
            };
            let id = entries.len();
            entries.push(Entry {
                name: name.to_string(),
                kind,
            });
            let mut add = |form: &str, how: Form| {
                patterns.push(form.to_string());
                forms.push((id, how));
            };
            add(name, Form::Name);
            let kinds = [Form::Name, Form::Demonym, Form::Capital, Form::Seat];
            for (field, how) in fields.iter().skip(2).zip(kinds) {
                let field = field.trim_start_matches('|');
                for form in split_list(field) {
                    add(form, how);
                }
            }
        }
        // shared short names, once every entry they may name is known
        let mut shared = vec![Vec::new(); patterns.len()];
        for fields in shared_lines {
            let field = |k: usize| {
                fields
                    .get(k)
                    .map_or("", |f| f.trim_start_matches('|').trim())
            };
            let names: Vec<usize> = split_list(field(2))
                .filter_map(|n| entries.iter().position(|e: &Entry| e.name == n))
                .collect();
            let Some(&first) = names.first() else {
                continue;
            };
            patterns.push(field(1).to_string());
            forms.push((first, Form::Name));
            shared.push(names);
        }
        let mut by_form = HashMap::default();
        for (p, (entry, _)) in patterns.iter().zip(&forms) {
            by_form.entry(p.to_lowercase()).or_insert(*entry);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("gazetteer automaton builds");
        Gazetteer {
            entries,
            forms,
            shared,
            automaton,
            by_form,
            forms_written: patterns,
        }
    }

    /// Every form, as written.
    pub fn forms(&self) -> impl Iterator<Item = &str> {
        self.forms_written.iter().map(String::as_str)
    }

    /// The entry one of whose forms is `form` (any case).
    pub fn lookup(&self, form: &str) -> Option<usize> {
        let form = form.trim();
        let form = form.strip_prefix("the ").unwrap_or(form);
        self.by_form.get(&form.to_lowercase()).copied()
    }

    /// All whole-word matches in `text[start..end]`, in order, with absolute offsets.
    pub fn find(&self, text: &str, start: usize, end: usize) -> Vec<Hit> {
        let hay = &text[start..end];
        self.automaton
            .find_iter(hay)
            .filter(|m| whole_word(hay, m.start(), m.end()))
            .map(|m| {
                let pattern = m.pattern().as_usize();
                let (entry, form) = self.forms[pattern];
                Hit {
                    start: start + m.start(),
                    end: start + m.end(),
                    entry,
                    form,
                    pattern,
                }
            })
            .collect()
    }

    /// Gives each hit of a shared form (over all of `hits`, one list per sentence) to the entry
    /// it may name that the article's other hits name most (the first listed on a tie), and
    /// drops it when they name none of them.
    pub fn resolve_shared(&self, hits: &mut [&mut Vec<Hit>]) {
        let is_shared = |h: &Hit| self.shared.get(h.pattern).is_some_and(|s| !s.is_empty());
        let mut named: HashMap<usize, usize> = HashMap::default();
        for h in hits.iter().flat_map(|l| l.iter()).filter(|h| !is_shared(h)) {
            *named.entry(h.entry).or_default() += 1;
        }
        for list in hits.iter_mut() {
            list.retain_mut(|h| {
                let Some(candidates) = self.shared.get(h.pattern).filter(|s| !s.is_empty()) else {
                    return true;
                };
                let best = candidates
                    .iter()
                    .map(|&e| (named.get(&e).copied().unwrap_or(0), e))
                    .filter(|&(n, _)| n > 0)
                    .fold(None, |best: Option<(usize, usize)>, (n, e)| match best {
                        Some((b, _)) if b >= n => best,
                        _ => Some((n, e)),
                    });
                match best {
                    Some((_, e)) => {
                        h.entry = e;
                        true
                    }
                    None => false,
                }
            });
        }
    }
}

/// Whether `hay[start..end]` is not glued to letters or digits on either side.
pub fn whole_word(hay: &str, start: usize, end: usize) -> bool {
    let before = hay[..start].chars().next_back();
    let after = hay[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_countries_by_every_form() {
        let g = &*GAZETTEER;
        let text = "The Elysee said Paris and French officials spoke; Indiana is not a country.";
        let hits = g.find(text, 0, text.len());
        let names: Vec<&str> = hits
            .iter()
            .map(|h| g.entries[h.entry].name.as_str())
            .collect();
        assert_eq!(names, ["France", "France", "France"]);
        assert_eq!(hits[0].form, Form::Seat);
        assert_eq!(hits[1].form, Form::Capital);
        assert_eq!(hits[2].form, Form::Demonym);
    }

    #[test]
    fn a_shared_short_name_names_the_entry_the_article_names_otherwise() {
        let g = &*GAZETTEER;
        let name = |h: &Hit| g.entries[h.entry].name.clone();
        let hits_of = |text: &str| g.find(text, 0, text.len());
        // the article names the Democratic Republic of the Congo: "Congo" is it
        let (a, b) = ("Kinshasa accused Rwanda.", "Congo says two soldiers died.");
        let (mut first, mut second) = (hits_of(a), hits_of(b));
        g.resolve_shared(&mut [&mut first, &mut second]);
        assert_eq!(
            second.iter().map(name).collect::<Vec<_>>(),
            ["Democratic Republic of the Congo"]
        );
        // the article names the Republic of the Congo: "Congo" is that one
        let (a, b) = (
            "Brazzaville signed the deal.",
            "Congo will host the summit.",
        );
        let (mut first, mut second) = (hits_of(a), hits_of(b));
        g.resolve_shared(&mut [&mut first, &mut second]);
        assert_eq!(
            second.iter().map(name).collect::<Vec<_>>(),
            ["Republic of the Congo"]
        );
        // neither is named otherwise: which Congo is not known, so the hit goes
        let mut only = hits_of("Congo will host the summit.");
        g.resolve_shared(&mut [&mut only]);
        assert!(only.is_empty());
    }

    #[test]
    fn case_sensitive_short_forms() {
        let g = &*GAZETTEER;
        let text = "let us talk to the US";
        let hits = g.find(text, 0, text.len());
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].start..hits[0].end], "US");
    }
}
