//! The closed vocabularies of the claim base, shared by the build step (which
//! parses them from TOML) and the app (which labels them for readers).

use super::vocabulary::vocabulary;

vocabulary! {
    /// What an ontology term names.
    TermKind {
        Mechanism = "mechanism", "Mechanism";
        Technique = "technique", "Technique";
        Condition = "condition", "Cause or condition";
        Comparator = "comparator", "Comparator";
        Outcome = "outcome", "Outcome";
    }
}

vocabulary! {
    /// What a claim is about.
    ClaimKind {
        Mechanism = "mechanism", "How it works";
        Benefit = "benefit", "Benefit";
        Technique = "technique", "Technique";
        StudyFinding = "study-finding", "Study finding";
        Cause = "cause", "Cause of back pain";
        Safety = "safety", "Safety";
        Advice = "advice", "Advice";
        General = "general", "Overall verdict";
    }
}

vocabulary! {
    /// How strong the support for a claim is, as readers are told.
    Evidence {
        Trial = "trial", "Trial outcome";
        Rationale = "rationale", "Physiological rationale";
        Asserted = "asserted", "Asserted without support";
        Contradicted = "contradicted", "Contradicted by research";
    }
}

impl Evidence {
    /// One sentence saying what the level means.
    pub fn meaning(self) -> &'static str {
        match self {
            Evidence::Trial => "A controlled study measured this in people with back pain.",
            Evidence::Rationale => {
                "A plausible mechanism, but back-pain trials did not measure it."
            }
            Evidence::Asserted => "Stated by an article without any study behind it.",
            Evidence::Contradicted => "The identified research or another source says otherwise.",
        }
    }
}

vocabulary! {
    /// A study's design.
    Design {
        Rct = "rct", "Randomised controlled trial";
        SystematicReview = "systematic-review", "Systematic review";
        Review = "review", "Review";
        Unspecified = "unspecified", "Design not stated";
    }
}

vocabulary! {
    /// How long the pain had lasted in a study's population.
    Population {
        Acute = "acute", "Acute";
        Subacute = "subacute", "Subacute";
        Chronic = "chronic", "Chronic";
        Unspecified = "unspecified", "Not stated";
    }
}

vocabulary! {
    /// Whether the real study behind an article's mention was found.
    Status {
        Identified = "identified", "Identified";
        Unverified = "unverified", "Unverified";
    }
}

vocabulary! {
    /// Kinds of safety guidance.
    SafetyKind {
        RedFlag = "red-flag", "Red flag: see a doctor first";
        Contraindication = "contraindication", "When to avoid or adapt massage";
        Question = "question", "Question to ask a therapist";
        SelfCare = "self-care", "Self-care";
        Consult = "consult", "Talk to a professional";
    }
}

vocabulary! {
    /// How the reader shows a range of an article's text.
    BlockKind {
        Heading = "heading", "Heading";
        Paragraph = "paragraph", "Paragraph";
    }
}
