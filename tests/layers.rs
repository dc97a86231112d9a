//! The modules' layers (the crate doc in `src/lib.rs`, the stage order in
//! `src/analysis/mod.rs`): every `crate::…` and `super::…` path in the library's code is
//! resolved to the module it names, and a module may name only those below it. Test code
//! (`#[cfg(test)]` modules and `*tests.rs`/`fixture.rs` files) and comments are not read:
//! a test may build whatever it needs, and a doc link is not a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crate's top-level layers, lowest first; a layer may import those before it.
const LAYERS: &[&[&str]] = &[
    &["model", "sanitize", "assets"],
    &["analysis"],
    &["input"],
    &["view"],
    &["scripting"],
];

/// The analysis stages in pipeline order, after the modules below every stage.
const BELOW_STAGES: &[&str] = &["text", "lexicon", "gazetteer", "invariants"];
const STAGES: &[&str] = &[
    "segment",
    "structure",
    "clauses",
    "parties",
    "attribute",
    "timeline",
    "align",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The library's source files (test-only files left out), each with its module path and
/// its code as [`code_of`] gives it.
fn library_files() -> Vec<(PathBuf, Vec<String>, String)> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|file| {
            let name = file.file_name().unwrap().to_string_lossy();
            !(name.ends_with("tests.rs") || name == "fixture.rs")
        })
        .map(|file| {
            let module = module_of(&file);
            let code = code_of(&std::fs::read_to_string(&file).unwrap());
            (file, module, code)
        })
        .collect()
}

/// The module path of a source file: `src/analysis/parties/names.rs` → `analysis::parties::names`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix("src").unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The library's code of a file: comments dropped, and everything from the first
/// `#[cfg(test)]` module on (test modules come last in this crate's files).
fn code_of(text: &str) -> String {
    let mut code = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]")
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            break;
        }
        let without_comment = match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        };
        code.push_str(without_comment);
        code.push('\n');
    }
    code
}

/// Every module a file's code names through `crate::` or `super::`, resolved to an absolute
/// module path (as far as it goes: `crate::analysis::parties::Facts` → `analysis::parties::Facts`).
fn named_paths(file_module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let starts = (rest.starts_with("crate::") || rest.starts_with("super::"))
            && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_'));
        if !starts {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let segments: Vec<&str> = rest[..end].split("::").filter(|s| !s.is_empty()).collect();
        // each `super` leaves one module: `a/b.rs` is `a::b` and `a/mod.rs` is `a`, so
        // `super` is `a` from the first and `a`'s parent from the second
        let mut base: Vec<String> = file_module.to_vec();
        let mut k = 0;
        if segments[0] == "crate" {
            base.clear();
            k = 1;
        } else {
            while k < segments.len() && segments[k] == "super" {
                base.pop();
                k += 1;
            }
        }
        base.extend(segments[k..].iter().map(|s| s.to_string()));
        found.push(base);
        i += end;
    }
    found
}

fn layer_of(top: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&top))
}

/// Where an analysis module stands: below every stage (0) or the stage's place (1…).
fn stage_rank(module: &str) -> Option<usize> {
    if BELOW_STAGES.contains(&module) {
        return Some(0);
    }
    STAGES.iter().position(|s| *s == module).map(|p| p + 1)
}

#[test]
fn every_module_imports_only_the_layers_below_it() {
    let mut broken = BTreeSet::new();
    for (file, module, code) in library_files() {
        let Some(top) = module.first().map(String::as_str) else {
            continue;
        };
        if top == "main" || top == "lib" {
            continue; // the orchestrator may use everything
        }
        for path in named_paths(&module, &code) {
            let Some(target) = path.first().map(String::as_str) else {
                continue;
            };
            if target == top {
                // inside the analysis, a stage names only the stages before it
                if top == "analysis"
                    && let (Some(from), Some(to)) = (module.get(1), path.get(1))
                    && from != to
                    && let (Some(a), Some(b)) = (stage_rank(from), stage_rank(to))
                    && b > 0
                    && b >= a
                {
                    broken.insert(format!(
                        "{}: analysis::{from} names the later stage {}",
                        file.display(),
                        path.join("::")
                    ));
                }
                continue;
            }
            let (Some(from), Some(to)) = (layer_of(top), layer_of(target)) else {
                continue; // `crate::analyze` and other items of the crate root
            };
            if to >= from {
                broken.insert(format!(
                    "{}: {top} names {} (a layer not below it)",
                    file.display(),
                    path.join("::")
                ));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "imports against the layers:\n{}",
        broken.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_checker_resolves_super_and_sees_a_reach_upward() {
    // a file in a stage naming a later stage through `super::super`
    let module = module_of(Path::new("src/analysis/parties/names.rs"));
    let paths = named_paths(&module, "use super::super::timeline::Event;");
    assert_eq!(paths, [vec!["analysis", "timeline", "Event"]]);
    // `super` from a stage's mod.rs is the analysis
    let module = module_of(Path::new("src/analysis/parties/mod.rs"));
    let paths = named_paths(&module, "use super::clauses::Reading;");
    assert_eq!(paths, [vec!["analysis", "clauses", "Reading"]]);
    // a comment names nothing; test modules are not read
    let code = code_of(
        "// crate::view::x\nuse crate::model::A;\n#[cfg(test)]\nmod tests {\n use crate::view::y;\n}\n",
    );
    assert_eq!(named_paths(&["input".into()], &code), [vec!["model", "A"]]);
    assert_eq!(layer_of("view"), Some(3));
    assert!(layer_of("analysis") < layer_of("input"));
}

/// The edges between sibling modules: a file in `a::b` naming `a::c::…` makes the edge
/// `b → c` among the children of `a` (at every level where the two paths part).
type Siblings = BTreeMap<Vec<String>, BTreeSet<(String, String)>>;

fn add_sibling_edges(from: &[String], to: &[String], edges: &mut Siblings) {
    let shared = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    if let (Some(a), Some(b)) = (from.get(shared), to.get(shared)) {
        edges
            .entry(from[..shared].to_vec())
            .or_default()
            .insert((a.clone(), b.clone()));
    }
}

/// A cycle among `edges`, if any, as the modules on it.
fn find_cycle(edges: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeSet<(String, String)>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == node) {
            let mut cycle = path[i..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for (_, next) in edges.iter().filter(|(a, _)| a == node) {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for (start, _) in edges {
        if let Some(c) = visit(start, edges, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_two_sibling_modules_import_each_other() {
    let mut edges = Siblings::new();
    for (_, module, code) in library_files() {
        for path in named_paths(&module, &code) {
            add_sibling_edges(&module, &path, &mut edges);
        }
    }
    let cycles: Vec<String> = edges
        .iter()
        .filter_map(|(parent, e)| {
            find_cycle(e).map(|c| format!("in crate::{}: {}", parent.join("::"), c.join(" → ")))
        })
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

#[test]
fn a_cycle_through_a_sibling_directory_is_seen() {
    let mut edges = Siblings::new();
    let state: Vec<String> = ["view", "tui", "state"].map(String::from).to_vec();
    let timeline: Vec<String> = ["view", "tui", "widgets", "timeline"]
        .map(String::from)
        .to_vec();
    add_sibling_edges(
        &timeline,
        &[state.clone(), vec!["State".into()]].concat(),
        &mut edges,
    );
    assert!(find_cycle(&edges[&state[..2].to_vec()]).is_none());
    add_sibling_edges(
        &state,
        &[timeline.clone(), vec!["draw".into()]].concat(),
        &mut edges,
    );
    let cycle = find_cycle(&edges[&state[..2].to_vec()]).expect("state ↔ widgets");
    assert_eq!(cycle.len(), 3);
}
