//! The Sources view: the article list, and an article in the reader with every
//! quoted passage marked and what it gets wrong.

use web_sys::{HtmlElement, ScrollLogicalPosition};
use yew::prelude::*;

use super::evidence::evidence_badge;
use super::focus::{scroll_to, use_focus_on_mount_unless, use_refocus_on_close};
use super::report_card::{ReportCardView, ReportTable};
use crate::app::context::use_ctx;
use crate::app::islands::Island;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::BlockKind;
use crate::claimbase::model::{CriterionIdx, SourceIdx};
use crate::query::explain;

#[derive(Properties, PartialEq)]
pub struct SourcesViewProps {
    pub source: Option<SourceIdx>,
    pub passage: Option<(u32, u32)>,
    pub criterion: Option<CriterionIdx>,
}

/// The articles: a list, or one article in the reader.
#[component]
pub fn SourcesView(props: &SourcesViewProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let list = use_refocus_on_close(props.source, |s| {
        let source = claimbase::get().source(s);
        Some(format!("[data-source=\"{}\"] .mx-card-button", source.id))
    });
    if let Some(source) = props.source {
        return html! { <Reader {source} passage={props.passage} criterion={props.criterion} /> };
    }
    html! {
        <>
            <p class="mx-intro">{ "The web articles this guide checks. Open one to see its report card and its text, with each passage we quote marked, and what it gets wrong." }</p>
            <Island><ReportTable /></Island>
            <h3 class="mx-section-title">{ "The articles" }</h3>
            <Island><ul class="mx-source-list" ref={list}>
                { for base.sources_indexed().map(|(idx, source)| {
                    let byline = byline(source.byline, source.publisher);
                    html! {
                        <li class="mx-source" data-source={source.id} key={source.id}>
                            <h3 class="mx-source-title">
                                <button type="button" class="mx-card-button" onclick={ctx.send(Action::OpenSource(idx))}>
                                    { source.display_name() }
                                </button>
                            </h3>
                            <p class="mx-source-meta">
                                <span>{ format!("{} words", source.word_count) }</span>
                                if let Some(byline) = byline { <span>{ byline }</span> }
                                if source.title.is_none() { <span class="mx-source-untitled">{ "Untitled article" }</span> }
                            </p>
                        </li>
                    }
                }) }
            </ul></Island>
        </>
    }
}

fn byline(name: Option<&str>, publisher: Option<&str>) -> Option<String> {
    match (name, publisher) {
        (Some(name), Some(publisher)) => Some(format!("By {name}, {publisher}")),
        (Some(name), None) => Some(format!("By {name}")),
        (None, Some(publisher)) => Some(publisher.to_string()),
        (None, None) => None,
    }
}

#[derive(Properties, PartialEq)]
struct ReaderProps {
    source: SourceIdx,
    passage: Option<(u32, u32)>,
    /// The report-card criterion to open.
    criterion: Option<CriterionIdx>,
}

#[component]
fn Reader(props: &ReaderProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let marks = explain::with_passage(explain::quoted_ranges(base, props.source), props.passage);
    // The marked range that holds the requested passage.
    let target = props.passage.and_then(|(start, _)| {
        marks
            .iter()
            .copied()
            .find(|&(s, e)| s <= start && start < e)
    });
    // A passage or criterion to show takes focus itself; else the heading does.
    let heading = use_focus_on_mount_unless(target.is_some() || props.criterion.is_some());
    let source = base.source(props.source);
    html! {
        <article class="mx-reader" data-source={source.id}>
            <button type="button" class="mx-back" onclick={ctx.send(Action::CloseDetail)}>{ "← All sources" }</button>
            <h2 class="mx-detail-title" tabindex="-1" ref={heading}>{ source.display_name() }</h2>
            <p class="mx-source-meta">
                <span>{ format!("{} words", source.word_count) }</span>
                if let Some(byline) = byline(source.byline, source.publisher) { <span>{ byline }</span> }
            </p>
            if let Some(url) = source.url {
                // The address as text: the widget never requests it.
                <p class="mx-source-url"><span class="mx-label">{ "Published at: " }</span><code>{ url }</code></p>
            }
            <ReportCardView source={props.source} open={props.criterion} />
            <Problems source={props.source} />
            <ReaderBody source={props.source} {marks} {target} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct SourceProps {
    source: SourceIdx,
}

/// What an article gets wrong: its weak claims, and where it misdescribes studies.
#[component]
fn Problems(props: &SourceProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let weak = explain::weak_claims_of(base, props.source);
    let misdescribed = explain::discrepancies_of(base, props.source);
    if weak.is_empty() && misdescribed.is_empty() {
        return Html::default();
    }
    html! {
        <section class="mx-problems" aria-label="What this article gets wrong">
            <h3>{ "What this article gets wrong" }</h3>
            <ul>
                { for weak.iter().map(|&c| base.claim(c)).map(|claim| html! {
                    <li>{ evidence_badge(claim.evidence) }{ " " }{ claim.text }{ " " }<span class="mx-claim-note">{ claim.evidence_note }</span></li>
                }) }
                { for misdescribed.into_iter().map(|(s, d)| html! {
                    <li>
                        <button type="button" class="mx-link" onclick={ctx.send(Action::OpenStudy(s))}>{ base.study(s).label }</button>
                        { ": " }{ d.text }
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReaderBodyProps {
    source: SourceIdx,
    /// The quoted ranges to mark, sorted and disjoint.
    marks: Vec<(u32, u32)>,
    /// The mark to scroll to and focus.
    target: Option<(u32, u32)>,
}

/// The article's text with every quoted passage marked; the requested passage
/// is scrolled to and focused.
#[component]
fn ReaderBody(props: &ReaderBodyProps) -> Html {
    let body = use_node_ref();
    let source = claimbase::get().source(props.source);
    let (marks, target) = (&props.marks, props.target);
    {
        let body = body.clone();
        use_effect_with(target, move |target| {
            let el = target.and_then(|(start, _)| {
                let selector = format!("[data-at=\"{start}\"]");
                body.cast::<HtmlElement>()?
                    .query_selector(&selector)
                    .ok()
                    .flatten()
            });
            if let Some(el) = el {
                scroll_to(&el, ScrollLogicalPosition::Center);
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    }
    let piece = |(text, mark): (&'static str, Option<(u32, u32)>)| match mark {
        None => html! { { text } },
        Some((start, end)) => {
            let current = target == Some((start, end));
            html! {
                <mark class={classes!("mx-mark", current.then_some("mx-mark-current"))} data-at={start.to_string()} tabindex="-1"
                    data-end={end.to_string()}>{ text }</mark>
            }
        }
    };
    html! {
        <div class="mx-reader-body" ref={body}>
            { for source.blocks.iter().map(|block| {
                let content: Html = explain::split_marked(source.text, block.start, block.end, marks).into_iter().map(piece).collect();
                match block.kind {
                    BlockKind::Heading => html! { <h4 class="mx-reader-heading">{ content }</h4> },
                    BlockKind::Paragraph => html! { <p>{ content }</p> },
                }
            }) }
        </div>
    }
}
