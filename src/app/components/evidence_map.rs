//! The study list's evidence map: studies counted by two facets the reader picks.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::app::context::use_ctx;
use crate::app::state::Action;
use crate::claimbase;
use crate::claimbase::kinds::Design;
use crate::query::studies::{EvidenceMap, Facet, MapCell, StudyQuery, Value};

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

/// Evidence map: how many studies fall in each pair of values of two facets
/// (comparator × pain duration unless the reader picks others). A real table,
/// so screen readers announce row and column; a cell's button filters the list.
#[component]
pub fn EvidenceMapView(props: &EvidenceMapProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let map = &props.map;
    let (row_facet, rows) = (map.rows.0, &map.rows.1);
    let (col_facet, cols) = (map.cols.0, &map.cols.1);
    let most = map
        .cells
        .iter()
        .flatten()
        .map(|c| c.count)
        .max()
        .unwrap_or(0);
    let caption = format!(
        "Number of studies by {} and {}, with the strongest design in each cell. Choosing a cell filters the list.",
        row_facet.label().to_ascii_lowercase(),
        col_facet.label().to_ascii_lowercase()
    );
    html! {
        <section class="mx-emap-section" aria-labelledby={ctx.id("emap-title")}>
            <h3 id={ctx.id("emap-title")} class="mx-emap-title">{ "Evidence map" }</h3>
            <p class="mx-emap-axes">
                { "Rows: " }<AxisPicker rows=true current={row_facet} other={col_facet} />
                { " Columns: " }<AxisPicker rows=false current={col_facet} other={row_facet} />
            </p>
            <div class="mx-emap-scroll" tabindex="0" role="region" aria-label="Evidence map, scrollable">
                <table class="mx-emap">
                    <caption class="mx-visually-hidden">{ caption }</caption>
                    <thead>
                        <tr>
                            <td />
                            { for cols.iter().map(|&v| html! { <th scope="col">{ col_facet.value_label(base, v) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for map.cells.iter().zip(rows).map(|(row, &rv)| html! {
                            <tr>
                                <th scope="row">{ row_facet.value_label(base, rv) }</th>
                                { for row.iter().zip(cols).map(|(cell, &cv)| html! {
                                    <MapCellView cell={*cell} row={(row_facet, rv)} col={(col_facet, cv)} {most} query={props.query.clone()} />
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            { legend() }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AxisPickerProps {
    /// Whether this picks the rows (else the columns).
    rows: bool,
    current: Facet,
    /// The other axis's facet: picking it swaps the two.
    other: Facet,
}

#[component]
fn AxisPicker(props: &AxisPickerProps) -> Html {
    let ctx = use_ctx();
    let (rows, current, other) = (props.rows, props.current, props.other);
    let onchange = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(picked) = Facet::from_slug(&select.value()) {
                // Picking the other axis's facet swaps the two.
                let kept = if picked == other { current } else { other };
                let axes = if rows { (picked, kept) } else { (kept, picked) };
                dispatch.dispatch(Action::MapAxes(axes.0, axes.1));
            }
        })
    };
    html! {
        <select {onchange} aria-label={if rows { "Map rows" } else { "Map columns" }}>
            { for MAP_AXES.iter().map(|f| html! {
                <option value={f.slug()} selected={*f == current}>{ f.label() }</option>
            }) }
        </select>
    }
}

#[derive(Properties, PartialEq)]
struct MapCellProps {
    cell: MapCell,
    row: (Facet, Value),
    col: (Facet, Value),
    /// The fullest cell's count, for the bubble's size.
    most: u32,
    query: StudyQuery,
}

/// One cell: a bubble sized by its count, coloured by its strongest design; a
/// button that filters the list to it.
#[component]
fn MapCellView(props: &MapCellProps) -> Html {
    let ctx = use_ctx();
    let base = claimbase::get();
    let (cell, (row_facet, rv), (col_facet, cv)) = (props.cell, props.row, props.col);
    if cell.count == 0 {
        return html! {
            <td class="mx-emap-empty"><span aria-hidden="true">{ "·" }</span><span class="mx-visually-hidden">{ "No studies" }</span></td>
        };
    }
    let q = &props.query;
    let only =
        |facet: Facet, value: Value| q.is_selected(facet, value) && q.selected(facet).len() == 1;
    let active = only(row_facet, rv) && only(col_facet, cv);
    let strongest = cell.strongest.unwrap_or(Design::Unspecified);
    let studies = if cell.count == 1 { "study" } else { "studies" };
    let label = format!(
        "{} {studies}, {} and {}; strongest design: {}; {} identified. Show them.",
        cell.count,
        row_facet.value_label(base, rv),
        col_facet.value_label(base, cv),
        strongest.label().to_ascii_lowercase(),
        cell.identified
    );
    html! {
        <td>
            <button type="button" class={classes!("mx-emap-cell", format!("mx-strength-{}", strongest.slug()))}
                aria-pressed={active.to_string()} aria-label={label}
                onclick={ctx.send(Action::FilterCell(props.row, props.col))}>
                <span class={classes!("mx-bubble", size_class(cell.count, props.most))} aria-hidden="true"></span>
                <span class="mx-emap-count" aria-hidden="true">{ cell.count }</span>
            </button>
        </td>
    }
}

/// What sizes and colours mean, in words.
fn legend() -> Html {
    html! {
        <div class="mx-emap-legend">
            <p>{ "Bigger circles: more studies. A circle's colour shows the strongest kind of study in it. Filters other than the map's two apply to the map." }</p>
            <p>
                { "Strongest first: " }
                { for Design::ALL.iter().enumerate().map(|(i, d)| html! {
                    <>
                        if i > 0 { { ", " } }
                        <span class={classes!("mx-key", format!("mx-strength-{}", d.slug()))}>{ d.label().to_ascii_lowercase() }</span>
                    </>
                }) }
            </p>
        </div>
    }
}
