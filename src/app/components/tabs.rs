//! The view switcher, as the WAI-ARIA tabs pattern.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::app::context::use_ctx;
use crate::app::route::View;
use crate::app::state::Action;

#[derive(Properties, PartialEq)]
pub struct TabsProps {
    pub current: View,
}

/// The view switcher: the WAI-ARIA tabs pattern (arrows, Home and End move and
/// activate; only the current tab is in the tab order).
#[component]
pub fn Tabs(props: &TabsProps) -> Html {
    let ctx = use_ctx();
    let onkeydown = {
        let ctx = ctx.clone();
        let current = props.current;
        Callback::from(move |event: KeyboardEvent| {
            let count = View::ALL.len();
            let at = View::ALL.iter().position(|&v| v == current).unwrap_or(0);
            let next = match event.key().as_str() {
                "ArrowRight" => (at + 1) % count,
                "ArrowLeft" => (at + count - 1) % count,
                "Home" => 0,
                "End" => count - 1,
                _ => return,
            };
            event.prevent_default();
            // Focus the new tab: it is a sibling of the one that has focus.
            let tab = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlElement>().ok())
                .and_then(|t| t.parent_element())
                .and_then(|list| list.children().item(next as u32))
                .and_then(|el| el.dyn_into::<HtmlElement>().ok());
            if let Some(tab) = tab {
                let _ = tab.focus();
            }
            if let Some(&view) = View::ALL.get(next) {
                ctx.dispatch.dispatch(Action::ShowView(view));
            }
        })
    };
    html! {
        <div class="mx-tabs" role="tablist" aria-label="Explainer sections" {onkeydown}>
            { for View::ALL.iter().map(|&view| {
                let selected = view == props.current;
                html! {
                    <button type="button" role="tab" id={ctx.id(&format!("tab-{}", view.slug()))}
                        class={classes!("mx-tab", selected.then_some("mx-tab-current"))}
                        aria-selected={if selected { "true" } else { "false" }}
                        aria-controls={ctx.id("panel")}
                        tabindex={if selected { "0" } else { "-1" }}
                        onclick={ctx.send(Action::ShowView(view))}>
                        { view.label() }
                    </button>
                }
            }) }
        </div>
    }
}
