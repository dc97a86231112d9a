//! Which kind of input a file is, recognised by its content (the file name's extension only
//! breaks a tie): HTML, Markdown, or plain text (with or without TOML front matter).
//!
//! The tests are cheap and bounded: they look at the first bytes of the input and count a few
//! kinds of Markdown syntax. Plain text stays the default, so an article that merely contains
//! a `<` or a `*` is read as it always was.

/// The kind of an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, optionally with TOML front matter between `+++` lines.
    Plain,
    /// An HTML page: the article is extracted from it.
    Html,
    /// Markdown (CommonMark), optionally with YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
}

impl Format {
    /// The name shown in notes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Plain => "plain text",
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
        }
    }
}

/// How far into the input the HTML test looks.
const HTML_WINDOW: usize = 4096;

/// The format of `bytes`, read from the file `name` (whose extension is a hint only).
pub fn detect(bytes: &[u8], name: &str) -> Format {
    if looks_like_html(bytes) {
        return Format::Html;
    }
    let ext = extension(name);
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(1 << 16)]);
    let text = text.trim_start_matches('\u{feff}');
    if matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) && html_tags(text) >= 2 {
        return Format::Html;
    }
    // a fragment of a page that opens with text: many kinds of tags, which prose never has
    let mut end = text.len().min(HTML_WINDOW * 4);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if html_tags(&text[..end]) >= 4 {
        return Format::Html;
    }
    if text.starts_with("---\n") || text.starts_with("---\r\n") {
        // YAML front matter: a Markdown convention (Jekyll, Hugo, Pandoc)
        return Format::Markdown;
    }
    let markdown_ext = matches!(ext.as_deref(), Some("md" | "markdown" | "mdown" | "mkd"));
    let plain_ext = matches!(ext.as_deref(), Some("txt" | "text"));
    let kinds = markdown_kinds(text);
    if markdown_ext && !plain_ext {
        return Format::Markdown;
    }
    if plain_ext {
        return Format::Plain;
    }
    // bilateral's own format (TOML front matter) stays plain text unless the body is plainly
    // Markdown: such files were written for bilateral (Hugo's Markdown has the `.md` extension)
    let needed = if text.starts_with("+++") { 3 } else { 2 };
    if kinds >= needed {
        Format::Markdown
    } else {
        Format::Plain
    }
}

fn extension(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next()?;
    let (_, ext) = file.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// The input opens with markup: a doctype, `<html>`, `<head>` or `<body>`, or an XML
/// declaration or comment followed by one of them.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HTML_WINDOW)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.trim_start_matches('\u{feff}').trim_start();
    // skip XML declarations and comments before the first tag
    loop {
        if let Some(r) = rest.strip_prefix("<?") {
            match r.find("?>") {
                Some(i) => rest = r[i + 2..].trim_start(),
                None => return false,
            }
        } else if let Some(r) = rest.strip_prefix("<!--") {
            match r.find("-->") {
                Some(i) => rest = r[i + 3..].trim_start(),
                None => return false,
            }
        } else {
            break;
        }
    }
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta ",
        "<meta\n",
        "<title>",
    ]
    .iter()
    .any(|p| rest.starts_with(p))
        || (rest.starts_with('<') && html_tags(&head) >= 3)
}

/// How many distinct structural HTML tags appear in `text` (a few tags of a page, not one
/// `<` in prose).
fn html_tags(text: &str) -> usize {
    let lower = text.to_ascii_lowercase();
    [
        "<html", "<body", "<div", "<p>", "<p ", "</p>", "<article", "<head", "<br", "<span",
    ]
    .iter()
    .filter(|t| lower.contains(*t))
    .count()
}

/// How many different kinds of Markdown syntax `text` uses: ATX headings, links, emphasis,
/// fenced code, list items, block quotes. Prose can use one by chance (a `*`, a `- ` line),
/// rarely two.
fn markdown_kinds(text: &str) -> usize {
    let mut heading = false;
    let mut link = false;
    let mut emphasis = false;
    let mut fence = false;
    let mut list = false;
    let mut quote = false;
    for line in text.lines().take(2000) {
        let t = line.trim_start();
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
            heading = true;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = true;
        }
        if t.starts_with("> ") {
            quote = true;
        }
        if (t.starts_with("- ") || t.starts_with("* ") || t.starts_with("+ "))
            && line.len() - t.len() < 4
        {
            list = true;
        }
        if t.contains("](") && t.contains('[') {
            link = true;
        }
        if has_strong(t) {
            emphasis = true;
        }
    }
    [heading, link, emphasis, fence, list, quote]
        .iter()
        .filter(|&&b| b)
        .count()
}

/// `**word…**` or `__word…__` in a line.
fn has_strong(line: &str) -> bool {
    for mark in ["**", "__"] {
        if let Some(i) = line.find(mark) {
            let rest = &line[i + 2..];
            if rest.starts_with(|c: char| !c.is_whitespace()) && rest.contains(mark) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_by_content() {
        assert_eq!(
            detect(b"<!DOCTYPE html><html><p>x</p>", "a.txt"),
            Format::Html
        );
        assert_eq!(detect(b"\n  <html lang=\"en\">", "page"), Format::Html);
        assert_eq!(
            detect(b"<?xml version=\"1.0\"?>\n<!-- saved -->\n<html>", "x"),
            Format::Html
        );
        assert_eq!(
            detect(b"<div class=a><p>One.</p><span>x</span></div>", "-"),
            Format::Html
        );
        assert_eq!(detect(b"Freedonia <3 Sylvania.", "a"), Format::Plain);
        assert_eq!(
            detect(b"Talks resume<div><p>One.</p><br><span>x</span></div>", "a"),
            Format::Html
        );
        assert_eq!(detect(b"x < y and <b> is bold", "a"), Format::Plain);
    }

    #[test]
    fn markdown_needs_two_kinds_of_syntax_or_its_extension() {
        assert_eq!(
            detect(
                b"# Talks resume\n\nThe **union** said [so](https://x.org).",
                "-"
            ),
            Format::Markdown
        );
        assert_eq!(
            detect(b"# Talks resume\n\nPlain words.", "a.md"),
            Format::Markdown
        );
        assert_eq!(detect(b"---\ntitle: x\n---\nBody.", "-"), Format::Markdown);
        assert_eq!(
            detect(b"Talks resume\n\nA - B said *so*.", "-"),
            Format::Plain
        );
        assert_eq!(
            detect(b"+++\ntitle = \"x\"\n+++\nThe union said so.", "-"),
            Format::Plain
        );
        assert_eq!(
            detect(b"+++\ntitle = \"x\"\n+++\n# T\n\n- a\n- **b**", "-"),
            Format::Markdown
        );
        assert_eq!(
            detect(b"+++\ntitle = \"x\"\n+++\n# T\n\n- a", "-"),
            Format::Plain
        );
        assert_eq!(detect(b"# a\n**b**", "notes.txt"), Format::Plain);
    }
}
