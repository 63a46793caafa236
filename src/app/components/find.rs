//! Search everything: the header's search box (`/` focuses it) and the search
//! view's results, grouped by kind, matches marked, arrow keys moving between
//! results, each opening its screen.

use std::rc::Rc;
use std::sync::OnceLock;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::evidence::evidence_badge;
use super::focus::focus;
use super::highlight::{highlighted, SearchWords};
use crate::app::context::use_ctx;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::fold;
use crate::claimbase::model::{ClaimIdx, Passage, SourceIdx};
use crate::query::everything::{snippet, Group, Index, Target};

/// The index, built on the first search (a few milliseconds for the seeds).
fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| Index::build(claimbase::get()))
}

/// The search box's input, found from anywhere in the same instance.
const INPUT: &str = ".mx-find input";
/// Every result's button, in the order they are shown.
const HIT: &str = ".mx-hit";

#[derive(Properties, PartialEq)]
pub struct FindBoxProps {
    pub text: String,
    /// `/` focuses the box from anywhere on the page (else only from within
    /// the explainer), so the hint says so.
    pub whole_page: bool,
}

/// The search box: typing shows the results view.
#[component]
pub fn FindBox(props: &FindBoxProps) -> Html {
    let ctx = use_ctx();
    let oninput = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            dispatch.dispatch(Action::Find(input.value()));
        })
    };
    let onkeydown = Callback::from(|e: KeyboardEvent| match e.key().as_str() {
        // Enter that ends an input method's composition (Japanese, Chinese, ...) is not ours.
        _ if e.is_composing() => {}
        // Down goes to the first result. So does Enter: the results are
        // already shown (on a phone, it also puts the keyboard away to show them).
        "ArrowDown" | "Enter" => {
            e.prevent_default();
            let first = app_root(&e).and_then(|root| root.query_selector(HIT).ok().flatten());
            if let Some(first) = first {
                focus(first);
            }
        }
        _ => {}
    });
    let hint = ctx.id("find-hint");
    let hint_text = if props.whole_page {
        "Press / to search from anywhere on the page."
    } else {
        "Press / to search from anywhere in the explainer."
    };
    html! {
        // A search landmark on the standalone page; in an embed, landmarks are
        // the host page's to place (and two instances would repeat one).
        <div class="mx-find" role={props.whole_page.then_some("search")} aria-label={props.whole_page.then_some("Search everything")}>
            <label class="mx-field">
                <span>{ "Search everything" }</span>
                <input type="search" id={ctx.id("find")} value={props.text.clone()} {oninput} {onkeydown}
                    placeholder="Claims, studies, safety, article text…" autocomplete="off" spellcheck="false"
                    aria-describedby={hint.clone()} />
            </label>
            <p class="mx-find-hint" id={hint}>{ hint_text }</p>
        </div>
    }
}

/// The `.mx-app` element around an event's target.
fn app_root(e: &Event) -> Option<Element> {
    e.target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(".mx-app")
        .ok()
        .flatten()
}

/// `/` focuses the search box, unless the reader is typing in a field. The
/// standalone page listens on the whole document; an embed only within itself,
/// so several on one page (and the host's own shortcuts) do not fight over it.
#[hook]
pub fn use_slash_to_find(root: NodeRef, whole_page: bool) {
    use_effect_with(whole_page, move |&whole_page| {
        let target: Option<web_sys::EventTarget> = if whole_page {
            web_sys::window().and_then(|w| w.document()).map(Into::into)
        } else {
            root.cast::<Element>().map(Into::into)
        };
        let listener = target.map(|target| {
            let root = root.clone();
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&target, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if e.key() != "/" || e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                // The element really typed in, even inside a shadow root.
                let typing_in = e
                    .composed_path()
                    .get(0)
                    .dyn_into::<HtmlElement>()
                    .ok()
                    .is_some_and(|el| {
                        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                            || el.is_content_editable()
                    });
                let input = root
                    .cast::<Element>()
                    .and_then(|r| r.query_selector(INPUT).ok().flatten());
                if let (false, Some(input)) = (typing_in, input) {
                    e.prevent_default();
                    focus(input);
                }
            })
        });
        move || drop(listener)
    });
}

#[derive(Properties, PartialEq)]
pub struct FindViewProps {
    pub text: String,
}

/// The results: a count for screen readers, then a group per kind.
#[component]
pub fn FindView(props: &FindViewProps) -> Html {
    let base = claimbase::get();
    let words: SearchWords = Rc::new(fold::query_words(&props.text));
    // The index is built on the first search, not when the view opens empty.
    let groups = use_memo(words.clone(), |words| {
        if words.is_empty() {
            Vec::new()
        } else {
            index().search(base, words)
        }
    });
    let total: usize = groups.iter().map(|g| g.hits.len()).sum();
    let status = if words.is_empty() {
        "Type in the search box to search the claims, studies, guidelines, safety advice and the articles' own words.".to_string()
    } else if total == 0 {
        format!(
            "Nothing found for “{}”. Try fewer words, or the start of a word.",
            props.text.trim()
        )
    } else {
        let plural = if total == 1 { "" } else { "s" };
        format!("{total} result{plural} for “{}”.", props.text.trim())
    };
    let onkeydown = Callback::from(move_between_hits);
    html! {
        <div class="mx-found" {onkeydown}>
            <p class="mx-intro" role="status">{ status }</p>
            { for groups.iter().map(|group| html! {
                // Keyed by the search, so "show more" starts over for a new one.
                <FoundGroup key={format!("{}:{}", group.kind.slug(), props.text)} group={group.clone()} words={words.clone()} />
            }) }
        </div>
    }
}

/// Arrow keys, Home and End move between results; Escape goes back to the box.
fn move_between_hits(e: KeyboardEvent) {
    let Some(root) = app_root(&e) else {
        return;
    };
    let Ok(hits) = root.query_selector_all(HIT) else {
        return;
    };
    let hits: Vec<Element> = (0..hits.length())
        .filter_map(|i| hits.item(i)?.dyn_into::<Element>().ok())
        .collect();
    let current = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|t| hits.iter().position(|h| *h == t));
    let next = match (e.key().as_str(), current) {
        ("ArrowDown", Some(at)) => hits.get(at + 1),
        ("ArrowUp", Some(0)) | ("Escape", _) => {
            let input = root.query_selector(INPUT).ok().flatten();
            if let Some(input) = input {
                e.prevent_default();
                focus(input);
            }
            return;
        }
        ("ArrowUp", Some(at)) => hits.get(at - 1),
        ("Home", Some(_)) => hits.first(),
        ("End", Some(_)) => hits.last(),
        _ => return,
    };
    if let Some(next) = next {
        e.prevent_default();
        focus(next.clone());
    }
}

/// How many results of a kind are shown at first, and how many more each time.
const FIRST: usize = 5;
const MORE: usize = 20;

#[derive(Properties, PartialEq)]
struct FoundGroupProps {
    group: Group,
    words: SearchWords,
}

#[component]
fn FoundGroup(props: &FoundGroupProps) -> Html {
    let ctx = use_ctx();
    let shown = use_state(|| FIRST);
    let kind = props.group.kind;
    let hits = &props.group.hits;
    let title = ctx.id(&format!("found-{}", kind.slug()));
    let hidden = hits.len().saturating_sub(*shown);
    let more = if hidden <= MORE {
        format!("Show the other {hidden}")
    } else {
        format!("Show {MORE} more of {hidden}")
    };
    // The button goes away with the last results it shows: focus moves to the
    // first of the new results rather than falling to the page.
    let list = use_node_ref();
    let focus_from = use_mut_ref(|| None::<usize>);
    {
        let (list, focus_from) = (list.clone(), focus_from.clone());
        use_effect_with(*shown, move |_| {
            let hit = focus_from.borrow_mut().take().and_then(|at| {
                let hits = list.cast::<Element>()?.query_selector_all(HIT).ok()?;
                hits.item(at as u32)?.dyn_into::<Element>().ok()
            });
            if let Some(hit) = hit {
                focus(hit);
            }
        });
    }
    let on_more = {
        let shown = shown.clone();
        Callback::from(move |_| {
            *focus_from.borrow_mut() = Some(*shown);
            shown.set(*shown + MORE)
        })
    };
    html! {
        <section class="mx-found-group" data-kind={kind.slug()} aria-labelledby={title.clone()}>
            <h3 id={title}>{ kind.label() }<span class="mx-count">{ format!(" ({})", hits.len()) }</span></h3>
            <ul class="mx-hits" ref={list}>
                { for hits.iter().take(*shown).map(|&target| html! {
                    <li><Hit {target} words={props.words.clone()} /></li>
                }) }
            </ul>
            if hidden > 0 {
                <button type="button" class="mx-button mx-secondary mx-more" onclick={on_more}>{ more }</button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct HitProps {
    target: Target,
    words: SearchWords,
}

/// One result: what it is called, matches marked, and what it opens.
#[component]
fn Hit(props: &HitProps) -> Html {
    let ctx = use_ctx();
    let mark = Marker {
        words: props.words.clone(),
    };
    let (action, title, meta) = describe(props.target, &mark);
    html! {
        <button type="button" class="mx-hit" data-kind={props.target.kind().slug()} onclick={ctx.send(action)}>
            <span class="mx-hit-title">{ title }</span>
            <span class="mx-hit-meta">{ meta }</span>
        </button>
    }
}

/// Marks the reader's words in a text, whole or in an excerpt around the matches.
struct Marker {
    words: SearchWords,
}

impl Marker {
    fn whole(&self, text: &'static str) -> Html {
        highlighted(text, &self.words)
    }

    fn excerpt(&self, text: &'static str) -> Html {
        let (start, end, before, after) = snippet(text, &self.words, 220);
        html! {
            <span class="mx-hit-text">
                { if before { "…" } else { "" } }
                { self.whole(text.get(start..end).unwrap_or_default()) }
                { if after { "…" } else { "" } }
            </span>
        }
    }
}

/// What a result opens, its title, and its line of detail.
fn describe(target: Target, mark: &Marker) -> (Action, Html, Html) {
    let base = claimbase::get();
    match target {
        Target::Claim(idx) => describe_claim(idx, mark),
        Target::Term(idx) => {
            let term = base.term(idx);
            (
                Action::OpenTerm(idx),
                mark.whole(term.name),
                html! { <>
                    <span>{ term.kind.label() }</span>
                    { mark.excerpt(term.summary) }
                </> },
            )
        }
        Target::Study(idx) => {
            let study = base.study(idx);
            let published = study.identified.as_ref().or(study.closest.as_ref());
            let citation = published.map(|p| p.citation).unwrap_or_default();
            (
                Action::OpenStudy(idx),
                mark.whole(study.label),
                html! { <>
                    <span>{ study.design.label() }</span>
                    <span>{ study.status.label() }</span>
                    if !citation.is_empty() { <span class="mx-hit-text">{ mark.whole(citation) }</span> }
                </> },
            )
        }
        Target::Guideline(idx) => {
            let g = base.guideline(idx);
            (
                Action::OpenGuideline(idx),
                mark.whole(g.name),
                html! { <span>{ format!("{}, {}", g.issuer, g.year) }</span> },
            )
        }
        Target::Safety(idx) => {
            let item = base.safety_item(idx);
            (
                Action::OpenSafety(idx),
                mark.excerpt(item.text),
                html! { <span>{ item.kind.label() }</span> },
            )
        }
        Target::Block(source, at) => describe_block(source, at, mark),
    }
}

fn describe_claim(idx: ClaimIdx, mark: &Marker) -> (Action, Html, Html) {
    let base = claimbase::get();
    let claim = base.claim(idx);
    let sources = usize::from(claim.source_count);
    let plural = if sources == 1 { "" } else { "s" };
    // Matched in a quote rather than in our words: show where.
    let quote = fold::match_ranges(claim.text, &mark.words)
        .is_empty()
        .then(|| {
            claim
                .supports
                .iter()
                .map(|p| base.passage_text(p))
                .find(|q| !fold::match_ranges(q, &mark.words).is_empty())
        })
        .flatten();
    (
        Action::OpenClaim(idx),
        mark.whole(claim.text),
        html! { <>
            { evidence_badge(claim.evidence) }
            <span>{ format!("Said in {sources} article{plural}") }</span>
            if let Some(quote) = quote { <q class="mx-hit-text">{ mark.excerpt(quote) }</q> }
        </> },
    )
}

fn describe_block(source: SourceIdx, at: u32, mark: &Marker) -> (Action, Html, Html) {
    let base = claimbase::get();
    let block = base.block_passage(source, at).unwrap_or(Passage {
        source,
        start: 0,
        end: 0,
    });
    let text = base.passage_text(&block);
    // The reader opens at the sentence shown, not the whole paragraph.
    let (start, end, ..) = snippet(text, &mark.words, 220);
    let passage = Passage {
        start: block.start + start as u32,
        end: block.start + end as u32,
        ..block
    };
    (
        Action::OpenPassage(passage),
        mark.excerpt(text),
        html! { <span>{ base.source(source).display_name() }</span> },
    )
}
