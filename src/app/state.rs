//! All app state in one reducer (as in Yew's function_todomvc). Components send
//! `Action`s; the URL hash mirrors `route`.

use std::rc::Rc;

use yew::Reducible;

use super::route::{Route, View};
use crate::claimbase::model::{Passage, SourceIdx, TermIdx};
use crate::query::studies::{Facet, Sort, Value};

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
    /// Open (or with `None` close) a mechanism's or technique's detail.
    SelectTerm(Option<TermIdx>),
    /// Open (or close) a technique × mechanism cell of the map.
    SelectCell(Option<(TermIdx, TermIdx)>),
    /// Open an article in the reader.
    OpenSource(Option<SourceIdx>),
    /// Open an article in the reader, scrolled to a passage.
    OpenPassage(Passage),
    /// Replace the whole route (from the URL hash, or back/forward).
    Restore(Route),
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
        let searching = matches!(action, Action::Search(_));
        let typing = searching && self.searching;
        let mut studies = self.route.studies.clone();
        let on_studies = |studies| Route {
            studies,
            ..Route::view(View::Studies)
        };
        let route = match action {
            Action::Search(text) => {
                studies.text = text;
                on_studies(studies)
            }
            Action::ToggleFilter(facet, value) => {
                studies.toggle(facet, value);
                on_studies(studies)
            }
            Action::FilterCell(row, col) => {
                studies.set_cell(row, col);
                on_studies(studies)
            }
            Action::ClearStudyFilters => {
                studies.clear();
                on_studies(studies)
            }
            Action::SortStudies(sort) => {
                studies.sort = sort;
                on_studies(studies)
            }
            Action::MapAxes(rows, cols) if rows != cols => {
                studies.map = (rows, cols);
                on_studies(studies)
            }
            Action::MapAxes(..) => self.route.clone(),
            Action::Restore(route) => route,
            other => Route {
                studies,
                ..self.navigate(other)
            },
        };
        AppState {
            route,
            searching,
            typing,
        }
    }

    /// The screen an explainer navigation leads to (the study query aside).
    fn navigate(&self, action: Action) -> Route {
        match action {
            Action::ShowView(view) => Route::view(view),
            Action::SelectTerm(term) => Route {
                term,
                ..Route::view(self.route.view)
            },
            Action::SelectCell(cell) => Route {
                cell,
                ..Route::view(View::Map)
            },
            Action::OpenSource(source) => Route {
                source,
                ..Route::view(View::Sources)
            },
            Action::OpenPassage(p) => Route {
                source: Some(p.source),
                passage: Some((p.start, p.end)),
                ..Route::view(View::Sources)
            },
            _ => self.route.clone(),
        }
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
