//! The Studies view: search, evidence map, facets and the study cards.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, ScrollLogicalPosition};
use yew::prelude::*;

use super::citations::cite_list;
use super::evidence_map::EvidenceMapView;
use super::facets::Facets;
use super::focus::use_scroll_to_selected;
use super::study_card::StudyCard;
use crate::app::context::use_ctx;
use crate::app::islands::Island;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::Status;
use crate::claimbase::model::StudyIdx;
use crate::query::studies::{best_relaxation, run, Relaxation, Sort, StudyQuery, StudyResults};

/// Cards rendered at first, and added by each "Show more": the list stays fast
/// at 10,000 studies because only this many cards are ever in the DOM at once
/// beyond what the reader asked for.
const PAGE: usize = 10;

#[derive(Properties, PartialEq)]
pub struct StudiesViewProps {
    pub selected: Option<StudyIdx>,
    pub query: StudyQuery,
}

/// The faceted, searchable study list with its evidence map.
#[component]
pub fn StudiesView(props: &StudiesViewProps) -> Html {
    let base = claimbase::get();
    let results = use_memo(props.query.clone(), |query| run(base, query));
    let count = |status| base.studies.iter().filter(|s| s.status == status).count();
    let mentioned = count(Status::Identified) + count(Status::Unverified);
    let found = match count(Status::Unreviewed) {
        0 => String::new(),
        1 => " One more is mentioned in an article not yet reviewed.".to_string(),
        n => format!(" {n} more are mentioned in articles not yet reviewed."),
    };
    let intro = format!(
        "The articles mention {mentioned} studies. We found {} of them in published research; we could not check the rest. We added {} more: the short answer and the evidence labels rest on them.{found} Each card shows what the articles say beside what the study found.",
        count(Status::Identified),
        count(Status::Added)
    );
    html! {
        <>
            <p class="mx-intro">{ intro }</p>
            <Toolbar query={props.query.clone()} />
            <Island><EvidenceMapView map={Rc::new(results.map.clone())} query={props.query.clone()} /></Island>
            <Island><ResultList results={results.clone()} query={props.query.clone()} selected={props.selected} /></Island>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ToolbarProps {
    query: StudyQuery,
}

/// The search box and the sort menu.
#[component]
fn Toolbar(props: &ToolbarProps) -> Html {
    let ctx = use_ctx();
    let on_search = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Search(input.value()));
        })
    };
    let on_sort = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(sort) = Sort::from_slug(&select.value()) {
                dispatch.dispatch(Action::SortStudies(sort));
            }
        })
    };
    html! {
        <div class="mx-toolbar" role="search" aria-label="Search studies">
            <label class="mx-field mx-study-search">
                <span>{ "Search studies" }</span>
                <input type="search" id={ctx.id("study-search")} value={props.query.text.clone()} oninput={on_search}
                    placeholder="Author, journal, what the articles say…" autocomplete="off" spellcheck="false" />
            </label>
            <label class="mx-field">
                <span>{ "Sort by" }</span>
                <select onchange={on_sort}>
                    { for Sort::ALL.iter().map(|s| html! {
                        <option value={s.slug()} selected={*s == props.query.sort}>{ s.label() }</option>
                    }) }
                </select>
            </label>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResultListProps {
    results: Rc<StudyResults>,
    query: StudyQuery,
    selected: Option<StudyIdx>,
}

/// The result count, the facets and the cards, a page at a time.
#[component]
fn ResultList(props: &ResultListProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let words = props.results.words.clone();
    // How many cards to show, for the query they were asked for: a new query
    // starts again at one page.
    let more = use_state_eq(|| (props.query.clone(), PAGE));
    let shown = if more.0 == props.query { more.1 } else { PAGE };
    let studies = &props.results.studies;
    // A study opened from elsewhere (a claim, the reader) must be on the page.
    let selected_at = props
        .selected
        .and_then(|s| studies.iter().position(|&i| i == s));
    let limit = shown.max(selected_at.map_or(0, |at| at + 1));
    let selector = props
        .selected
        .map(|s| format!("[data-study=\"{}\"] h3", base.study(s).id));
    let list = use_scroll_to_selected(selector, ScrollLogicalPosition::Start, None);
    let total = studies.len();
    let count_text = match (total, total > limit) {
        (0, _) => "No studies match".to_string(),
        (1, _) => "1 study".to_string(),
        (n, true) => format!("Showing {limit} of {n} studies"),
        (n, false) => format!("{n} studies"),
    };
    let show_more = {
        let (more, query) = (more.clone(), props.query.clone());
        move |_| more.set((query.clone(), limit + PAGE))
    };
    html! {
        <>
            <div class="mx-results-bar">
                <p class="mx-count" role="status" aria-live="polite" data-count={total.to_string()}>{ count_text }</p>
                if props.query.is_filtered() {
                    <button type="button" class="mx-button mx-secondary" onclick={ctx.send(Action::ClearStudyFilters)}>{ "Clear all" }</button>
                }
            </div>
            <div class="mx-studies-layout">
                <Facets results={props.results.clone()} query={props.query.clone()} />
                <div class="mx-results">
                    if total == 0 {
                        <EmptyState query={props.query.clone()} />
                    } else {
                        { cite_list(Rc::new(studies.clone())) }
                        <ul class="mx-studies" ref={list} data-query={props.query.text.clone()}>
                            { for studies.iter().take(limit).map(|&idx| html! {
                                <StudyCard key={base.study(idx).id} study={idx} selected={props.selected == Some(idx)} words={words.clone()} folded={total > PAGE} />
                            }) }
                        </ul>
                        if total > limit {
                            <button type="button" class="mx-button mx-more" onclick={show_more}>
                                { format!("Show {} more", (total - limit).min(PAGE)) }
                            </button>
                        }
                    }
                </div>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct EmptyStateProps {
    query: StudyQuery,
}

/// No matches: say which single filter (or the search) to drop, and offer it.
#[component]
fn EmptyState(props: &EmptyStateProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let suggestion = use_memo(props.query.clone(), |q| best_relaxation(base, q));
    let offer = suggestion.as_ref().as_ref().map(|(relax, n)| {
        let (what, action) = match relax {
            Relaxation::Search => (
                format!("the search “{}”", props.query.text.trim()),
                Action::Search(String::new()),
            ),
            Relaxation::Filter(facet, value) => (
                format!(
                    "the filter {}: {}",
                    facet.label(),
                    facet.value_label(base, *value)
                ),
                Action::ToggleFilter(*facet, *value),
            ),
        };
        let studies = if *n == 1 { "study" } else { "studies" };
        html! {
            <p>
                { format!("Removing {what} would show {n} {studies}. ") }
                <button type="button" class="mx-button" onclick={ctx.send(action)}>{ format!("Remove {what}") }</button>
            </p>
        }
    });
    html! {
        <div class="mx-empty-state">
            <h3>{ "No studies match" }</h3>
            { offer.unwrap_or_else(|| html! { <p>{ "Try a shorter search." }</p> }) }
            <p><button type="button" class="mx-link" onclick={ctx.send(Action::ClearStudyFilters)}>{ "Clear the search and all filters" }</button></p>
        </div>
    }
}
