//! `--json`: the analysis as a JSON document (schema in `docs/json.md`).
//!
//! The model keeps only spans for sentences, mentions and dates; the `text` field of each is
//! written here from [`Analysis::source`], in the place the schema gives it (`text` right
//! after `end` in a sentence, first in a mention or date). That is why `Serialize` for
//! [`Analysis`] is written by hand below; everything else is derived.
//!
//! JSON escaping makes any text safe to print, so the exact input text is kept here: C0
//! controls are escaped by JSON itself, DEL and C1 controls by
//! [`JsonControlEscaper`](super::sanitize::JsonControlEscaper). The document is streamed
//! through a buffer to `out`, never built whole in memory.

use crate::model::{Analysis, DateMention, Evidence, Mention, Sentence};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::io::{self, Write};

/// Writes `analysis` as pretty-printed JSON followed by a newline.
pub fn write(analysis: &Analysis, out: &mut impl Write) -> io::Result<()> {
    // serde_json writes in tiny pieces (a quote, an indent); buffer them before the escaper
    // so it scans large chunks.
    let mut safe = io::BufWriter::with_capacity(
        64 * 1024,
        super::sanitize::JsonControlEscaper::new(&mut *out),
    );
    serde_json::to_writer_pretty(&mut safe, analysis)?;
    safe.write_all(b"\n")?;
    safe.flush()
}

/// A part of the model with the input its spans index.
struct With<'a, T: ?Sized>(&'a T, &'a str);

impl Serialize for Analysis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let src: &str = &self.source;
        let mut st = s.serialize_struct("Analysis", 7)?;
        st.serialize_field("schema", &self.schema)?;
        st.serialize_field("meta", &self.meta)?;
        st.serialize_field("parties", &self.parties)?;
        st.serialize_field("paragraphs", &self.paragraphs)?;
        st.serialize_field("sentences", &With(self.sentences.as_slice(), src))?;
        st.serialize_field("events", &self.events)?;
        st.serialize_field("notes", &self.notes)?;
        st.end()
    }
}

impl Serialize for With<'_, Sentence> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (x, src) = (self.0, self.1);
        let mut st = s.serialize_struct("Sentence", 11)?;
        st.serialize_field("index", &x.index)?;
        st.serialize_field("start", &x.start)?;
        st.serialize_field("end", &x.end)?;
        st.serialize_field("text", x.text(src))?;
        st.serialize_field("paragraph", &x.paragraph)?;
        st.serialize_field("role", &x.role)?;
        st.serialize_field("side", &x.side)?;
        st.serialize_field("evidence", &With(&x.evidence, src))?;
        st.serialize_field("dates", &With(x.dates.as_slice(), src))?;
        st.serialize_field("event", &x.event)?;
        st.serialize_field("counterpart", &x.counterpart)?;
        st.end()
    }
}

impl Serialize for With<'_, Evidence> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (x, src) = (self.0, self.1);
        let mut st = s.serialize_struct("Evidence", 8)?;
        st.serialize_field("rule", &x.rule)?;
        st.serialize_field("speaker", &x.speaker.as_ref().map(|m| With(m, src)))?;
        st.serialize_field("cue", &x.cue.as_ref().map(|m| With(m, src)))?;
        st.serialize_field("actor", &x.actor.as_ref().map(|m| With(m, src)))?;
        st.serialize_field("predicate", &x.predicate.as_ref().map(|m| With(m, src)))?;
        st.serialize_field("quote", &x.quote)?;
        st.serialize_field("hedges", &With(x.hedges.as_slice(), src))?;
        st.serialize_field("hedged", &x.hedged)?;
        st.end()
    }
}

/// A list (sentences, mentions, dates), each item written with the input beside it.
impl<T> Serialize for With<'_, [T]>
where
    for<'a> With<'a, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|x| With(x, self.1)))
    }
}

impl Serialize for With<'_, Mention> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (x, src) = (self.0, self.1);
        let mut st = s.serialize_struct("Mention", 4)?;
        st.serialize_field("text", x.text(src))?;
        st.serialize_field("start", &x.start)?;
        st.serialize_field("end", &x.end)?;
        st.serialize_field("party", &x.party)?;
        st.end()
    }
}

impl Serialize for With<'_, DateMention> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (x, src) = (self.0, self.1);
        let mut st = s.serialize_struct("DateMention", 5)?;
        st.serialize_field("text", x.text(src))?;
        st.serialize_field("start", &x.start)?;
        st.serialize_field("end", &x.end)?;
        st.serialize_field("value", &x.value)?;
        st.serialize_field("granularity", &x.granularity)?;
        st.end()
    }
}
