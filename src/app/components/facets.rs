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

/// The filter panel: a group of checkboxes with counts per facet. On a phone it
/// folds away behind its summary.
#[component]
pub fn Facets(props: &FacetsProps) -> Html {
    let active: usize = props.query.selected.iter().map(|s| s.len()).sum();
    let summary = match active {
        0 => "Filters".to_string(),
        1 => "Filters (1 active)".to_string(),
        n => format!("Filters ({n} active)"),
    };
    // Open on a wide screen, folded on a phone, where it would push the list down.
    // Prerendered (natively) there is no window: open, as on a wide screen.
    let wide = !cfg!(target_arch = "wasm32")
        || web_sys::window()
            .and_then(|w| w.inner_width().ok())
            .and_then(|w| w.as_f64())
            .is_none_or(|w| w >= 760.0);
    html! {
        <details class="mx-facets" open={wide}>
            <summary>{ summary }</summary>
            { for Facet::ALL.iter().map(|&facet| html! {
                <FacetGroup {facet} values={Rc::new(props.results.facets.get(facet.index()).cloned().unwrap_or_default())} />
            }) }
        </details>
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
