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
    let row = use_node_ref();
    // On a phone the tabs are one row that scrolls sideways: the current tab is
    // scrolled into it (the row scrolls, never the page).
    {
        let row = row.clone();
        use_effect_with(props.current, move |_| {
            let row = row.cast::<HtmlElement>();
            let tab = row
                .as_ref()
                .and_then(|r| r.query_selector("[aria-selected=true]").ok().flatten());
            if let (Some(row), Some(tab)) =
                (row, tab.and_then(|t| t.dyn_into::<HtmlElement>().ok()))
            {
                let (left, width, shown) =
                    (tab.offset_left(), tab.offset_width(), row.client_width());
                let scrolled = row.scroll_left();
                if left < scrolled || left + width > scrolled + shown {
                    row.set_scroll_left(left - (shown - width) / 2);
                }
            }
        });
    }
    let onkeydown = {
        let ctx = ctx.clone();
        let current = props.current;
        Callback::from(move |event: KeyboardEvent| {
            let tabs: Vec<View> = View::tabs().collect();
            let count = tabs.len();
            let at = tabs.iter().position(|&v| v == current).unwrap_or(0);
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
            if let Some(&view) = tabs.get(next) {
                ctx.dispatch.dispatch(Action::ShowView(view));
            }
        })
    };
    // Off the tabs (on search results) the first tab is the one in the tab order.
    let in_tab_order = View::tabs()
        .find(|&v| v == props.current)
        .unwrap_or_default();
    html! {
        <div class="mx-tabs" role="tablist" aria-label="Explainer sections" {onkeydown} ref={row}>
            { for View::tabs().map(|view| html! {
                <Tab {view} selected={view == props.current} reachable={view == in_tab_order} />
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct TabProps {
    view: View,
    selected: bool,
    /// In the tab order (the selected tab, or the first when none is).
    reachable: bool,
}

/// One tab. Where each view has a page of its own (the standalone site), a tab
/// is a link to it, so readers without JavaScript and search engines can follow
/// it; with the app running, it switches the view in place instead.
#[component]
fn Tab(props: &TabProps) -> Html {
    let ctx = use_ctx();
    let (view, selected) = (props.view, props.selected);
    let id = ctx.id(&format!("tab-{}", view.slug()));
    let class = classes!("mx-tab", selected.then_some("mx-tab-current"));
    let aria_selected = if selected { "true" } else { "false" };
    let tabindex = if props.reachable { "0" } else { "-1" };
    if ctx.pages {
        let dispatch = ctx.dispatch.clone();
        let onclick = Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            dispatch.dispatch(Action::ShowView(view));
        });
        return html! {
            <a role="tab" {id} {class} href={view.page()} aria-selected={aria_selected}
                aria-controls={ctx.id("panel")} {tabindex} {onclick}>{ view.label() }</a>
        };
    }
    html! {
        <button type="button" role="tab" {id} {class} aria-selected={aria_selected}
            aria-controls={ctx.id("panel")} {tabindex} onclick={ctx.send(Action::ShowView(view))}>
            { view.label() }
        </button>
    }
}
