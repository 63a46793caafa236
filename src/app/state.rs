//! All app state in one reducer (as in Yew's function_todomvc). Components send
//! `Action`s; the URL hash mirrors `route`. Navigation rules live here, once:
//! moving between screens keeps the study list's query, and each action names
//! where it goes rather than a component building the route.

use std::rc::Rc;

use yew::Reducible;

use super::route::{Route, View};
use crate::claimbase;
use crate::claimbase::model::{
    Cite, ClaimIdx, CriterionIdx, GuidelineIdx, Passage, SafetyIdx, SourceIdx, StudyIdx, TermIdx,
};
use crate::query::studies::{matches, Facet, Sort, StudyQuery, Value};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    pub route: Route,
    /// The last change was typing in the search box.
    pub searching: bool,
    /// The last two changes were typing: the URL is updated in place, so one
    /// search adds one history entry, not one per keystroke.
    pub typing: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Switch tab; the view opens on its overview.
    ShowView(View),
    /// Open a mechanism's or technique's detail (in its own view).
    OpenTerm(TermIdx),
    /// Back from a detail (a term, an article) to its view's overview.
    CloseDetail,
    /// Open (or with `None` close) a technique × mechanism cell of the map.
    SelectCell(Option<(TermIdx, TermIdx)>),
    /// Open an article in the reader.
    OpenSource(SourceIdx),
    /// Open an article in the reader, scrolled to a passage.
    OpenPassage(Passage),
    /// Open an article's report card at one criterion.
    OpenCriterion(SourceIdx, CriterionIdx),
    /// Show a study in the study list.
    OpenStudy(StudyIdx),
    /// Show a guideline in the short answer.
    OpenGuideline(GuidelineIdx),
    /// Show a claim the short answer cites.
    OpenClaim(ClaimIdx),
    /// Open what a sentence of the short answer cites.
    OpenCite(Cite),
    /// Replace the whole route: from the URL hash, back/forward, or a host.
    Restore(Box<Route>),
    /// The search box's text: search everything (the search view shows the results).
    Find(String),
    /// Show a safety item in the safety view.
    OpenSafety(SafetyIdx),
    /// The study search box's text.
    Search(String),
    /// Tick or untick a facet value.
    ToggleFilter(Facet, Value),
    /// Filter to one evidence map cell: a value in each of two facets.
    FilterCell((Facet, Value), (Facet, Value)),
    /// Drop the study search and every filter.
    ClearStudyFilters,
    SortStudies(Sort),
    /// The evidence map's rows and columns.
    MapAxes(Facet, Facet),
}

impl AppState {
    pub fn apply(&self, action: Action) -> AppState {
        let searching = matches!(action, Action::Search(_) | Action::Find(_));
        let route = match action {
            Action::Restore(route) => *route,
            action => self.query_studies(&action).unwrap_or_else(|| {
                let route = self.navigate(action);
                Route {
                    studies: self.studies_for(&route),
                    ..route
                }
            }),
        };
        AppState {
            route,
            searching,
            typing: searching && self.searching,
        }
    }

    /// The study list after a change to its query (it opens to show it);
    /// `None` when the action is not one.
    fn query_studies(&self, action: &Action) -> Option<Route> {
        let mut studies = self.route.studies.clone();
        match action {
            Action::Search(text) => studies.text.clone_from(text),
            Action::ToggleFilter(facet, value) => studies.toggle(*facet, *value),
            Action::FilterCell(row, col) => studies.set_cell(*row, *col),
            Action::ClearStudyFilters => studies.clear(),
            Action::SortStudies(sort) => studies.sort = *sort,
            Action::MapAxes(rows, cols) if rows != cols => studies.map = (*rows, *cols),
            Action::MapAxes(..) => return Some(self.route.clone()),
            _ => return None,
        }
        Some(Route {
            studies,
            ..Route::view(View::Studies)
        })
    }

    /// The study query a screen keeps: the reader's, unless it is opening a
    /// study the query hides; then without its search and filters, so the
    /// study is on the list.
    fn studies_for(&self, route: &Route) -> StudyQuery {
        let mut studies = self.route.studies.clone();
        if let Some(study) = route.study {
            if !matches(claimbase::get(), &studies, study) {
                studies.clear();
            }
        }
        studies
    }

    /// The screen an explainer navigation leads to (the study query aside).
    fn navigate(&self, action: Action) -> Route {
        let base = claimbase::get();
        let keep_search = |route: Route| Route {
            search: self.route.search.clone(),
            ..route
        };
        keep_search(match action {
            Action::Find(text) => {
                return Route {
                    search: text,
                    ..Route::view(View::Search)
                }
            }
            Action::ShowView(view) => Route::view(view),
            Action::OpenTerm(term) => Route {
                term: Some(term),
                ..Route::view(View::of_term(base.term(term).kind))
            },
            Action::CloseDetail => Route::view(self.route.view),
            Action::SelectCell(cell) => Route {
                cell,
                ..Route::view(View::Map)
            },
            Action::OpenSource(source) => Route {
                source: Some(source),
                ..Route::view(View::Sources)
            },
            Action::OpenCriterion(source, criterion) => Route {
                source: Some(source),
                criterion: Some(criterion),
                ..Route::view(View::Sources)
            },
            Action::OpenPassage(p) => Route {
                source: Some(p.source),
                passage: Some((p.start, p.end)),
                ..Route::view(View::Sources)
            },
            Action::OpenStudy(study) => Route {
                study: Some(study),
                ..Route::view(View::Studies)
            },
            Action::OpenGuideline(guideline) => Route {
                guideline: Some(guideline),
                ..Route::view(View::Answer)
            },
            Action::OpenClaim(claim) => Route {
                claim: Some(claim),
                ..Route::view(View::Answer)
            },
            Action::OpenCite(Cite::Study(study)) => self.navigate(Action::OpenStudy(study)),
            Action::OpenCite(Cite::Guideline(g)) => self.navigate(Action::OpenGuideline(g)),
            Action::OpenSafety(item) => Route {
                safety: Some(item),
                ..Route::view(View::Safety)
            },
            Action::OpenCite(Cite::Claim(claim)) => self.navigate(Action::OpenClaim(claim)),
            _ => self.route.clone(),
        })
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        // Returning the same Rc skips a re-render when nothing changed.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
