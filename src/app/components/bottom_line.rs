//! The short answer: a one-line summary and a few sentences, each linking to
//! the evidence behind it. In full on the Short answer view; on every other
//! view as its one-line summary, which opens to the full answer.

use yew::prelude::*;

use crate::app::context::use_ctx;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::model::Cite;
use crate::query::explain;

/// The summary and every sentence, each under the question it answers.
#[component]
pub fn BottomLinePanel() -> Html {
    let base = claimbase::get();
    let bottom_line = &base.bottom_line;
    html! {
        <div class="mx-answer-body">
            <p class="mx-answer-summary">{ bottom_line.summary }</p>
            <dl class="mx-answer-points">
                { for bottom_line.points.iter().map(|point| html! {
                    <div class="mx-answer-point" data-point={point.id}>
                        <dt>{ point.question.label() }</dt>
                        <dd>
                            { point.text }
                            <span class="mx-cites">
                                <span class="mx-visually-hidden">{ "Evidence: " }</span>
                                { for point.cites.iter().map(|&cite| html! { <CiteLink {cite} /> }) }
                            </span>
                        </dd>
                    </div>
                }) }
            </dl>
        </div>
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

/// The short answer folded to its summary, for the views other than the Short answer.
#[component]
pub fn BottomLineSummary() -> Html {
    let base = claimbase::get();
    html! {
        <details class="mx-answer-mini">
            <summary><span class="mx-label">{ "Short answer: " }</span>{ base.bottom_line.summary }</summary>
            <BottomLinePanel />
        </details>
    }
}
