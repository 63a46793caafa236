//! The study list's query engine: facet filters, disjunctive facet counts, prefix
//! search over a word index built on the first search, sorting, the evidence map and
//! empty-state suggestions. Pure Rust over the claim base; no DOM.
//!
//! Within a facet the selected values are alternatives (OR); across facets they
//! all apply (AND). A facet's counts apply every *other* active filter and the
//! search, so they say what ticking a value would give (disjunctive faceting).

use std::cell::Cell;
use std::rc::Rc;

use super::order;
use crate::claimbase::fold;
use crate::claimbase::kinds::{Design, Population, Status, TermKind};
use crate::claimbase::model::{
    field, ClaimBase, SearchIndex, Source, Study, StudyIdx, Term, TermIdx,
};
use crate::claimbase::search::Builder;
use crate::claimbase::vocabulary::vocabulary;

vocabulary! {
    /// A dimension the study list filters on.
    Facet {
        Design = "design", "Design";
        Population = "population", "Who took part";
        Comparator = "comparator", "Compared with";
        Outcome = "outcome", "Outcome";
        Source = "article", "Article";
        Status = "status", "Status";
    }
}

/// A facet value: an index into the facet's domain (see `Facet::domain_len`).
pub type Value = u16;

/// How many facets there are (`Facet::ALL.len()`), for per-facet arrays.
pub const FACETS: usize = 6;

impl Facet {
    pub fn index(self) -> usize {
        self as usize
    }

    /// How many values the facet has. Comparator and outcome values are term
    /// indices plus one "not stated" value for studies that name none.
    pub fn domain_len(self, base: &ClaimBase) -> usize {
        match self {
            Facet::Design => Design::ALL.len(),
            Facet::Population => Population::ALL.len(),
            Facet::Comparator | Facet::Outcome => base.terms.len() + 1,
            Facet::Source => base.sources.len(),
            Facet::Status => Status::ALL.len(),
        }
    }

    /// The "not stated" value of a list facet.
    fn not_stated(self, base: &ClaimBase) -> Option<Value> {
        matches!(self, Facet::Comparator | Facet::Outcome).then(|| base.terms.len() as Value)
    }

    fn term_kind(self) -> Option<TermKind> {
        match self {
            Facet::Comparator => Some(TermKind::Comparator),
            Facet::Outcome => Some(TermKind::Outcome),
            _ => None,
        }
    }

    /// Every value of the facet that can occur, in display order.
    pub fn values(self, base: &ClaimBase) -> Vec<Value> {
        let range = |n: usize| (0..n as Value).collect::<Vec<_>>();
        match self {
            Facet::Design => range(Design::ALL.len()),
            Facet::Population => range(Population::ALL.len()),
            Facet::Status => range(Status::ALL.len()),
            Facet::Source => range(base.sources.len()),
            Facet::Comparator | Facet::Outcome => {
                let kind = self.term_kind();
                let mut values: Vec<Value> = base
                    .terms
                    .iter()
                    .zip(0..)
                    .filter(|(t, _)| Some(t.kind) == kind)
                    .map(|(_, i)| i)
                    .collect();
                values.extend(self.not_stated(base));
                values
            }
        }
    }

    /// What a value names, or `None` for a value outside the facet's domain.
    fn named(self, base: &ClaimBase, value: Value) -> Option<Named> {
        let index = usize::from(value);
        let word = |slug, label| Some(Named::Word(slug, label));
        match self {
            Facet::Design => Design::ALL
                .get(index)
                .and_then(|d| word(d.slug(), d.label())),
            Facet::Population => Population::ALL
                .get(index)
                .and_then(|p| word(p.slug(), p.label())),
            Facet::Status => Status::ALL
                .get(index)
                .and_then(|s| word(s.slug(), s.label())),
            Facet::Comparator | Facet::Outcome if Some(value) == self.not_stated(base) => {
                Some(Named::NotStated)
            }
            Facet::Comparator | Facet::Outcome => {
                base.term_at(index).map(|t| Named::Term(base.term(t)))
            }
            Facet::Source => base.source_at(index).map(|s| Named::Source(base.source(s))),
        }
    }

    /// What a reader sees for a value.
    pub fn value_label(self, base: &ClaimBase, value: Value) -> String {
        match self.named(base, value) {
            Some(Named::Word(_, label)) => label.to_string(),
            Some(Named::NotStated) => "Not stated".to_string(),
            Some(Named::Term(term)) => term.name.to_string(),
            Some(Named::Source(source)) => source.display_name(),
            None => String::new(),
        }
    }

    /// The value's name in a URL.
    pub fn value_slug(self, base: &ClaimBase, value: Value) -> &'static str {
        match self.named(base, value) {
            Some(Named::Word(slug, _)) => slug,
            Some(Named::NotStated) => "none",
            Some(Named::Term(term)) => term.id,
            Some(Named::Source(source)) => source.id,
            None => "",
        }
    }

    pub fn value_from_slug(self, base: &ClaimBase, slug: &str) -> Option<Value> {
        self.values(base)
            .into_iter()
            .find(|&v| self.value_slug(base, v) == slug)
    }

    /// The values a study has in this facet, each once, in order.
    pub fn study_values(self, base: &ClaimBase, study: &Study) -> Vec<Value> {
        let mut values = Vec::new();
        self.for_each_value(base, study, |v| values.push(v));
        values
    }

    /// Calls `f` with each value a study has in this facet, each once. The hot
    /// loop of `run`: no allocation.
    fn for_each_value(self, base: &ClaimBase, study: &Study, mut f: impl FnMut(Value)) {
        let terms = |ids: &[TermIdx], f: &mut dyn FnMut(Value)| {
            if ids.is_empty() {
                f(base.terms.len() as Value);
            }
            ids.iter().for_each(|t| f(t.index() as Value));
        };
        match self {
            Facet::Design => position(Design::ALL, study.design).into_iter().for_each(f),
            Facet::Population => {
                for p in study.populations {
                    position(Population::ALL, *p).into_iter().for_each(&mut f);
                }
            }
            Facet::Status => position(Status::ALL, study.status).into_iter().for_each(f),
            Facet::Comparator => terms(study.comparators, &mut f),
            Facet::Outcome => terms(study.outcomes, &mut f),
            Facet::Source => {
                for (i, m) in study.mentions.iter().enumerate() {
                    let seen = study.mentions.get(..i).unwrap_or_default();
                    if !seen.iter().any(|earlier| earlier.source == m.source) {
                        f(m.source.index() as Value);
                    }
                }
            }
        }
    }
}

/// What a facet value names.
enum Named {
    /// A vocabulary value: its slug and label.
    Word(&'static str, &'static str),
    /// A comparator or outcome facet's value for studies that name none.
    NotStated,
    Term(&'static Term),
    Source(&'static Source),
}

/// Where `x` is in a vocabulary's `ALL`.
fn position<T: PartialEq + Copy>(all: &[T], x: T) -> Option<Value> {
    all.iter().position(|&y| y == x).map(|i| i as Value)
}

vocabulary! {
    /// How the list is ordered.
    #[derive(Default)]
    Sort {
        /// Best search match first; with no search, the curated order.
        #[default]
        Relevance = "relevance", "Relevance";
        /// Newest publication first; unverified studies last.
        Year = "year", "Year (newest first)";
        /// Most participants first; unknown sizes last.
        Participants = "participants", "Participants (most first)";
        /// Mentioned by the most articles first.
        Articles = "articles", "Articles mentioning it (most first)";
    }
}

/// What the reader asked of the study list. Part of the URL.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StudyQuery {
    /// The search box, as typed.
    pub text: String,
    /// Selected values, by `Facet::index`, each sorted and without repeats
    /// (see `select`).
    pub selected: [Vec<Value>; FACETS],
    pub sort: Sort,
    /// The evidence map's rows and columns.
    pub map: (Facet, Facet),
}

impl Default for StudyQuery {
    fn default() -> Self {
        StudyQuery {
            text: String::new(),
            selected: Default::default(),
            sort: Sort::default(),
            map: (Facet::Comparator, Facet::Population),
        }
    }
}

impl StudyQuery {
    pub fn selected(&self, facet: Facet) -> &[Value] {
        &self.selected[facet.index()]
    }

    pub fn is_selected(&self, facet: Facet, value: Value) -> bool {
        self.selected(facet).binary_search(&value).is_ok()
    }

    /// Ticks a value (ticking it twice keeps one tick).
    pub fn select(&mut self, facet: Facet, value: Value) {
        let set = &mut self.selected[facet.index()];
        if let Err(at) = set.binary_search(&value) {
            set.insert(at, value);
        }
    }

    /// Ticks or unticks a value.
    pub fn toggle(&mut self, facet: Facet, value: Value) {
        let set = &mut self.selected[facet.index()];
        match set.binary_search(&value) {
            Ok(at) => {
                set.remove(at);
            }
            Err(at) => set.insert(at, value),
        }
    }

    /// Filters to exactly one value in each of two facets (an evidence map cell).
    pub fn set_cell(&mut self, (row, row_value): (Facet, Value), (col, col_value): (Facet, Value)) {
        self.selected[row.index()] = vec![row_value];
        self.selected[col.index()] = vec![col_value];
    }

    /// Whether any filter or search is active (sort and map axes aside).
    pub fn is_filtered(&self) -> bool {
        fold::has_words(&self.text) || self.selected.iter().any(|s| !s.is_empty())
    }

    /// Drops the search and every filter, keeping sort and map axes.
    pub fn clear(&mut self) {
        self.text.clear();
        self.selected = Default::default();
    }
}

/// One value of a facet with how many studies it would give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub value: Value,
    pub count: u32,
    pub selected: bool,
}

/// One cell of the evidence map.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MapCell {
    pub count: u32,
    pub identified: u32,
    /// The strongest design among its studies (systematic review, then RCT ...).
    pub strongest: Option<Design>,
}

/// The evidence map: rows × columns of one facet pair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceMap {
    pub rows: (Facet, Vec<Value>),
    pub cols: (Facet, Vec<Value>),
    /// `cells[r][c]`.
    pub cells: Vec<Vec<MapCell>>,
}

/// What the list shows for a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudyResults {
    /// Matching studies, sorted.
    pub studies: Vec<StudyIdx>,
    /// Per facet (by `Facet::index`): values with a count, or selected.
    pub facets: Vec<Vec<FacetCount>>,
    pub map: EvidenceMap,
    /// The search's folded words (folded once per query), for marking matches.
    pub words: Rc<Vec<String>>,
}

/// Search scores by study for the folded query `words`: `None` when there is
/// no search (everything matches), else 0 for a study that does not match. The
/// scoring is search everything's (`SearchIndex::scores`): label over quotes
/// over citation.
pub fn search(base: &ClaimBase, words: &[String]) -> Option<Vec<u32>> {
    (!words.is_empty()).then(|| study_index(base).scores(base.studies.len(), words))
}

/// The searchable texts of a study, with the field each belongs to: its label
/// is its title, its mentions' quotes its body, its publications' citations a
/// field of their own.
pub fn study_fields<'a>(
    sources: &'a [Source],
    study: &'a Study,
) -> impl Iterator<Item = (u32, &'a str)> + 'a {
    let mentions = study.mentions.iter().filter_map(move |p| {
        let text = sources.get(p.source.index())?.text;
        Some((field::BODY, text.get(p.start as usize..p.end as usize)?))
    });
    let citations = study
        .identified
        .iter()
        .chain(study.closest.iter())
        .map(|p| (field::CITATION, p.citation));
    std::iter::once((field::TITLE, study.label))
        .chain(mentions)
        .chain(citations)
}

thread_local! {
    /// The study index of the last claim base searched, keyed by its study list.
    static STUDY_INDEX: Cell<Option<(*const Study, &'static SearchIndex)>> = const { Cell::new(None) };
}

/// The study list's word index, built on the first search and kept for the
/// page: for a few dozen studies that takes well under a millisecond, and
/// bundling it instead cost the wasm about 4 KB brotli. A claim base's lists
/// are never freed, so its study list's address names it.
pub fn study_index(base: &ClaimBase) -> &'static SearchIndex {
    let key = base.studies.as_ptr();
    STUDY_INDEX.with(|cached| match cached.get() {
        Some((k, index)) if k == key => index,
        _ => {
            let mut builder = Builder::default();
            for (idx, study) in (0u32..).zip(base.studies) {
                for (field, text) in study_fields(base.sources, study) {
                    builder.add(idx, field, text);
                }
            }
            let index: &'static SearchIndex = Box::leak(Box::new(builder.finish()));
            cached.set(Some((key, index)));
            index
        }
    })
}

/// A query's facet filters as lookup tables, for testing studies quickly.
struct Selection {
    /// `tables[facet][value]`: whether the value is ticked.
    tables: Vec<Vec<bool>>,
    /// Facets with anything ticked, as bits by `Facet::index`.
    active: u32,
}

impl Selection {
    fn new(base: &ClaimBase, query: &StudyQuery) -> Self {
        let tables = Facet::ALL
            .iter()
            .map(|&facet| {
                let mut table = vec![false; facet.domain_len(base)];
                for &v in query.selected(facet) {
                    if let Some(slot) = table.get_mut(usize::from(v)) {
                        *slot = true;
                    }
                }
                table
            })
            .collect();
        let active = Facet::ALL
            .iter()
            .filter(|f| !query.selected(**f).is_empty())
            .fold(0, |bits, f| bits | 1 << f.index());
        Selection { tables, active }
    }

    /// The facets a study fails, as bits by `Facet::index`; a facet with nothing
    /// ticked never fails.
    fn failing(&self, base: &ClaimBase, study: &Study) -> u32 {
        let mut failing = 0u32;
        for &facet in Facet::ALL {
            let table = &self.tables[facet.index()];
            if self.active & 1 << facet.index() != 0 {
                let mut hit = false;
                facet.for_each_value(base, study, |v| {
                    hit |= table.get(usize::from(v)).copied().unwrap_or(false)
                });
                if !hit {
                    failing |= 1 << facet.index();
                }
            }
        }
        failing
    }
}

/// Whether study `idx` matches the search (`None`: there is no search).
fn found(scores: Option<&[u32]>, idx: StudyIdx) -> bool {
    scores.is_none_or(|s| s.get(idx.index()).copied().unwrap_or(0) > 0)
}

/// Runs a query: the sorted matches, facet counts and the evidence map.
pub fn run(base: &ClaimBase, query: &StudyQuery) -> StudyResults {
    let words = fold::query_words(&query.text);
    let scores = search(base, &words);
    let selection = Selection::new(base, query);
    let mut tally = Tally::new(base, query.map);
    let mut studies: Vec<StudyIdx> = Vec::new();
    for (idx, study) in base.studies_indexed() {
        if !found(scores.as_deref(), idx) {
            continue;
        }
        let failing = selection.failing(base, study);
        if failing == 0 {
            studies.push(idx);
        }
        tally.add(base, study, failing);
    }
    sort(base, &mut studies, query.sort, scores.as_deref());
    StudyResults {
        studies,
        facets: tally.facets(base, query),
        map: tally.map(base),
        words: Rc::new(words),
    }
}

/// Facet counts and evidence map cells, added up study by study.
struct Tally {
    /// `counts[facet][value]`.
    counts: Vec<Vec<u32>>,
    axes: (Facet, Facet),
    /// Row-major over the two axes' whole domains.
    cells: Vec<MapCell>,
    cols_len: usize,
    /// Scratch space for one study's row and column values.
    row_values: Vec<Value>,
    col_values: Vec<Value>,
}

impl Tally {
    fn new(base: &ClaimBase, axes: (Facet, Facet)) -> Self {
        let cols_len = axes.1.domain_len(base);
        Tally {
            counts: Facet::ALL
                .iter()
                .map(|f| vec![0; f.domain_len(base)])
                .collect(),
            axes,
            cells: vec![MapCell::default(); axes.0.domain_len(base) * cols_len],
            cols_len,
            row_values: Vec::new(),
            col_values: Vec::new(),
        }
    }

    /// Counts a study that matches the search and fails the facets `failing`.
    fn add(&mut self, base: &ClaimBase, study: &Study, failing: u32) {
        // A facet counts the studies that pass every other facet.
        for &facet in Facet::ALL {
            if failing & !(1 << facet.index()) == 0 {
                let counts = &mut self.counts[facet.index()];
                facet.for_each_value(base, study, |v| {
                    if let Some(c) = counts.get_mut(usize::from(v)) {
                        *c += 1;
                    }
                });
            }
        }
        // The map applies every filter but those of its own two axes.
        let (rows, cols) = self.axes;
        if failing & !(1 << rows.index() | 1 << cols.index()) != 0 {
            return;
        }
        self.row_values.clear();
        self.col_values.clear();
        rows.for_each_value(base, study, |v| self.row_values.push(v));
        cols.for_each_value(base, study, |v| self.col_values.push(v));
        for &r in &self.row_values {
            for &c in &self.col_values {
                let at = usize::from(r) * self.cols_len + usize::from(c);
                if let Some(cell) = self.cells.get_mut(at) {
                    cell.add(study);
                }
            }
        }
    }

    /// Per facet: the values with a count, or ticked.
    fn facets(&self, base: &ClaimBase, query: &StudyQuery) -> Vec<Vec<FacetCount>> {
        Facet::ALL
            .iter()
            .map(|&facet| {
                let counts = &self.counts[facet.index()];
                let values: Vec<FacetCount> = facet
                    .values(base)
                    .into_iter()
                    .map(|value| FacetCount {
                        value,
                        count: counts.get(usize::from(value)).copied().unwrap_or(0),
                        selected: query.is_selected(facet, value),
                    })
                    .filter(|v| v.count > 0 || v.selected)
                    .collect();
                // Long lists read best by count; short vocabularies keep their order.
                if matches!(facet, Facet::Comparator | Facet::Outcome | Facet::Source) {
                    order::by_key_descending(values, |v| v.count)
                } else {
                    values
                }
            })
            .collect()
    }

    /// The evidence map over every value of the two axes.
    fn map(&self, base: &ClaimBase) -> EvidenceMap {
        let (row_facet, col_facet) = self.axes;
        let (rows, cols) = (row_facet.values(base), col_facet.values(base));
        let cell = |r: Value, c: Value| {
            let at = usize::from(r) * self.cols_len + usize::from(c);
            self.cells.get(at).copied().unwrap_or_default()
        };
        let cells = rows
            .iter()
            .map(|&r| cols.iter().map(|&c| cell(r, c)).collect())
            .collect();
        EvidenceMap {
            rows: (row_facet, rows),
            cols: (col_facet, cols),
            cells,
        }
    }
}

impl MapCell {
    fn add(&mut self, study: &Study) {
        self.count += 1;
        self.identified += u32::from(study.status == Status::Identified);
        // `Design` lists designs strongest first.
        if self.strongest.is_none_or(|s| study.design < s) {
            self.strongest = Some(study.design);
        }
    }
}

/// Orders `studies` in place, greatest key first; ties keep the curated order.
/// One sort over one key function, whatever the order asked for.
pub fn sort(base: &ClaimBase, studies: &mut [StudyIdx], by: Sort, scores: Option<&[u32]>) {
    let year = |i: StudyIdx| {
        base.study(i)
            .identified
            .as_ref()
            .and_then(|p| p.year)
            .map_or(0, u32::from)
    };
    let participants = |i: StudyIdx| {
        let publication = base.study(i).identified.as_ref();
        publication.and_then(|p| p.participants).unwrap_or(0)
    };
    let articles = |i: StudyIdx| Facet::Source.study_values(base, base.study(i)).len() as u32;
    let score = |i: StudyIdx| scores.and_then(|s| s.get(i.index()).copied()).unwrap_or(0);
    let key: &dyn Fn(StudyIdx) -> u32 = match by {
        Sort::Relevance => &score,
        Sort::Year => &year,
        Sort::Participants => &participants,
        Sort::Articles => &articles,
    };
    let sorted = order::by_key_descending(studies.to_vec(), |&i| key(i));
    studies.copy_from_slice(&sorted);
}

/// A way to widen an empty result: drop one filter (or the search).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Relaxation {
    Search,
    Filter(Facet, Value),
}

/// For an empty result, the single filter (or the search) whose removal gives
/// the most studies, with that count. `None` if nothing is active.
pub fn best_relaxation(base: &ClaimBase, query: &StudyQuery) -> Option<(Relaxation, usize)> {
    let words = fold::query_words(&query.text);
    let mut options: Vec<(Relaxation, &[String], StudyQuery)> = Vec::new();
    if !words.is_empty() {
        options.push((Relaxation::Search, &[], query.clone()));
    }
    for &facet in Facet::ALL {
        for &value in query.selected(facet) {
            let mut q = query.clone();
            q.toggle(facet, value);
            options.push((Relaxation::Filter(facet, value), &words, q));
        }
    }
    options
        .into_iter()
        .map(|(relax, words, q)| (relax, count_folded(base, words, &q)))
        .filter(|&(_, n)| n > 0)
        .max_by_key(|&(_, n)| n)
}

/// How many studies a query matches.
pub fn count(base: &ClaimBase, query: &StudyQuery) -> usize {
    count_folded(base, &fold::query_words(&query.text), query)
}

/// How many studies match the folded search `words` and the query's filters.
fn count_folded(base: &ClaimBase, words: &[String], query: &StudyQuery) -> usize {
    let scores = search(base, words);
    let selection = Selection::new(base, query);
    base.studies_indexed()
        .filter(|&(idx, study)| {
            found(scores.as_deref(), idx) && selection.failing(base, study) == 0
        })
        .count()
}

/// Whether one study matches a query: its search and every filter.
pub fn matches(base: &ClaimBase, query: &StudyQuery, study: StudyIdx) -> bool {
    let scores = search(base, &fold::query_words(&query.text));
    found(scores.as_deref(), study)
        && Selection::new(base, query).failing(base, base.study(study)) == 0
}
