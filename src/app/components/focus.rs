//! Focus, scrolling and disclosure helpers: where focus goes when details open
//! and close, and content built when a details is first opened.

use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Whether the reader has pressed a key or clicked on the page yet. Asking the
/// focused element instead is not enough: the button that opened a detail is
/// usually gone by the time the detail mounts, so focus has already fallen to
/// <body>. Browsers without `navigator.userActivation` fall back to that check.
pub fn reader_has_interacted() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let activation = window.navigator().user_activation();
    if activation.is_undefined() {
        return !focus_is_lost();
    }
    activation.has_been_active()
}

/// Whether nothing (or only <body>) has focus, as after the focused element was
/// removed by a re-render.
fn focus_is_lost() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| Some((d.active_element(), d.body()?)))
        .is_none_or(|(active, body)| active.is_none_or(|a| a == *body.as_ref()))
}

/// Focuses `el` if it is an HTML element.
pub fn focus(el: Element) {
    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el) {
        let _ = el.focus();
    }
}

/// A ref whose element takes focus when it mounts, if the reader was already
/// interacting (so opening a detail moves focus to its heading, but a page load
/// from a shared link does not scroll the host page to the widget).
#[hook]
pub fn use_focus_on_mount() -> NodeRef {
    use_focus_on_mount_unless(false)
}

/// `use_focus_on_mount`, unless something inside will take focus itself (a
/// reader opened at a passage focuses the passage).
#[hook]
pub fn use_focus_on_mount_unless(other_takes_it: bool) -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            if !other_takes_it && reader_has_interacted() {
                if let Some(el) = node.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    node
}

/// For a list of cards that each open a detail: a ref for the list. When the
/// detail closes (`open` goes from `Some` to `None`) and took focus with it (its
/// back button is gone), focus goes to the element `selector(closed)` finds in
/// the list, the button that opened it, so the reader goes on from there.
#[hook]
pub fn use_refocus_on_close<T>(open: Option<T>, selector: fn(T) -> Option<String>) -> NodeRef
where
    T: Copy + PartialEq + 'static,
{
    let list = use_node_ref();
    let shown = use_mut_ref(|| None::<T>);
    {
        let list = list.clone();
        use_effect_with(open, move |&open| {
            let closed = shown.replace(open);
            if let (None, Some(closed), true) = (open, closed, focus_is_lost()) {
                let button = list
                    .cast::<Element>()
                    .and_then(|list| list.query_selector(&selector(closed)?).ok().flatten());
                if let Some(button) = button {
                    focus(button);
                }
            }
        });
    }
    list
}

/// When the reader moves to another view (the tabs keep the current one in
/// their row themselves): for a view's overview (one item scrolls to
/// itself, `use_scroll_to_selected`) reached other than from the tabs or the
/// search box (a button deep in a long page, a citation, Back), the panel is
/// scrolled to the top of the screen and takes focus, so something visibly
/// happens and a screen reader goes on from the new view. Not on the first
/// render, which leaves a host page where it is.
#[hook]
pub fn use_show_new_view(panel: NodeRef, view: crate::app::route::View, overview: bool) {
    let first = use_mut_ref(|| true);
    use_effect_with(view, move |_| {
        let Some(panel) = panel.cast::<HtmlElement>() else {
            return;
        };
        let app = panel.parent_element();
        let find = |selector: &str| app.as_ref()?.query_selector(selector).ok().flatten();
        if first.replace(false) || !overview || !reader_has_interacted() {
            return;
        }
        if find("[role=tablist]:focus-within, .mx-find:focus-within").is_none() {
            scroll_to(&panel, ScrollLogicalPosition::Start);
            let _ = panel.focus();
        }
    });
}

/// For content built only once a reader first opens a `<details>` (the About
/// guide's body, the answers' pictures): whether one has been opened, the
/// `ontoggle` for each, and a ref for the element that is or holds them. One
/// opened on the prerendered page before the app took over sends no toggle, so
/// the element is looked at once.
#[hook]
pub fn use_opened_once() -> (bool, Callback<Event>, NodeRef) {
    let opened = use_state_eq(|| false);
    let ontoggle = {
        let opened = opened.setter();
        Callback::from(move |_: Event| opened.set(true))
    };
    let node = use_node_ref();
    {
        let (node, opened) = (node.clone(), opened.setter());
        use_effect_with((), move |_| {
            let open = node.cast::<Element>().is_some_and(|el| {
                el.matches("details[open]").unwrap_or(false)
                    || el.query_selector("details[open]").ok().flatten().is_some()
            });
            if open {
                opened.set(true);
            }
        });
    }
    (*opened, ontoggle, node)
}

/// Scrolls `el` into view at `block` (start, center, ...).
pub fn scroll_to(el: &Element, block: ScrollLogicalPosition) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// For a view that shows one selected item (a study, a guideline, a criterion, a
/// safety item): a ref for the element around the items. Whenever `selector`
/// (the selected item's, `None` for none) changes, the item it finds is scrolled
/// to `block` and, if the reader followed a link here (not a shared link opened
/// cold, which leaves the host page alone), focused: the item itself, or the
/// element `focus_within` finds inside it.
#[hook]
pub fn use_scroll_to_selected(
    selector: Option<String>,
    block: ScrollLogicalPosition,
    focus_within: Option<&'static str>,
) -> NodeRef {
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(selector, move |selector| {
            let item = selector
                .as_ref()
                .and_then(|s| list.cast::<Element>()?.query_selector(s).ok().flatten());
            if let Some(item) = item {
                scroll_to(&item, block);
                let target = match focus_within {
                    Some(inner) => item.query_selector(inner).ok().flatten(),
                    None => Some(item),
                };
                if let (Some(target), true) = (target, reader_has_interacted()) {
                    focus(target);
                }
            }
        });
    }
    list
}
