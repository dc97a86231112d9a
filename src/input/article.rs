//! An article taken out of a page or a Markdown file: its text, one paragraph per line, and
//! what the page says about it. `bilateral extract` prints it; [`super::Document`] analyses it.

use serde::Serialize;

/// The article of a page: metadata and text. The text holds one paragraph per line, with
/// whitespace inside a paragraph collapsed to single spaces and no blank lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The site or publication name.
    pub site: Option<String>,
    /// The canonical URL of the page.
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Language tag of the page (`en`, `ar-EG`…).
    pub lang: Option<String>,
    /// Text direction when the page gives it (`rtl`, `ltr`); not part of `extract --json`.
    #[serde(skip)]
    pub dir: Option<String>,
    pub text: String,
}

impl Article {
    /// The article in bilateral's own text format: TOML front matter (title, source, url,
    /// published) and then one paragraph per line, so that it can be saved, edited and
    /// opened again.
    pub fn to_text_format(&self) -> String {
        let mut out = String::new();
        let fields = [
            ("title", &self.title),
            ("source", &self.site),
            ("url", &self.url),
            ("published", &self.published),
        ];
        if fields.iter().any(|(_, v)| v.is_some()) {
            out.push_str("+++\n");
            for (key, value) in fields {
                if let Some(value) = value {
                    // a TOML basic string: serde_json's escaping is valid TOML for strings
                    let quoted = serde_json::to_string(value).unwrap_or_default();
                    out.push_str(&format!("{key} = {quoted}\n"));
                }
            }
            out.push_str("+++\n");
        }
        out.push_str(&self.text);
        if !self.text.ends_with('\n') {
            out.push('\n');
        }
        out
    }
}

/// Collapses whitespace inside each line, drops blank lines: one paragraph per line.
pub fn paragraphs_per_line<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for para in paragraphs {
        let mut words = para.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        let mut first = true;
        for w in words {
            if !first {
                out.push(' ');
            }
            out.push_str(w);
            first = false;
        }
    }
    out
}

/// One line of metadata: whitespace collapsed; `None` when empty.
pub fn clean_field(value: Option<&str>) -> Option<String> {
    let value = value?;
    let joined = value.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_one_per_line() {
        assert_eq!(paragraphs_per_line(["  a\n b ", "", " \n", "c"]), "a b\nc");
    }

    #[test]
    fn text_format_has_front_matter_that_reads_back() {
        let a = Article {
            title: Some("A \"quoted\" title".into()),
            published: Some("2024-05-26".into()),
            text: "One.\nTwo.".into(),
            ..Article::default()
        };
        let text = a.to_text_format();
        assert!(text.starts_with("+++\ntitle = \"A \\\"quoted\\\" title\"\n"));
        let doc = super::super::Document::parse("x", text.into_bytes()).unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("A \"quoted\" title"));
        assert_eq!(doc.body(), "One.\nTwo.\n");
    }
}
