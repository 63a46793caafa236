//! The short answer's sentences, each under the question it answers and linking
//! to the evidence behind it (its one-line summary is in the header, on every
//! view). In full on the Short answer view; on every other view folded, to open.
//! Each answer comes in brief first, its full text and pictures behind "Read
//! more" (layered, as decision aids do), so a phone reader sees every answer and
//! the next step within a few screens.

use yew::prelude::*;

use super::figure::figure_view;
use super::focus::{focus, use_opened_once};
use crate::app::context::{use_ctx, Ctx};
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::model::{Cite, Point};
use crate::query::explain;

/// Every sentence, each under the question it answers. The pictures behind
/// "Read more" are drawn once the reader first opens one (as the About guide's
/// body is): the page need not carry or hydrate what a reader may never open.
#[component]
pub fn BottomLinePanel() -> Html {
    let base = claimbase::get();
    let bottom_line = &base.bottom_line;
    let (pictures, ontoggle, list) = use_opened_once();
    html! {
        <div class="mx-answer-body">
            <dl class="mx-answer-points" ref={list}>
                { for bottom_line.points.iter().map(|point| html! {
                    <div class="mx-answer-point" data-point={point.id}>
                        <dt>{ point.question.label() }</dt>
                        <dd>{ answer_point(point, pictures, &ontoggle) }</dd>
                    </div>
                }) }
            </dl>
        </div>
    }
}

/// One answer: in brief, then on request the full text with its records and,
/// once `pictures`, its pictures; or, without a brief form, the text, records
/// and pictures in full.
fn answer_point(point: &'static Point, pictures: bool, ontoggle: &Callback<Event>) -> Html {
    let figures = |shown: bool| -> Html {
        let figures = point.figures.iter().filter(|_| shown);
        figures.map(|figure| figure_view(figure, false)).collect()
    };
    let Some(short) = point.short else {
        return html! { <>{ point.text }<Cites cites={point.cites} />{ figures(true) }</> };
    };
    let more = match point.figures.len() {
        0 => "Read more",
        1 => "Read more and see the picture",
        _ => "Read more and see the pictures",
    };
    html! {
        <>
            <p class="mx-point-short">{ short }</p>
            // The records with the full text, which gives every number its
            // group, time and range: the brief line is that text, shortened.
            <details class="mx-point" ontoggle={ontoggle.clone()}>
                <summary>{ more }</summary>
                <p class="mx-point-text">{ point.text }<Cites cites={point.cites} /></p>
                { figures(pictures) }
            </details>
        </>
    }
}

/// No record open.
const CLOSED: usize = usize::MAX;

#[derive(Properties, PartialEq)]
pub struct CitesProps {
    pub cites: &'static [Cite],
}

/// The links to what a text rests on, after it; nothing when it cites nothing.
/// A link opens its record right there, under the text (one at a time, no
/// history entry, a Close button that hands focus back to the link): a reader
/// on a phone checks a source without losing their place.
#[component]
pub fn Cites(props: &CitesProps) -> Html {
    let ctx = use_ctx();
    // The open record's position, `CLOSED` for none (a plain `usize` state: the
    // same hook instance as the search results', which keeps the wasm smaller).
    let open = use_state(|| CLOSED);
    let chips = use_node_ref();
    if props.cites.is_empty() {
        return html! {};
    }
    let toggle = |i: usize| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(if *open == i { CLOSED } else { i }))
    };
    // Closing hands focus back to the link that opened it (it stays; the
    // record goes).
    let close = {
        let (open, chips) = (open.clone(), chips.clone());
        Callback::from(move |_: MouseEvent| {
            let selector = format!(".mx-cite-link:nth-of-type({})", *open + 1);
            let chip = chips
                .cast::<web_sys::Element>()
                .and_then(|c| c.query_selector(&selector).ok().flatten());
            open.set(CLOSED);
            if let Some(chip) = chip {
                focus(chip);
            }
        })
    };
    html! {
        <span class="mx-cites" ref={chips}>
            <span class="mx-visually-hidden">{ "Evidence: " }</span>
            { for props.cites.iter().enumerate().map(|(i, &cite)| html! {
                { cite_link(cite, *open == i, toggle(i)) }
            }) }
            if let Some(&cite) = props.cites.get(*open) {
                { cite_peek(&ctx, cite, close) }
            }
        </span>
    }
}

/// A link to what a sentence rests on: a study card, a guideline, a claim;
/// `expanded` while its record is open under the text.
fn cite_link(cite: Cite, expanded: bool, onclick: Callback<MouseEvent>) -> Html {
    let base = claimbase::get();
    let name = explain::cite_name(base, cite);
    let label = match cite {
        Cite::Study(_) => format!("The study: {name}"),
        Cite::Guideline(_) => format!("The guideline: {name}"),
        Cite::Claim(c) => format!("{name}: {}", base.claim(c).text),
    };
    let expanded = if expanded { "true" } else { "false" };
    html! {
        <button type="button" class="mx-cite-link" aria-label={label} aria-expanded={expanded} {onclick}>
            { name }
        </button>
    }
}

/// A record opened in place, in brief: what it is and how sure, a way to its
/// full place (the study list, the guidelines: a screen of its own, in
/// history), and Close. A disclosure (WAI-ARIA): focus stays on the link, and
/// the record is next in the tab order. A plain function, not a component.
fn cite_peek(ctx: &Ctx, cite: Cite, onclose: Callback<MouseEvent>) -> Html {
    let base = claimbase::get();
    let (title, about, go) = match cite {
        Cite::Study(s) => {
            let study = base.study(s);
            let record = study.identified.as_ref().map_or("", |p| p.citation);
            let what = format!("{}. {} {record}", study.design.label(), study.quality);
            (study.label, what, "Show it in the study list")
        }
        Cite::Claim(c) => {
            let claim = base.claim(c);
            (
                claim.text,
                claim.evidence.label().to_string(),
                "Show it on its own",
            )
        }
        Cite::Guideline(g) => {
            let guideline = base.guideline(g);
            (
                guideline.name,
                guideline.citation.to_string(),
                "Show it with the other guidelines",
            )
        }
    };
    html! {
        <span class="mx-cite-peek" role="group" aria-label={title}>
            <strong class="mx-cite-peek-title">{ title }</strong>
            <span class="mx-cite-peek-about">{ about }</span>
            <span class="mx-cite-peek-actions">
                <button type="button" class="mx-back" onclick={onclose}>{ "Close" }</button>
                <button type="button" class="mx-link" onclick={ctx.send(Action::OpenCite(cite))}>{ go }</button>
            </span>
        </span>
    }
}

/// The short answer's sentences folded, for the views other than the Short answer.
#[component]
pub fn BottomLineSummary() -> Html {
    let base = claimbase::get();
    let questions: Vec<&str> = base
        .bottom_line
        .points
        .iter()
        .map(|point| point.question.label())
        .collect();
    html! {
        <details class="mx-answer-mini">
            <summary><span class="mx-label">{ "Short answer, point by point: " }</span>{ questions.join(" ") }</summary>
            <BottomLinePanel />
        </details>
    }
}
