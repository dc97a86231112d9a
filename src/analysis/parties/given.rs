//! Step 5 of the module doc, overrides: the sides given by `--party` or front matter.
//!
//! They are fixed in the order given. A name (or alias) that is a gazetteer form takes that
//! entity with all its forms; otherwise the side is a new entity named by the text given. The
//! given forms that are no gazetteer form are matched as written (document forms, see
//! [`super::names`]). The party list keeps the given name and aliases (`sides::parties`).

use super::mentions::HitForm;
use super::{EntityKind, Registry};
use crate::analysis::gazetteer::GAZETTEER;
use crate::model::GivenParty;

/// A form matched by the document automaton: its text, its entity, and what kind of form it
/// is.
pub type DocForm = (String, usize, HitForm);

/// The entities of the first two given sides, in order; their forms go into `forms`.
pub fn entities(reg: &mut Registry, given: &[GivenParty], forms: &mut Vec<DocForm>) -> Vec<usize> {
    given
        .iter()
        .take(2)
        .map(|spec| entity(reg, spec, forms))
        .collect()
}

fn entity(reg: &mut Registry, spec: &GivenParty, extra: &mut Vec<DocForm>) -> usize {
    let lookup = |form: &str| GAZETTEER.lookup(form);
    let found = std::iter::once(&spec.name)
        .chain(spec.aliases.iter())
        .find_map(|f| lookup(f));
    let e = match found {
        Some(entry) => reg.entry(entry),
        None => reg.keyed(
            &format!("given:{}", spec.name.to_lowercase()),
            &spec.name,
            EntityKind::Given,
        ),
    };
    for form in std::iter::once(&spec.name).chain(spec.aliases.iter()) {
        if lookup(form).is_none() {
            extra.push((form.clone(), e, HitForm::Name));
        }
    }
    e
}
