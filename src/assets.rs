//! Reading the knowledge files of `assets/` (compiled in with `include_str!`): one entry a
//! line, blank lines and `#` comments skipped, a `[name]` line opening a named section.
//!
//! Parsing only: what the entries mean belongs to the modules that use them, and this module
//! must never hold knowledge itself. It never fails; a malformed line is just an entry.

/// The entries of a list, trimmed; comments and blank lines skipped.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries with the name of the section they stand in ("" before the first `[section]`).
pub fn sectioned(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    entries(text).filter_map(move |line| {
        match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => {
                section = name;
                None
            }
            None => Some((section, line)),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_comments_and_blank_lines() {
        let text = "# header\nloose\n\n[verbs]\n  say said \n# note\n[nouns]\ncall\n";
        let got: Vec<(&str, &str)> = sectioned(text).collect();
        assert_eq!(
            got,
            [("", "loose"), ("verbs", "say said"), ("nouns", "call")]
        );
        assert_eq!(entries(text).count(), 5);
    }
}
