//! The analysis model: the contract between the parser and every view.
//!
//! `Analysis` is plain data. It is produced once by [`crate::analyze`] and then only read:
//! the JSON view serialises it (the `--json` schema, documented in `docs/json.md`), the plain
//! and terminal views render it. Nothing here does any analysis, and nothing here touches the
//! terminal or the file system.
//!
//! All spans (`start`, `end`) are byte offsets into the input exactly as it was read (BOM and
//! front matter included). Sentences, mentions and dates keep only their span: their text is
//! `input[start..end]`, taken from [`Analysis::source`] when it is shown or serialised (the
//! JSON has a `text` field for each; see `view::json`), so the model never copies the input.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::sync::Arc;

/// Version of the JSON schema. Bump it on any incompatible change to the serialised form.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the analysis knows about one article.
///
/// `Serialize` is written by hand in `view::json` (it adds each span's text from `source`).
/// `Deserialize` reads that JSON back, leaving `source` empty.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Analysis {
    /// The input the spans index (shared with the `Document`, not copied). Not serialised.
    #[serde(skip)]
    pub source: Arc<str>,
    /// Schema version of this JSON document ([`SCHEMA_VERSION`]).
    pub schema: u32,
    pub meta: Meta,
    /// The two sides, `A` first. Empty when no side could be found; one entry when only one was.
    pub parties: Vec<Party>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    /// Dated events, in chronological order (text order where no date is known).
    pub events: Vec<Event>,
    /// Remarks for the reader about the analysis itself (e.g. "no publication date: …").
    pub notes: Vec<String>,
}

/// Article metadata, from front matter or from the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`: the reference date for relative dates.
    pub published: Option<String>,
}

/// Which of the two sides a party is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PartyId {
    A,
    B,
}

impl PartyId {
    pub fn other(self) -> PartyId {
        match self {
            PartyId::A => PartyId::B,
            PartyId::B => PartyId::A,
        }
    }
    pub fn index(self) -> usize {
        match self {
            PartyId::A => 0,
            PartyId::B => 1,
        }
    }
}

/// A side named by the user (on the command line or in the front matter), the analysis's
/// own form of it: it fixes that side and the order of the sides. `input` parses the user's
/// text into it (`input::PartySpec`); the analysis never reads that syntax.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GivenParty {
    pub name: String,
    /// Other names it goes by, matched as written.
    pub aliases: Vec<String>,
}

/// One side of the interaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub id: PartyId,
    /// Human name, e.g. "Freedonia" or "the union".
    pub name: String,
    /// Surface forms found in (or given for) the text: demonyms, capitals, seats, people.
    pub aliases: Vec<String>,
    /// People tied to this side by the text, with their titles as written.
    pub people: Vec<Person>,
    /// How the party was fixed: `"detected"`, `"command line"` or `"front matter"`.
    pub origin: String,
}

/// A person acting for a side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Full name as first written, e.g. "Anna Varga".
    pub name: String,
    /// Title or role when the text gives one, e.g. "President".
    pub title: Option<String>,
}

/// A paragraph of the body: a line, or lines separated by a blank line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub index: usize,
    pub start: usize,
    pub end: usize,
}

/// What a unit of text is in the article's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Title,
    Subtitle,
    /// A place/date line such as "MOSCOW, Dec 10 (Reuters) -" or "Published 11 October 2021".
    Dateline,
    Body,
    /// Author line or author biography.
    Byline,
    /// "Source: …", credits, translation notes.
    Source,
    /// Page furniture copied with the article: share and follow buttons, "Advertisement",
    /// menus, cookie banners, newsletter prompts.
    Boilerplate,
}

/// The label of a sentence: whose content it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    #[serde(rename = "A")]
    A,
    #[serde(rename = "B")]
    B,
    #[serde(rename = "both")]
    Both,
    #[serde(rename = "neither")]
    Neither,
}

impl Side {
    pub fn of(party: PartyId) -> Side {
        match party {
            PartyId::A => Side::A,
            PartyId::B => Side::B,
        }
    }
    pub fn party(self) -> Option<PartyId> {
        match self {
            Side::A => Some(PartyId::A),
            Side::B => Some(PartyId::B),
            _ => None,
        }
    }
}

/// `source[start..end]`; empty when the span is not in the source (an analysis read back
/// from JSON has no source). The one place the model's spans are turned into text.
fn span_text(source: &str, start: usize, end: usize) -> &str {
    source.get(start..end).unwrap_or("")
}

/// One sentence (or headline, line, caption): a span of the input with exactly one side.
/// Its text is [`Sentence::text`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Sentence {
    pub index: usize,
    pub start: usize,
    pub end: usize,
    pub paragraph: usize,
    pub role: Role,
    pub side: Side,
    pub evidence: Evidence,
    /// Date expressions found in the sentence, in text order.
    pub dates: Vec<DateMention>,
    /// Index into `Analysis::events` of the event this sentence belongs to.
    pub event: Option<usize>,
    /// Index of the claim of the other side that answers this one (same event, shared topic).
    pub counterpart: Option<usize>,
}

impl Sentence {
    /// The sentence's text: `source[start..end]` (empty when the span is not in it).
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        span_text(source, self.start, self.end)
    }
}

/// Why a sentence got its side.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Evidence {
    /// Name of the rule that decided (documented in `analysis::attribute`); borrowed from
    /// the rule table, owned only when read back from JSON.
    pub rule: Cow<'static, str>,
    /// The mention of the source: "the palace", "President Varga", "the two leaders".
    pub speaker: Option<Mention>,
    /// The cue that makes it the speaker's content: "said", "according to", a headline colon.
    pub cue: Option<Mention>,
    /// For an act rather than speech: who acts ("Freedonia" in "Freedonia recalled its
    /// ambassador"). `speaker` and `cue` name attributions only.
    pub actor: Option<Mention>,
    /// The predicate of the act ("recalled").
    pub predicate: Option<Mention>,
    pub quote: QuoteKind,
    /// Hedge words such as "reportedly", "allegedly"; empty when not hedged.
    pub hedges: Vec<Mention>,
    pub hedged: bool,
}

/// A span of the input (its text is [`Mention::text`]); `party` is set when it refers to a
/// side.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub party: Option<PartyId>,
}

impl Mention {
    /// The mention's text: `source[start..end]`.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        span_text(source, self.start, self.end)
    }
}

/// Whether the content is quoted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The whole content is inside quotation marks.
    Direct,
    /// Reported speech without quotation marks.
    Indirect,
    /// Reported speech with a quoted part.
    Mixed,
    /// Not reported speech.
    #[default]
    None,
}

/// How precise a normalised date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
}

/// A temporal expression in a sentence (its text is [`DateMention::text`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    /// Normalised value: `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM` or `YYYY`; with no reference date,
    /// unknown parts are `X` (e.g. `XXXX-XX-10`).
    pub value: String,
    pub granularity: Granularity,
}

impl DateMention {
    /// The expression as written: `source[start..end]`.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        span_text(source, self.start, self.end)
    }
}

/// What kind of event a date marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Call,
    Meeting,
    Talks,
    Vote,
    Attack,
    Statement,
    Other,
}

/// A dated event on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: usize,
    /// Normalised date (see [`DateMention::value`]).
    pub date: String,
    pub granularity: Granularity,
    pub kind: EventKind,
    /// Short label, e.g. "phone call".
    pub label: String,
    /// The event the article reports on.
    pub main: bool,
    pub participants: Vec<String>,
    /// Facts stated in the text: "about 50 minutes", "second call".
    pub attributes: Vec<String>,
    /// Indices of the sentences tied to this event.
    pub sentences: Vec<usize>,
}
