//! Keyboard movement in a table of buttons (the map, the report-card table): the
//! arrow keys move between cells marked `data-row` and `data-col`, and the
//! grid is one tab stop that remembers the cell last focused.

use wasm_bindgen::JsCast;
use web_sys::{FocusEvent, HtmlElement, KeyboardEvent};

/// Moves focus between cell buttons with the arrow keys (a grid, one tab stop).
pub fn on_grid_key(event: KeyboardEvent) {
    let (dr, dc): (i32, i32) = match event.key().as_str() {
        "ArrowRight" => (0, 1),
        "ArrowLeft" => (0, -1),
        "ArrowDown" => (1, 0),
        "ArrowUp" => (-1, 0),
        _ => return,
    };
    let Some(cell) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
    else {
        return;
    };
    let (Some(row), Some(col)) = (
        cell.get_attribute("data-row"),
        cell.get_attribute("data-col"),
    ) else {
        return;
    };
    let (Ok(row), Ok(col)) = (row.parse::<i32>(), col.parse::<i32>()) else {
        return;
    };
    event.prevent_default();
    let selector = format!("[data-row=\"{}\"][data-col=\"{}\"]", row + dr, col + dc);
    let next = cell
        .closest("table")
        .ok()
        .flatten()
        .and_then(|table| table.query_selector(&selector).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(next) = next {
        let _ = next.focus();
    }
}

/// Roving tab stop: the cell that last had focus (by arrow key or click) is the
/// one Tab returns to, so leaving the grid and coming back keeps the reader's place.
pub fn on_grid_focus(event: FocusEvent) {
    let Some(cell) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.has_attribute("data-row"))
    else {
        return;
    };
    if let Some(table) = cell.closest("table").ok().flatten() {
        while let Some(other) = table
            .query_selector("[data-row][tabindex=\"0\"]")
            .ok()
            .flatten()
        {
            if other.set_attribute("tabindex", "-1").is_err() {
                break;
            }
        }
    }
    cell.set_tab_index(0);
}
