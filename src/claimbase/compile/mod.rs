//! The build step, as stages: load the seed files → collect every id → check
//! each record kind (`check/`) → assemble the claim base → generate Rust
//! (`codegen`). Native only (it needs `toml`); `build.rs` includes this module
//! by path and native tests use it directly. Every problem becomes a
//! `SeedError` naming `path:line`; nothing here panics on seed data.

pub mod articles;
pub mod check;
pub mod codegen;
pub mod detect;
pub mod draft;
pub mod extract;
pub mod ids;
pub mod load;
pub mod normalize;
pub mod seed;
pub mod synthetic;
pub mod unreviewed;

use std::fmt;

use crate::claimbase::kinds::Status;
use crate::claimbase::model::{Claim, ClaimBase, Passage, Pathway, SafetyItem, Study};
use crate::draw;
use check::{leak, leak_str, quotes::Quotes, Context};
use extract::Sentence;
use ids::Ids;
pub use load::{read_dir, write_dir, SeedFile, SeedFiles, TOML_FILES};

/// A problem in the seeds, pinned to a file and line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

/// A passage the curators read and judged not to be a claim, with the reason.
#[derive(Debug, PartialEq, Eq)]
pub struct NotAClaim {
    pub passage: Passage,
    pub reason: String,
}

/// What the build knows beyond the bundle: for the coverage report, never in the wasm.
pub struct BuildNotes {
    /// Every sentence of every article, tagged with the terms it mentions.
    pub sentences: Vec<Sentence>,
    pub not_claims: Vec<NotAClaim>,
}

/// A compiled claim base: the bundle, and the build's own notes.
pub struct Compiled {
    pub base: ClaimBase,
    pub notes: BuildNotes,
}

/// Compiles and checks the claim base. All errors are reported, not just the first.
pub fn compile(files: &SeedFiles) -> Result<Compiled, Vec<SeedError>> {
    let mut errors = Vec::new();
    let sources = check::sources::check(&files.articles, &mut errors);
    let Some(seeds) = files.parse(&mut errors) else {
        return Err(errors);
    };
    let source_ids: Vec<(&str, &str)> = sources
        .iter()
        .zip(&files.articles)
        .map(|(s, f)| (s.id, f.path()))
        .collect();
    let ids = Ids::collect(&seeds, &source_ids, &mut errors);
    let quotes = Quotes::new(&sources);
    let ctx = Context {
        ids: &ids,
        quotes: &quotes,
    };
    let about = check::meta::check(&seeds.meta, &ctx, &mut errors);
    let terms = check::terms::check(&seeds.ontology, &mut errors);
    let disagreements = check::claims::disagreements(&seeds.claims, &ctx, &mut errors);
    let claims = check::claims::claims(&seeds.claims(), &ctx, &disagreements, &mut errors);
    let not_claims = check::claims::not_claims(&seeds.claims, &ctx, &mut errors);
    let studies = check::studies::check(&seeds.studies(), &ctx, &mut errors);
    let safety = check::safety::check(&seeds.safety, &ctx, &mut errors);
    let regions = check::safety::regions(&seeds.safety, &mut errors);
    let guidelines = check::guidelines::check(&seeds.guidelines, &mut errors);
    let options = check::options::check(&seeds.options, &ctx, &mut errors);
    let sentences: Vec<&str> = seeds
        .bottom_line
        .seed
        .sentence
        .iter()
        .map(|s| s.id.get_ref().as_str())
        .collect();
    let figures = check::figures::check(&seeds.figures, &sentences, &ctx, &mut errors);
    let bottom_line = check::bottom_line::check(&seeds.bottom_line, figures, &ctx, &mut errors);
    let criteria = check::report_cards::criteria(&seeds.report_cards, &mut errors);
    let report_cards =
        check::report_cards::cards(&seeds.report_cards, &ctx, &criteria, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let sentences = extract::sentences(&sources, &terms);
    let covered = curated_passages(&claims, &studies, &safety, &not_claims);
    let (unreviewed, found) = unreviewed::derive(&sources, &terms, &sentences, &covered);
    let mut studies = studies;
    studies.extend(found);
    let (sources, studies) = (leak(sources), leak(studies));
    let meta = &seeds.meta.seed;
    let mut base = ClaimBase {
        title: leak_str(meta.title.as_str()),
        reviewed: leak_str(meta.reviewed.get_ref().as_str()),
        written_by: leak_str(meta.written_by.get_ref().as_str()),
        independence: leak_str(meta.independence.get_ref().as_str()),
        about,
        bottom_line,
        pathway: Pathway {
            wide: "",
            narrow: "",
        },
        sources,
        terms: leak(terms),
        claims: leak(claims),
        disagreements: leak(disagreements),
        studies,
        safety: leak(safety),
        guidelines: leak(guidelines),
        regions: leak(regions),
        criteria: leak(criteria),
        report_cards: leak(report_cards),
        options,
        unreviewed: leak(unreviewed),
    };
    base.pathway = pathway(&base);
    let notes = BuildNotes {
        sentences,
        not_claims,
    };
    Ok(Compiled { base, notes })
}

/// The pathway pictures, drawn from the finished base: its terms, claims and
/// their evidence levels.
fn pathway(base: &ClaimBase) -> Pathway {
    let graph = draw::pathway::graph(base);
    let draw = |shape| leak_str(draw::pathway::svg(&graph, shape));
    Pathway {
        wide: draw(draw::pathway::Shape::Wide),
        narrow: draw(draw::pathway::Shape::Narrow),
    }
}

/// Every passage a curator has read: claim quotes, study mentions, safety
/// quotes and the notes on passages that are not claims.
fn curated_passages<'a>(
    claims: &'a [Claim],
    studies: &'a [Study],
    safety: &'a [SafetyItem],
    not_claims: &'a [NotAClaim],
) -> Vec<&'a Passage> {
    claims
        .iter()
        .flat_map(|c| c.supports)
        .chain(studies.iter().flat_map(|s| s.mentions))
        .chain(safety.iter().flat_map(|s| s.supports))
        .chain(not_claims.iter().map(|n| &n.passage))
        .collect()
}

impl Compiled {
    /// Sentences that mention an ontology term but lie outside every quoted
    /// passage and every `[[not_a_claim]]`: what the curated claim base may have
    /// left out.
    pub fn uncovered_sentences(&self) -> Vec<&Sentence> {
        let base = &self.base;
        let curated = base
            .studies
            .iter()
            .filter(|s| s.status != Status::Unreviewed);
        let studies: Vec<&Study> = curated.collect();
        let covered: Vec<&Passage> = base
            .claims
            .iter()
            .flat_map(|c| c.supports)
            .chain(studies.iter().flat_map(|s| s.mentions))
            .chain(base.safety.iter().flat_map(|s| s.supports))
            .chain(self.notes.not_claims.iter().map(|n| &n.passage))
            .collect();
        unreviewed::uncovered(&self.notes.sentences, &covered)
            .into_iter()
            .filter(|s| !s.terms.is_empty())
            .collect()
    }
}
