//! Organisations that are not in the gazetteer (a company, a union), found from how the text
//! uses them.
//!
//! Rules: a candidate is a run of capitalised words that are not common words (unless the
//! tagger reads the first as a proper noun: "Network Rail"), gazetteer
//! forms, titles or known people's names. It becomes an organisation when it ends a name that a
//! subject holds in the sentence's tree ([`crate::analysis::clauses::frames`]'s `names`:
//! "Acme has announced", "Acme and Bolt sued", "Acme's representatives have not commented";
//! not "Energy" in "Energy Secretary Grant Marsh said", nor any run that opens a title, alone
//! or coordinated ("Trade and Investment Minister Todd McClay");
//! not an apposition to another subject: "Freedonia's ruling party, the Unity Party, has
//! proposed") or is
//! the object of "according to", and when it also appears capitalised somewhere other than at the
//! start of a sentence (a capitalised common word opening a sentence is not a name), or when
//! it is the subject in two sentences or more (a company named only at sentence starts).
//! An all-capitals word is the same organisation as a longer run whose initials it spells
//! ("GTU" = "Grand Textile Union"). "the union, Acme Workers" and "Acme Workers, the union"
//! make "the union" an alias, and so does a name ending in a generic noun when it is the only
//! one ("Metal Workers Guild" → "the guild"). An acronym with no long run of its own is displayed by the
//! capitalised words that spell it, even when they are gazetteer words ("Freedonian
//! Airways" for "FA"), but those words stay what the gazetteer says they are.

use super::lexicon::class;
use super::people::Slot;
use super::tokens::Token;
use crate::analysis::clauses::frames::TreeFrame;
use rustc_hash::FxHashMap as HashMap;

/// What one document says about capitalised runs.
#[derive(Debug, Default)]
pub struct Runs {
    /// Run text → (times used as a subject, times seen not sentence-initially).
    pub stats: HashMap<String, (usize, usize)>,
    /// Initials of multi-word runs → the run.
    pub initials: HashMap<String, String>,
    /// Generic alias ("the union") → run.
    pub generic: Vec<(String, String)>,
    /// Initials → a capitalised sequence spelling them, gazetteer words included
    /// ("Freedonian Airways" for "FA"): a display name for an acronym, never a mention.
    pub spelled: HashMap<String, String>,
    /// The runs of the sentence at hand (kept to reuse the buffer).
    found: Vec<(usize, usize)>,
    /// The initials of the run at hand (kept to reuse the buffer).
    initials_buf: String,
}

/// Capitalised runs of one sentence, `[first, last)`, into `out`; `slot(k)` tells a token
/// that cannot be in one.
fn runs(toks: &[Token], slot: impl Fn(usize) -> Slot, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let taken = |k: usize| slot(k) == Slot::Taken;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let starts = t.capitalised()
            && match slot(i) {
                Slot::Taken => false,
                Slot::Proper => true,
                Slot::Free => !t.known(),
            };
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len()
            && toks[j].capitalised()
            && !taken(j)
            && !toks[j].is(class::PREP
                | class::DET
                | class::COORD
                | class::AUX
                | class::VERB
                | class::CALENDAR)
            && j - i < 5
        {
            j += 1;
        }
        out.push((i, j));
        i = j;
    }
}

/// Whether a capitalised run ending before token `b` is the portfolio of a title: the title
/// starts at `b` ("Energy Secretary Grant Marsh"), or after "and"/"&" and more capitalised
/// words ("Trade and Investment Minister Todd McClay"): a part of the title, not an
/// organisation.
fn opens_title(src: &str, toks: &[Token], b: usize, titles: &[(usize, usize)]) -> bool {
    let title_at = |k: usize| titles.iter().any(|&(t, _)| t == k);
    if title_at(b) {
        return true;
    }
    let joins = toks
        .get(b)
        .is_some_and(|t| t.is(class::COORD) || t.text(src) == "&");
    if !joins {
        return false;
    }
    let mut k = b + 1;
    while k < toks.len() && k <= b + 4 && toks[k].capitalised() && !title_at(k) {
        k += 1;
    }
    k > b + 1 && title_at(k)
}

impl Runs {
    /// Records the runs of one sentence.
    /// `tree`: the sentence's subject–predicate pairs ([`crate::analysis::clauses::frames`]).
    /// `titles`: the sentence's title hits, `[first, last)` token spans.
    pub fn add(
        &mut self,
        src: &str,
        toks: &[Token],
        slots: &[Slot],
        titles: &[(usize, usize)],
        tree: &[TreeFrame],
    ) {
        let mut found = std::mem::take(&mut self.found);
        runs(toks, |_| Slot::Free, &mut found);
        let mut initials = std::mem::take(&mut self.initials_buf);
        for &(a, b) in &found {
            if b - a >= 2 {
                let firsts = || toks[a..b].iter().filter_map(|t| t.text(src).chars().next());
                if firsts().all(char::is_uppercase) {
                    initials.clear();
                    initials.extend(firsts());
                    if !self.spelled.contains_key(&initials) {
                        let text = src[toks[a].start()..toks[b - 1].end()].to_string();
                        self.spelled.insert(initials.clone(), text);
                    }
                }
            }
        }
        runs(toks, |k| slots[k], &mut found);
        for &(a, b) in &found {
            // "Freedonian Foreign Ministry": an institution of a side, not an organisation
            if a > 0 && slots[a - 1] == Slot::Taken && toks[a - 1].is_word() {
                continue;
            }
            if opens_title(src, toks, b, titles) {
                continue;
            }
            let text = &src[toks[a].start()..toks[b - 1].end()];
            // the end of a name a subject holds in the tree ("Acme and Bolt", "Acme's
            // representatives"; not "Energy" of "Energy Secretary Grant Marsh", nor an
            // apposition: "Freedonia's ruling party, the Unity Party, has proposed"), or the
            // object of "according to"
            let (start, end) = (toks[a].start(), toks[b - 1].end());
            let subject = tree
                .iter()
                .flat_map(|f| &f.names)
                .any(|&(s, e)| start >= s as usize && end == e as usize)
                || (a >= 2
                    && toks[a - 1].text(src).eq_ignore_ascii_case("to")
                    && toks[a - 2].text(src).eq_ignore_ascii_case("according"));
            let counts = (usize::from(subject), usize::from(a > 0));
            match self.stats.get_mut(text) {
                Some(entry) => {
                    entry.0 += counts.0;
                    entry.1 += counts.1;
                }
                None => {
                    self.stats.insert(text.to_string(), counts);
                }
            }
            if b - a >= 2 {
                initials.clear();
                initials.extend(
                    toks[a..b]
                        .iter()
                        .filter_map(|t| t.text(src).chars().next())
                        .filter(|c| c.is_uppercase()),
                );
                if initials.chars().count() >= 2 && !self.initials.contains_key(&initials) {
                    self.initials.insert(initials.clone(), text.to_string());
                }
            }
            // "the union, Acme" / "Acme, the union"
            if a >= 3
                && toks[a - 1].is_punct(src, ',')
                && toks[a - 2].is(class::GENERIC_ORG)
                && toks[a - 3].text(src).eq_ignore_ascii_case("the")
            {
                let generic = format!("the {}", toks[a - 2].text(src).to_lowercase());
                self.generic.push((generic, text.to_string()));
            }
            if toks.get(b).is_some_and(|t| t.is_punct(src, ','))
                && toks
                    .get(b + 1)
                    .is_some_and(|t| t.text(src).eq_ignore_ascii_case("the"))
                && toks.get(b + 2).is_some_and(|t| t.is(class::GENERIC_ORG))
            {
                let generic = format!("the {}", toks[b + 2].text(src).to_lowercase());
                self.generic.push((generic, text.to_string()));
            }
        }
        self.found = found;
        self.initials_buf = initials;
    }

    /// The organisations: run text → canonical name (acronyms point at their long form).
    pub fn organisations(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut names: Vec<&String> = self.stats.keys().collect();
        names.sort();
        for run in names {
            let (subject, inner) = self.stats[run];
            let long = self.initials.get(run.as_str());
            let is_acronym =
                long.is_some() && run.chars().all(|c| c.is_uppercase()) && run.chars().count() >= 2;
            if is_acronym {
                let long = long.cloned().unwrap_or_default();
                let long_subject = self.stats.get(&long).map_or(0, |s| s.0);
                if subject + long_subject > 0 {
                    out.push((run.clone(), long.clone()));
                    out.push((long.clone(), long));
                }
                continue;
            }
            // a name that only ever opens sentences still names an organisation when it is
            // the subject of verbs in two sentences ("Orbix sues…", "Orbix claims…")
            if subject > 0 && inner > 0 || subject >= 2 {
                out.push((run.clone(), run.clone()));
            }
        }
        out.sort();
        out.dedup();
        out
    }
}
