//! The seed files as written by hand: serde structures for `toml`. Positions are
//! kept (`Spanned`) wherever a later check may need to point at a line.

use serde::Deserialize;
use toml::Spanned;

use crate::claimbase::kinds::{
    Certainty, ClaimKind, Computed, Design, Evidence, FigureKind, PainDuration, Population,
    Question, SafetyKind, Status, Strength, TermKind, Tier, Verdict,
};

pub type Id = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    pub reviewed: Spanned<String>,
    pub written_by: Spanned<String>,
    pub independence: Spanned<String>,
    pub about: AboutSeed,
}

/// `[about]` of `claimbase.toml`: who stands behind the content.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AboutSeed {
    pub published: Spanned<String>,
    pub next_review: Spanned<String>,
    pub method: Spanned<String>,
    pub funding: Spanned<String>,
    pub updates: Spanned<String>,
    pub searched: Vec<Spanned<FactSeed>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermSeed {
    pub id: Id,
    pub name: String,
    pub summary: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ontology {
    #[serde(default)]
    pub mechanism: Vec<TermSeed>,
    #[serde(default)]
    pub technique: Vec<TermSeed>,
    #[serde(default)]
    pub condition: Vec<TermSeed>,
    #[serde(default)]
    pub comparator: Vec<TermSeed>,
    #[serde(default)]
    pub outcome: Vec<TermSeed>,
}

impl Ontology {
    /// Every term with its kind, in the bundle's order: mechanisms, techniques,
    /// conditions, comparators, outcomes. Ids and terms are numbered from this.
    pub fn terms(&self) -> impl Iterator<Item = (TermKind, &TermSeed)> {
        [
            (TermKind::Mechanism, &self.mechanism),
            (TermKind::Technique, &self.technique),
            (TermKind::Condition, &self.condition),
            (TermKind::Comparator, &self.comparator),
            (TermKind::Outcome, &self.outcome),
        ]
        .into_iter()
        .flat_map(|(kind, terms)| terms.iter().map(move |t| (kind, t)))
    }
}

/// `{ source, quote }`: a verbatim passage of an article.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PassageSeed {
    pub source: Id,
    pub quote: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimSeed {
    pub id: Id,
    /// Drafted (`make draft`), not yet reviewed: may carry `evidence = "unreviewed"`.
    #[serde(default)]
    pub draft: bool,
    pub kind: ClaimKind,
    pub about: Vec<Id>,
    pub text: String,
    pub evidence: Evidence,
    pub evidence_note: String,
    #[serde(default)]
    pub studies: Vec<Id>,
    #[serde(default)]
    pub support: Vec<PassageSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisagreementSeed {
    pub id: Id,
    pub topic: String,
    pub claims: Vec<Id>,
    pub note: String,
}

/// A passage the curators read and judged not to be a claim, with the reason,
/// so the coverage report can say why it is left out.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotAClaimSeed {
    pub source: Id,
    pub quote: Spanned<String>,
    pub reason: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claims {
    #[serde(default)]
    pub claim: Vec<ClaimSeed>,
    #[serde(default)]
    pub disagreement: Vec<DisagreementSeed>,
    #[serde(default)]
    pub not_a_claim: Vec<NotAClaimSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicationSeed {
    pub citation: String,
    pub authors: String,
    pub title: String,
    pub journal: String,
    #[serde(default)]
    pub year: Option<u16>,
    pub doi: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub volume: String,
    #[serde(default)]
    pub issue: String,
    #[serde(default)]
    pub pages: String,
    #[serde(default)]
    pub participants: Option<u32>,
    #[serde(default)]
    pub duration: String,
    pub result: String,
}

/// Where an article describes a study differently from what it is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiscrepancySeed {
    #[serde(default)]
    pub source: Option<Id>,
    pub text: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingSeed {
    pub comparison: Spanned<String>,
    pub outcome: String,
    pub timing: String,
    pub result: String,
    #[serde(default)]
    pub people: Option<String>,
    pub certainty: Certainty,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudySeed {
    pub id: Id,
    pub label: String,
    pub design: Design,
    pub populations: Vec<Population>,
    #[serde(default)]
    pub comparators: Vec<Id>,
    #[serde(default)]
    pub outcomes: Vec<Id>,
    pub status: Status,
    pub quality: String,
    #[serde(default)]
    pub discrepancy: Vec<DiscrepancySeed>,
    #[serde(default)]
    pub finding: Vec<FindingSeed>,
    #[serde(default)]
    pub identified: Option<PublicationSeed>,
    #[serde(default)]
    pub closest: Option<PublicationSeed>,
    #[serde(default)]
    pub mention: Vec<PassageSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Studies {
    #[serde(default)]
    pub study: Vec<StudySeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetySeed {
    pub id: Id,
    pub kind: SafetyKind,
    #[serde(default)]
    pub tier: Option<Tier>,
    pub text: String,
    #[serde(default)]
    pub detail: Option<String>,
    #[serde(default)]
    pub basis: Option<String>,
    #[serde(default)]
    pub support: Vec<PassageSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    #[serde(default)]
    pub safety: Vec<SafetySeed>,
    #[serde(default)]
    pub region: Vec<RegionSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionSeed {
    pub id: Id,
    pub name: String,
    pub emergency: String,
    #[serde(default)]
    pub urgent: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidelines {
    #[serde(default)]
    pub guideline: Vec<GuidelineSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelineSeed {
    pub id: Id,
    pub name: String,
    pub short: String,
    pub issuer: String,
    pub title: String,
    pub citation: String,
    pub year: u16,
    #[serde(default)]
    pub doi: String,
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub recommendation: Vec<RecommendationSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecommendationSeed {
    pub populations: Vec<Population>,
    pub text: Spanned<String>,
    #[serde(default)]
    pub wording: Option<String>,
    pub strength: Strength,
    pub certainty: Certainty,
    #[serde(default)]
    pub note: Option<String>,
}

/// `options.toml`: the options grid. Every field of an option is required, so
/// an option with one missing fails to parse, at its line: equal detail.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Options {
    pub decision: Spanned<String>,
    /// The health condition, in plain words (IPDAS: a decision aid describes it).
    pub condition: Spanned<FactSeed>,
    /// How it usually goes, in brief: with the options in brief on the Short answer.
    #[serde(default)]
    pub condition_brief: Option<Spanned<FactSeed>>,
    /// The warning sign that says when pain that lasts is a reason to see someone.
    pub not_improving: Id,
    pub guidelines: Vec<Id>,
    /// What a course of massage involves: facts, each with its records.
    pub course: Vec<Spanned<FactSeed>>,
    #[serde(default)]
    pub option: Vec<OptionSeed>,
    #[serde(default)]
    pub matter: Vec<MatterSeed>,
}

/// `[[matter]]`: something a reader may care about, and the options that fit it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatterSeed {
    pub id: Id,
    pub label: Spanned<String>,
    pub fits: Vec<Id>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSeed {
    pub id: Id,
    pub name: String,
    pub what: String,
    pub given_by: Spanned<FactSeed>,
    pub sessions: Spanned<FactSeed>,
    pub by_yourself: Spanned<FactSeed>,
    pub cost: Spanned<FactSeed>,
    pub pain: Vec<OutlookSeed>,
}

/// An option for one pain duration.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutlookSeed {
    pub duration: Spanned<PainDuration>,
    pub helps: Spanned<FactSeed>,
    pub lasts: Spanned<FactSeed>,
    pub harms: Spanned<FactSeed>,
    pub guideline: Vec<GuidelineSaysSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidelineSaysSeed {
    pub guideline: Id,
    pub says: Spanned<FactSeed>,
}

/// A cell of the grid: `{ text, cites }` when known, `{ unknown = "why" }` when not.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactSeed {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub unknown: Option<String>,
    #[serde(default)]
    pub cites: Vec<Id>,
    #[serde(default)]
    pub certainty: Option<Certainty>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BottomLine {
    pub summary: Spanned<String>,
    #[serde(default)]
    pub sentence: Vec<PointSeed>,
}

/// A sentence of the bottom line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointSeed {
    pub id: Id,
    pub question: Question,
    /// The answer in one or two short sentences, shown first; `text` is behind
    /// "Read more" with the figures. Without it, `text` shows in full.
    #[serde(default)]
    pub short: Option<String>,
    pub text: String,
    #[serde(default)]
    pub cites: Vec<Id>,
}

/// `figures.toml`: numbers as pictures, each under a sentence of the short answer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figures {
    #[serde(default)]
    pub figure: Vec<Spanned<FigureSeed>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureSeed {
    /// The bottom-line sentence it is drawn under.
    pub sentence: Id,
    pub kind: FigureKind,
    pub title: String,
    pub says: String,
    pub certainty: Certainty,
    #[serde(default)]
    pub cites: Vec<Id>,
    #[serde(default)]
    pub group: Vec<Spanned<FigureGroupSeed>>,
}

/// A group: one reading (`value`, `low`, `high`), or a course's `points`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureGroupSeed {
    pub label: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    #[serde(default)]
    pub points: Vec<ReadingSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingSeed {
    pub week: u16,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportCards {
    #[serde(default)]
    pub criterion: Vec<CriterionSeed>,
    #[serde(default)]
    pub verdict: Vec<VerdictSeed>,
    #[serde(default)]
    pub rating: Vec<RatingSeed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriterionSeed {
    pub id: Id,
    pub name: String,
    pub question: String,
    pub satisfactory: String,
    pub origin: Vec<String>,
    #[serde(default)]
    pub computed: Option<Computed>,
}

/// The line a reader sees first on an article's card; an article with one is rated.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdictSeed {
    pub source: Id,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingSeed {
    pub source: Id,
    pub criterion: Id,
    pub verdict: Verdict,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub quote: Vec<QuoteSeed>,
}

/// A quote from the rated article (its `source` is the rating's).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuoteSeed {
    pub quote: Spanned<String>,
}

/// A curator's draft (`seeds/drafts/*.toml`, written by `make draft`): claims and
/// studies of one article, checked like the rest, counted among them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    #[serde(default)]
    pub claim: Vec<ClaimSeed>,
    #[serde(default)]
    pub study: Vec<StudySeed>,
}
