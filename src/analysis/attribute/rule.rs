//! The names of the attribution rules: what `evidence.rule` says decided a sentence.
//!
//! The order the rules are tried in is not here but in the step tables of
//! `steps` (one sentence) and in `decide_all` (the passes over sentences).

/// A rule that decides a sentence's side. [`Rule::name`] is its name in `evidence.rule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    Boilerplate,
    HeadlineColon,
    AccordingTo,
    PassiveAgent,
    PostPosed,
    SubjectSource,
    SubjectActor,
    Joint,
    ThirdParty,
    Narrator,
    AgentlessReport,
    EmbeddedSource,
    SubjectState,
    Logistics,
    StrikingMembers,
    Scope,
    NoSource,
    TreeSource,
    TreeActor,
    JointTopic,
    SpeakerLabel,
    SpeechContinuation,
    QuoteContinuation,
    Readout,
}

impl Rule {
    /// Every rule, in declaration order.
    #[cfg(test)]
    pub const ALL: [Rule; 24] = [
        Rule::Boilerplate,
        Rule::HeadlineColon,
        Rule::AccordingTo,
        Rule::PassiveAgent,
        Rule::PostPosed,
        Rule::SubjectSource,
        Rule::SubjectActor,
        Rule::Joint,
        Rule::ThirdParty,
        Rule::Narrator,
        Rule::AgentlessReport,
        Rule::EmbeddedSource,
        Rule::SubjectState,
        Rule::Logistics,
        Rule::StrikingMembers,
        Rule::Scope,
        Rule::NoSource,
        Rule::TreeSource,
        Rule::TreeActor,
        Rule::JointTopic,
        Rule::SpeakerLabel,
        Rule::SpeechContinuation,
        Rule::QuoteContinuation,
        Rule::Readout,
    ];

    /// The rule's name in `evidence.rule` (JSON, CSV, the reader's detail pane).
    pub fn name(self) -> &'static str {
        match self {
            Rule::Boilerplate => "boilerplate",
            Rule::HeadlineColon => "headline-colon",
            Rule::AccordingTo => "according-to",
            Rule::PassiveAgent => "passive-agent",
            Rule::PostPosed => "post-posed",
            Rule::SubjectSource => "subject-source",
            Rule::SubjectActor => "subject-actor",
            Rule::Joint => "joint",
            Rule::ThirdParty => "third-party",
            Rule::Narrator => "narrator",
            Rule::AgentlessReport => "agentless-report",
            Rule::EmbeddedSource => "embedded-source",
            Rule::SubjectState => "subject-state",
            Rule::Logistics => "logistics",
            Rule::StrikingMembers => "striking-members",
            Rule::Scope => "scope",
            Rule::NoSource => "no-source",
            Rule::TreeSource => "tree-source",
            Rule::TreeActor => "tree-actor",
            Rule::JointTopic => "joint-topic",
            Rule::SpeakerLabel => "speaker-label",
            Rule::SpeechContinuation => "speech-continuation",
            Rule::QuoteContinuation => "quote-continuation",
            Rule::Readout => "readout",
        }
    }

    /// The rule named `name` in `evidence.rule`.
    #[cfg(test)]
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_round_trip() {
        // `ALL` is every variant, in declaration order: the last variant is `Readout`
        assert_eq!(Rule::Readout as usize + 1, Rule::ALL.len());
        for (k, r) in Rule::ALL.iter().enumerate() {
            assert_eq!(*r as usize, k);
            assert_eq!(Rule::from_name(r.name()), Some(*r));
            assert!(Rule::ALL[..k].iter().all(|q| q.name() != r.name()));
        }
    }
}
