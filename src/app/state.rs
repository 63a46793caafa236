//! All app state in one reducer (as in Yew's function_todomvc). Components send
//! `Action`s; the URL hash mirrors `route`.

use std::rc::Rc;

use yew::Reducible;

use super::route::{Route, View};
use crate::claimbase::model::{Passage, SourceIdx, TermIdx};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    pub route: Route,
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
}

impl AppState {
    pub fn apply(&self, action: Action) -> AppState {
        let route = match action {
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
            Action::Restore(route) => route,
        };
        AppState { route }
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
