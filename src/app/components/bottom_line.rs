//! The short answer's sentences, each under the question it answers and linking
//! to the evidence behind it (its one-line summary is in the header, on every
//! view). In full on the Short answer view; on every other view folded, to open.

use yew::prelude::*;

use super::figure::FigureView;
use crate::app::context::use_ctx;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::model::Cite;
use crate::query::explain;

/// Every sentence, each under the question it answers.
#[component]
pub fn BottomLinePanel() -> Html {
    let base = claimbase::get();
    let bottom_line = &base.bottom_line;
    html! {
        <div class="mx-answer-body">
            <dl class="mx-answer-points">
                { for bottom_line.points.iter().map(|point| html! {
                    <div class="mx-answer-point" data-point={point.id}>
                        <dt>{ point.question.label() }</dt>
                        <dd>
                            { point.text }
                            <Cites cites={point.cites} />
                            { for point.figures.iter().map(|figure| html! { <FigureView {figure} /> }) }
                        </dd>
                    </div>
                }) }
            </dl>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CitesProps {
    pub cites: &'static [Cite],
}

/// The links to what a text rests on, after it; nothing when it cites nothing.
#[component]
pub fn Cites(props: &CitesProps) -> Html {
    if props.cites.is_empty() {
        return html! {};
    }
    html! {
        <span class="mx-cites">
            <span class="mx-visually-hidden">{ "Evidence: " }</span>
            { for props.cites.iter().map(|&cite| html! { <CiteLink {cite} /> }) }
        </span>
    }
}

#[derive(Properties, PartialEq)]
struct CiteLinkProps {
    cite: Cite,
}

/// A link to what a sentence rests on: a study card, a guideline, a claim.
#[component]
fn CiteLink(props: &CiteLinkProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let name = explain::cite_name(base, props.cite);
    let label = match props.cite {
        Cite::Study(_) => format!("The study: {name}"),
        Cite::Guideline(_) => format!("The guideline: {name}"),
        Cite::Claim(c) => format!("{name}: {}", base.claim(c).text),
    };
    html! {
        <button type="button" class="mx-cite-link" aria-label={label} onclick={ctx.send(Action::OpenCite(props.cite))}>
            { name }
        </button>
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
