//! The Yew app: state and components. Components only render what the claim base
//! and the state give them; they never parse.
//!
//! **The hydration contract.** The release build prerenders each view's page (and
//! the embed's first screen) natively with these same components (`src/bin/
//! prerender.rs`); in the browser the app takes over those nodes
//! (`islands::take_over`, from `lib.rs` and `embed/dom.rs`: the root first, then
//! each `Island` in a task of its own). Yew panics when a root's first render differs in
//! structure from its prerendered markup, and with `panic = "abort"` the widget then
//! dies; where only attributes differ it rewrites them, which moves the page. So a
//! root's first render is a function of its props and the claim base alone: nothing
//! read from the window during render (its size, the time, storage). What depends on
//! the screen is the stylesheet's (container queries); what depends on the browser
//! happens in an effect after the first render, or in a task of its own (the
//! take-home sheet). `tests/e2e/prerender.test.mjs` holds every view's page to it,
//! at phone and desktop widths.

pub mod components;
pub mod context;
pub mod export;
pub mod hash;
pub mod hooks;
pub mod islands;
pub mod route;
pub mod state;
pub mod store;

use yew::prelude::*;

use crate::claimbase;
use crate::claimbase::kinds::{PainDuration, TermKind};
use crate::claimbase::model::RegionIdx;
use components::about::AboutGuide;
use components::answer::AnswerView;
use components::bottom_line::BottomLineSummary;
use components::call_to_action::call_to_action;
use components::find::{use_slash_to_find, FindBox, FindView};
use components::map::MapView;
use components::notice::SafetyNotice;
use components::options::OptionsView;
use components::safety::SafetyView;
use components::sheet::TakeHomeSheet;
use components::sources::SourcesView;
use components::studies::StudiesView;
use components::tabs::Tabs;
use components::terms::TermsView;
use context::{use_ctx, Ctx};
use hash::HashSync;
use islands::Island;
use route::{AnswerItem, ArticlePart, Route, Screen, View};
use state::{AppState, Reader};
use std::rc::Rc;
use store::{use_store, Dispatch};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Prefix for element ids, unique per instance on a page.
    #[prop_or(AttrValue::Static("mx"))]
    pub instance: AttrValue,
    /// Mirror the state in the URL hash (the standalone page does).
    #[prop_or(false)]
    pub use_hash: bool,
}

/// The explainer with the standalone page's two settings; `Explainer` has them all.
#[component]
pub fn App(props: &AppProps) -> Html {
    let hash = if props.use_hash {
        HashSync::Whole
    } else {
        HashSync::Off
    };
    html! { <Explainer instance={props.instance.clone()} {hash} /> }
}

/// Everything a host (the standalone page, `embed::mount`) sets on one instance.
#[derive(Properties, PartialEq)]
pub struct ExplainerProps {
    /// Prefix for element ids, unique per instance on a page.
    #[prop_or(AttrValue::Static("mx"))]
    pub instance: AttrValue,
    /// Where the instance keeps its screen in the URL hash, if anywhere.
    #[prop_or_default]
    pub hash: HashSync,
    /// The first screen, unless the hash holds one; shown again whenever it changes
    /// (an embed's `view` or `state` attribute changed).
    #[prop_or_default]
    pub start: Route,
    /// Render the `cta` slot for the host's call to action (in a shadow root).
    #[prop_or_default]
    pub cta_slot: bool,
    /// Whose emergency numbers to show; `None`: "your local emergency number".
    #[prop_or_default]
    pub region: Option<RegionIdx>,
    /// The reader's pain duration as the host presets it (the reader can change
    /// it); applied again whenever it changes.
    #[prop_or_default]
    pub duration: Option<PainDuration>,
    /// Each view has a static page of its own, which its tab links to (the
    /// standalone site's prerendered pages).
    #[prop_or_default]
    pub pages: bool,
    /// Called once, after the first render, with the screen shown.
    #[prop_or_default]
    pub on_ready: Callback<Route>,
    /// Called with every later screen the reader moves to.
    #[prop_or_default]
    pub on_change: Callback<Route>,
}

/// The standalone site's instance showing `view` first: it owns the URL hash and
/// each view has a page of its own. The prerenderer renders the same props, so
/// the live app replaces identical markup.
pub fn standalone_props(view: View) -> ExplainerProps {
    yew::props!(ExplainerProps {
        instance: "mx",
        hash: HashSync::Whole,
        start: Route::view(view),
        pages: true,
    })
}

/// The embed's first screen for a host that sets nothing but, perhaps, its
/// region: what `embed.js` shows while the wasm loads.
pub fn embed_props(region: Option<RegionIdx>) -> ExplainerProps {
    yew::props!(ExplainerProps {
        instance: "mx1",
        cta_slot: true,
        region,
    })
}

/// "Version 0.1.0, published 3 December 2026.": which text a reader has, on
/// screen and on paper.
pub(crate) fn edition() -> String {
    let published = long_date(claimbase::get().about.published);
    format!(
        "Version {}, published {published}.",
        env!("CARGO_PKG_VERSION")
    )
}

/// "22 November 2026" from "2026-11-22".
pub(crate) fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.split('-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    match month
        .parse::<usize>()
        .ok()
        .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
    {
        Some(month) => format!("{} {month} {year}", day.trim_start_matches('0')),
        None => iso.to_string(),
    }
}

#[component]
pub fn Explainer(props: &ExplainerProps) -> Html {
    let (dispatch, state) = use_explainer_state(props);
    let ctx = Ctx {
        dispatch,
        prefix: props.instance.clone(),
        region: props.region,
        pages: props.pages,
        cta: props.cta_slot,
    };
    let route = &state.route;
    let root = use_node_ref();
    let panel_ref = use_node_ref();
    let whole_page = props.hash == HashSync::Whole;
    // The take-home sheet is only ever printed, and a quarter of the first screen's
    // elements: it renders in a task of its own once the page is taken over, which
    // keeps it out of the start-up tasks (hydration; Lighthouse's blocking time) and
    // out of the prerendered pages. Without JavaScript the page prints as it is shown.
    let sheet = use_state_eq(|| false);
    {
        let sheet = sheet.setter();
        let prefix = props.instance.clone();
        use_effect_with((), move |_| {
            // The root's hydration is done (these are its first effects): its
            // islands' turn.
            islands::root_hydrated(&prefix);
            islands::after_takeover(move || {
                gloo_timers::callback::Timeout::new(0, move || sheet.set(true)).forget();
            });
        });
    }
    use_slash_to_find(root.clone(), whole_page);
    // The search view has no tab: its panel is a region of its own.
    let view = route.screen.view();
    let searching = view == View::Search;
    components::focus::use_show_new_view(
        panel_ref.clone(),
        view,
        route.screen == Screen::overview(view),
    );
    let (role, labelled_by, label) = if searching {
        ("region", None, Some("Search results"))
    } else {
        let tab = ctx.id(&format!("tab-{}", view.slug()));
        ("tabpanel", Some(tab), None)
    };
    let panel_node = html! {
        <div class="mx-panel" {role} id={ctx.id("panel")} aria-labelledby={labelled_by} aria-label={label}
            data-view={view.slug()} tabindex="-1" ref={panel_ref}>
            // Names the panel in the heading outline (h1 → h2 → cards' h3).
            <h2 class="mx-visually-hidden">{ view.label() }</h2>
            // An island, as its sections are within it: the root's own takeover
            // then holds none of a view's components.
            <Island>{ panel(route, &state.reader) }</Island>
        </div>
    };
    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <div class="mx-app" ref={root}>
                { header(route.shared.search.clone(), whole_page) }
                // Search results right under the box they answer.
                if searching { { panel_node.clone() } }
                <Island><SafetyNotice /></Island>
                if view != View::Answer {
                    <Island><BottomLineSummary /></Island>
                }
                // The Short answer and Your options place it after their own content.
                if !matches!(view, View::Answer | View::Options) {
                    { call_to_action(ctx.cta) }
                }
                // Not a landmark: in an embed, landmarks are the host page's to place.
                <div class="mx-nav">
                    <Island><Tabs current={view} /></Island>
                </div>
                if !searching { { panel_node } }
                if *sheet {
                    <TakeHomeSheet reader={state.reader} />
                }
                <Island><Footer /></Island>
            </div>
        </ContextProvider<Ctx>>
    }
}

/// The instance's state: restored from the URL hash (or the host's start
/// screen), kept in step with the hash, and announced to the host.
#[hook]
fn use_explainer_state(props: &ExplainerProps) -> (Dispatch, Rc<AppState>) {
    let dispatch = use_memo((), |()| {
        let restored = AppState::default().apply(state::Action::Restore(Box::new(
            hooks::route_from_hash(&props.hash, &props.start),
        )));
        Dispatch::new(restored.apply(state::Action::AnswerDuration(props.duration)))
    });
    let dispatch = (*dispatch).clone();
    let state = use_store(&dispatch);
    // A new start screen or pain duration (the host changed an attribute) is
    // applied at once; the first ones are already in the state.
    use_dispatch_on_change(&dispatch, props.start.clone(), |start| {
        state::Action::Restore(Box::new(start))
    });
    use_dispatch_on_change(&dispatch, props.duration, state::Action::AnswerDuration);
    hooks::use_hash_sync(
        dispatch.clone(),
        state.clone(),
        props.hash.clone(),
        props.start.clone(),
    );
    {
        let (on_ready, on_change) = (props.on_ready.clone(), props.on_change.clone());
        let shown_before = use_mut_ref(|| false);
        use_effect_with(state.route.clone(), move |route| {
            let route = route.clone();
            if shown_before.replace(true) {
                // Announced once every island shows it.
                islands::after_takeover(move || on_change.emit(route));
            } else {
                // These are the root's first effects: it is hydrated, and the
                // widget answers everywhere, as an island still waiting starts
                // at the first event aimed at it (`islands`).
                on_ready.emit(route);
            }
        });
    }
    (dispatch, state)
}

/// Dispatches `action(value)` whenever `value` changes after the first render.
#[hook]
fn use_dispatch_on_change<T: PartialEq + Clone + 'static>(
    dispatch: &Dispatch,
    value: T,
    action: fn(T) -> state::Action,
) {
    let dispatch = dispatch.clone();
    let mounted = use_mut_ref(|| false);
    use_effect_with(value, move |value| {
        if mounted.replace(true) {
            dispatch.dispatch(action(value.clone()))
        }
    });
}

/// The view's panel content: each screen's own selection to its component.
fn panel(route: &Route, reader: &Reader) -> Html {
    match &route.screen {
        Screen::Answer(item) => {
            let (claim, guideline) = match *item {
                Some(AnswerItem::Claim(claim)) => (Some(claim), None),
                Some(AnswerItem::Guideline(g)) => (None, Some(g)),
                None => (None, None),
            };
            html! { <AnswerView {claim} {guideline} /> }
        }
        Screen::Options => html! { <OptionsView reader={*reader} /> },
        Screen::Mechanisms(term) => {
            html! { <TermsView kind={TermKind::Mechanism} selected={*term} /> }
        }
        Screen::Techniques(term) => {
            html! { <TermsView kind={TermKind::Technique} selected={*term} /> }
        }
        Screen::Map(cell) => html! { <MapView selected={*cell} /> },
        Screen::Studies(study) => {
            html! { <StudiesView selected={*study} query={route.shared.studies.clone()} /> }
        }
        Screen::Sources(article) => {
            let source = article.map(|a| a.source);
            let (passage, criterion) = match article.map(|a| a.at) {
                Some(ArticlePart::Passage(start, end)) => (Some((start, end)), None),
                Some(ArticlePart::Criterion(c)) => (None, Some(c)),
                Some(ArticlePart::Start) | None => (None, None),
            };
            html! { <SourcesView {source} {passage} {criterion} /> }
        }
        Screen::Safety(item) => html! { <SafetyView selected={*item} /> },
        Screen::Search => html! { <FindView text={route.shared.search.clone()} /> },
    }
}

/// The title, the answer in one line, and the search box: `search` is what is in
/// it; `whole_page`, the explainer is the page (`/` focuses the box from anywhere).
fn header(search: String, whole_page: bool) -> Html {
    let base = claimbase::get();
    html! {
        <header class="mx-header">
            <h1 class="mx-title">{ base.title }</h1>
            // The reader's question answered under the title, on every view and
            // on a phone's first screen; the points follow on the Short answer view.
            <p class="mx-answer-summary">{ base.bottom_line.summary }</p>
            <p class="mx-reviewed">
                { format!("Evidence reviewed {}. We checked {} web articles about massage against the research.", long_date(base.reviewed), base.sources.len()) }
            </p>
            <Island><FindBox text={search} {whole_page} /></Island>
        </header>
    }
}

/// Where the quotations come from, and who wrote the rest.
#[component]
fn Footer() -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let sources: Vec<String> = base
        .sources
        .iter()
        .map(|s| {
            let by = s
                .publisher
                .or(s.byline)
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            format!("{}{by}", s.display_name())
        })
        .collect();
    html! {
        <footer class="mx-footer">
            <p>
                { "Quoted from: " }{ sources.join("; ") }
                { ". Quotations are the articles' words; summaries and evidence ratings are ours." }
            </p>
            <p>{ format!("Written by: {}. Evidence reviewed {}. {} {}", base.written_by, long_date(base.reviewed), base.independence, edition()) }</p>
            <AboutGuide />
            // On the standalone site: how a therapist puts it on their own.
            if ctx.pages {
                <p><a class="mx-link" href="embed-builder/">{ "Add this explainer to your website" }</a></p>
            }
        </footer>
    }
}
