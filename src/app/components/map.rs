//! The Map view: technique × mechanism, a keyboard-navigable grid of article counts.

use yew::prelude::*;

use super::claim::ClaimCard;
use super::focus::use_focus_on_mount;
use super::grid::{on_grid_focus, on_grid_key};
use crate::app::context::use_ctx;
use crate::app::islands::Island;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::model::TermIdx;
use crate::query::explain;

#[derive(Properties, PartialEq)]
pub struct MapViewProps {
    pub selected: Option<(TermIdx, TermIdx)>,
}

/// Technique × mechanism: how many articles link each pair; a cell opens the claims.
#[component]
pub fn MapView(props: &MapViewProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let grid = explain::grid(base);
    let name = |t: TermIdx| base.term(t).name;
    // The grid's one tab stop: the open cell, else the first cell with articles.
    let tab_stop = props
        .selected
        .and_then(|(t, m)| {
            let row = grid.techniques.iter().position(|&x| x == t)?;
            Some((row, grid.mechanisms.iter().position(|&x| x == m)?))
        })
        .or_else(|| {
            (grid.sources.iter().enumerate())
                .find_map(|(r, row)| Some((r, row.iter().position(|&n| n > 0)?)))
        })
        .unwrap_or((0, 0));
    html! {
        <>
            <p class="mx-intro">
                { "Which techniques the articles say work through which effects. A number counts the articles that link the two; a dash means none does. Choose a cell to read the claims." }
            </p>
            <Island><div class="mx-map-scroll" tabindex="0" role="region" aria-label="Technique and mechanism map, scrollable">
                <table class="mx-map" onkeydown={Callback::from(on_grid_key)} onfocusin={Callback::from(on_grid_focus)}>
                    <caption class="mx-visually-hidden">{ "Number of articles linking each technique (rows) to each mechanism (columns)" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Technique" }</th>
                            { for grid.mechanisms.iter().map(|&m| html! { <th scope="col"><span>{ name(m) }</span></th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for grid.techniques.iter().zip(&grid.sources).enumerate().map(|(r, (&t, row))| html! {
                            <tr>
                                <th scope="row">{ name(t) }</th>
                                { for grid.mechanisms.iter().zip(row).enumerate().map(|(c, (&m, &n))| {
                                    let selected = props.selected == Some((t, m));
                                    let label = match n {
                                        0 => format!("{} and {}: no article links them", name(t), name(m)),
                                        1 => format!("{} and {}: 1 article", name(t), name(m)),
                                        n => format!("{} and {}: {n} articles", name(t), name(m)),
                                    };
                                    html! {
                                        <td class={classes!("mx-cell", (n == 0).then_some("mx-cell-empty"), selected.then_some("mx-cell-selected"))}>
                                            <button type="button" aria-label={label} aria-pressed={if selected { "true" } else { "false" }}
                                                data-row={r.to_string()} data-col={c.to_string()}
                                                tabindex={if (r, c) == tab_stop { "0" } else { "-1" }}
                                                onclick={ctx.send(Action::SelectCell(if selected { None } else { Some((t, m)) }))}>
                                                { if n == 0 { "–".to_string() } else { n.to_string() } }
                                            </button>
                                        </td>
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div></Island>
            if let Some((t, m)) = props.selected {
                <CellDetail technique={t} mechanism={m} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct CellDetailProps {
    technique: TermIdx,
    mechanism: TermIdx,
}

#[component]
fn CellDetail(props: &CellDetailProps) -> Html {
    let heading = use_focus_on_mount();
    let base = claimbase::get();
    let claims = base.link_claims(props.technique, props.mechanism);
    let name = |t: TermIdx| base.term(t).name;
    html! {
        <section class="mx-cell-detail" aria-live="polite">
            <h2 tabindex="-1" ref={heading}>{ format!("{} × {}", name(props.technique), name(props.mechanism)) }</h2>
            if claims.is_empty() {
                <p class="mx-empty">{ "No article links this technique to this effect." }</p>
            }
            { for claims.iter().map(|&claim| html! { <ClaimCard key={claim.index()} {claim} /> }) }
        </section>
    }
}
