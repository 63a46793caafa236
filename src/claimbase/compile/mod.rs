//! The build step: seed files → checked claim base → generated Rust.
//! Native only (it needs `toml`); `build.rs` includes this module by path and
//! native tests use it directly. Every problem becomes a `SeedError` naming
//! `path:line`; nothing here panics on seed data.

pub mod articles;
pub mod codegen;
pub mod extract;
pub mod index;
pub mod normalize;
pub mod seed;
pub mod synthetic;

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::Path;

use crate::claimbase::kinds::{Status, TermKind};
use crate::claimbase::model::{
    Block, Claim, ClaimBase, Disagreement, NotAClaim, Passage, Publication, SafetyItem, Source,
    Study, Term,
};
use seed::{Id, PassageSeed, PublicationSeed};

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

/// A seed file's path (as shown in errors) and raw bytes.
#[derive(Clone, Debug)]
pub struct SeedFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl SeedFile {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// Everything the claim base is compiled from.
#[derive(Clone, Debug)]
pub struct SeedFiles {
    /// `articles/*.txt`, sorted by path.
    pub articles: Vec<SeedFile>,
    pub meta: SeedFile,
    pub ontology: SeedFile,
    pub claims: SeedFile,
    pub studies: SeedFile,
    pub safety: SeedFile,
}

pub const TOML_FILES: [&str; 5] = [
    "claimbase.toml",
    "ontology.toml",
    "claims.toml",
    "studies.toml",
    "safety.toml",
];

/// Reads `seeds_dir` (shown in errors as `shown_as`, e.g. `seeds`).
pub fn read_dir(seeds_dir: &Path, shown_as: &str) -> Result<SeedFiles, Vec<SeedError>> {
    let at = |path: String, message: String| SeedError {
        path,
        line: 1,
        message,
    };
    let articles_dir = seeds_dir.join("articles");
    let mut errors = Vec::new();
    let mut articles = Vec::new();
    match std::fs::read_dir(&articles_dir) {
        Err(e) => errors.push(at(
            format!("{shown_as}/articles"),
            format!("cannot read the articles folder: {e}"),
        )),
        Ok(entries) => {
            let mut names: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".txt"))
                .collect();
            names.sort();
            for name in names {
                let shown = format!("{shown_as}/articles/{name}");
                match std::fs::read(articles_dir.join(&name)) {
                    Ok(bytes) => articles.push(SeedFile::new(shown, bytes)),
                    Err(e) => errors.push(at(shown, format!("cannot read the article: {e}"))),
                }
            }
        }
    }
    let mut read = |name: &str| {
        let shown = format!("{shown_as}/{name}");
        match std::fs::read(seeds_dir.join(name)) {
            Ok(bytes) => SeedFile::new(shown, bytes),
            Err(e) => {
                errors.push(at(shown.clone(), format!("cannot read {name}: {e}")));
                SeedFile::new(shown, Vec::new())
            }
        }
    };
    let [meta, ontology, claims, studies, safety] = TOML_FILES.map(&mut read);
    if errors.is_empty() {
        Ok(SeedFiles {
            articles,
            meta,
            ontology,
            claims,
            studies,
            safety,
        })
    } else {
        Err(errors)
    }
}

/// 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    1 + text
        .as_bytes()
        .iter()
        .take(offset)
        .filter(|&&b| b == b'\n')
        .count()
}

pub(crate) fn leak_str(s: impl Into<String>) -> &'static str {
    Box::leak(s.into().into_boxed_str())
}

pub(crate) fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// Collects errors for one seed file.
struct Checker<'a> {
    path: &'a str,
    errors: &'a mut Vec<SeedError>,
    /// Byte offsets where lines start, so a line number is a binary search
    /// (every id records its line; counting from the top was quadratic).
    line_starts: Vec<usize>,
}

impl<'a> Checker<'a> {
    fn new(path: &'a str, text: &'a str, errors: &'a mut Vec<SeedError>) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Checker {
            path,
            errors,
            line_starts,
        }
    }

    fn at(&mut self, offset: usize, message: impl Into<String>) {
        self.errors.push(SeedError {
            path: self.path.to_string(),
            line: self.line(offset),
            message: message.into(),
        });
    }

    fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= offset)
    }
}

fn parse_toml<T: serde::de::DeserializeOwned + Default>(
    file: &SeedFile,
    errors: &mut Vec<SeedError>,
) -> (T, String) {
    let text = match String::from_utf8(file.bytes.clone()) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let line = 1 + file
                .bytes
                .iter()
                .take(valid)
                .filter(|&&b| b == b'\n')
                .count();
            errors.push(SeedError {
                path: file.path.clone(),
                line,
                message: "the file is not UTF-8".into(),
            });
            return (T::default(), String::new());
        }
    };
    match toml::from_str(&text) {
        Ok(value) => (value, text),
        Err(e) => {
            let line = e.span().map_or(1, |span| line_of(&text, span.start));
            errors.push(SeedError {
                path: file.path.clone(),
                line,
                message: e.message().trim().to_string(),
            });
            (T::default(), text)
        }
    }
}

impl Default for seed::Meta {
    fn default() -> Self {
        Self {
            title: String::new(),
            reviewed: toml::Spanned::new(0..0, String::new()),
        }
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
        && matches!(s.get(5..7).and_then(|m| m.parse::<u8>().ok()), Some(1..=12))
        && matches!(
            s.get(8..10).and_then(|d| d.parse::<u8>().ok()),
            Some(1..=31)
        )
}

/// Where each id was first defined: the index in its own list, its kind and place.
struct IdIndex {
    defined: HashMap<String, (&'static str, usize, String, usize)>,
}

impl IdIndex {
    fn define(&mut self, check: &mut Checker, id: &Id, kind: &'static str, index: usize) {
        let span = id.span();
        if !is_slug(id.get_ref()) {
            check.at(
                span.start,
                format!(
                    "`{}` is not a valid id: use lowercase letters, digits and single dashes",
                    id.get_ref()
                ),
            );
        }
        if let Some((_, _, path, line)) = self.defined.get(id.get_ref()) {
            check.at(
                span.start,
                format!(
                    "duplicate id `{}` (first defined at {path}:{line})",
                    id.get_ref()
                ),
            );
            return;
        }
        let line = check.line(span.start);
        self.defined.insert(
            id.get_ref().clone(),
            (kind, index, check.path.to_string(), line),
        );
    }

    /// The index of `id` if it is defined as one of `kinds`; otherwise an error.
    fn resolve(
        &self,
        check: &mut Checker,
        id: &Id,
        kinds: &[&'static str],
        what: &str,
    ) -> Option<u16> {
        match self.defined.get(id.get_ref()) {
            Some((kind, index, _, _)) if kinds.contains(kind) => u16::try_from(*index).ok(),
            Some((kind, _, _, _)) => {
                check.at(
                    id.span().start,
                    format!("`{}` is a {kind}, not {what}", id.get_ref()),
                );
                None
            }
            None => {
                check.at(
                    id.span().start,
                    format!("unknown {what} `{}`", id.get_ref()),
                );
                None
            }
        }
    }
}

fn non_empty(check: &mut Checker, offset: usize, field: &str, owner: &Id, value: &str) {
    if value.trim().is_empty() {
        check.at(
            offset,
            format!("`{}`: `{field}` must not be empty", owner.get_ref()),
        );
    }
}

struct SourcesIndex<'a> {
    ids: HashMap<&'a str, u16>,
    texts: Vec<&'static str>,
    /// Each text normalised once, for finding quotes.
    normalized: Vec<normalize::Normalized>,
}

impl SourcesIndex<'_> {
    fn passage(&self, check: &mut Checker, seed: &PassageSeed) -> Option<Passage> {
        let Some(&source) = self.ids.get(seed.source.get_ref().as_str()) else {
            let known: Vec<&str> = {
                let mut ids: Vec<&str> = self.ids.keys().copied().collect();
                ids.sort_unstable();
                ids
            };
            check.at(
                seed.source.span().start,
                format!(
                    "unknown source `{}` (sources: {})",
                    seed.source.get_ref(),
                    known.join(", ")
                ),
            );
            return None;
        };
        let text = self
            .texts
            .get(usize::from(source))
            .copied()
            .unwrap_or_default();
        let quote = seed.quote.get_ref();
        let found = self
            .normalized
            .get(usize::from(source))
            .and_then(|n| n.find(text, quote));
        match found {
            Some((start, end)) => Some(Passage {
                source,
                start: start as u32,
                end: end as u32,
            }),
            None => {
                let hint = match normalize::closest_passage(text, quote) {
                    Some(closest) => format!("; the closest passage is \"{closest}\""),
                    None => String::new(),
                };
                check.at(
                    seed.quote.span().start,
                    format!(
                        "quote not found in {}: \"{quote}\"{hint}",
                        seed.source.get_ref()
                    ),
                );
                None
            }
        }
    }

    fn passages(&self, check: &mut Checker, seeds: &[PassageSeed]) -> Vec<Passage> {
        seeds
            .iter()
            .filter_map(|s| self.passage(check, s))
            .collect()
    }
}

fn publication(p: &PublicationSeed) -> Publication {
    Publication {
        citation: leak_str(p.citation.clone()),
        authors: leak_str(p.authors.clone()),
        title: leak_str(p.title.clone()),
        journal: leak_str(p.journal.clone()),
        year: p.year,
        doi: leak_str(p.doi.clone()),
        volume: leak_str(p.volume.clone()),
        issue: leak_str(p.issue.clone()),
        pages: leak_str(p.pages.clone()),
        participants: p.participants,
        duration: leak_str(p.duration.clone()),
        result: leak_str(p.result.clone()),
    }
}

fn read_articles(files: &[SeedFile], errors: &mut Vec<SeedError>) -> Vec<Source> {
    let mut sources = Vec::new();
    for file in files {
        let id = file
            .path
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .trim_end_matches(".txt")
            .to_string();
        let text = match std::str::from_utf8(&file.bytes) {
            Ok(text) => text,
            Err(e) => {
                let line = line_of(
                    &String::from_utf8_lossy(&file.bytes[..e.valid_up_to()]),
                    usize::MAX,
                );
                errors.push(SeedError {
                    path: file.path.clone(),
                    line,
                    message: format!(
                        "the article is not UTF-8 (invalid byte at offset {})",
                        e.valid_up_to()
                    ),
                });
                continue;
            }
        };
        if articles::trim_line(text).is_empty() {
            errors.push(SeedError {
                path: file.path.clone(),
                line: 1,
                message: "the article is empty".into(),
            });
            continue;
        }
        let text = leak_str(text);
        let meta = articles::detect(text);
        let blocks = articles::blocks(text)
            .into_iter()
            .map(|(kind, start, end)| Block {
                kind,
                start: start as u32,
                end: end as u32,
            })
            .collect();
        sources.push(Source {
            id: leak_str(id),
            title: meta.title.map(leak_str),
            byline: meta.byline.map(leak_str),
            publisher: meta.publisher.map(leak_str),
            url: meta.url.map(leak_str),
            word_count: u32::try_from(meta.word_count).unwrap_or(u32::MAX),
            lead: leak_str(meta.lead),
            text,
            blocks: leak(blocks),
        });
    }
    if files.is_empty() {
        errors.push(SeedError {
            path: "seeds/articles".into(),
            line: 1,
            message: "no articles (*.txt) found".into(),
        });
    }
    sources
}

/// Compiles and checks the claim base. All errors are reported, not just the first.
pub fn compile(files: &SeedFiles) -> Result<ClaimBase, Vec<SeedError>> {
    let mut errors = Vec::new();
    let sources = read_articles(&files.articles, &mut errors);
    let (meta, meta_text): (seed::Meta, String) = parse_toml(&files.meta, &mut errors);
    let (ontology, ontology_text): (seed::Ontology, String) =
        parse_toml(&files.ontology, &mut errors);
    let (claims, claims_text): (seed::Claims, String) = parse_toml(&files.claims, &mut errors);
    let (studies, studies_text): (seed::Studies, String) = parse_toml(&files.studies, &mut errors);
    let (safety, safety_text): (seed::Safety, String) = parse_toml(&files.safety, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut meta_check = Checker::new(&files.meta.path, &meta_text, &mut errors);
    if !is_date(meta.reviewed.get_ref()) {
        meta_check.at(
            meta.reviewed.span().start,
            format!(
                "`reviewed` must be a date YYYY-MM-DD, not `{}`",
                meta.reviewed.get_ref()
            ),
        );
    }

    let source_index = SourcesIndex {
        ids: sources.iter().zip(0u16..).map(|(s, i)| (s.id, i)).collect(),
        texts: sources.iter().map(|s| s.text).collect(),
        normalized: sources
            .iter()
            .map(|s| normalize::normalize(s.text))
            .collect(),
    };
    let mut ids = IdIndex {
        defined: HashMap::new(),
    };
    for source in &sources {
        ids.defined
            .insert(source.id.to_string(), ("source", 0, String::new(), 0));
    }

    // Terms, in a fixed kind order.
    let term_groups: [(TermKind, &'static str, &Vec<seed::TermSeed>); 5] = [
        (TermKind::Mechanism, "mechanism", &ontology.mechanism),
        (TermKind::Technique, "technique", &ontology.technique),
        (TermKind::Condition, "condition", &ontology.condition),
        (TermKind::Comparator, "comparator", &ontology.comparator),
        (TermKind::Outcome, "outcome", &ontology.outcome),
    ];
    let mut terms = Vec::new();
    {
        let mut check = Checker::new(&files.ontology.path, &ontology_text, &mut errors);
        for (kind, kind_name, seeds) in term_groups {
            for t in seeds {
                ids.define(&mut check, &t.id, kind_name, terms.len());
                non_empty(&mut check, t.id.span().start, "name", &t.id, &t.name);
                non_empty(&mut check, t.id.span().start, "summary", &t.id, &t.summary);
                terms.push(Term {
                    id: leak_str(t.id.get_ref().clone()),
                    kind,
                    name: leak_str(t.name.clone()),
                    summary: leak_str(t.summary.clone()),
                    synonyms: leak(t.synonyms.iter().map(|s| leak_str(s.clone())).collect()),
                });
            }
        }
    }
    // Define every other id before resolving references, so order in files doesn't matter.
    {
        let mut check = Checker::new(&files.claims.path, &claims_text, &mut errors);
        for (i, c) in claims.claim.iter().enumerate() {
            ids.define(&mut check, &c.id, "claim", i);
        }
        for (i, d) in claims.disagreement.iter().enumerate() {
            ids.define(&mut check, &d.id, "disagreement", i);
        }
    }
    {
        let mut check = Checker::new(&files.studies.path, &studies_text, &mut errors);
        for (i, s) in studies.study.iter().enumerate() {
            ids.define(&mut check, &s.id, "study", i);
        }
    }
    {
        let mut check = Checker::new(&files.safety.path, &safety_text, &mut errors);
        for (i, s) in safety.safety.iter().enumerate() {
            ids.define(&mut check, &s.id, "safety item", i);
        }
    }

    const ANY_TERM: &[&str] = &[
        "mechanism",
        "technique",
        "condition",
        "comparator",
        "outcome",
    ];

    // Disagreements first: claims list the ones they take part in.
    let mut disagreements = Vec::new();
    let mut claim_disagreements: HashMap<u16, Vec<u16>> = HashMap::new();
    {
        let mut check = Checker::new(&files.claims.path, &claims_text, &mut errors);
        for (d_idx, d) in (0u16..).zip(&claims.disagreement) {
            non_empty(&mut check, d.id.span().start, "topic", &d.id, &d.topic);
            non_empty(&mut check, d.id.span().start, "note", &d.id, &d.note);
            let members: Vec<u16> = d
                .claims
                .iter()
                .filter_map(|c| ids.resolve(&mut check, c, &["claim"], "claim"))
                .collect();
            if d.claims.len() < 2 {
                check.at(
                    d.id.span().start,
                    format!("disagreement `{}` needs two or more claims", d.id.get_ref()),
                );
            }
            for &member in &members {
                claim_disagreements.entry(member).or_default().push(d_idx);
            }
            disagreements.push(Disagreement {
                id: leak_str(d.id.get_ref().clone()),
                topic: leak_str(d.topic.clone()),
                claims: leak(members),
                note: leak_str(d.note.clone()),
            });
        }
    }

    let mut claim_out = Vec::new();
    {
        let mut check = Checker::new(&files.claims.path, &claims_text, &mut errors);
        for (c_idx, c) in (0u16..).zip(&claims.claim) {
            non_empty(&mut check, c.id.span().start, "text", &c.id, &c.text);
            non_empty(
                &mut check,
                c.id.span().start,
                "evidence_note",
                &c.id,
                &c.evidence_note,
            );
            if c.about.is_empty() {
                check.at(
                    c.id.span().start,
                    format!(
                        "claim `{}` must be `about` at least one term",
                        c.id.get_ref()
                    ),
                );
            }
            let about = c
                .about
                .iter()
                .filter_map(|t| ids.resolve(&mut check, t, ANY_TERM, "term"))
                .collect();
            let study_refs = c
                .studies
                .iter()
                .filter_map(|s| ids.resolve(&mut check, s, &["study"], "study"))
                .collect();
            if c.support.is_empty() {
                check.at(c.id.span().start, format!("claim `{}` has no support: add a [[claim.support]] with a source and a quote", c.id.get_ref()));
            }
            let supports = source_index.passages(&mut check, &c.support);
            let distinct: BTreeSet<u16> = supports.iter().map(|p| p.source).collect();
            claim_out.push(Claim {
                id: leak_str(c.id.get_ref().clone()),
                kind: c.kind,
                about: leak(about),
                text: leak_str(c.text.clone()),
                evidence: c.evidence,
                evidence_note: leak_str(c.evidence_note.clone()),
                supports: leak(supports),
                studies: leak(study_refs),
                source_count: u8::try_from(distinct.len()).unwrap_or(u8::MAX),
                disagreements: leak(claim_disagreements.remove(&c_idx).unwrap_or_default()),
            });
        }
    }

    let mut not_claims = Vec::new();
    {
        let mut check = Checker::new(&files.claims.path, &claims_text, &mut errors);
        for n in &claims.not_a_claim {
            if n.reason.trim().is_empty() {
                check.at(n.quote.span().start, "a [[not_a_claim]] needs a `reason`");
            }
            if let Some(passage) = source_index.passage(
                &mut check,
                &PassageSeed {
                    source: n.source.clone(),
                    quote: n.quote.clone(),
                },
            ) {
                not_claims.push(NotAClaim {
                    passage,
                    reason: leak_str(n.reason.clone()),
                });
            }
        }
    }

    let mut study_out = Vec::new();
    {
        let mut check = Checker::new(&files.studies.path, &studies_text, &mut errors);
        for s in &studies.study {
            non_empty(&mut check, s.id.span().start, "label", &s.id, &s.label);
            non_empty(&mut check, s.id.span().start, "quality", &s.id, &s.quality);
            if s.populations.is_empty() {
                check.at(
                    s.id.span().start,
                    format!(
                        "study `{}` needs `populations` (use [\"unspecified\"] when unknown)",
                        s.id.get_ref()
                    ),
                );
            }
            let comparators = s
                .comparators
                .iter()
                .filter_map(|t| ids.resolve(&mut check, t, &["comparator"], "a comparator"))
                .collect();
            let outcomes = s
                .outcomes
                .iter()
                .filter_map(|t| ids.resolve(&mut check, t, &["outcome"], "an outcome"))
                .collect();
            if s.status == Status::Identified && s.identified.is_none() {
                check.at(
                    s.id.span().start,
                    format!(
                        "study `{}` is `identified` but has no [study.identified] table",
                        s.id.get_ref()
                    ),
                );
            }
            if s.status == Status::Unverified && s.identified.is_some() {
                check.at(s.id.span().start, format!("study `{}` is `unverified` but has [study.identified]: use [study.closest]", s.id.get_ref()));
            }
            if s.mention.is_empty() {
                check.at(
                    s.id.span().start,
                    format!(
                        "study `{}` has no [[study.mention]]: quote what an article says about it",
                        s.id.get_ref()
                    ),
                );
            }
            let mentions = source_index.passages(&mut check, &s.mention);
            study_out.push(Study {
                id: leak_str(s.id.get_ref().clone()),
                label: leak_str(s.label.clone()),
                design: s.design,
                populations: leak(s.populations.clone()),
                comparators: leak(comparators),
                outcomes: leak(outcomes),
                status: s.status,
                quality: leak_str(s.quality.clone()),
                discrepancies: leak(
                    s.discrepancies
                        .iter()
                        .map(|d| leak_str(d.clone()))
                        .collect(),
                ),
                identified: s.identified.as_ref().map(publication),
                closest: s.closest.as_ref().map(publication),
                mentions: leak(mentions),
            });
        }
    }

    let mut safety_out = Vec::new();
    {
        let mut check = Checker::new(&files.safety.path, &safety_text, &mut errors);
        for s in &safety.safety {
            non_empty(&mut check, s.id.span().start, "text", &s.id, &s.text);
            if s.support.is_empty() && s.basis.as_deref().is_none_or(|b| b.trim().is_empty()) {
                check.at(
                    s.id.span().start,
                    format!(
                        "safety item `{}` needs an article [[safety.support]] or a `basis`",
                        s.id.get_ref()
                    ),
                );
            }
            let supports = source_index.passages(&mut check, &s.support);
            safety_out.push(SafetyItem {
                id: leak_str(s.id.get_ref().clone()),
                kind: s.kind,
                text: leak_str(s.text.clone()),
                basis: s.basis.clone().map(leak_str),
                supports: leak(supports),
            });
        }
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let sources = leak(sources);
    let terms = leak(terms);
    let sentences = extract::sentences(sources, terms);
    let studies = leak(study_out);
    Ok(ClaimBase {
        title: leak_str(meta.title),
        reviewed: leak_str(meta.reviewed.into_inner()),
        sources,
        terms,
        claims: leak(claim_out),
        disagreements: leak(disagreements),
        study_index: index::study_index(sources, studies),
        studies,
        safety: leak(safety_out),
        sentences: leak(sentences),
        not_claims: leak(not_claims),
    })
}

/// Sentences that mention an ontology term but lie outside every quoted passage
/// and every `[[not_a_claim]]`: what the curated claim base may have left out.
pub fn uncovered_sentences(base: &ClaimBase) -> Vec<&'static crate::claimbase::model::Sentence> {
    let passages: Vec<&Passage> = base
        .claims
        .iter()
        .flat_map(|c| c.supports)
        .chain(base.studies.iter().flat_map(|s| s.mentions))
        .chain(base.safety.iter().flat_map(|s| s.supports))
        .chain(base.not_claims.iter().map(|n| &n.passage))
        .collect();
    let sentences: &'static [crate::claimbase::model::Sentence] = base.sentences;
    sentences
        .iter()
        .filter(|s| !s.terms.is_empty())
        .filter(|s| {
            !passages
                .iter()
                .any(|p| p.source == s.source && p.start < s.end && s.start < p.end)
        })
        .collect()
}
