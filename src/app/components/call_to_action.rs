//! The host's call to action (an embed's `cta` slot), placed where a reader
//! decides: after the short answer and the options in brief, after the options
//! grid, and after the folded short answer on every other view. One per screen,
//! since a slot shows its content in one place only.

use yew::prelude::*;

/// The `cta` slot, if this instance has one (`Ctx::cta`: an embed in a shadow
/// root). A plain function, not a component: it has no state of its own.
pub fn call_to_action(cta: bool) -> Html {
    if !cta {
        return html! {};
    }
    html! { <div class="mx-cta"><slot name="cta" /></div> }
}
