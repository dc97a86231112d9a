//! Finding the two sides of the interaction.
//!
//! PLACEHOLDER (to be replaced): only sides given by the user are known.

use super::segment::Span;
use crate::input::PartySpec;
use crate::model::{Party, PartyId, Role};

/// The sides found, plus what attribution needs to recognise them.
#[derive(Debug, Clone, Default)]
pub struct Parties {
    pub parties: Vec<Party>,
    /// Remarks for the reader ("no party found: name them with --party").
    pub notes: Vec<String>,
}

pub fn find(
    _text: &str,
    _sentences: &[Span],
    _roles: &[Role],
    given: &[PartySpec],
    origin: &str,
) -> Parties {
    let parties = given
        .iter()
        .zip([PartyId::A, PartyId::B])
        .map(|(spec, id)| Party {
            id,
            name: spec.name.clone(),
            aliases: spec.aliases.clone(),
            people: Vec::new(),
            origin: origin.to_string(),
        })
        .collect();
    Parties {
        parties,
        notes: Vec::new(),
    }
}
