//! Grouping date mentions into events: kind, label, participants, attributes, main event.
//!
//! Rules:
//! - **One event per normalised value.** Mentions that resolve to the same value
//!   (`on the 10th` and `that day` → `2023-12-10`) are one event. Dateline, byline and source
//!   lines make no events (a dateline's date is the publication, not a happening).
//! - **Kind** comes from the cue words around each mention (`assets/timeline/events.txt`):
//!   the cue nearest to the date in its sentence wins, among call / meeting / talks / vote /
//!   attack cues; `statement` cues count only when none of those is in the sentence (so "spoke
//!   on the phone on the 10th and expressed…" is a call, not a statement). "calling for" is no
//!   call. An event takes the first specific kind any of its mentions gives.
//! - **Sentence ↔ event.** A sentence with a date of its own belongs to the event of that date
//!   (a day-precise one first). A date inside a `since` clause is a boundary ("the second call
//!   since the war broke out on October 7"): it makes or joins its event, but the sentence
//!   counts as undated. An undated sentence that reports a side's statement (side A, B or both)
//!   belongs to the main event; an undated `neither` sentence belongs to it only when it names
//!   the main event's kind ("The phone call … lasted about 50 minutes"). Bylines and source
//!   lines belong to no event.
//! - **Kind** adjustments: talks are a meeting about something, so a meeting cue in a
//!   sentence that also has a talks cue gives talks ("hosted them for peace negotiations").
//! - **Main event**: the interaction the article reports — the call, meeting or talks of the
//!   headline (title, subtitle) and the lead (the first body sentence), not merely the latest
//!   dated one. In order:
//!   1. a dated call/meeting/talks (on or before the reference, not a `since` boundary; day
//!      before week before month before year, then the latest: "after their meeting on May 2
//!      they spoke on Tuesday" is Tuesday's call) in the headline or the lead;
//!   2. the lead itself reports a call/meeting/talks without a date (and the headline does
//!      not report only an attack or a vote, such as a strike): the interaction is the reference
//!      date's ("today" is the news convention for an undated report), of that kind; when no
//!      event has that date one is made, and a note says it is dated by the publication;
//!   3. a dated call/meeting/talks in the second body sentence;
//!   4. the headline names an interaction: the lead's first day or week whose own cue names no
//!      other kind, of the headline's kind; else the reference date's, as in 2;
//!   5. the first day or week the lead dates (the second body sentence's when the first has
//!      none), whatever its kind;
//!   6. failing all that, the latest call, meeting or talks on or before the reference date;
//!      then the latest dated event of another kind with a day (without a reference: the
//!      first in text).
//!
//!   These are news-writing rules (the lead sentence says what happened and when), not lists
//!   of names.
//! - **Attributes** are read from the sentences tied to a call, meeting or talks that name
//!   the event's kind (a cue of it): durations ("lasted about 50 minutes" → `about 50
//!   minutes`, "a 40-minute call" → `40 minutes`) and ordinals ("the second time", "their
//!   first phone call"). An ordinal that names a kind describes only that kind ("second
//!   meeting" is no call's), and "a second meeting" (indefinite: one that may follow) is no
//!   attribute at all. Nothing else is invented.
//! - **Participants**: the sides whose name, alias or person is written in the event's sentences;
//!   both sides when a sentence tied to the event names them together ("the two leaders",
//!   `both:` in the asset).
//! - Events are ordered by date; without a reference date, by first mention in the text, except
//!   that events with a known year, and events with a known month but no year, are each put in
//!   date order among themselves (`XXXX-05-09` before `XXXX-05-10`, `2019` before
//!   `2021-10-11`), so the axis never runs backwards where the text says enough.
//!
//! Cost: every sentence's cues come with it, read from the tokens the date finder already
//! made ([`super::cues::cues_in`]); attributes are read only for the sentences that need them
//! (an undated one that does not report a side, a sentence tied to an event), at most once
//! each; the attribute regexes run only where a key word is ([`Hints`], from the same tokens)
//! and, on text with curly quotes or dashes, over an ASCII stand-in so they keep their fast
//! engine ([`attributes_with`]).
//!
//! This module never resolves dates and never changes a sentence's side.

use super::cue_list;
use super::cues::{Cue, kind_near};
use super::lean;
use super::lexicon::{EVENTS, entries};
use super::tokens::Summary;
use super::words::flag;
use crate::model::{Event, EventKind, Granularity, Party, Role, Side};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use jiff::civil::Date;
use regex_automata::meta::Regex;
use std::sync::LazyLock;

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

static BOTH: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let phrases: Vec<&str> = entries(EVENTS)
        .filter(|(k, _)| *k == "both")
        .flat_map(|(_, items)| items)
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(phrases)
        .expect("both-sides automaton")
});

/// Whether a sentence names both sides together ("the two leaders").
fn names_both(s: &str) -> bool {
    BOTH.find_iter(s).any(|m| {
        !word_char(s[..m.start()].chars().next_back()) && !word_char(s[m.end()..].chars().next())
    })
}

/// Durations ("lasted about an hour", "a 90-minute call"), written with Unicode `\d`
/// ([`lean::Digits`] uses `[0-9]` where that matches the same).
static DURATION: lean::Digits = lean::Digits::new(
    r"(?ix)\b(?:lasted|lasting|went\ on\ for|continued\ for|took)\s+
        (?P<q>(?:about|around|nearly|almost|more\ than|over|some|roughly|approximately|just\ over|just\ under|less\ than|up\ to)\s+)?
        (?P<n>\d+|an?|one|two|three|four|five|six|ten|twenty|thirty|forty|fifty|sixty|ninety|half\ an)\s+
        (?P<u>minutes?|hours?)\b
        | \b(?P<n2>\d+)-(?P<u2>minute|hour)\b",
);

static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    lean::build(
        r"(?ix)\b(?:the|their|its|his|her)\s+
        (?P<o>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|previous)\s+
        (?P<w>time|phone\ call|telephone\ call|video\ call|call|conversation|meeting|visit|round|summit|contact|talks)\b",
    )
});

/// Words one of which every [`DURATION`] match contains, and every [`ORDINAL`] match: a
/// sentence without any of them skips that regex (most sentences do). The regexes are
/// Unicode case-insensitive, where `k` and `s` also match `K` (Kelvin) and `ſ` (long s); the
/// needles therefore avoid those two letters ("econd" for "second"), so an ASCII
/// case-insensitive search never misses a sentence the regex would match.
const DURATION_NEEDLES: &[&str] = &["minute", "hour"];
const ORDINAL_NEEDLES: &[&str] = &[
    "fir", "econd", "third", "fourth", "fifth", "ixth", "eventh", "eighth", "ninth", "tenth",
    "late", "previou",
];

/// One automaton for both needle lists: pattern ids below `DURATION_NEEDLES.len()` are
/// durations, the rest ordinals.
static NEEDLES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .build(DURATION_NEEDLES.iter().chain(ORDINAL_NEEDLES))
        .expect("attribute needle automaton")
});

/// What the token view saw of a sentence's attribute key words ([`super::words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hints {
    /// The sentence has no non-ASCII alphanumeric character, so its words are whole tokens
    /// and the two flags below are exact.
    pub plain: bool,
    /// A token is a duration unit (`minute`, `hours`).
    pub duration: bool,
    /// A token is an attribute ordinal (`second`, `latest`).
    pub ordinal: bool,
}

impl Hints {
    /// The hints of a sentence from what the token view saw in it.
    pub fn of(summary: Summary) -> Hints {
        Hints {
            plain: !summary.non_ascii_run,
            duration: summary.flags & flag::DURATION != 0,
            ordinal: summary.flags & flag::ORDINAL != 0,
        }
    }

    /// Nothing known: [`attributes_with`] looks for the key words itself.
    pub const UNKNOWN: Hints = Hints {
        plain: false,
        duration: true,
        ordinal: true,
    };
}

/// Attributes stated in a sentence: durations and ordinals.
pub fn attributes(s: &str) -> Vec<String> {
    attributes_with(s, Hints::UNKNOWN)
}

/// [`attributes`], skipping what `hints` rule out.
///
/// Rules that keep this exactly [`attributes`]:
/// - In a plain sentence (no non-ASCII alphanumeric character) every match of [`DURATION`]
///   has a token that is a unit, and every match of [`ORDINAL`] one that is an ordinal: their
///   key words stand between whitespace (or `-`) and a word boundary, which are token
///   boundaries there, and case folding is ASCII (no `ſ`, no Kelvin sign). Otherwise the
///   needle automaton decides, as before.
/// - A sentence with non-ASCII characters sends the regexes (Unicode `\b`) to their slow
///   engines. In a plain sentence whose non-ASCII characters are all whitespace or known
///   punctuation ([`ascii_stand_in`]), the regexes read a copy where each such character is
///   replaced, byte for byte, by tabs (whitespace: `\s`, never the pattern's literal space) or
///   `#` (no word character, in no pattern): the same matches at the same offsets, found by
///   the fast engine; the text is taken from the sentence itself.
pub fn attributes_with(s: &str, hints: Hints) -> Vec<String> {
    let mut out = Vec::new();
    let (mut duration, mut ordinal) = (false, false);
    if hints.plain {
        (duration, ordinal) = (hints.duration, hints.ordinal);
    } else {
        for m in NEEDLES.find_overlapping_iter(s) {
            if m.pattern().as_usize() < DURATION_NEEDLES.len() {
                duration = true;
            } else {
                ordinal = true;
            }
            if duration && ordinal {
                break;
            }
        }
    }
    if !duration && !ordinal {
        return out;
    }
    let stand_in = if hints.plain && !s.is_ascii() {
        ascii_stand_in(s)
    } else {
        None
    };
    let hay: &str = stand_in.as_deref().unwrap_or(s);
    let durations = duration
        .then(|| DURATION.for_text(s).captures_iter(hay))
        .into_iter()
        .flatten();
    for c in durations {
        let g = |name: &str| lean::group(&c, s, name);
        if let (Some(n), Some(u)) = (g("n"), g("u")) {
            let q = g("q")
                .map(|q| q.as_str().to_lowercase())
                .unwrap_or_default();
            out.push(format!(
                "{q}{} {}",
                n.as_str().to_lowercase(),
                u.as_str().to_lowercase()
            ));
        } else if let (Some(n), Some(u)) = (g("n2"), g("u2")) {
            out.push(format!("{} {}s", n.as_str(), u.as_str().to_lowercase()));
        }
    }
    let ordinals = ordinal
        .then(|| ORDINAL.captures_iter(hay))
        .into_iter()
        .flatten();
    for c in ordinals {
        let g = |name: &str| lean::group(&c, s, name);
        if let (Some(o), Some(w)) = (g("o"), g("w")) {
            out.push(format!(
                "{} {}",
                o.as_str().to_lowercase(),
                w.as_str().to_lowercase()
            ));
        }
    }
    out
}

/// `s` with every non-ASCII character replaced by as many ASCII bytes: tabs for whitespace,
/// `#` for punctuation and symbols known to be no word character (Latin-1 punctuation, the
/// General Punctuation block but its connectors, currency signs). `None` when `s` has any
/// other non-ASCII character (a letter, a mark, a connector: the caller keeps the text).
fn ascii_stand_in(s: &str) -> Option<String> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let fill = if c.is_ascii() {
            out.push(c as u8);
            continue;
        } else if c.is_whitespace() {
            b'\t'
        } else if !c.is_alphanumeric()
            && matches!(c, '\u{a1}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2010}'..='\u{203e}'
                | '\u{2041}'..='\u{2053}' | '\u{2055}'..='\u{205e}' | '\u{20a0}'..='\u{20c0}')
        {
            b'#'
        } else {
            return None;
        };
        out.extend(std::iter::repeat_n(fill, c.len_utf8()));
    }
    String::from_utf8(out).ok()
}

/// What the grouping needs to know about one date mention.
#[derive(Debug, Clone)]
pub struct MentionInfo {
    pub sentence: usize,
    /// Byte span relative to the sentence.
    pub start: usize,
    pub end: usize,
    pub value: String,
    pub granularity: crate::model::Granularity,
    pub first_day: Option<Date>,
    pub since: bool,
}

/// Inputs of [`group`], one entry per sentence.
pub struct SentenceInfo<'a> {
    pub text: &'a str,
    pub role: Role,
    pub side: Side,
    pub hints: Hints,
    /// Its cues ([`super::cues::cues_in`]): a range of the `cue_store` given to [`group`].
    pub cues: std::ops::Range<usize>,
}

pub struct Grouped {
    pub events: Vec<Event>,
    pub event_of: Vec<Option<usize>>,
    /// Remarks for [`super::Timeline::notes`] (a main event dated by the reference).
    pub notes: Vec<String>,
}

fn interaction(kind: EventKind) -> bool {
    matches!(
        kind,
        EventKind::Call | EventKind::Meeting | EventKind::Talks
    )
}

/// An event being built: one per normalised value.
struct Draft {
    value: String,
    granularity: Granularity,
    first_day: Option<Date>,
    kind: EventKind,
    first_mention: usize,
    mentioning: Vec<usize>,
}

/// What the headline and the lead say the main event is.
enum Lead {
    /// This draft, with the kind the headline gives it (when its own cue is weaker).
    Event(usize, Option<EventKind>),
    /// An interaction of this kind, undated in the text: the reference date's.
    OnReference(EventKind),
}

fn label_of(kind: EventKind) -> String {
    cue_list::labels()
        .get(&kind)
        .cloned()
        .unwrap_or_else(|| "event".into())
}

/// Whether a draft's date lies on or before the reference (every draft without one).
fn eligible(d: &Draft, reference: Option<Date>) -> bool {
    match (reference, d.first_day) {
        (Some(r), Some(f)) => f <= r,
        (None, _) => true,
        _ => false,
    }
}

fn fine(g: Granularity) -> bool {
    matches!(g, Granularity::Day | Granularity::Week)
}

/// The main event read from the headline (title, subtitle) and the lead (the first body
/// sentence; the second too for a date when the first has none). See the module rules.
fn main_from_lead(
    sentences: &[SentenceInfo<'_>],
    cue_store: &[Cue],
    mentions: &[MentionInfo],
    mention_kind: &[EventKind],
    drafts: &[Draft],
    reference: Option<Date>,
) -> Option<Lead> {
    let headline: Vec<usize> = (0..sentences.len())
        .filter(|&i| matches!(sentences[i].role, Role::Title | Role::Subtitle))
        .take(2)
        .collect();
    let body: Vec<usize> = (0..sentences.len())
        .filter(|&i| sentences[i].role == Role::Body)
        .take(2)
        .collect();
    let lead = body.first().copied();
    let first_cue = |i: usize, pred: &dyn Fn(EventKind) -> bool| {
        cue_store[sentences[i].cues.clone()]
            .iter()
            .map(|c| c.kind)
            .find(|&k| pred(k))
    };
    // The headline's interaction; without one, an attack or a vote there means the article
    // reports that, not an interaction.
    let headline_interaction = headline.iter().find_map(|&i| first_cue(i, &interaction));
    let headline_other = headline
        .iter()
        .any(|&i| first_cue(i, &|k| matches!(k, EventKind::Attack | EventKind::Vote)).is_some());
    let lead_interaction = lead.and_then(|i| first_cue(i, &interaction));
    // Dated mentions of a sentence that can be the main event's: own dates (not `since`
    // boundaries) on or before the reference; finer granularity first, then text order.
    let dated = |i: usize| -> Vec<usize> {
        let mut v: Vec<usize> = (0..mentions.len())
            .filter(|&mi| {
                let m = &mentions[mi];
                m.sentence == i
                    && !m.since
                    && drafts
                        .iter()
                        .find(|d| d.value == m.value)
                        .is_some_and(|d| eligible(d, reference))
            })
            .collect();
        v.sort_by_key(|&mi| (mentions[mi].granularity as u8, mentions[mi].start));
        v
    };
    let draft_of = |mi: usize| drafts.iter().position(|d| d.value == mentions[mi].value);
    // The dated interaction of a sentence: finest granularity, then the latest date (the
    // earlier one is background: "after their meeting on May 2, they spoke on Tuesday"),
    // then text order.
    let interaction_in = |i: usize| -> Option<usize> {
        dated(i)
            .into_iter()
            .filter(|&mi| interaction(mention_kind[mi]))
            .min_by_key(|&mi| {
                let m = &mentions[mi];
                (m.granularity as u8, std::cmp::Reverse(m.first_day), m.start)
            })
    };
    // 1. A dated interaction in the headline or the lead.
    for &i in headline.iter().chain(lead.iter()) {
        if let Some(mi) = interaction_in(i) {
            return draft_of(mi).map(|id| Lead::Event(id, None));
        }
    }
    let lead_dated: Vec<usize> = lead.map(dated).unwrap_or_default();
    // 2. The lead reports an interaction without its date: the reference date's (unless
    //    the headline reports an attack or a vote and no interaction).
    if let Some(k) = lead_interaction
        && (headline_interaction.is_some() || !headline_other)
    {
        return reference.map(|_| Lead::OnReference(k));
    }
    // 3. A dated interaction in the second sentence of the lead.
    if let Some(mi) = body.get(1).and_then(|&i| interaction_in(i)) {
        return draft_of(mi).map(|id| Lead::Event(id, None));
    }
    // 4. The headline names an interaction (the lead, then, names none) and the lead dates a
    //    happening with no kind of its own: that date, of the headline's kind; else the
    //    reference date's.
    if let Some(h) = headline_interaction {
        let weak = |k: EventKind| matches!(k, EventKind::Other | EventKind::Statement);
        if let Some(&mi) = lead_dated
            .iter()
            .find(|&&mi| fine(mentions[mi].granularity) && weak(mention_kind[mi]))
        {
            return draft_of(mi).map(|id| Lead::Event(id, Some(h)));
        }
        return reference.map(|_| Lead::OnReference(h));
    }
    // 5. Otherwise the first day or week the lead dates (the second sentence when the first
    //    has none).
    body.iter()
        .find_map(|&i| {
            dated(i)
                .into_iter()
                .find(|&mi| fine(mentions[mi].granularity))
        })
        .and_then(draft_of)
        .map(|id| Lead::Event(id, None))
}

/// The fallback main event: the latest call, meeting or talks on or before the reference;
/// else the latest dated event of another kind with a day; else the latest day (without a
/// reference: the first in text).
fn latest_main(drafts: &[Draft], reference: Option<Date>) -> Option<usize> {
    let latest = |pred: &dyn Fn(&Draft) -> bool| -> Option<usize> {
        let mut best: Option<usize> = None;
        for (i, d) in drafts.iter().enumerate() {
            if !pred(d) || !eligible(d, reference) {
                continue;
            }
            best = match best {
                None => Some(i),
                Some(b) if reference.is_none() => Some(b),
                Some(b) => {
                    let key = |x: &Draft| (x.first_day, std::cmp::Reverse(x.first_mention));
                    Some(if key(d) > key(&drafts[b]) { i } else { b })
                }
            };
        }
        best
    };
    latest(&|d| interaction(d.kind))
        .or_else(|| latest(&|d| d.kind != EventKind::Other && d.granularity == Granularity::Day))
        .or_else(|| latest(&|d| d.granularity == Granularity::Day))
}

/// Groups mentions into events and ties sentences to them (see the module rules).
pub fn group(
    sentences: &[SentenceInfo<'_>],
    cue_store: &[Cue],
    mentions: &[MentionInfo],
    parties: &[Party],
    reference: Option<Date>,
) -> Grouped {
    let n = sentences.len();
    // Cues and attributes are read only for the sentences that need them, once each.
    let mut attribute_cache: Vec<Option<Vec<String>>> = vec![None; n];

    let mut drafts: Vec<Draft> = Vec::new();
    let mut mention_kind = vec![EventKind::Other; mentions.len()];
    let mut by_value: rustc_hash::FxHashMap<&str, usize> = Default::default();
    let mut own: Vec<Vec<(usize, crate::model::Granularity)>> = vec![Vec::new(); n];
    for (mi, m) in mentions.iter().enumerate() {
        let Some(s) = sentences.get(m.sentence) else {
            continue;
        };
        if matches!(s.role, Role::Dateline | Role::Byline | Role::Source) {
            continue;
        }
        let sentence_cues = &cue_store[s.cues.clone()];
        let mut kind = kind_near(sentence_cues, m.start, m.end);
        // Talks are a meeting about something: "hosted them for peace negotiations".
        if kind == EventKind::Meeting && sentence_cues.iter().any(|c| c.kind == EventKind::Talks) {
            kind = EventKind::Talks;
        }
        mention_kind[mi] = kind;
        let id = *by_value.entry(m.value.as_str()).or_insert_with(|| {
            drafts.push(Draft {
                value: m.value.clone(),
                granularity: m.granularity,
                first_day: m.first_day,
                kind: EventKind::Other,
                first_mention: mi,
                mentioning: Vec::new(),
            });
            drafts.len() - 1
        });
        let d = &mut drafts[id];
        let specific = |k: EventKind| !matches!(k, EventKind::Other | EventKind::Statement);
        if specific(kind) && !specific(d.kind)
            || d.kind == EventKind::Other && kind == EventKind::Statement
        {
            d.kind = kind;
        }
        if d.mentioning.last() != Some(&m.sentence) {
            d.mentioning.push(m.sentence);
        }
        if !m.since {
            own[m.sentence].push((id, m.granularity));
        }
    }

    // Main event: the interaction the headline and the lead report (see the module rules).
    let mut notes = Vec::new();
    let main = match main_from_lead(
        sentences,
        cue_store,
        mentions,
        &mention_kind,
        &drafts,
        reference,
    ) {
        Some(Lead::Event(id, kind)) => {
            if let Some(k) = kind {
                drafts[id].kind = k;
            }
            Some(id)
        }
        Some(Lead::OnReference(kind)) => {
            // `main_from_lead` answers this only with a reference date.
            let r = reference.unwrap_or_default();
            let value = r.to_string();
            let id = match by_value.get(value.as_str()) {
                Some(&id) => id,
                None => {
                    notes.push(format!(
                        "the {} the headline and lead report has no date in the text: it is \
                         dated by the publication date, {value}",
                        label_of(kind)
                    ));
                    drafts.push(Draft {
                        value,
                        granularity: crate::model::Granularity::Day,
                        first_day: Some(r),
                        kind,
                        first_mention: mentions.len(),
                        mentioning: Vec::new(),
                    });
                    drafts.len() - 1
                }
            };
            drafts[id].kind = kind;
            Some(id)
        }
        None => latest_main(&drafts, reference),
    };

    // Sentence ↔ event.
    let mut event_of: Vec<Option<usize>> = vec![None; n];
    for (i, s) in sentences.iter().enumerate() {
        if matches!(s.role, Role::Byline | Role::Source) {
            continue;
        }
        if let Some(&(id, _)) = own[i]
            .iter()
            .find(|(_, g)| *g == crate::model::Granularity::Day)
            .or_else(|| own[i].first())
        {
            event_of[i] = Some(id);
            continue;
        }
        let Some(m) = main else { continue };
        let reports = matches!(s.side, Side::A | Side::B | Side::Both);
        let main_kind = drafts[m].kind;
        let mut names_kind = || {
            cue_store[s.cues.clone()]
                .iter()
                .any(|c| c.kind == main_kind && c.kind != EventKind::Statement)
                || interaction(main_kind)
                    && !cached(&mut attribute_cache, i, || attributes_with(s.text, s.hints))
                        .is_empty()
        };
        if reports || names_kind() {
            event_of[i] = Some(m);
        }
    }

    // Order: by date, or by text without a reference.
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    if reference.is_some() {
        order.sort_by_key(|&i| (drafts[i].first_day, drafts[i].first_mention));
    } else {
        order.sort_by_key(|&i| drafts[i].first_mention);
        order_known_parts(&mut order, &drafts);
    }
    let mut new_id = vec![0; drafts.len()];
    for (pos, &old) in order.iter().enumerate() {
        new_id[old] = pos;
    }
    for e in event_of.iter_mut().flatten() {
        *e = new_id[*e];
    }

    let surface: Vec<(String, Vec<String>)> = parties
        .iter()
        .map(|p| {
            let mut forms = vec![p.name.clone()];
            forms.extend(p.aliases.iter().cloned());
            for person in &p.people {
                forms.push(person.name.clone());
                if let Some(last) = person.name.split_whitespace().last() {
                    forms.push(last.to_string());
                }
            }
            forms.retain(|f| f.chars().count() >= 2);
            (p.name.clone(), forms)
        })
        .collect();
    let labels = cue_list::labels();
    let mut tied_lists: Vec<Vec<usize>> = vec![Vec::new(); drafts.len()];
    for (i, e) in event_of.iter().enumerate() {
        if let Some(e) = e {
            tied_lists[*e].push(i);
        }
    }
    let mut events: Vec<Event> = Vec::with_capacity(drafts.len());
    for (pos, &old) in order.iter().enumerate() {
        let d = &drafts[old];
        let mut tied = std::mem::take(&mut tied_lists[pos]);
        let mut all = tied.clone();
        all.extend(d.mentioning.iter().copied());
        all.sort_unstable();
        all.dedup();
        let mut attributes_found: Vec<String> = Vec::new();
        tied.sort_unstable();
        for &i in &tied {
            let s = &sentences[i];
            // Only a sentence that names the event's kind states its attributes.
            let names =
                interaction(d.kind) && cue_store[s.cues.clone()].iter().any(|c| c.kind == d.kind);
            if !names {
                continue;
            }
            for a in cached(&mut attribute_cache, i, || attributes_with(s.text, s.hints)) {
                if fits(a, d.kind) && !attributes_found.contains(a) {
                    attributes_found.push(a.clone());
                }
            }
        }
        let both = tied.iter().any(|&i| names_both(sentences[i].text));
        let participants = surface
            .iter()
            .filter(|(_, forms)| {
                both || all
                    .iter()
                    .any(|&i| forms.iter().any(|f| contains_word(sentences[i].text, f)))
            })
            .map(|(name, _)| name.clone())
            .collect();
        events.push(Event {
            id: pos,
            date: d.value.clone(),
            granularity: d.granularity,
            kind: d.kind,
            label: labels
                .get(&d.kind)
                .cloned()
                .unwrap_or_else(|| "event".into()),
            main: Some(old) == main,
            participants,
            attributes: attributes_found,
            sentences: all,
        });
    }
    Grouped {
        events,
        event_of,
        notes,
    }
}

/// Whether an attribute can describe an event of `kind`: an ordinal naming a kind of
/// interaction ("second meeting") only describes that kind; durations and "second time" any.
fn fits(attribute: &str, kind: EventKind) -> bool {
    let named = if attribute.ends_with("call") || attribute.ends_with("conversation") {
        EventKind::Call
    } else if ["meeting", "visit", "summit"]
        .iter()
        .any(|w| attribute.ends_with(w))
    {
        EventKind::Meeting
    } else if attribute.ends_with("talks") || attribute.ends_with("round") {
        EventKind::Talks
    } else {
        return true;
    };
    named == kind
}

/// Without a reference, events are put in date order within two classes, each in the places
/// its events hold in text order: those with a known year (`2021-10-11`, `2019`, `2022-05`),
/// and those with an unknown year but a known month (`XXXX-05-10`, `XXXX-05`). The others
/// (`XXXX-XX-10`, weeks without a year) stay where the text puts them, and the two classes
/// are never compared with each other (a year is not known to be the same).
fn order_known_parts(order: &mut [usize], drafts: &[Draft]) {
    // (year, month, day) with 0 for a part not given; `None` when nothing can be compared.
    let parts = |v: &str| -> Option<(Option<u32>, u32, u32)> {
        let mut it = v.split('-');
        let year: Option<u32> = it.next()?.parse().ok();
        let month: Option<u32> = match it.next() {
            Some(m) => Some(m.parse().ok()?),
            None => None,
        };
        let day: u32 = match it.next() {
            Some(d) => d.parse().ok()?,
            None => 0,
        };
        match (year, month) {
            (Some(_), _) => Some((year, month.unwrap_or(0), day)),
            (None, Some(m)) => Some((None, m, day)),
            (None, None) => None,
        }
    };
    for known_year in [true, false] {
        let slots: Vec<usize> = (0..order.len())
            .filter(|&k| {
                parts(&drafts[order[k]].value).is_some_and(|p| p.0.is_some() == known_year)
            })
            .collect();
        let mut class: Vec<usize> = slots.iter().map(|&k| order[k]).collect();
        class.sort_by_key(|&i| (parts(&drafts[i].value), drafts[i].first_mention));
        for (&k, i) in slots.iter().zip(class) {
            order[k] = i;
        }
    }
}

/// `cache[i]`, made by `make` the first time it is asked for.
fn cached<T>(cache: &mut [Option<T>], i: usize, make: impl FnOnce() -> T) -> &T {
    cache[i].get_or_insert_with(make)
}

/// Whether `needle` occurs in `hay` as a whole word (case-sensitive).
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        !word_char(hay[..i].chars().next_back())
            && !word_char(hay[i + needle.len()..].chars().next())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_never_change_attributes() {
        let texts = [
            "The call lasted about 50 minutes.",
            "The call lasted\u{a0}about 50 minutes \u{2014} “their second phone call”.",
            "It was a 40-minute call; the latest round’s talks took two hours…",
            "The meeting laſted an hour; the ſecond time, the ſixth visit.",
            "Talks went\u{a0}on for 3 hours, the café’s FIRST  Meeting.",
            "Nothing here, only “quotes” — and 40\u{2011}minute breaks.",
            "It lasted 90 minutes\u{301} and the first\u{2009}time.",
            "A 40-minute² call; their fifth meeting",
        ];
        for s in texts {
            let summary = super::super::tokens::tokenize_into(s, &mut Vec::new(), &mut Vec::new());
            assert_eq!(
                attributes_with(s, Hints::of(summary)),
                attributes(s),
                "{s:?}"
            );
        }
        let plain = Hints::of(super::super::tokens::tokenize_into(
            "about “50” minutes",
            &mut Vec::new(),
            &mut Vec::new(),
        ));
        assert!(plain.plain && plain.duration && !plain.ordinal);
        assert_eq!(
            ascii_stand_in("a “b”\u{a0}c").as_deref(),
            Some("a ###b###\t\tc")
        );
        assert_eq!(ascii_stand_in("café"), None);
    }

    #[test]
    fn attributes_are_read() {
        assert_eq!(
            attributes("The call lasted about 50 minutes."),
            vec!["about 50 minutes"]
        );
        assert_eq!(attributes("It was a 40-minute call."), vec!["40 minutes"]);
        assert_eq!(
            attributes("This is the second time they spoke; their first phone call was brief."),
            vec!["second time", "first phone call"]
        );
    }
}
