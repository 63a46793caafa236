//! Stage 2, collect ids: every record's id is defined (checked for shape and
//! uniqueness across all files) before any reference is resolved, so the order
//! of records and files never matters. A reference resolves to a typed index of
//! the kind it must be, or becomes an error naming what it is instead.

use std::collections::HashMap;

use super::check::Check;
use super::load::SeedFile;
use super::load::Seeds;
use super::seed::Id;
use super::SeedError;
use crate::claimbase::kinds::TermKind;
use crate::claimbase::model::{
    CareOptionIdx, Cite, ClaimIdx, CriterionIdx, DisagreementIdx, GuidelineIdx, SafetyIdx,
    SourceIdx, StudyIdx, TermIdx,
};

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    Source,
    Term(TermKind),
    Claim,
    Disagreement,
    Study,
    Safety,
    Region,
    Guideline,
    /// An option of the options grid.
    CareOption,
    /// A sentence of the bottom line.
    Point,
    Criterion,
}

impl IdKind {
    /// "a mechanism", "a claim" ...: for messages.
    pub fn describe(self) -> &'static str {
        match self {
            IdKind::Source => "a source",
            IdKind::Term(TermKind::Mechanism) => "a mechanism",
            IdKind::Term(TermKind::Technique) => "a technique",
            IdKind::Term(TermKind::Condition) => "a condition",
            IdKind::Term(TermKind::Comparator) => "a comparator",
            IdKind::Term(TermKind::Outcome) => "an outcome",
            IdKind::Claim => "a claim",
            IdKind::Disagreement => "a disagreement",
            IdKind::Study => "a study",
            IdKind::Safety => "a safety item",
            IdKind::Region => "a region",
            IdKind::Guideline => "a guideline",
            IdKind::CareOption => "an option",
            IdKind::Point => "a bottom-line sentence",
            IdKind::Criterion => "a report-card criterion",
        }
    }
}

/// Where an id was defined: its kind, its position in its own list, and its place.
struct Definition {
    kind: IdKind,
    position: u16,
    path: String,
    line: usize,
}

/// Every id of the claim base.
#[derive(Default)]
pub struct Ids {
    defined: HashMap<String, Definition>,
}

/// Whether `id` is a readable slug: lowercase letters, digits and single dashes.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// "a study", "an outcome".
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

impl Ids {
    /// Defines every id in `seeds`, and the sources: `(id, path)` of each
    /// article, in bundle order.
    pub fn collect(seeds: &Seeds, sources: &[(&str, &str)], errors: &mut Vec<SeedError>) -> Ids {
        let mut ids = Ids::default();
        for (position, &(id, path)) in (0u16..).zip(sources) {
            let path = path.to_string();
            let source = Definition {
                kind: IdKind::Source,
                position,
                path,
                line: 1,
            };
            ids.defined.insert(id.to_string(), source);
        }
        let ontology = seeds
            .ontology
            .seed
            .terms()
            .map(|(kind, t)| (&t.id, IdKind::Term(kind)));
        ids.define_all(seeds.ontology.file, errors, ontology);
        let claims = &seeds.claims.seed;
        for (position, (file, claim)) in seeds.claims().into_iter().enumerate() {
            ids.define(
                &mut Check::new(file, errors),
                &claim.id,
                IdKind::Claim,
                position,
            );
        }
        let disagreements = claims
            .disagreement
            .iter()
            .map(|d| (&d.id, IdKind::Disagreement));
        ids.define_all(seeds.claims.file, errors, disagreements);
        for (position, (file, study)) in seeds.studies().into_iter().enumerate() {
            ids.define(
                &mut Check::new(file, errors),
                &study.id,
                IdKind::Study,
                position,
            );
        }
        let safety = &seeds.safety.seed;
        ids.define_all(
            seeds.safety.file,
            errors,
            safety.safety.iter().map(|s| (&s.id, IdKind::Safety)),
        );
        ids.define_all(
            seeds.safety.file,
            errors,
            safety.region.iter().map(|r| (&r.id, IdKind::Region)),
        );
        let guidelines = seeds
            .guidelines
            .seed
            .guideline
            .iter()
            .map(|g| (&g.id, IdKind::Guideline));
        ids.define_all(seeds.guidelines.file, errors, guidelines);
        let options = seeds.options.seed.option.iter();
        let options = options.map(|o| (&o.id, IdKind::CareOption));
        ids.define_all(seeds.options.file, errors, options);
        let points = seeds
            .bottom_line
            .seed
            .sentence
            .iter()
            .map(|p| (&p.id, IdKind::Point));
        ids.define_all(seeds.bottom_line.file, errors, points);
        let criteria = seeds.report_cards.seed.criterion.iter();
        let criteria = criteria.map(|c| (&c.id, IdKind::Criterion));
        ids.define_all(seeds.report_cards.file, errors, criteria);
        ids
    }

    /// Defines the ids of one list of `file`, numbered from 0 in the order given.
    fn define_all<'a>(
        &mut self,
        file: &SeedFile,
        errors: &mut Vec<SeedError>,
        list: impl Iterator<Item = (&'a Id, IdKind)>,
    ) {
        let mut check = Check::new(file, errors);
        for (position, (id, kind)) in list.enumerate() {
            self.define(&mut check, id, kind, position);
        }
    }

    fn define(&mut self, check: &mut Check, id: &Id, kind: IdKind, position: usize) {
        let at = id.span().start;
        let name = id.get_ref();
        if !is_slug(name) {
            check.at(
                at,
                format!(
                    "`{name}` is not a valid id: use lowercase letters, digits and single dashes"
                ),
            );
        }
        if let Some(first) = self.defined.get(name) {
            let message = format!(
                "duplicate id `{name}` (first defined at {}:{})",
                first.path, first.line
            );
            check.at(at, message);
            return;
        }
        let Ok(position) = u16::try_from(position) else {
            check.at(at, "too many records of one kind (at most 65,536)");
            return;
        };
        let (path, line) = (check.path().to_string(), check.line(at));
        self.defined.insert(
            name.clone(),
            Definition {
                kind,
                position,
                path,
                line,
            },
        );
    }

    /// The position of `id` if it names one of the kinds `accept` takes; else an
    /// error saying what it is (or that it is unknown), calling it `what`.
    fn resolve(
        &self,
        check: &mut Check,
        id: &Id,
        accept: impl Fn(IdKind) -> bool,
        what: &str,
    ) -> Option<u16> {
        let name = id.get_ref();
        match self.defined.get(name) {
            Some(d) if accept(d.kind) => Some(d.position),
            Some(d) => {
                let message = format!(
                    "`{name}` is {}, not {}",
                    d.kind.describe(),
                    with_article(what)
                );
                check.at(id.span().start, message);
                None
            }
            None => {
                check.at(id.span().start, format!("unknown {what} `{name}`"));
                None
            }
        }
    }

    /// A term of one of `kinds` (any kind when empty).
    pub fn term(
        &self,
        check: &mut Check,
        id: &Id,
        kinds: &[TermKind],
        what: &str,
    ) -> Option<TermIdx> {
        let accept = |k| matches!(k, IdKind::Term(t) if kinds.is_empty() || kinds.contains(&t));
        self.resolve(check, id, accept, what).map(TermIdx)
    }

    pub fn claim(&self, check: &mut Check, id: &Id) -> Option<ClaimIdx> {
        self.resolve(check, id, |k| k == IdKind::Claim, "claim")
            .map(ClaimIdx)
    }

    pub fn study(&self, check: &mut Check, id: &Id) -> Option<StudyIdx> {
        self.resolve(check, id, |k| k == IdKind::Study, "study")
            .map(StudyIdx)
    }

    pub fn criterion(&self, check: &mut Check, id: &Id) -> Option<CriterionIdx> {
        self.resolve(check, id, |k| k == IdKind::Criterion, "criterion")
            .map(CriterionIdx)
    }

    /// What a bottom-line sentence may cite: a study, a guideline or a claim.
    pub fn cite(&self, check: &mut Check, id: &Id) -> Option<Cite> {
        let accept = |k| matches!(k, IdKind::Study | IdKind::Guideline | IdKind::Claim);
        let position = self.resolve(check, id, accept, "study, guideline or claim")?;
        match self.defined.get(id.get_ref()).map(|d| d.kind) {
            Some(IdKind::Study) => Some(Cite::Study(StudyIdx(position))),
            Some(IdKind::Guideline) => Some(Cite::Guideline(GuidelineIdx(position))),
            _ => Some(Cite::Claim(ClaimIdx(position))),
        }
    }

    pub fn safety(&self, check: &mut Check, id: &Id) -> Option<SafetyIdx> {
        self.resolve(check, id, |k| k == IdKind::Safety, "safety item")
            .map(SafetyIdx)
    }

    pub fn care_option(&self, check: &mut Check, id: &Id) -> Option<CareOptionIdx> {
        self.resolve(check, id, |k| k == IdKind::CareOption, "option")
            .map(CareOptionIdx)
    }

    pub fn guideline(&self, check: &mut Check, id: &Id) -> Option<GuidelineIdx> {
        self.resolve(check, id, |k| k == IdKind::Guideline, "guideline")
            .map(GuidelineIdx)
    }

    /// What an option's fact may cite: a study or a guideline.
    pub fn evidence(&self, check: &mut Check, id: &Id) -> Option<Cite> {
        let accept = |k| matches!(k, IdKind::Study | IdKind::Guideline);
        let position = self.resolve(check, id, accept, "study or guideline")?;
        match self.defined.get(id.get_ref()).map(|d| d.kind) {
            Some(IdKind::Study) => Some(Cite::Study(StudyIdx(position))),
            _ => Some(Cite::Guideline(GuidelineIdx(position))),
        }
    }

    /// A source's id, for messages.
    pub fn source_id(&self, source: SourceIdx) -> &str {
        let is_it = |d: &Definition| d.kind == IdKind::Source && d.position == source.0;
        self.defined
            .iter()
            .find(|(_, d)| is_it(d))
            .map_or("", |(id, _)| id.as_str())
    }

    /// A source (article), or an error listing the sources there are.
    pub fn source(&self, check: &mut Check, id: &Id) -> Option<SourceIdx> {
        match self.defined.get(id.get_ref()) {
            Some(d) if d.kind == IdKind::Source => Some(SourceIdx(d.position)),
            _ => {
                let mut known: Vec<&str> = self
                    .defined
                    .iter()
                    .filter(|(_, d)| d.kind == IdKind::Source)
                    .map(|(id, _)| id.as_str())
                    .collect();
                known.sort_unstable();
                let message = format!(
                    "unknown source `{}` (sources: {})",
                    id.get_ref(),
                    known.join(", ")
                );
                check.at(id.span().start, message);
                None
            }
        }
    }

    /// Disagreement index for a position (disagreements are numbered in file order).
    pub fn disagreement_at(position: usize) -> Option<DisagreementIdx> {
        u16::try_from(position).ok().map(DisagreementIdx)
    }
}
