//! All app state in one reducer (as in Yew's function_todomvc). Components send
//! `Action`s; the URL hash mirrors `route`. Navigation rules live here, once, in
//! one match that names every action: moving between screens keeps what the reader
//! shares across views (`route::Shared`), and each action names where it goes
//! rather than a component building the route.

use std::rc::Rc;

use yew::Reducible;

use super::route::{AnswerItem, ArticlePart, OpenArticle, Route, Screen, Shared, View};
use crate::claimbase;
use crate::claimbase::kinds::PainDuration;
use crate::claimbase::model::{
    CareOptionIdx, Cite, ClaimIdx, CriterionIdx, GuidelineIdx, MatterIdx, Passage, SafetyIdx,
    SourceIdx, StudyIdx, TermIdx,
};
use crate::query::studies::{matches, Facet, Sort, StudyQuery, Value};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppState {
    pub route: Route,
    /// What the reader told us about themselves: in memory only, never in the
    /// URL (it is not part of `route`), storage or the host page.
    pub reader: Reader,
    /// The last change was typing in the search box.
    pub searching: bool,
    /// The last two changes were typing: the URL is updated in place, so one
    /// search adds one history entry, not one per keystroke.
    pub typing: bool,
}

/// The reader's own answers, which shape what the options grid shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reader {
    /// How long their pain has lasted; `None`: not sure (or not said), and the
    /// grid shows recent and long-lasting pain side by side.
    pub duration: Option<PainDuration>,
    /// What matters to them in choosing (`Options::matters`, by position).
    pub matters: Marks,
    /// The options they want to ask about (`Options::choices`, by position).
    pub shortlist: Marks,
}

impl Reader {
    /// The reader's answers after `action`; unchanged by any other action.
    fn after(self, action: &Action) -> Reader {
        match *action {
            Action::AnswerDuration(duration) => Reader { duration, ..self },
            Action::ToggleMatter(matter) => Reader {
                matters: self.matters.toggled(matter.index()),
                ..self
            },
            Action::ToggleShortlist(option) => Reader {
                shortlist: self.shortlist.toggled(option.index()),
                ..self
            },
            _ => self,
        }
    }
}

/// A set of positions in a short list (the build allows at most 32 entries).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks(u32);

impl Marks {
    pub fn has(self, position: usize) -> bool {
        position < 32 && self.0 & (1 << position) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn toggled(self, position: usize) -> Marks {
        if position < 32 {
            Marks(self.0 ^ (1 << position))
        } else {
            self
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The reader's answer to "how long has your pain lasted?" (`None`: not sure).
    /// It changes what the options grid shows, not the screen.
    AnswerDuration(Option<PainDuration>),
    /// Tick or untick something that matters to the reader (options grid).
    ToggleMatter(MatterIdx),
    /// Add an option to, or take it off, the reader's list to ask about.
    ToggleShortlist(CareOptionIdx),
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
        let reader = self.reader.after(&action);
        AppState {
            route: self.route_after(action),
            reader,
            searching,
            typing: searching && self.searching,
        }
    }

    /// Where an action leads: every action named, so a new one cannot be forgotten.
    fn route_after(&self, action: Action) -> Route {
        let base = claimbase::get();
        let article = |source, at| Screen::Sources(Some(OpenArticle { source, at }));
        match action {
            Action::Restore(route) => *route,
            Action::Find(text) => Route {
                screen: Screen::Search,
                shared: Shared {
                    search: text,
                    ..self.route.shared.clone()
                },
            },
            Action::ShowView(view) => self.go(Screen::overview(view)),
            Action::OpenTerm(term) => match Screen::term(base.term(term).kind, term) {
                Some(screen) => self.go(screen),
                None => self.route.clone(),
            },
            Action::CloseDetail => self.go(Screen::overview(self.route.screen.view())),
            Action::SelectCell(cell) => self.go(Screen::Map(cell)),
            Action::OpenSource(source) => self.go(article(source, ArticlePart::Start)),
            Action::OpenPassage(p) => {
                self.go(article(p.source, ArticlePart::Passage(p.start, p.end)))
            }
            Action::OpenCriterion(source, c) => self.go(article(source, ArticlePart::Criterion(c))),
            Action::OpenStudy(study) | Action::OpenCite(Cite::Study(study)) => {
                self.go(Screen::Studies(Some(study)))
            }
            Action::OpenGuideline(g) | Action::OpenCite(Cite::Guideline(g)) => {
                self.go(Screen::Answer(Some(AnswerItem::Guideline(g))))
            }
            Action::OpenClaim(claim) | Action::OpenCite(Cite::Claim(claim)) => {
                self.go(Screen::Answer(Some(AnswerItem::Claim(claim))))
            }
            Action::OpenSafety(item) => self.go(Screen::Safety(Some(item))),
            Action::Search(text) => self.query_studies(|q| q.text = text),
            Action::ToggleFilter(facet, value) => self.query_studies(|q| q.toggle(facet, value)),
            Action::FilterCell(row, col) => self.query_studies(|q| q.set_cell(row, col)),
            Action::ClearStudyFilters => self.query_studies(StudyQuery::clear),
            Action::SortStudies(sort) => self.query_studies(|q| q.sort = sort),
            Action::MapAxes(rows, cols) if rows != cols => {
                self.query_studies(|q| q.map = (rows, cols))
            }
            Action::MapAxes(..)
            | Action::AnswerDuration(_)
            | Action::ToggleMatter(_)
            | Action::ToggleShortlist(_) => self.route.clone(),
        }
    }

    /// A screen, with what the reader shares across views kept: the study query
    /// too, unless the screen opens a study it hides; then the list drops its
    /// search and filters, so the study is on it.
    fn go(&self, screen: Screen) -> Route {
        let mut shared = self.route.shared.clone();
        if let Screen::Studies(Some(study)) = screen {
            if !matches(claimbase::get(), &shared.studies, study) {
                shared.studies.clear();
            }
        }
        Route { screen, shared }
    }

    /// The study list after a change to its query (it opens to show it).
    fn query_studies(&self, change: impl FnOnce(&mut StudyQuery)) -> Route {
        let mut shared = self.route.shared.clone();
        change(&mut shared.studies);
        Route {
            screen: Screen::Studies(None),
            shared,
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
