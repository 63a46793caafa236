use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::context::use_ctx;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::Design;
use crate::query::studies::{EvidenceMap, Facet, MapCell, StudyQuery};

/// Facets a map axis can use: those with a short, fixed list of values.
const MAP_AXES: [Facet; 5] = [
    Facet::Comparator,
    Facet::Population,
    Facet::Design,
    Facet::Outcome,
    Facet::Status,
];

#[derive(Properties, PartialEq)]
pub struct EvidenceMapProps {
    pub map: Rc<EvidenceMap>,
    pub query: StudyQuery,
}

/// A bubble size class for a count, relative to the fullest cell.
fn size_class(count: u32, most: u32) -> &'static str {
    match (count * 4).div_ceil(most.max(1)) {
        0 => "mx-size-0",
        1 => "mx-size-1",
        2 => "mx-size-2",
        3 => "mx-size-3",
        _ => "mx-size-4",
    }
}

/// What a design says about evidence quality, for the map's legend and labels.
fn strength_words(design: Design) -> &'static str {
    match design {
        Design::SystematicReview => "a systematic review",
        Design::Rct => "a randomised trial",
        Design::Review => "a narrative review",
        Design::Unspecified => "no stated design",
    }
}

/// Evidence map: how many studies fall in each pair of values of two facets
/// (comparator × pain duration unless the reader picks others). A real table,
/// so screen readers announce row and column; a cell's button filters the list.
#[component]
pub fn EvidenceMapView(props: &EvidenceMapProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let map = &props.map;
    let (row_facet, rows) = (&map.rows.0, &map.rows.1);
    let (col_facet, cols) = (&map.cols.0, &map.cols.1);
    let most = map
        .cells
        .iter()
        .flatten()
        .map(|c| c.count)
        .max()
        .unwrap_or(0);
    let axis_select = |which: &'static str, current: Facet, other: Facet| {
        let dispatch = ctx.dispatch.clone();
        let onchange = Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(picked) = Facet::from_slug(&select.value()) {
                // Picking the other axis's facet swaps the two.
                let (rows, cols) = match which {
                    "rows" if picked == other => (other, current),
                    "rows" => (picked, other),
                    _ if picked == other => (current, other),
                    _ => (other, picked),
                };
                dispatch.dispatch(Action::MapAxes(rows, cols));
            }
        });
        html! {
            <select {onchange} aria-label={if which == "rows" { "Map rows" } else { "Map columns" }}>
                { for MAP_AXES.iter().map(|f| html! {
                    <option value={f.slug()} selected={*f == current}>{ f.label() }</option>
                }) }
            </select>
        }
    };
    let cell_html = |r: usize, c: usize, cell: &MapCell| -> Html {
        let (Some(&rv), Some(&cv)) = (rows.get(r), cols.get(c)) else {
            return html! { <td /> };
        };
        if cell.count == 0 {
            return html! {
                <td class="mx-emap-empty"><span aria-hidden="true">{ "·" }</span><span class="mx-visually-hidden">{ "No studies" }</span></td>
            };
        }
        let active = props.query.is_selected(*row_facet, rv)
            && props.query.is_selected(*col_facet, cv)
            && props.query.selected(*row_facet).len() == 1
            && props.query.selected(*col_facet).len() == 1;
        let strongest = cell.strongest.unwrap_or(Design::Unspecified);
        let studies = if cell.count == 1 { "study" } else { "studies" };
        let label = format!(
            "{} {studies}, {} and {}; strongest design: {}; {} identified. Show them.",
            cell.count,
            row_facet.value_label(base, rv),
            col_facet.value_label(base, cv),
            strength_words(strongest),
            cell.identified
        );
        html! {
            <td>
                <button type="button" class={classes!("mx-emap-cell", format!("mx-strength-{}", strongest.slug()))}
                    aria-pressed={active.to_string()} aria-label={label}
                    onclick={ctx.send(Action::FilterCell((*row_facet, rv), (*col_facet, cv)))}>
                    <span class={classes!("mx-bubble", size_class(cell.count, most))} aria-hidden="true"></span>
                    <span class="mx-emap-count" aria-hidden="true">{ cell.count }</span>
                </button>
            </td>
        }
    };
    html! {
        <section class="mx-emap-section" aria-labelledby={ctx.id("emap-title")}>
            <h3 id={ctx.id("emap-title")} class="mx-emap-title">{ "Evidence map" }</h3>
            <p class="mx-emap-axes">
                { "Rows: " }{ axis_select("rows", *row_facet, *col_facet) }
                { " Columns: " }{ axis_select("cols", *col_facet, *row_facet) }
            </p>
            <div class="mx-emap-scroll" tabindex="0" role="region" aria-label="Evidence map, scrollable">
                <table class="mx-emap">
                    <caption class="mx-visually-hidden">
                        { format!("Number of studies by {} and {}, with the strongest design in each cell. Choosing a cell filters the list.", row_facet.label().to_lowercase(), col_facet.label().to_lowercase()) }
                    </caption>
                    <thead>
                        <tr>
                            <td />
                            { for cols.iter().map(|&v| html! { <th scope="col">{ col_facet.value_label(base, v) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for map.cells.iter().enumerate().map(|(r, row)| html! {
                            <tr>
                                <th scope="row">{ rows.get(r).map(|&v| row_facet.value_label(base, v)).unwrap_or_default() }</th>
                                { for row.iter().enumerate().map(|(c, cell)| cell_html(r, c, cell)) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <p class="mx-emap-legend">
                { "Bigger circles: more studies. Colour: the strongest design in the cell — " }
                <span class="mx-key mx-strength-systematic-review">{ "systematic review" }</span>{ ", " }
                <span class="mx-key mx-strength-rct">{ "randomised trial" }</span>{ ", " }
                <span class="mx-key mx-strength-review">{ "review" }</span>{ ", " }
                <span class="mx-key mx-strength-unspecified">{ "design not stated" }</span>
                { ". Filters other than the map's two apply to it." }
            </p>
        </section>
    }
}
