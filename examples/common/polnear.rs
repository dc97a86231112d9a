//! Shared by `learn_reporting_verbs` and `learn_cue_model`: reading PolNeAR's gold files
//! (`NAME.gold.json` beside `NAME.txt`; spans are UTF-8 byte offsets, a discontinuous span a
//! list of fragments).

use std::path::{Path, PathBuf};

/// Byte spans: the fragments of one gold span.
pub type Spans = Vec<(u32, u32)>;

/// One annotated attribution.
pub struct Attribution {
    pub cue: Spans,
    pub source: Spans,
    pub content: Spans,
}

/// One article: its text and its attributions.
pub struct Article {
    pub body: String,
    pub attributions: Vec<Attribution>,
}

/// The gold files of a split, sorted by name.
pub fn gold_files(dir: &str) -> std::io::Result<Vec<PathBuf>> {
    let mut names: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    names.sort();
    Ok(names)
}

/// Reads one gold file and the text it names (in `dir`).
pub fn read(dir: &str, gold_path: &Path) -> Result<Article, Box<dyn std::error::Error>> {
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(gold_path)?)?;
    let txt = gold["text_file"].as_str().ok_or("gold without text_file")?;
    let body = std::fs::read_to_string(Path::new(dir).join(txt))?;
    let fragments = |a: &serde_json::Value, field: &str| -> Spans {
        a[field]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| Some((f["start"].as_u64()? as u32, f["end"].as_u64()? as u32)))
            .collect()
    };
    let attributions = gold["attributions"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| Attribution {
            cue: fragments(a, "cue"),
            source: fragments(a, "source"),
            content: fragments(a, "content"),
        })
        .collect();
    Ok(Article { body, attributions })
}
