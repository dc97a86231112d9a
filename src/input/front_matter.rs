//! Optional TOML front matter between `+++` lines, as Hugo writes it:
//!
//! ```text
//! +++
//! title = "Leaders speak by phone"
//! source = "Example Wire"
//! url = "https://example.org/story"
//! published = 2023-12-11          # or "2023-12-11"
//! parties = ["Freedonia=Freedonian,Fredville", { name = "Sylvania", aliases = ["Sylvanian"] }]
//! +++
//! ```
//!
//! Unknown keys are an error rather than silently ignored: a misspelt `publshed` would
//! otherwise change every date in the timeline without a word.

use crate::model::Meta;
use serde::Deserialize;

/// What is wrong with a front matter. The message names no input: the reader adds its name.
#[derive(Debug, Clone, thiserror::Error)]
pub enum FrontMatterError {
    #[error("front matter starts with `+++` but has no closing `+++` line")]
    Unclosed,
    #[error("front matter is not valid TOML: {}", one_line(&.0.to_string()))]
    Toml(toml::de::Error),
    #[error("front matter `parties`: {}", one_line(&.0.to_string()))]
    Parties(toml::de::Error),
    /// `published` is a TOML value of this type, not a string or a date.
    #[error("front matter `published` must be a date, not {0}")]
    PublishedType(&'static str),
    #[error("front matter `published`: {0}")]
    Published(DateError),
    #[error(transparent)]
    Party(#[from] PartyError),
    /// More than two parties, this many.
    #[error("front matter names {0} parties; an interaction has two")]
    TooManyParties(usize),
}

/// A party given as `NAME` or `NAME=ALIAS,…` that is not one (the text given is kept).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartyError {
    #[error("party `{0}` has an empty name (expected NAME or NAME=ALIAS,ALIAS)")]
    EmptyName(String),
    #[error("party `{0}` has an empty alias (expected NAME=ALIAS,ALIAS)")]
    EmptyAlias(String),
}

/// A date that is not `YYYY-MM-DD` (the text given, trimmed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date of the form YYYY-MM-DD")]
pub struct DateError(pub String);

/// A side named by the user (`--party NAME=ALIAS,ALIAS` or front matter).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartySpec {
    pub name: String,
    pub aliases: Vec<String>,
}

impl From<PartySpec> for crate::model::GivenParty {
    fn from(spec: PartySpec) -> Self {
        crate::model::GivenParty {
            name: spec.name,
            aliases: spec.aliases,
        }
    }
}

impl PartySpec {
    /// Parses `NAME` or `NAME=ALIAS,ALIAS,…`. Empty names and empty aliases are errors.
    pub fn parse(spec: &str) -> Result<PartySpec, PartyError> {
        let (name, aliases) = match spec.split_once('=') {
            Some((name, aliases)) => (name, Some(aliases)),
            None => (spec, None),
        };
        let name = name.trim();
        if name.is_empty() {
            return Err(PartyError::EmptyName(spec.to_string()));
        }
        let mut list = Vec::new();
        if let Some(aliases) = aliases {
            for alias in aliases.split(',') {
                let alias = alias.trim();
                if alias.is_empty() {
                    return Err(PartyError::EmptyAlias(spec.to_string()));
                }
                list.push(alias.to_string());
            }
        }
        Ok(PartySpec {
            name: name.to_string(),
            aliases: list,
        })
    }
}

#[derive(Debug)]
pub(super) struct FrontMatter {
    pub meta: Meta,
    pub parties: Vec<PartySpec>,
    /// Offset of the body relative to the text given to [`split`].
    pub body_offset: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    title: Option<String>,
    subtitle: Option<String>,
    source: Option<String>,
    url: Option<String>,
    published: Option<toml::Value>,
    #[serde(default)]
    parties: Vec<RawParty>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawParty {
    Spec(String),
    Table {
        name: String,
        #[serde(default)]
        aliases: Vec<String>,
    },
}

/// Splits the front matter off `text` (which starts after any BOM). Without a `+++` first
/// line the whole text is body. Errors are messages without the input name.
pub(super) fn split(text: &str) -> Result<FrontMatter, FrontMatterError> {
    split_with(text, false)
}

/// [`split`] for a Markdown file, whose TOML front matter was written for a site generator
/// (Hugo): keys bilateral does not know (`draft`, `tags`…) are ignored, and `date` stands for
/// `published`.
pub(super) fn split_lenient(text: &str) -> Result<FrontMatter, FrontMatterError> {
    split_with(text, true)
}

fn split_with(text: &str, lenient: bool) -> Result<FrontMatter, FrontMatterError> {
    let none = FrontMatter {
        meta: Meta::default(),
        parties: Vec::new(),
        body_offset: 0,
    };
    let Some(first_len) = delimiter_line(text) else {
        return Ok(none);
    };
    let mut offset = first_len;
    let toml_start = offset;
    loop {
        if offset >= text.len() {
            return Err(FrontMatterError::Unclosed);
        }
        let rest = &text[offset..];
        if let Some(len) = delimiter_line(rest) {
            let toml_text = &text[toml_start..offset];
            let raw: Raw = if lenient {
                lenient_raw(toml_text)?
            } else {
                toml::from_str(toml_text).map_err(FrontMatterError::Toml)?
            };
            let (meta, parties) = convert(raw)?;
            return Ok(FrontMatter {
                meta,
                parties,
                body_offset: offset + len,
            });
        }
        offset += rest.find('\n').map_or(rest.len(), |i| i + 1);
    }
}

/// The keys bilateral knows, from any TOML table.
fn lenient_raw(toml_text: &str) -> Result<Raw, FrontMatterError> {
    let table: toml::Table = toml::from_str(toml_text).map_err(FrontMatterError::Toml)?;
    let text = |key: &str| table.get(key).and_then(|v| v.as_str()).map(str::to_string);
    let parties = match table.get("parties") {
        Some(v) => v
            .clone()
            .try_into::<Vec<RawParty>>()
            .map_err(FrontMatterError::Parties)?,
        None => Vec::new(),
    };
    Ok(Raw {
        title: text("title"),
        subtitle: text("subtitle"),
        source: text("source"),
        url: text("url"),
        published: table
            .get("published")
            .or_else(|| table.get("date"))
            .cloned(),
        parties,
    })
}

/// Length of the line at the start of `text` if it is a `+++` delimiter (with its newline).
fn delimiter_line(text: &str) -> Option<usize> {
    let line_len = text.find('\n').map_or(text.len(), |i| i + 1);
    (text[..line_len].trim_end() == "+++").then_some(line_len)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn convert(raw: Raw) -> Result<(Meta, Vec<PartySpec>), FrontMatterError> {
    let published = match raw.published {
        None => None,
        Some(value) => {
            let text = match &value {
                toml::Value::String(s) => s.clone(),
                // a date-time counts by its date
                toml::Value::Datetime(d) => d.date.map_or_else(|| d.to_string(), |d| d.to_string()),
                other => {
                    return Err(FrontMatterError::PublishedType(other.type_str()));
                }
            };
            Some(parse_date(&text).map_err(FrontMatterError::Published)?)
        }
    };
    let mut parties = Vec::new();
    for party in raw.parties {
        parties.push(match party {
            RawParty::Spec(spec) => PartySpec::parse(&spec)?,
            RawParty::Table { name, aliases } => {
                let mut spec = PartySpec::parse(&name)?;
                spec.aliases.extend(aliases);
                spec
            }
        });
    }
    if parties.len() > 2 {
        return Err(FrontMatterError::TooManyParties(parties.len()));
    }
    let meta = Meta {
        title: raw.title,
        subtitle: raw.subtitle,
        source: raw.source,
        url: raw.url,
        published,
    };
    Ok((meta, parties))
}

/// Checks a `YYYY-MM-DD` date and returns it in that form.
pub fn parse_date(text: &str) -> Result<String, DateError> {
    let date: jiff::civil::Date = text
        .trim()
        .parse()
        .map_err(|_| DateError(text.trim().to_string()))?;
    Ok(date.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_front_matter_means_all_body() {
        assert_eq!(split("Title\nBody.").unwrap().body_offset, 0);
    }

    #[test]
    fn reads_all_fields() {
        let fm = split("+++\r\ntitle = \"T\"\npublished = 2023-12-11\nparties = [\"Freedonia=Freedonian, Fredville\", { name = \"Sylvania\" }]\n+++\nBody.").unwrap();
        assert_eq!(fm.meta.title.as_deref(), Some("T"));
        assert_eq!(fm.meta.published.as_deref(), Some("2023-12-11"));
        assert_eq!(fm.parties[0].aliases, ["Freedonian", "Fredville"]);
        assert_eq!(fm.parties[1].name, "Sylvania");
        assert_eq!(
            &"+++\r\ntitle = \"T\"\npublished = 2023-12-11\nparties = [\"Freedonia=Freedonian, Fredville\", { name = \"Sylvania\" }]\n+++\nBody."
                [fm.body_offset..],
            "Body."
        );
    }

    #[test]
    fn errors_are_explicit() {
        assert!(
            split("+++\ntitle = \"T\"\n")
                .unwrap_err()
                .to_string()
                .contains("no closing")
        );
        assert!(
            split("+++\npublshed = \"2023-01-01\"\n+++\nx")
                .unwrap_err()
                .to_string()
                .contains("publshed")
        );
        assert!(
            split("+++\npublished = \"yesterday\"\n+++\nx")
                .unwrap_err()
                .to_string()
                .contains("YYYY-MM-DD")
        );
        assert!(
            split("+++\nparties = [\"a\", \"b\", \"c\"]\n+++\nx")
                .unwrap_err()
                .to_string()
                .contains("two")
        );
    }

    #[test]
    fn markdown_front_matter_ignores_other_keys() {
        let fm = split_lenient("+++\ntitle = \"T\"\ndate = 2024-05-26T10:00:00Z\ndraft = false\ntags = [\"x\"]\n+++\nBody.")
            .unwrap();
        assert_eq!(fm.meta.title.as_deref(), Some("T"));
        assert_eq!(fm.meta.published.as_deref(), Some("2024-05-26"));
        assert!(split("+++\ndraft = false\n+++\nx").is_err());
    }

    #[test]
    fn party_specs() {
        assert_eq!(
            PartySpec::parse("Union=Unite").unwrap(),
            PartySpec {
                name: "Union".into(),
                aliases: vec!["Unite".into()]
            }
        );
        assert!(PartySpec::parse("=x").is_err());
        assert!(PartySpec::parse("A=x,,y").is_err());
    }
}
