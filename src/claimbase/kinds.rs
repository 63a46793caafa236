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
    /// How strong the support for a claim is, as readers are told; strongest
    /// first (so `min` is the strongest), background last.
    Evidence {
        Trial = "trial", "Trials found it, low certainty";
        Uncertain = "uncertain", "Uncertain";
        Overstated = "overstated", "Overstated";
        Rationale = "rationale", "Plausible, not tested";
        Asserted = "asserted", "No support given";
        Contradicted = "contradicted", "Contradicted";
        Background = "background", "Background";
        /// A curator's draft, not graded yet (`draft = true` only).
        Unreviewed = "unreviewed", "Not yet reviewed";
    }
}

impl Evidence {
    /// One sentence saying what the level means.
    pub fn meaning(self) -> &'static str {
        match self {
            Evidence::Trial => "Trials in people with back pain tested this against other care or none, and found it. But reviews rate that research low or very low certainty: the true effect may be different.",
            Evidence::Uncertain => {
                "There is some trial evidence, but it is weak, small or mixed: not shown, and not ruled out."
            }
            Evidence::Overstated => "The research found something, but less than the article says.",
            Evidence::Rationale => {
                "A plausible explanation that trials in people with back pain have not measured."
            }
            Evidence::Asserted => {
                "Stated without a source, and we found no research either way."
            }
            Evidence::Contradicted => "Studies with a comparison group, or the study the article names, found otherwise.",
            Evidence::Background => {
                "A description or a bit of context, not a claim that needs evidence."
            }
            Evidence::Unreviewed => "Drafted from a new article; our editors have not graded it yet.",
        }
    }

    /// Whether the level says something is wrong with the claim (for an
    /// article's "what it gets wrong"), worst first: contradicted, overstated,
    /// asserted.
    pub fn problem_rank(self) -> Option<u8> {
        match self {
            Evidence::Contradicted => Some(0),
            Evidence::Overstated => Some(1),
            Evidence::Asserted => Some(2),
            _ => None,
        }
    }
}

vocabulary! {
    /// A study's design, strongest evidence first (the evidence map colours a
    /// cell by the first design in this order that it holds).
    Design {
        SystematicReview = "systematic-review", "Systematic review";
        Rct = "rct", "Randomised controlled trial";
        ControlledStudy = "controlled-study", "Controlled study (not randomised)";
        Cohort = "cohort", "Cohort study (following people over time)";
        Review = "review", "Review";
        UncontrolledStudy = "uncontrolled-study", "Uncontrolled study";
        Consensus = "consensus", "Expert consensus";
        Unspecified = "unspecified", "Design not stated";
    }
}

vocabulary! {
    /// Who took part in a study: how long their back pain had lasted, or no back pain.
    Population {
        Acute = "acute", "Acute (under 4 weeks)";
        Subacute = "subacute", "Subacute (4 to 12 weeks)";
        Chronic = "chronic", "Chronic (over 12 weeks)";
        Healthy = "healthy", "No back pain (healthy volunteers)";
        Unspecified = "unspecified", "Not stated";
    }
}

vocabulary! {
    /// Where a study came from.
    Status {
        Identified = "identified", "Identified";
        Unverified = "unverified", "Unverified";
        Added = "added", "Added by our review";
        /// Found in an uncurated article's text by the build, not yet reviewed.
        Unreviewed = "unreviewed", "Not yet reviewed";
    }
}

vocabulary! {
    /// How long the reader's back pain has lasted, as guidelines split it (ACP:
    /// acute and subacute under 12 weeks, chronic over). The options grid
    /// follows the reader's answer.
    PainDuration {
        Recent = "recent", "Less than 3 months (12 weeks)";
        LongLasting = "long-lasting", "More than 3 months";
    }
}

vocabulary! {
    /// How sure the research is, as GRADE puts it, in words.
    Certainty {
        High = "high", "High certainty";
        Moderate = "moderate", "Moderate certainty";
        Low = "low", "Low certainty";
        VeryLow = "very-low", "Very low certainty";
        NotGraded = "not-graded", "Certainty not graded";
        /// Graded by its source, but the grade's key is not a checked fact:
        /// readers see no certainty label rather than a guess.
        Unstated = "unstated", "Certainty not stated here";
    }
}

vocabulary! {
    /// How firmly a guideline recommends massage.
    Strength {
        Strong = "strong", "Strong recommendation";
        Conditional = "conditional", "Conditional (weaker) recommendation";
        NotRecommended = "not-recommended", "Recommends against";
        NotIncluded = "not-included", "Not among its recommendations";
    }
}

vocabulary! {
    /// How urgent a red flag is; most urgent first.
    Tier {
        Emergency = "emergency", "Call the emergency number now";
        SameDay = "same-day", "See a doctor today, or call a nurse line";
        Routine = "routine", "See your doctor";
    }
}

vocabulary! {
    /// The question a sentence of the bottom line answers.
    Question {
        Helps = "helps", "Does it help?";
        HowMuch = "how-much", "How much?";
        HowLong = "how-long", "For how long?";
        HowSure = "how-sure", "How sure is the research?";
        Safe = "safe", "Is it safe?";
        Guidelines = "guidelines", "What do guidelines say?";
    }
}

vocabulary! {
    /// Kinds of safety guidance.
    SafetyKind {
        RedFlag = "red-flag", "Warning signs: get medical help first";
        SideEffect = "side-effect", "Side effects";
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

vocabulary! {
    /// A report card's judgement of an article on one criterion.
    Verdict {
        Satisfactory = "satisfactory", "Satisfactory";
        NotSatisfactory = "not-satisfactory", "Not satisfactory";
        NotApplicable = "not-applicable", "Not applicable";
    }
}

vocabulary! {
    /// Report-card criteria the app works out from the claim base instead of a
    /// curator's rating.
    Computed {
        EvidenceMix = "evidence-mix", "The evidence behind its claims";
        StudiesDescribed = "studies-described", "How it describes studies";
        HarmsMentioned = "harms-mentioned", "Whether it mentions harms";
    }
}

vocabulary! {
    /// What a figure draws (`figures.toml`; drawn by `draw::figure`).
    FigureKind {
        /// Where each group's average sat on a 0 to 100 scale.
        Scale = "scale", "Averages on a scale";
        /// 100 people per group, the comparison group first.
        Icons = "icons", "100 people per group";
        /// How often something happened, from the lowest to the highest trial.
        Range = "range", "A range across trials";
        /// Averages over time.
        Course = "course", "Averages over time";
    }
}
