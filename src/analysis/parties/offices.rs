//! Step 6 of the module doc, bare offices: "the Prime Minister" is the one person with that
//! title, unless a sentence has the bare title next to that person ("the Prime Minister and
//! Prime Minister Vex"): then it is someone else, an office of its own that can be a side.
//! With no one holding the title as written, the one person whose title ends in it holds it:
//! "the minister" after "Keller, Sylvania's defence minister" is Keller; with a defence
//! minister and a prime minister both in the text, "the minister" stays an office.

use super::{Facts, Target};
use rustc_hash::FxHashMap as HashMap;

/// Points the mentions of each bare office (`offices`: title → office entity) at the one
/// person holding that title (`person_titles`: entity, lower-case title), where there is one
/// and the two never appear in one sentence.
pub fn resolve(
    offices: &HashMap<String, usize>,
    person_titles: &[(usize, String)],
    facts: &mut [Facts],
) {
    let mut redirect: HashMap<usize, usize> = HashMap::default();
    for (title, &office) in offices {
        let holding = |fits: &dyn Fn(&str) -> bool| {
            let mut h: Vec<usize> = person_titles
                .iter()
                .filter(|(_, t)| fits(t))
                .map(|(e, _)| *e)
                .collect();
            h.sort_unstable();
            h.dedup();
            h
        };
        let mut holders = holding(&|t| t == title);
        if holders.is_empty() {
            holders = holding(&|t| ends_with_words(t, title));
        }
        if holders.len() != 1 {
            continue;
        }
        let holder = holders[0];
        let side_by_side = facts.iter().any(|f| {
            let has = |e: usize| f.mentions.iter().any(|m| m.target == Target::Entity(e));
            has(office) && has(holder)
        });
        if !side_by_side {
            redirect.insert(office, holder);
        }
    }
    for f in facts {
        for m in &mut f.mentions {
            if let Target::Entity(e) = m.target
                && let Some(&r) = redirect.get(&e)
            {
                m.target = Target::Entity(r);
            }
        }
    }
}

/// `title` ends with the words of `head`: "defence minister" ends with "minister", "administer"
/// does not.
fn ends_with_words(title: &str, head: &str) -> bool {
    title
        .strip_suffix(head)
        .is_some_and(|rest| rest.ends_with(' '))
}

#[cfg(test)]
mod tests {
    use super::ends_with_words;

    #[test]
    fn a_title_ends_with_whole_words_only() {
        assert!(ends_with_words("defence minister", "minister"));
        assert!(ends_with_words("deputy prime minister", "prime minister"));
        assert!(!ends_with_words("administer", "minister"));
        assert!(!ends_with_words("minister", "minister"));
    }
}
