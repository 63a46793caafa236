use web_sys::{Element, HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// A ref whose element takes focus when it mounts, if the reader was already
/// interacting (so opening a detail moves focus to its heading, but a page load
/// from a shared link does not scroll the host page to the widget).
#[hook]
pub fn use_focus_on_mount() -> NodeRef {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let interacting = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| Some((d.active_element()?, d.body()?)))
                .is_some_and(|(active, body)| active != *body.as_ref());
            if interacting {
                if let Some(el) = node.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    node
}

/// Scrolls `el` into view at `block` (start, center, ...).
pub fn scroll_to(el: &Element, block: ScrollLogicalPosition) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}
