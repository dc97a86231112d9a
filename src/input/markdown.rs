//! Markdown → [`Article`], with `pulldown-cmark`.
//!
//! Headings, paragraphs, list items, block quotes and table rows become paragraphs (one per
//! line); emphasis marks go; a link keeps its text and drops its URL; images keep nothing;
//! code blocks and raw HTML blocks are dropped (and counted in the note). A leading level-1
//! heading is the title (it stays in the text, as the first paragraph). Front matter, YAML
//! between `---` lines or TOML between `+++` lines, gives the metadata.

use super::article::{Article, clean_field};
use super::front_matter::{PartyError, PartySpec};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// What is wrong with a Markdown file's YAML front matter. The message names no input: the
/// reader adds its name.
#[derive(Debug, thiserror::Error)]
pub enum MarkdownError {
    /// The YAML parser's message, on one line.
    #[error("YAML front matter cannot be read: {0}")]
    Yaml(String),
    #[error("YAML front matter is not a list of `key: value` lines")]
    NotAMap,
    /// The date as written.
    #[error("YAML front matter date `{0}` is not a date of the form YYYY-MM-DD")]
    Date(String),
    #[error(transparent)]
    Party(#[from] PartyError),
    /// More than two parties, this many.
    #[error("front matter names {0} parties; an interaction has two")]
    TooManyParties(usize),
}

/// What was converted and what was dropped, for the note.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    pub code_blocks: usize,
    pub html_blocks: usize,
    pub link_urls: usize,
    pub images: usize,
}

/// A Markdown body converted to article text; `front_matter` is the YAML front matter if any.
pub struct Converted {
    pub article: Article,
    pub parties: Vec<PartySpec>,
    pub dropped: Dropped,
    pub front_matter: bool,
}

/// Converts `text`. TOML front matter is split off by the caller (it is bilateral's own
/// format); YAML front matter is read here. Errors are messages without the input name.
pub fn convert(text: &str) -> Result<Converted, MarkdownError> {
    let (yaml, body) = split_yaml(text);
    let mut article = Article::default();
    let mut parties = Vec::new();
    if let Some(yaml) = yaml {
        read_yaml(yaml, &mut article, &mut parties)?;
    }
    let mut dropped = Dropped::default();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut skip = 0usize; // inside a code block or an image
    // whether the first block is a heading, and of level 1
    let mut first_heading: Option<bool> = None;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let para = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !para.is_empty() {
            paragraphs.push(para);
        }
        current.clear();
    };
    for event in Parser::new_ext(body, options) {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                dropped.code_blocks += 1;
                skip += 1;
            }
            Event::End(TagEnd::CodeBlock) => skip = skip.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => {
                dropped.images += 1;
                skip += 1;
            }
            Event::End(TagEnd::Image) => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut current, &mut paragraphs);
                if first_heading.is_none() && paragraphs.is_empty() {
                    first_heading = Some(level == pulldown_cmark::HeadingLevel::H1);
                }
            }
            Event::End(TagEnd::Heading(_)) => flush(&mut current, &mut paragraphs),
            Event::Start(
                Tag::Paragraph | Tag::Item | Tag::BlockQuote(_) | Tag::TableRow | Tag::TableHead,
            )
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => flush(&mut current, &mut paragraphs),
            Event::End(TagEnd::TableCell) => current.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) if !dest_url.is_empty() => {
                dropped.link_urls += 1;
            }
            Event::Text(t) | Event::Code(t) => current.push_str(&t),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::Html(_) => dropped.html_blocks += 1,
            Event::InlineHtml(_) => {}
            Event::Rule => flush(&mut current, &mut paragraphs),
            _ => {}
        }
    }
    flush(&mut current, &mut paragraphs);
    if article.title.is_none() && first_heading == Some(true) {
        article.title = paragraphs.first().cloned();
    }
    article.text = paragraphs.join("\n");
    Ok(Converted {
        article,
        parties,
        dropped,
        front_matter: yaml.is_some(),
    })
}

/// Splits YAML front matter (`---` lines) off the text.
fn split_yaml(text: &str) -> (Option<&str>, &str) {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        return (None, text);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return (Some(&rest[..offset]), &rest[offset + line.len()..]);
        }
        offset += line.len();
    }
    (None, text)
}

fn read_yaml(
    yaml: &str,
    article: &mut Article,
    parties: &mut Vec<PartySpec>,
) -> Result<(), MarkdownError> {
    if yaml.trim().is_empty() {
        return Ok(());
    }
    let value: serde_json::Value = serde_saphyr::from_str(yaml).map_err(|e| {
        MarkdownError::Yaml(
            e.to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
        )
    })?;
    let Some(map) = value.as_object() else {
        return Err(MarkdownError::NotAMap);
    };
    let text = |keys: &[&str]| {
        keys.iter().find_map(|k| match map.get(*k) {
            Some(serde_json::Value::String(s)) => clean_field(Some(s)),
            Some(serde_json::Value::Array(a)) => clean_field(Some(
                &a.iter()
                    .filter_map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            )),
            Some(v @ serde_json::Value::Number(_)) => Some(v.to_string()),
            _ => None,
        })
    };
    article.title = text(&["title"]);
    article.byline = text(&["author", "authors", "byline"]);
    article.site = text(&["source", "site", "site_name", "publisher"]);
    article.url = text(&["url", "canonical", "canonical_url", "link"]);
    article.lang = text(&["lang", "language"]);
    if let Some(date) = text(&["published", "date", "pubDate", "published_at"]) {
        article.published =
            Some(super::html::date_of(&date).ok_or_else(|| MarkdownError::Date(date.clone()))?);
    }
    if let Some(serde_json::Value::Array(list)) = map.get("parties") {
        for p in list {
            if let Some(spec) = p.as_str() {
                parties.push(PartySpec::parse(spec)?);
            }
        }
        if parties.len() > 2 {
            return Err(MarkdownError::TooManyParties(parties.len()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_paragraphs() {
        let md = "# Freedonia and Sylvania resume talks\n\nThe **Freedonian** minister said \
                  [on Monday](https://example.org/a) that talks\nwould resume.\n\n\
                  - first point\n- second *point*\n\n> Sylvania said it was ready.\n\n\
                  ```\nlet x = 1;\n```\n\n![a photo](p.jpg)\n";
        let c = convert(md).unwrap();
        assert_eq!(
            c.article.title.as_deref(),
            Some("Freedonia and Sylvania resume talks")
        );
        assert_eq!(
            c.article.text,
            "Freedonia and Sylvania resume talks\nThe Freedonian minister said on Monday that \
             talks would resume.\nfirst point\nsecond point\nSylvania said it was ready."
        );
        assert_eq!(
            c.dropped,
            Dropped {
                code_blocks: 1,
                html_blocks: 0,
                link_urls: 1,
                images: 1
            }
        );
    }

    #[test]
    fn yaml_front_matter_is_read() {
        let md = "---\ntitle: \"Talks\"\ndate: 2024-05-26\nauthor: [A. Writer]\nparties: [Freedonia, Sylvania]\ntags: [x]\n---\n## Sub\n\nText.\n";
        let c = convert(md).unwrap();
        assert!(c.front_matter);
        assert_eq!(c.article.title.as_deref(), Some("Talks"));
        assert_eq!(c.article.published.as_deref(), Some("2024-05-26"));
        assert_eq!(c.article.byline.as_deref(), Some("A. Writer"));
        assert_eq!(c.parties.len(), 2);
        assert_eq!(c.article.text, "Sub\nText.");
        assert!(convert("---\ndate: someday\n---\nx").is_err());
        assert!(convert("---\n: : [\n---\nx").is_err());
    }
}
