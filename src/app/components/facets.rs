//! The study list's filter panel: checkboxes with disjunctive counts per facet.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::context::use_ctx;
use crate::app::state::Action;
use crate::claimbase;
use crate::query::studies::{Facet, FacetCount, StudyQuery, StudyResults};

/// Values a long facet shows before "Show all".
const SHORT_LIST: usize = 6;

#[derive(Properties, PartialEq)]
pub struct FacetsProps {
    pub results: Rc<StudyResults>,
    pub query: StudyQuery,
}

/// The filter panel: a group of checkboxes with counts per facet. Where the widget
/// is narrow (a phone, a sidebar) it folds behind a toggle, since it would push the
/// list down; where it is wide it is always open. The stylesheet decides by the
/// widget's width (a container query), so rendering reads no window size: the
/// prerendered page and the live app render the same markup at any width.
#[component]
pub fn Facets(props: &FacetsProps) -> Html {
    let ctx = use_ctx();
    let unfolded = use_state_eq(|| false);
    let active: usize = props.query.selected.iter().map(|s| s.len()).sum();
    let summary = match active {
        0 => "Filters".to_string(),
        1 => "Filters (1 active)".to_string(),
        n => format!("Filters ({n} active)"),
    };
    let body = ctx.id("facets");
    let toggle = {
        let unfolded = unfolded.clone();
        Callback::from(move |_: MouseEvent| unfolded.set(!*unfolded))
    };
    html! {
        <section class="mx-facets" aria-label="Filters" data-unfolded={(*unfolded).then_some("")}>
            <button type="button" class="mx-facets-toggle" aria-expanded={(*unfolded).to_string()}
                aria-controls={body.clone()} onclick={toggle}>{ summary.clone() }</button>
            <p class="mx-facets-heading">{ summary }</p>
            <div class="mx-facets-body" id={body}>
                { for Facet::ALL.iter().map(|&facet| html! {
                    <FacetGroup {facet} values={Rc::new(props.results.facets.get(facet.index()).cloned().unwrap_or_default())} />
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FacetGroupProps {
    facet: Facet,
    values: Rc<Vec<FacetCount>>,
}

#[component]
fn FacetGroup(props: &FacetGroupProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let expanded = use_state_eq(|| false);
    let facet = props.facet;
    let values = &props.values;
    // A long list shows its top values and every ticked one.
    let long = values.len() > SHORT_LIST + 1;
    let shown: Vec<&FacetCount> = values
        .iter()
        .enumerate()
        .filter(|(i, v)| !long || *expanded || *i < SHORT_LIST || v.selected)
        .map(|(_, v)| v)
        .collect();
    html! {
        <fieldset class="mx-facet" data-facet={facet.slug()}>
            <legend>{ facet.label() }</legend>
            if values.is_empty() {
                <p class="mx-muted">{ "None in these results" }</p>
            }
            <ul>
                { for shown.into_iter().map(|v| {
                    let label = facet.value_label(base, v.value);
                    let onchange = ctx.send(Action::ToggleFilter(facet, v.value));
                    html! {
                        <li>
                            <label class={classes!("mx-check", (v.count == 0).then_some("mx-zero"))}>
                                <input type="checkbox" checked={v.selected} {onchange}
                                    data-value={facet.value_slug(base, v.value)} />
                                <span class="mx-check-label">{ label }</span>
                                <span class="mx-facet-count">{ v.count }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if long {
                <button type="button" class="mx-link mx-facet-more" aria-expanded={(*expanded).to_string()} onclick={
                    let expanded = expanded.clone();
                    move |_| expanded.set(!*expanded)
                }>
                    { if *expanded { "Show fewer".to_string() } else { format!("Show all {}", values.len()) } }
                </button>
            }
        </fieldset>
    }
}
